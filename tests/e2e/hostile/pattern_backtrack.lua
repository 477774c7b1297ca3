-- expect: ^neosim: tests/e2e/hostile/pattern_backtrack\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a pattern that backtracks for years (string.find)
local neo = require("neo")
local s = string.rep("a", 5000)
local i = string.find(s, string.rep("a*", 12) .. "b")
