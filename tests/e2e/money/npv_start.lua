-- Flows at the start are discounted as of the start (issue: the fleet's
-- capex was discounted as if paid at the first month end).  A fleet of 10
-- nodes bought for $3M and nothing else: no power, staff or revenue, so
-- npv = -$3,000,000 exactly.
local neo = require("neo")
return neo.scenario {
  name = "money-npv-start", start = "2026-01-01", horizon_days = 90, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10, bought = true } },
  finance = { cash = 1e7, discount_rate = 0.1 },
}
