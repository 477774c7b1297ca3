-- expect: ^neosim: tests/e2e/hostile/load_upvalues\.lua:7: attempt to index a nil value \(local 'd'\)$
-- load with a nil environment, then the registry through package.loaded
local neo = require("neo")
local f = load("return ...", "=x", "t", nil)
local l = package.loaded
local d = l.debug or l.io or l.os
d.getregistry()
error("the sandbox let this through")
