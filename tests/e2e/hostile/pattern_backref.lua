-- expect: ^neosim: tests/e2e/hostile/pattern_backref\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a back-reference compared at every split
local neo = require("neo")
local s = string.rep("a", 1e5) .. "b"
local x = s:match("(.*)%1$")
