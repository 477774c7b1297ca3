-- expect: ^tenant od: simulated time no longer advances on day 0\.0: its arrivals are drawn by thinning at a bound of 1e\+300 an hour, for a rate of 1 an hour now \(tenants\.od: lower elasticity, or a price nearer the market index\)$
-- neosim: run
-- no Lua at all: a thinning bound of 1e300 an hour, (1 / 1e15)^-20 for an index that reaches
-- 1e15 on day 2000, against a rate of 1 an hour: candidates 1e-300 hours apart, which the
-- loop drew for ever; a million in a row under 3.6 ns apart fail the run
local neo = require("neo")
return {
  name = "thinning-stuck", start = "2026-01-01", horizon_days = 3000, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 20 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  market = { h100 = neo.process.path { { "2026-01-01", 1 }, { "2031-06-24", 1 }, { "2031-06-24", 1e15 } } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1,
           elasticity = 20 },
  },
}
