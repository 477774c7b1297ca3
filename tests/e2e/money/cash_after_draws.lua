-- The monthly cash sample is taken after the month's draws (issue: it showed
-- negative cash the facility then covered, which cash_min did not show).
-- $0.5M of cash, $1M of staff a month, a $50M facility: cash is never
-- below zero, in any sample.
local neo = require("neo")
return neo.scenario {
  name = "money-cash-after-draws", start = "2026-01-01", horizon_days = 200, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  finance = { cash = 5e5, staff_month = 1e6,
              debt = { { name = "rcf", principal = 5e7, rate = 0.1, term_months = 24, facility = true } } },
}
