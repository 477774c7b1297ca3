-- expect: ^neosim: tests/e2e/hostile/loop_pcall_nested\.lua:5: .*instruction budget of 1000000 instructions exceeded|^neosim: tests/e2e/hostile/loop_pcall_nested\.lua:5: stack overflow
-- neosim: check --lua-instructions 1e6
-- the budget error caught at every level of a recursion
local neo = require("neo")
local function f() while true do pcall(f) end end
f()
