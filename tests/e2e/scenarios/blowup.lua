-- A demand process that overflows in some replications (a log-jump of 800
-- makes the rate infinite): those runs fail, the others are stored.
local neo = require("neo")
return neo.scenario {
  name = "blowup", start = "2026-01-01", horizon_days = 250, seed = 1, replications = 8,
  skus = { n = { gpus_per_node = 1, node_kw = 1 } },
  sites = { s = { power_mw = 1 } },
  fleet = { { site = "s", sku = "n", nodes = 2 } },
  tenants = {
    od = { kind = "on_demand", job_hours = 1, price_gpu_hour = 1,
           arrivals_per_hour = neo.process.mean_reverting { start = 1, mean = 1, speed = 1, vol = 0.1,
                                                          jump_rate = 1, jump_mean = 800, jump_sd = 1 } },
  },
}
