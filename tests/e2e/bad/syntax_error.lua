-- expect: ^neosim: tests/e2e/bad/syntax_error.lua:5: .*'}' expected
local neo = require("neo")
return neo.scenario {
  name = "bad"
  start = "2026-01-01",
}
