-- expect: ^neosim: tests/e2e/hostile/collectgarbage_mode\.lua:4: bad argument #1 to 'collectgarbage' \(invalid option 'generational'\)$
-- collectgarbage options that change the collector
local neo = require("neo")
collectgarbage("generational")
error("the sandbox let this through")
