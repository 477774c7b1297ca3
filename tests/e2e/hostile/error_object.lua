-- expect: ^neosim: error object is a table value$
-- an error object whose __tostring loops (never called)
local neo = require("neo")
error(setmetatable({}, { __tostring = function() while true do end end }))
