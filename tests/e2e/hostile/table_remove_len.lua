-- expect: ^neosim: tests/e2e/hostile/table_remove_len\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- table.remove from a table whose __len lies
local neo = require("neo")
local t = setmetatable({}, { __len = function() return 1e15 end })
table.remove(t, 1)
