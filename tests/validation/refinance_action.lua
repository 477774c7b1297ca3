-- Refinancing by a policy against hand computations (tests/validation/finance.sh).
-- No operations: $2M of cash and a $10M loan at a base of 5% plus 5%,
-- linear over 24 months.  Three month ends (days 31, 59, 90) repay
-- $10M / 24 each: $8.75M is owed on day 100, when a policy refinances it
-- over 12 months at a spread of 3% ({ refinance = "loan", term_months =
-- 12, spread = 0.03 }).  April's interest: 8.75e6 x (0.10 x 240 + 0.08 x
-- 480) / 8766 (days 90 to 100 at 10%, 100 to 120 at 8%); then $8.75M / 12
-- repaid at each month end from day 120, the last on day 455.
local neo = require("neo")
local business = require("lib.business")
local dated = require("lib.plan")
return neo.scenario(business.none {
  name = "validation-refinance-action", horizon_days = 500,
  finance = {
    cash = 2e6,
    debt = { { name = "loan", principal = 1e7, rate = { base = 0.05, spread = 0.05 }, term_months = 24,
               amortization = "linear" } },
  },
  policies = {
    review_every_days = 10,
    procurement = dated { { 100, { refinance = "loan", term_months = 12, spread = 0.03 } } },
  },
})
