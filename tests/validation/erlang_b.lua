-- Erlang loss systems M/M/c/c at three (c, a) points: c identical nodes,
-- Poisson arrivals, exponential one-hour jobs, no queue.
local neo = require("neo")
return neo.scenario {
  name = "validation-erlang-b", start = "2026-01-01", horizon_days = 400, warmup_days = 5,
  seed = 7, replications = 30,
  skus = { n = { gpus_per_node = 1, node_kw = 1 } },
  sites = { s = { power_mw = 10 } },
  fleet = { { site = "s", sku = "n", nodes = 5 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 3, job_hours = neo.dist.exponential { mean = 1 },
           queue = "reject", price_gpu_hour = 1 },
  },
  sweep = neo.sweep.points {
    { ["fleet.1.nodes"] = 5, ["tenants.od.arrivals_per_hour"] = 3.0 },
    { ["fleet.1.nodes"] = 10, ["tenants.od.arrivals_per_hour"] = 7.0 },
    { ["fleet.1.nodes"] = 20, ["tenants.od.arrivals_per_hour"] = 15.0 },
  },
}
