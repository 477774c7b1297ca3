-- expect: ^policy pricing \(tests/e2e/hostile/policy_action_nul\.lua:12\): action 1: unknown tenant 'od\\x00\\x1b\[2J'$
-- neosim: run
-- an action naming tenant "od\0..." is no action on tenant "od" (C compared names up to the NUL)
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_action_nul", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  tenants = { od = { kind = "on_demand", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 2 } },
  policies = {
    review_every_days = 7,
    pricing = function(state) return { { price = "od\0\27[2J", gpu_hour = 3 } } end,
  },
}
