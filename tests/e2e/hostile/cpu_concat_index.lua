-- expect: ^neosim: tests/e2e/hostile/cpu_concat_index\.lua:6: CPU time limit of 0\.5 s per call exceeded \(the backstop of the instruction budget: slow operations on huge strings or tables\?\)$
-- neosim: check --lua-cpu 0.5
-- table.concat over 10^15 elements, each read through __index =
-- table.concat, a C function (it ran 400 s)
local neo = require("neo")
table.concat(setmetatable({}, { __index = table.concat }), "", 1, 1e15)
