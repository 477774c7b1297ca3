-- expect: ^policy procurement \(tests/e2e/hostile/policy_debug\.lua:11\): tests/e2e/hostile/policy_debug\.lua:12: attempt to index a nil value \(global 'debug'\)$
-- neosim: run
-- a policy reaching for the debug library
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_debug", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      debug.sethook()
    end,
  },
}
