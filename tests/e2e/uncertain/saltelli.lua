-- saltelli.lua -- tests/e2e/uncertain.sh: a Saltelli design, 3 base samples of 3 inputs.
local neo = require("neo")
return neo.scenario {
  name = "uncertain-saltelli", start = "2026-01-01", horizon_days = 30,
  seed = 3, replications = 2,
  skus = { h100 = { node_kw = 10.2, node_price = 270000 } },
  sites = { dc1 = { power_mw = 5, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  market = { h100 = neo.process.gbm { start = 2.0, drift = -0.1, vol = 0.2 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 7, job_hours = 1, price_gpu_hour = 2 },
  },
  uncertain = {
    design = "saltelli", samples = 3,
    inputs = {
      ["tenants.od.arrivals_per_hour"] = neo.dist.uniform { lo = 5, hi = 9 },
      ["fleet.1.nodes"] = neo.dist.triangular { lo = 8, mode = 10, hi = 12 },
      ["market.h100.start"] = neo.dist.lognormal { mu = 0.7, sigma = 0.3 },
    },
  },
}
