-- expect: ^tenant od: its arrival rate is unbounded on day 0\.0 \(peak arrivals_per_hour 1 x demand shocks 1 x price elasticity inf\): cannot be simulated \(tenants\.od: lower elasticity, or a price_factor or price nearer the market index\)$
-- neosim: run
-- no Lua at all: demand (price / index)^-2000 against an index that varies (so the validator
-- cannot bound it): its thinning bound is inf, where time never advanced
local neo = require("neo")
return {
  name = "thinning-unbounded", start = "2026-01-01", horizon_days = 365, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  market = { h100 = neo.process.path { { "2026-01-01", 2 }, { "2027-01-01", 3 } } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1,
           elasticity = 2000 },
  },
}
