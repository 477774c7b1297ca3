-- base.lua -- the scenario of lhs.lua, saltelli.lua and morris.lua
-- (tests/e2e/uncertain.sh): ten nodes rented on demand at a fixed price,
-- a market index of its own; each file gives its name and its design.
local neo = require("neo")
return function(name, uncertain, sweep)
  return neo.scenario {
    name = name, start = "2026-01-01", horizon_days = 30,
    seed = 3, replications = 2,
    skus = { h100 = { node_kw = 10.2, node_price = 270000 } },
    sites = { dc1 = { power_mw = 5, pue = 1.2 } },
    fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
    market = { h100 = neo.process.gbm { start = 2.0, drift = -0.1, vol = 0.2 } },
    tenants = {
      od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 7, job_hours = 1, price_gpu_hour = 2 },
    },
    uncertain = uncertain,
    sweep = sweep,
  }
end
