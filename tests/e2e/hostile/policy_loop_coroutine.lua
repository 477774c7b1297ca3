-- expect: ^policy allocation \(tests/e2e/hostile/policy_loop_coroutine\.lua:11\): tests/e2e/hostile/policy_loop_coroutine\.lua:12: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: run --lua-instructions 1e7
-- a policy that spreads its loop over coroutines
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_loop_coroutine", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    allocation = function(state)
      while true do coroutine.resume(coroutine.create(function() while true do end end)) end
    end,
  },
}
