-- SKUs in order of preference against their closed form (tests/validation/queueing.sh).
-- 4 B200 nodes (perf 2) and 6 H100 nodes (perf 1), 8 GPUs each; one
-- on-demand tenant, 1 job an hour of one node for Exp(mean 10) hours on a
-- perf-1 node: 5 hours on a B200.  Rejected when both are full.  The system
-- is a loss system hunted in order, its CTMC solved in stats.lua
-- (ordered_loss):
--   point 0, skus { "b200", "h100" }: blocking 0.07510, 3.0083 B200 and
--            3.2325 H100 busy;
--   point 1, skus { "h100", "b200" }: the slower SKU first blocks more,
--            0.10585 (5.1549 H100 and 1.8933 B200 busy).
-- With price_per_perf a job costs the same wherever it runs: $2 x 8 GPUs x
-- its perf-1 hours, so revenue per hour is 1 x (1 - blocking) x 160.
-- 10 years, 30 days of warm-up, 20 replications.
local neo = require("neo")
return neo.scenario {
  name = "validation-prefs", start = "2026-01-01", horizon_days = 3650, warmup_days = 30,
  seed = 13, replications = 20,
  skus = { b200 = { gpus_per_node = 8, node_price = 0, node_kw = 1, perf = 2, life_years = 20 },
           h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1, perf = 1, life_years = 20 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "b200", nodes = 4 }, { site = "dc", sku = "h100", nodes = 6 } },
  tenants = { od = { kind = "on_demand", skus = { "b200", "h100" }, arrivals_per_hour = 1,
                     job_hours = neo.dist.exponential { mean = 10 }, price_gpu_hour = 2, price_per_perf = true } },
  sweep = neo.sweep.points { { ["tenants.od.skus.1"] = "b200", ["tenants.od.skus.2"] = "h100" },
                             { ["tenants.od.skus.1"] = "h100", ["tenants.od.skus.2"] = "b200" } },
}
