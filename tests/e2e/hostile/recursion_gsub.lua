-- expect: ^neosim: (tests/e2e/hostile/recursion_gsub\.lua:4: .*stack overflow|C stack overflow)
-- recursion through a C function (string.gsub calling back)
local neo = require("neo")
local function f(s) return (string.gsub(s, ".", f)) end
f("ab")
