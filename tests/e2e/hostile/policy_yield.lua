-- expect: ^policy procurement \(tests/e2e/hostile/policy_yield\.lua:11\): attempt to yield from outside a coroutine$
-- neosim: run
-- a policy yielding out of the call
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_yield", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      coroutine.yield(1)
    end,
  },
}
