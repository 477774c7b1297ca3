-- expect: ^neosim: tests/e2e/hostile/os_exit\.lua:4: attempt to index a nil value \(global 'os'\)$
-- ending the process from the scenario
local neo = require("neo")
os.exit(0)
error("the sandbox let this through")
