-- expect: ^neosim: tests/e2e/hostile/table_move\.lua:5: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- table.move over 10^15 elements (a loop in C)
local neo = require("neo")
table.move({}, 1, 1e15, 1)
