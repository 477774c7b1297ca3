-- expect: ^tenant od has 1000000 jobs in its queue on day 0\.0, the most a queue holds: its arrivals far exceed what its nodes serve \(lower tenants\.od\.arrivals_per_hour, or add nodes\)$
-- neosim: run
-- no Lua at all: a million arrivals an hour of 1000-hour jobs on one node, waiting for ever
local neo = require("neo")
return {
  name = "queue-flood", start = "2026-01-01", horizon_days = 3650, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 20 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2, power_price_mwh = 66 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 1 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 1e6, job_nodes = 1,
           job_hours = neo.dist.exponential { mean = 1e3 }, queue = { patience_hours = math.huge }, price_gpu_hour = 2.0 },
  },
}
