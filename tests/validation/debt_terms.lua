-- Debt terms and equity actions against hand computations
-- (tests/validation/finance.sh).  No operations: $10M of cash, nothing
-- earned or spent but what the lenders and owners move.
--   float: $12M, bullet over 12 months at a floating rate: base 4% until
--          2026-07-01, then 6% (a step path), plus a spread of 2%: January's
--          interest 12e6 x 0.06 x 744 / 8766, July's 12e6 x 0.08 x 744 / 8766.
--   io:    $1.2M at 12%, linear over 12 months of which the first 6 are
--          interest only: nothing repaid at the first 6 month ends, then
--          $200,000 at each; an upfront fee of 1%: $12,000 at the start.
--          A policy repays $100,000 of it on day 100 (a repay action).
--   rcf:   a revolving facility of $5M at 10%, with a commitment fee of
--          0.5% a year on its undrawn limit: a policy draws $3M on day 40;
--          at the February month end (day 59) the cash above $2M repays it
--          all (repay_above): February's fees 5e6 x 0.005 x 216 / 8766 +
--          2e6 x 0.005 x 240 / 8766 over the undrawn limit, its interest 3e6 x
--          0.1 x 456 / 8766 (days 40 to 59 at 3M drawn, 216 h of February
--          before it); it may be drawn again.
--   equity: $5M raised on day 150 at a pre-money valuation of $20M (the
--          owners at the start keep 80%), a dividend of $1M on day 200 and a
--          buy-back of $500,000 on day 250.
local neo = require("neo")
local business = require("lib.business")
local dated = require("lib.plan")
local plan = {
  { 40, { draw = "rcf", amount = 3e6 } },
  { 100, { repay = "io", amount = 1e5 } },
  { 150, { raise = 5e6, valuation = 2e7 } },
  { 200, { dividend = 1e6 } },
  { 250, { buyback = 5e5 } },
}
return neo.scenario(business.none {
  name = "validation-debt-terms", horizon_days = 365,
  finance = {
    cash = 1e7,
    debt = {
      { name = "float", principal = 1.2e7, term_months = 12, amortization = "bullet",
        rate = { base = neo.process.path { { "2026-01-01", 0.04 }, { "2026-07-01", 0.06 }, interp = "step" },
                 spread = 0.02 } },
      { name = "io", principal = 1.2e6, rate = 0.12, term_months = 12, amortization = "linear",
        interest_only_months = 6, upfront_fee = 0.01 },
      { name = "rcf", principal = 5e6, rate = 0.1, term_months = 12, facility = true, revolving = true,
        commitment_fee = 0.005, repay_above = 2e6 },
    },
  },
  policies = {
    review_every_days = 10,
    procurement = dated(plan),
  },
})
