-- Interest accrues by the hour on the balance outstanding and is paid at
-- the month end (issue: a full month's interest whatever the day drawn; a
-- facility charged on its month-end balance only).  $1M drawn by policy
-- from the facility `rcf` (10%) on day 10, the term loan `loan` ($1M, 12%,
-- bullet over 3 months) drawn on 2026-01-16: January's interest is
-- (1e6 x 0.10 x 21 + 1e6 x 0.12 x 16) days x 24 / 8766, February's and
-- March's 0.22e6 x 28 (31) days x 24 / 8766; the loan is repaid at its
-- third month end (day 90), the facility's $1M is owed at the end.  No
-- operating flow: npv_unlevered = 0 and npv is the lenders' flows less what
-- is owed at the end, discounted at 10% at each month end.
local neo = require("neo")
return neo.scenario {
  name = "money-interest", start = "2026-01-01", horizon_days = 90, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  finance = { cash = 1e6, discount_rate = 0.1,
              debt = { { name = "rcf", principal = 5e6, rate = 0.10, term_months = 12, facility = true },
                       { name = "loan", principal = 1e6, rate = 0.12, term_months = 3, amortization = "bullet",
                         draw = "2026-01-16" } } },
  policies = {
    review_every_days = 10,
    procurement = function(state)
      if state.t_days == 10 then return { { draw = "rcf", amount = 1e6 } } end
    end,
  },
}
