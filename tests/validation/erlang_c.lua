-- M/M/c queues with infinitely patient jobs at three (c, lambda) points,
-- mean job 1 hour: Erlang C mean wait, and Little's law Lq = lambda Wq.
local neo = require("neo")
return neo.scenario {
  name = "validation-erlang-c", start = "2026-01-01", horizon_days = 800, warmup_days = 20,
  seed = 11, replications = 30,
  skus = { n = { gpus_per_node = 1, node_kw = 1 } },
  sites = { s = { power_mw = 10 } },
  fleet = { { site = "s", sku = "n", nodes = 1 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 0.5, job_hours = neo.dist.exponential { mean = 1 },
           queue = { patience_hours = math.huge }, price_gpu_hour = 1 },
  },
  sweep = neo.sweep.points {
    { ["fleet.1.nodes"] = 1, ["tenants.od.arrivals_per_hour"] = 0.5 },
    { ["fleet.1.nodes"] = 3, ["tenants.od.arrivals_per_hour"] = 2.4 },
    { ["fleet.1.nodes"] = 10, ["tenants.od.arrivals_per_hour"] = 8.0 },
  },
}
