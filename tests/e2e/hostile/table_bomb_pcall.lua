-- expect: ^neosim: tests/e2e/hostile/table_bomb_pcall\.lua(:6)?: (memory cap of 16 MiB exceeded \(not enough memory\)|instruction budget of 10000000 instructions exceeded \(an endless loop\?\))$
-- neosim: check --lua-memory 16 --lua-instructions 1e7
-- memory errors caught and the allocation tried again
local neo = require("neo")
local t = {}
while true do pcall(function() for i = 1, 1e9 do t[#t + 1] = {} end end) end
