-- expect: ^neosim: tests/e2e/hostile/loadlib\.lua:4: attempt to call a nil value \(field 'loadlib'\)$
-- a C library through package.loadlib
local neo = require("neo")
local f = package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
error("the sandbox let this through")
