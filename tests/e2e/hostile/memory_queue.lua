-- expect: ^model memory budget of 16 MB exceeded \(--model-memory\) by the jobs \([0-9]+ at once\): [0-9.]+ MB more, [0-9.]+ MB in use$
-- neosim: run --model-memory 16
-- no Lua at all: a million arrivals an hour waiting for one node: the jobs waiting grow
-- past a budget of 16 MB (before the queue's own limit of 10^6)
local neo = require("neo")
return {
  name = "memory-queue", start = "2026-01-01", horizon_days = 3650, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 20 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 1 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 1e6, job_nodes = 1,
           job_hours = neo.dist.exponential { mean = 1e3 }, queue = { patience_hours = math.huge }, price_gpu_hour = 2.0 },
  },
}
