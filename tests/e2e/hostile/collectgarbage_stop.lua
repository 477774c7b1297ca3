-- expect: ^neosim: tests/e2e/hostile/collectgarbage_stop\.lua:4: bad argument #1 to 'collectgarbage' \(invalid option 'stop'\)$
-- stopping the collector
local neo = require("neo")
collectgarbage("stop")
error("the sandbox let this through")
