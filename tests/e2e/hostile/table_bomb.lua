-- expect: ^neosim: tests/e2e/hostile/table_bomb\.lua: memory cap of 64 MiB exceeded \(not enough memory\)$
-- neosim: check --lua-memory 64
-- a table grown until memory runs out
local neo = require("neo")
local t = {}
for i = 1, 1e9 do t[i] = i end
