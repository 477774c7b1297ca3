-- expect: ^neosim: tests/e2e/bad/wrong_type\.lua:7: fleet\[1\]\.nodes: .*must be an integer.*string
local neo = require("neo")
return neo.scenario {
  name = "bad", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 8, node_kw = 10.2 } },
  sites = { dc1 = { power_mw = 1, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = "ten" } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 7,
           job_hours = neo.dist.exponential { mean = 1 }, price_gpu_hour = 2 },
  },
}
