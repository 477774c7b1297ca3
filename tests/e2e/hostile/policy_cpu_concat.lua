-- expect: ^policy pricing \(tests/e2e/hostile/policy_cpu_concat\.lua:11\): tests/e2e/hostile/policy_cpu_concat\.lua:12: CPU time limit of 0\.5 s per call exceeded \(the backstop of the instruction budget: slow operations on huge strings or tables\?\)$
-- neosim: run --lua-cpu 0.5
-- cpu_concat_index.lua in a policy, inside a coroutine
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_cpu_concat", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    pricing = function(state)
      coroutine.wrap(function() table.concat(setmetatable({}, { __index = table.concat }), "", 1, 1e15) end)()
    end,
  },
}
