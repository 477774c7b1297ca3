-- expect: ^neosim: tests/e2e/bad/runtime_error.lua:4: attempt to call a nil value
local neo = require("neo")
local x
local y = x()
return y
