-- A facility is not drawn after its term (issue: an expired facility was
-- drawn, repaid at the month end and drawn again).  Open from day 0 for 2
-- months (to day 60.875): drawn every day from day 16, once a month in the
-- events; on day 61 it is closed and the run defaults.
local neo = require("neo")
return neo.scenario {
  name = "money-facility-expired", start = "2026-01-01", horizon_days = 200, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  finance = { cash = 5e5, staff_month = 1e6,
              debt = { { name = "rcf", principal = 1e7, rate = 0, term_months = 2, facility = true } } },
}
