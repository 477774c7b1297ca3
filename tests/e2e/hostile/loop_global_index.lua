-- expect: ^neosim: tests/e2e/hostile/loop_global_index\.lua:5: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a metatable on _G whose __index loops
local neo = require("neo")
setmetatable(_G, { __index = function() while true do end end })
local x = not_defined
