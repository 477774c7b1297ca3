-- expect: uncertain_sampled_bad.lua:14: tenants.od.arrivals_per_hour: must be > 0, got -0.34[0-9]+ \(point 1: tenants.od.arrivals_per_hour=-0.34
local neo = require("neo")
return neo.scenario {
  name = "bad-uncertain", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { node_kw = 10.2, node_price = 270000 } },
  sites = { dc1 = { power_mw = 5, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  market = { h100 = neo.process.gbm { start = 2.0, drift = -0.1, vol = 0.2 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 7, job_hours = 1, price_gpu_hour = 2 },
  },
  uncertain = {
    samples = 4,
    inputs = { ["tenants.od.arrivals_per_hour"] = neo.dist.normal { mean = 0.1, sd = 1 } },
  },
}
