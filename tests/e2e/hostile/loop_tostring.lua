-- expect: ^neosim: tests/e2e/hostile/loop_tostring\.lua:5: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a __tostring that loops, called by string.format
local neo = require("neo")
local t = setmetatable({}, { __tostring = function() while true do end end })
local s = string.format("%s", t)
