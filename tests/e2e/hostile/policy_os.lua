-- expect: ^policy procurement \(tests/e2e/hostile/policy_os\.lua:11\): tests/e2e/hostile/policy_os\.lua:12: attempt to index a nil value \(global 'os'\)$
-- neosim: run
-- a policy ending the process
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_os", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      os.exit(1)
    end,
  },
}
