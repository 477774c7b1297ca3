-- tests/bench/sweep.lua -- the sweep benchmark: 1000 short runs (4 points x
-- 250 replications of a 180-day, 10-node on-demand pool), run with -j 1
-- and -j 2 by tests/bench/sweep.sh for the speed-up of the worker pool.
local neo = require("neo")
return neo.scenario {
  name = "bench-sweep", start = "2026-01-01", horizon_days = 180, seed = 3, replications = 250,
  skus  = { h100 = { gpus_per_node = 8, node_price = 270000, node_kw = 10.2 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2, power_price_mwh = 66 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 7.0, job_nodes = 1,
           job_hours = neo.dist.exponential { mean = 1.0 }, price_gpu_hour = 2.0 },
  },
  sweep = { ["tenants.od.arrivals_per_hour"] = { 5.0, 6.0, 7.0, 8.0 } },
}
