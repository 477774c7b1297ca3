-- expect: ^neosim: tests/e2e/hostile/io_open_write\.lua:4: attempt to index a nil value \(global 'io'\)$
-- writing a file with io.open(..., "w")
local neo = require("neo")
local f = io.open("neosim-pwned", "w")
f:write("x")
error("the sandbox let this through")
