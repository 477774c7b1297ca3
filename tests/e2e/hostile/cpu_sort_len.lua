-- expect: ^neosim: tests/e2e/hostile/cpu_sort_len\.lua:8: CPU time limit of 0\.5 s per call exceeded \(the backstop of the instruction budget: slow operations on huge strings or tables\?\)$
-- neosim: check --lua-cpu 0.5
-- table.sort of a table whose __len says 2^31 and whose __index is a C
-- function: a loop in C that runs no instruction (it ran 900 s); the CPU
-- timer makes the next call of __index fail
local neo = require("neo")
local t = setmetatable({}, { __len = function() return 2^31 - 2 end, __index = rawlen })
table.sort(t)
