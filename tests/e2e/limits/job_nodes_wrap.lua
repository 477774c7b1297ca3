-- Jobs of 2^32 + 1 nodes: more than any fleet, so every one is blocked.  The count
-- used to wrap around to 1 node as a 32-bit integer, and every job ran.
local neo = require("neo")
return neo.scenario {
  name = "job-nodes-wrap", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 1, job_nodes = 4294967297, job_hours = 1,
           price_gpu_hour = 2 },
  },
}
