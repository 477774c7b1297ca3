-- expect: ^neosim: tests/e2e/bad/demand_multiplier\.lua:10: tenants\.od\.elasticity: the demand multiplier \(price / market index\)\^-elasticity is 1e\+308 \(price_factor 1e-308\), more than 1000000: arrivals that many times arrivals_per_hour cannot be simulated$
local neo = require("neo")
return neo.scenario {
  name = "bad", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 8, node_kw = 10.2 } },
  sites = { dc1 = { power_mw = 1, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  market = { h100 = 2 },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 7, elasticity = 1,
           job_hours = neo.dist.exponential { mean = 1 }, price_gpu_hour = "market", price_factor = 1e-308 },
  },
}
