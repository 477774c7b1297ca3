-- expect: ^neosim: tests/e2e/hostile/io_popen\.lua:4: attempt to index a nil value \(global 'io'\)$
-- a shell command through io.popen
local neo = require("neo")
io.popen("touch /tmp/neosim-pwned")
error("the sandbox let this through")
