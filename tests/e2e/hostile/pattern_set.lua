-- expect: ^neosim: tests/e2e/hostile/pattern_set\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a character class of ten million characters, scanned at every position
local neo = require("neo")
local s = string.rep("b", 1e6)
local x = s:find("[" .. string.rep("a", 1e7) .. "]")
