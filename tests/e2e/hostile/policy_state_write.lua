-- expect: ^policy procurement \(tests/e2e/hostile/policy_state_write\.lua:11\): tests/e2e/hostile/policy_state_write\.lua:12: the policy state is read-only \(cannot set 'idle'\)$
-- neosim: run
-- a policy changing its read-only state
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_state_write", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      state.skus_by_name.h100.nodes.idle = 1e9
    end,
  },
}
