-- expect: ^the run's event budget \(100000 events, --max-events\) is spent on day 0\.0 of 365250: rates such as tenants\.<name>\.arrivals_per_hour make events faster than time passes; give a larger --max-events if the run is meant to be this large$
-- neosim: run --max-events 1e5
-- no Lua at all: a billion arrivals an hour of microsecond jobs for a thousand years (8.8e15 events)
local neo = require("neo")
return {
  name = "event-flood", start = "2026-01-01", horizon_days = 365250, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 2000 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2, power_price_mwh = 66 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 1e9, job_nodes = 1,
           job_hours = neo.dist.exponential { mean = 1e-9 }, queue = "reject", price_gpu_hour = 2.0 },
  },
}
