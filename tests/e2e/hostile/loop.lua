-- expect: ^neosim: tests/e2e/hostile/loop\.lua:5: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- an endless loop
local neo = require("neo")
while true do end
