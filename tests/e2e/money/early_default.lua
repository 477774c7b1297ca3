-- A run that defaults in its first month keeps its flows in NPV (issue: NPV
-- was 0 though the fleet was paid for).  $3M of nodes bought with $3.1M of
-- cash, then $1M of staff a month ($32,854.21 a day): cash runs out on day
-- 4, so npv_unlevered = -3e6 - 4 x 32854.21 / 1.1^(96 / 8766); the
-- equity loses the $3.1M it had (npv = -3e6 - 1e5 / 1.1^(96 / 8766)), the
-- $31,417 short is the creditors' loss.
local neo = require("neo")
return neo.scenario {
  name = "money-early-default", start = "2026-01-01", horizon_days = 90, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10, bought = true } },
  finance = { cash = 3.1e6, discount_rate = 0.1, staff_month = 1e6 },
}
