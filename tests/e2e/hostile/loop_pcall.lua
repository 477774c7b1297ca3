-- expect: ^neosim: tests/e2e/hostile/loop_pcall\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- an endless loop that catches the budget error with pcall and goes on
local neo = require("neo")
while true do
  pcall(function() while true do end end)
end
