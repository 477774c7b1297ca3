-- expect: ^neosim: tests/e2e/hostile/cpu_sort_strings\.lua:8: CPU time limit of 0\.5 s per call exceeded \(the backstop of the instruction budget: slow operations on huge strings or tables\?\)$
-- neosim: check --lua-cpu 0.5
-- table.sort of 10^5 copies of one 100 MB string, no comparator: Lua
-- compares in C, calling no function (n log n comparisons of 100 MB); each
-- comparison counts and checks the time
local neo = require("neo")
-- (one line: wherever the time runs out, the error names it)
local s, t = string.rep("0123456789", 1e7), {} for i = 1, 1e5 do t[i] = s end table.sort(t)
