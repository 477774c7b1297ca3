-- expect: ^neosim: tests/e2e/bad/require_self\.lua:4: module 'require_self' is still loading: a require cycle \(tests/e2e/bad/require_self\.lua -> tests/e2e/bad/require_self\.lua\)$
-- a scenario that requires itself (it said "C stack overflow", naming no file)
local neo = require("neo")
local me = require("require_self")
return me
