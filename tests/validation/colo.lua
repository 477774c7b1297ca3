-- Committed colocation against a hand computation (tests/validation/finance.sh).
-- 10 nodes of 10 kW (100 kW of IT load) all year, colocation at $100 a
-- kW-month (a month of 730.5 hours):
--   point 0: 150 kW committed: paid on 150 kW, 150 x 100 x 8760 / 730.5 = 179,876.80
--   point 1: 50 kW committed: paid on the 100 kW used, 119,917.86
local neo = require("neo")
return neo.scenario {
  name = "validation-colo", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 100, colo_committed_kw = 150 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10 } },
  tenants = {},
  finance = { cash = 1e6 },
  sweep = { ["sites.dc.colo_committed_kw"] = { 150, 50 } },
}
