-- expect: ^neosim: tests/e2e/hostile/collectgarbage_loop\.lua:7: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- full collections of a large heap in a loop (each costs in proportion to the heap)
local neo = require("neo")
local t = {}
for i = 1, 2e5 do t[i] = { i } end
while true do collectgarbage("collect") end
