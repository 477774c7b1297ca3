-- expect: uncertain_process_key.lua:[0-9]+: uncertain.inputs\["market.h100.strat"\]: market.h100 is a process here, it has no key 'strat' of its own: its numbers are start, drift, vol, step_days
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
  uncertain = { inputs = { ["market.h100.strat"] = neo.dist.uniform { lo = 1, hi = 2 } } },
}
