-- Failures and repairs: 50 idle nodes of 8 GPUs, MTBF 40,000 GPU-hours,
-- repairs of 48 h, 730 days.  Each node alternates up ~ Exp(mean 5000 h)
-- and 48 h in repair, so it fails 17520 / (5000 + 48) = 3.4707 times on
-- average: 173.53 failures for the fleet.  At the orbital site (no
-- repair) each node survives the horizon with probability
-- exp(-17520 / 5000) = 0.030082: 48.496 of 50 are lost.
local neo = require("neo")
return neo.scenario {
  name = "validation-failures", start = "2026-01-01", horizon_days = 730,
  seed = 9, replications = 30,
  skus = { g = { gpus_per_node = 8, node_kw = 10, mtbf_gpu_hours = 40000, repair_hours = 48 } },
  sites = { ground = { power_mw = 5 }, orbit = { power_mw = 5, repair = false } },
  fleet = { { site = "ground", sku = "g", nodes = 50 } },
  sweep = { ["fleet.1.site"] = { "ground", "orbit" } },
}
