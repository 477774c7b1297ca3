-- expect: ^policy procurement \(tests/e2e/hostile/policy_actions_tampered\.lua:11\): action 1: order: nodes must be >= 1, got -1$
-- neosim: run
-- math.tointeger replaced so that _check_actions lets 1e300 nodes through
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_actions_tampered", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      math.tointeger = function() return 1 end
      return { { order = "h100", site = "dc", nodes = 1e300 } }
    end,
  },
}
