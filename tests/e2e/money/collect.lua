-- The bills a reserved tenant owes are collected before a default (issue:
-- revenue accrued since the month end was counted but never collected, and
-- the run defaulted with it owed).  $1,000 of cash against $1M of staff a
-- month ($32,854 a day), and a lease that bills 10 x 8 x $20 = $1,600 an
-- hour ($38,400 a day): cash would run out on day 1, but the day's bill
-- covers it, every day.
local neo = require("neo")
return neo.scenario {
  name = "money-collect", start = "2026-01-01", horizon_days = 120, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10 } },
  finance = { cash = 1000, staff_month = 1e6 },
  tenants = { lease = { kind = "reserved", nodes = 10, price_gpu_hour = 20, term_months = 12 } },
}
