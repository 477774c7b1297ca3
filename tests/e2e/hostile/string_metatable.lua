-- expect: ^neosim: tests/e2e/hostile/string_metatable\.lua:4: attempt to index a boolean value$
-- the shared string metatable
local neo = require("neo")
getmetatable("").__index = { x = 1 }
error("the sandbox let this through")
