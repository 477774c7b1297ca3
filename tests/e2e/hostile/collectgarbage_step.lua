-- expect: ^neosim: tests/e2e/hostile/collectgarbage_step\.lua:5: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- collector steps in a loop
local neo = require("neo")
while true do collectgarbage("step") end
