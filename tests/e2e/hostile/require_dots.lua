-- expect: ^neosim: tests/e2e/hostile/require_dots\.lua:4: module '\.\.e2e\.hostile\.os_exit' not found: .*module names are letters
-- require with dots climbing out of the folder
local neo = require("neo")
require("..e2e.hostile.os_exit")
error("the sandbox let this through")
