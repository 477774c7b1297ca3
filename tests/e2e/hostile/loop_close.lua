-- expect: ^neosim: tests/e2e/hostile/loop_close\.lua:7: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a to-be-closed variable whose __close loops after the budget is spent
local neo = require("neo")
do
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end
end
