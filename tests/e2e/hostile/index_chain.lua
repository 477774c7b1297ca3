-- expect: ^neosim: tests/e2e/hostile/index_chain\.lua:7: '__index' chain too long; possible loop$
-- an __index chain of tables that loops
local neo = require("neo")
local a, b = {}, {}
setmetatable(a, { __index = b })
setmetatable(b, { __index = a })
local x = a.x
