-- A fully leased fleet with failures off: every figure has a closed form.
-- 100 nodes x 8 GPUs leased take-or-pay at $2.50/GPU-hour for 24 months,
-- horizon 365 days (8760 h): revenue = 100 x 8 x 2.5 x 8760 = 17,520,000;
-- power = 100 x 10.2 kW x 1.25 PUE x 8760 h x $80/MWh = 893,520;
-- colocation = 100 x 10.2 kW x $150/kW-month x 8760 / 730.5 = 1,834,743.33;
-- depreciation = 100 x $300,000 x 8760 / (5 x 8766) = 5,995,893.22;
-- capex = 100 x $300,000 at the start (bought = true).
local neo = require("neo")
return neo.scenario {
  name = "validation-leased", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, life_years = 5 } },
  sites = { dc = { power_mw = 10, pue = 1.25, power_price_mwh = 80, colo_kw_month = 150 } },
  fleet = { { site = "dc", sku = "h100", nodes = 100, bought = true } },
  finance = { cash = 4e7 }, -- the fleet's $30M, and working capital until bills are collected
  tenants = {
    anchor = { kind = "reserved", nodes = 100, price_gpu_hour = 2.5, term_months = 24 },
  },
}
