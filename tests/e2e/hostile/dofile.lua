-- expect: ^neosim: tests/e2e/hostile/dofile\.lua:4: attempt to call a nil value \(global 'dofile'\)$
-- running another file with dofile
local neo = require("neo")
dofile("/etc/passwd")
error("the sandbox let this through")
