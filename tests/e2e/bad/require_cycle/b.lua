-- requires a, which is still loading (tests/e2e/bad/require_cycle.lua)
return require("require_cycle.a")
