-- expect: ^neosim: tests/e2e/hostile/loop_xpcall\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- an error handler that loops
local neo = require("neo")
while true do
  xpcall(function() while true do end end, function() while true do end end)
end
