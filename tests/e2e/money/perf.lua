-- skus.*.perf means something (issue: it was read and unused): a job's
-- job_hours are hours on a perf-1 node, so a perf-2 node runs it in half.
-- Jobs of 1 hour arrive 10 an hour on 40 nodes (never blocked); point 1
-- doubles perf: the same jobs (common random numbers) hold half the
-- GPU-hours, up to the jobs the horizon cuts.
local neo = require("neo")
return neo.scenario {
  name = "money-perf", start = "2026-01-01", horizon_days = 60, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 40 } },
  finance = { cash = 1e7 },
  tenants = { od = { kind = "on_demand", arrivals_per_hour = 10, job_nodes = 1, job_hours = 1,
                     queue = "reject", price_gpu_hour = 2 } },
  sweep = { ["skus.h100.perf"] = { 1, 2 } },
}
