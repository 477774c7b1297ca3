-- A queue whose jobs give up almost at once (patience 1e-9 h) loses what
-- an Erlang loss system blocks: abandoned fraction = Erlang B(10, 7).
local neo = require("neo")
return neo.scenario {
  name = "validation-patience", start = "2026-01-01", horizon_days = 400, warmup_days = 5,
  seed = 5, replications = 30,
  skus = { n = { gpus_per_node = 1, node_kw = 1 } },
  sites = { s = { power_mw = 10 } },
  fleet = { { site = "s", sku = "n", nodes = 10 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 7, job_hours = neo.dist.exponential { mean = 1 },
           queue = { patience_hours = 1e-9 }, price_gpu_hour = 1 },
  },
}
