-- expect: uncertain_not_pd.lua:[0-9]+: uncertain.correlations: the rank correlation matrix is not positive definite
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
    samples = 50,
    inputs = {
      ["tenants.od.arrivals_per_hour"] = neo.dist.uniform { lo = 5, hi = 9 },
      ["market.h100.start"] = neo.dist.uniform { lo = 1.5, hi = 3.5 },
      ["tenants.od.price_gpu_hour"] = neo.dist.uniform { lo = 1.5, hi = 3.5 },
    },
    correlations = { { "tenants.od.arrivals_per_hour", "market.h100.start", 0.9 },
                     { "tenants.od.arrivals_per_hour", "tenants.od.price_gpu_hour", 0.9 },
                     { "market.h100.start", "tenants.od.price_gpu_hour", -0.9 } },
  },
}
