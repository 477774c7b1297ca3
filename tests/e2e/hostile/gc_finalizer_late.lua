-- expect: ^neosim: tests/e2e/hostile/gc_finalizer_late\.lua:9: no finalizer ran$
-- neosim: check --lua-instructions 1e7
-- __gc added to the metatable after setmetatable: never a finalizer
local neo = require("neo")
local mt = {}
setmetatable({}, mt)
mt.__gc = function() while true do end end
collectgarbage()
error("no finalizer ran")
