-- expect: ^neosim: tests/e2e/hostile/string_rep_grow\.lua: memory cap of 64 MiB exceeded \(not enough memory\)$
-- neosim: check --lua-memory 64
-- a string doubled until memory runs out
local neo = require("neo")
local s = "x"
while true do s = s .. s end
