-- expect: ^neosim: tests/e2e/hostile/warn_escape\.lua:6: warned$
-- warn writes nothing: the sandbox's state has no warning function
local neo = require("neo")
warn("@on")
warn("\27]0;pwned\7\27[2J")
error("warned")
