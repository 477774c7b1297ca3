-- Power by utilisation against a hand computation (tests/validation/finance.sh).
-- 10 nodes of 10 kW (4 kW idle), 6 of them leased all year by a reserved
-- tenant, the other 4 idle; PUE 1, power at $100/MWh, 8760 hours:
--   point 0 (idle_kw = 4): (6 x 10 + 4 x 4) kW x 8760 h x $0.1/kWh = 66,576
--   point 1 (idle_kw = 10, as node_kw): 100 kW x 8760 h x $0.1/kWh = 87,600
local neo = require("neo")
return neo.scenario {
  name = "validation-idle-power", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, idle_kw = 4, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 100, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10 } },
  tenants = { anchor = { kind = "reserved", nodes = 6, price_gpu_hour = 1, term_months = 24 } },
  finance = { cash = 1e6 },
  sweep = { ["skus.h100.idle_kw"] = { 4, 10 } },
}
