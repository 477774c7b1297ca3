-- expect: ^neosim: tests/e2e/hostile/table_insert_len\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- table.insert into a table whose __len lies
local neo = require("neo")
local t = setmetatable({}, { __len = function() return math.maxinteger - 1 end })
table.insert(t, 1, "x")
