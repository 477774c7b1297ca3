-- expect: ^neosim: tests/e2e/hostile/pattern_plain\.lua:7: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a plain find of a long needle in a long haystack (n x m)
local neo = require("neo")
local h = string.rep("a", 4e6)
local n = string.rep("a", 2e6) .. "b"
local i = string.find(h, n, 1, true)
