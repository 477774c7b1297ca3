-- expect: ^neosim: tests/e2e/hostile/string_rep_bomb\.lua: memory cap of 64 MiB exceeded \(not enough memory\)$
-- neosim: check --lua-memory 64
-- string.rep of a terabyte
local neo = require("neo")
local s = string.rep("x", 1 << 30)
error("the sandbox let this through")
