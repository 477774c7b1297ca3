-- expect: ^neosim: tests/e2e/hostile/loop_coroutine\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- coroutines that run out of budget, resumed again and again
local neo = require("neo")
while true do
  coroutine.resume(coroutine.create(function() while true do end end))
end
