-- expect: ^neosim: tests/e2e/hostile/recursion_index\.lua:5: .*stack overflow
-- __index recursion through a function
local neo = require("neo")
local t = setmetatable({}, {})
getmetatable(t).__index = function(t_, k) return t_[k] end
local x = t.x
