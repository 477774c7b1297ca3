-- expect: ^neosim: tests/e2e/hostile/gc_finalizer\.lua:4: setmetatable: __gc metamethods are not allowed in scenarios$
-- a __gc finalizer that never ends (finalizers run without hooks)
local neo = require("neo")
setmetatable({}, { __gc = function() while true do end end })
error("the sandbox let this through")
