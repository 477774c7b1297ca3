-- expect: ^policy procurement \(tests/e2e/hostile/policy_close_nested\.lua:16\): tests/e2e/hostile/policy_close_nested\.lua:7: coroutine\.close nested more than 4 deep in __close metamethods \(refused: deeper, Lua 5\.4\.4 overflows the C stack\)$
-- neosim: run
-- close_nested.lua in a policy: with -j 1 the SIGSEGV ended the whole
-- batch process, not only the run
local neo = require("neo")
local function close(co)
  local ok, err = coroutine.close(co)
  if not ok then error(err, 0) end
end
return neo.scenario {
  name = "hostile-policy_close_nested", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
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
    end,
  },
}
