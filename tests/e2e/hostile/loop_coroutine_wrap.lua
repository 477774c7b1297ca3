-- expect: ^neosim: tests/e2e/hostile/loop_coroutine_wrap\.lua:(5|6): instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: check --lua-instructions 1e7
-- the work spread over a coroutine that yields
local neo = require("neo")
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do pcall(co) end
