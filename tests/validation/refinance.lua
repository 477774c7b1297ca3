-- Refinancing at maturity against hand computations (tests/validation/finance.sh).
-- No operations: $2M of cash and a $10M loan over 12 months, all of them
-- interest only (a bullet), at a base of 5% plus 2%.  Its refinancing terms:
-- 12 months, amortised as the tranche is (linear), at the spread the market
-- asks at maturity, a step path of 2% then 3% from 2026-12-01.
--   point 0: at the end of 2026 the $10M is rolled over at 5% + 3%: January
--            2027's interest 10e6 x 0.08 x 744 / 8766, then $10M / 12 repaid
--            at each month end of 2027;
--   point 1: a min_cash covenant of $20M is in breach from the start: no
--            refinancing, the $10M is repaid from cash at maturity.
local neo = require("neo")
local business = require("lib.business")
return neo.scenario(business.none {
  name = "validation-refinance", horizon_days = 730,
  finance = {
    cash = 2e6,
    debt = { { name = "loan", principal = 1e7, rate = { base = 0.05, spread = 0.02 }, term_months = 12,
               amortization = "linear", interest_only_months = 12,
               refinance = { term_months = 12,
                             spread = neo.process.path { { "2026-01-01", 0.02 }, { "2026-12-01", 0.03 }, interp = "step" } } } },
  },
  sweep = neo.sweep.points { {}, { ["finance.debt.1.min_cash"] = 2e7 } },
})
