-- A power purchase agreement against a hand computation (tests/validation/finance.sh).
-- 10 nodes of 10 kW leased all year (100 kW, PUE 1); power at $100/MWh.  A
-- PPA buys 60% of the energy at $40/MWh for 6 months (4383 hours) from the
-- start: each day is priced at the terms of its start, so the first 183
-- days (4392 hours) pay 0.6 x 40 + 0.4 x 100 = $64/MWh, the other 182
-- days $100:
--   point 0: 100 kW x (4392 h x 64 + 4368 h x 100) / 1000 = 71,788.80
--   point 1: a power price shock x 2 from day 200 to the end: the last 165
--            days pay $200: 100 x (4392 x 64 + 408 x 100 + 3960 x 200) / 1000
--            = 111,388.80 (the day before the shock at the price of its start);
--   point 2: the same shock from day 0: the PPA's share is not shocked,
--            100 x (4392 x (24 + 0.4 x 200) + 4368 x 200) / 1000 = 133,036.80.
local neo = require("neo")
return neo.scenario {
  name = "validation-ppa", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 100, colo_kw_month = 0,
                   ppa = { share = 0.6, price_mwh = 40, term_months = 6 } } },
  fleet = { { site = "dc", sku = "h100", nodes = 10 } },
  tenants = { anchor = { kind = "reserved", nodes = 10, price_gpu_hour = 1, term_months = 24 } },
  finance = { cash = 1e6 },
  shocks = { { name = "power", kind = "power_price", site = "dc", factor = 2, at = "2027-01-01", days = 400 } },
  sweep = { ["shocks.1.at"] = { "2027-01-01", "2026-07-20", "2026-01-01" } },
}
