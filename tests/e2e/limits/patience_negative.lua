-- Patience drawn from a normal distribution is below 0 in a third of the draws: such a
-- job leaves the queue at once (as a job_hours or lead time below 0 counts as 0), where
-- it used to schedule its departure in the past and fail every run.
local neo = require("neo")
return neo.scenario {
  name = "patience-negative", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 2 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 4, job_hours = 1, price_gpu_hour = 2,
           queue = { patience_hours = neo.dist.normal { mean = 2, sd = 5 } } },
  },
}
