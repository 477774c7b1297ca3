-- expect: ^neosim: tests/e2e/bad/require_cycle/b\.lua:2: module 'require_cycle\.a' is still loading: a require cycle \(tests/e2e/bad/require_cycle/a\.lua -> tests/e2e/bad/require_cycle/b\.lua -> tests/e2e/bad/require_cycle/a\.lua\)$
-- two modules that require each other (require_cycle/a.lua and b.lua)
local neo = require("neo")
return require("require_cycle.a")
