-- requires b, which requires a (tests/e2e/bad/require_cycle.lua)
return require("require_cycle.b")
