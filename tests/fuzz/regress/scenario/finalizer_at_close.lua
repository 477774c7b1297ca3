-- A finalizer that never ends ran at lua_close with hooks off: the process
-- hung at exit; now setmetatable refuses __gc.
setmetatable({}, { __gc = function() while true do end end })
