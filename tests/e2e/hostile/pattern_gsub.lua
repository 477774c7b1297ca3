-- expect: ^neosim: tests/e2e/hostile/pattern_gsub\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- a backtracking pattern in string.gsub and gmatch
local neo = require("neo")
local s = string.rep("ab", 3000)
for _ in s:gmatch(string.rep(".-", 6) .. "x") do end
