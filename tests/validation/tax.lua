-- Income tax with a loss carried forward, against a hand computation.
-- 10 "old" nodes bought at the start for $1M each, life 1 year, idle: they
-- depreciate 1e7 x 8760 / 8766 = 9,993,155.37 in 2026 and the last
-- 6 hours, 6,844.63, in 2027 (retired on day 365.25, sold for nothing).
-- 10 "new" nodes (price 0) leased take-or-pay at $10/GPU-hour: 10 x 8 x 10
-- x 8760 = 7,008,000 of revenue each year.  No power, colocation or staff.
--   2026: 7,008,000 - 9,993,155.37 = -2,985,155.37, a loss: no tax
--   2027: 7,008,000 - 6,844.63 = 7,001,155.37
-- point 0 (loss carried forward): taxable 7,001,155.37 - 2,985,155.37
--   = 4,016,000, tax 21% = 843,360, paid on 2028-01-01 (day 730)
-- point 1 (no carry-forward): tax 21% x 7,001,155.37 = 1,470,242.63
-- cash at the end: 1.1e7 - 1e7 + 2 x 7,008,000 - the tax.
local neo = require("neo")
return neo.scenario {
  name = "validation-tax", start = "2026-01-01", horizon_days = 730,
  seed = 1, replications = 1,
  skus = {
    old = { gpus_per_node = 8, node_price = 1e6, node_kw = 10, life_years = 1 },
    new = { gpus_per_node = 8, node_price = 0, node_kw = 10, life_years = 10 },
  },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0 } },
  fleet = {
    { site = "dc", sku = "old", nodes = 10, bought = true },
    { site = "dc", sku = "new", nodes = 10 },
  },
  finance = { cash = 1.1e7, tax = { rate = 0.21 } },
  tenants = {
    anchor = { kind = "reserved", sku = "new", nodes = 10, price_gpu_hour = 10, term_months = 24 },
  },
  sweep = { ["finance.tax.loss_carryforward"] = { true, false } },
}
