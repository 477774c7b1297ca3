-- expect: ^neosim: tests/e2e/hostile/close_nested\.lua:8: coroutine\.close nested more than 4 deep in __close metamethods \(refused: deeper, Lua 5\.4\.4 overflows the C stack\)$
-- 50,000 coroutines, each closing the one before in a __close: Lua 5.4.4
-- starts each closed coroutine's C-call count afresh, so the chain
-- overflowed the C stack (SIGSEGV; Lua bug 5.4.4-9).  The fifth nested
-- close refuses; each level passes the error up as it is.
local neo = require("neo")
local function close(co)
  local ok, err = coroutine.close(co)
  if not ok then error(err, 0) end
end
local co = false
for i = 1, 50000 do
  local prev = co
  co = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function() if prev then close(prev) end end })
    coroutine.yield()
  end)
  coroutine.resume(co)
end
close(co)
