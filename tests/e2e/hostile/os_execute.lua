-- expect: ^neosim: tests/e2e/hostile/os_execute\.lua:4: attempt to index a nil value \(global 'os'\)$
-- a shell command through os.execute
local neo = require("neo")
os.execute("touch neosim-pwned /tmp/neosim-pwned")
error("the sandbox let this through")
