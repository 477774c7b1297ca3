-- expect: ^policy procurement \(tests/e2e/hostile/policy_gc\.lua:11\): tests/e2e/hostile/policy_gc\.lua:12: setmetatable: __gc metamethods are not allowed in scenarios$
-- neosim: run
-- a policy installing a finalizer
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_gc", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      setmetatable({}, { __gc = function() while true do end end })
    end,
  },
}
