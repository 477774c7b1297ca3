-- expect: ^the run's event budget \(100000 events, --max-events\) is spent on day 0\.[0-9] of 365 drawing candidate arrivals of tenant od: its thinning bound of 1e\+06 an hour \(peak arrivals_per_hour x demand shocks x price elasticity\) is far above its rate, 1 an hour now; give a larger --max-events if the run is meant to be this large$
-- neosim: run --max-events 1e5
-- no Lua at all: an index that jumps a million-fold on day 300 makes the thinning bound of
-- elastic demand a million times the rate before it: 8.8e9 candidates, each now counted
-- against the event budget (they were not: --max-events could not stop it)
local neo = require("neo")
return {
  name = "thinning-budget", start = "2026-01-01", horizon_days = 365, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  market = { h100 = neo.process.path { { "2026-01-01", 1 }, { "2026-10-28", 1 }, { "2026-10-28", 1e6 } } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1,
           elasticity = 1 },
  },
}
