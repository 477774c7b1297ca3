-- expect: ^neosim: tests/e2e/hostile/cpu_load_labels\.lua:9: CPU time limit of 0\.5 s per call exceeded \(the backstop of the instruction budget: slow operations on huge strings or tables\?\)$
-- neosim: check --lua-cpu 0.5
-- a chunk slow to parse (each label is checked against every label before
-- it in its function: 200 functions of 30,000 labels, about a minute of
-- parsing that calls no function); the parser gets the text in pieces,
-- each checking the time
local neo = require("neo")
-- (one line: wherever the time runs out, the error names it)
local l = {} for i = 1, 30000 do l[i] = "::a" .. i .. "::" end load(string.rep("do local function f() " .. table.concat(l, " x = 1 ") .. " end end ", 200))
