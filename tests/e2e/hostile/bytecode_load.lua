-- expect: ^neosim: tests/e2e/hostile/bytecode_load\.lua:5: attempt to load a binary chunk \(mode is 't'\)$
-- hand-made bytecode through load with mode "b"
local neo = require("neo")
local f, e = load("\27LuaT\0\25\147\r\n\26\n\4\8\8", "=x", "b")
assert(f, e)
error("the sandbox let this through")
