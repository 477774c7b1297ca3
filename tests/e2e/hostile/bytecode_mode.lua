-- expect: ^neosim: tests/e2e/hostile/bytecode_mode\.lua:5: attempt to load a binary chunk \(mode is 't'\)$
-- bytecode through load with mode "bt" and a reader
local neo = require("neo")
local f, e = load("\27Lua", "=x", "bt")
assert(f, e)
assert(load(function() return nil end))
error("the sandbox let this through")
