-- expect: ^neosim: tests/e2e/hostile/print_flood\.lua:6: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- printing gigabytes (print stops after 1 MiB)
local neo = require("neo")
local s = string.rep("x", 1e5)
while true do print(s) end
