-- expect: ^neosim: tests/e2e/hostile/debug_lib\.lua:4: attempt to index a nil value \(global 'debug'\)$
-- the debug library
local neo = require("neo")
debug.sethook()
error("the sandbox let this through")
