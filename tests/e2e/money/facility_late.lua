-- A facility is not drawn before its draw date (issue: automatic draws
-- ignored it).  $1M of staff a month against $0.5M of cash: cash runs out
-- on day 16, the facility opens on day 100: the run defaults on day 16
-- without a draw.
local neo = require("neo")
return neo.scenario {
  name = "money-facility-late", start = "2026-01-01", horizon_days = 200, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  finance = { cash = 5e5, staff_month = 1e6,
              debt = { { name = "rcf", principal = 1e7, rate = 0.1, term_months = 12, facility = true,
                         draw = "2026-04-11" } } },
}
