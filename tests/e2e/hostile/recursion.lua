-- expect: ^neosim: tests/e2e/hostile/recursion\.lua:4: stack overflow
-- deep recursion in Lua
local neo = require("neo")
local function f(n) return 1 + f(n + 1) end
f(1)
