-- The value that meets a target (tests/validation/seek.sh): the jobs that
-- arrive in 10 days at `arrivals_per_hour` an hour are Poisson with mean
-- 240 x arrivals_per_hour, so the mean of od.jobs is 300 at exactly 1.25
-- an hour.  Nothing else draws: nodes enough that none is ever busy long,
-- no failures.
local neo = require("neo")
return neo.scenario {
  name = "validation-seek", start = "2026-01-01", horizon_days = 10, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 50 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 1, job_nodes = 1, job_hours = 0.5,
           price_gpu_hour = 2 },
  },
}
