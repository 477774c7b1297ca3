-- A term loan drawn before the start is mid-schedule at the start (issue:
-- it was drawn again at t = 0 with its whole term ahead).  $1.2M at 12%,
-- linear over 12 months, drawn 2025-07-01; the run starts 2026-01-10: six
-- repayments (Aug 1 to Jan 1) are made, $600,000 is owed and the interest
-- of Jan 1 to Jan 10 (600,000 x 0.12 x 9 x 24 / 8766) is accrued.  In the
-- run: $100,000 repaid at each month end from Feb 1 to Jul 1, interest on
-- 600k (22 days), 500k (28), 400k (31), 300k (30), 200k (31), 100k (30).
local neo = require("neo")
return neo.scenario {
  name = "money-loan-before", start = "2026-01-10", horizon_days = 200, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  finance = { cash = 1e6,
              debt = { { name = "loan", principal = 1.2e6, rate = 0.12, term_months = 12, amortization = "linear",
                         draw = "2025-07-01" } } },
}
