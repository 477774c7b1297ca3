-- The other covenant kinds, tests and cures (tests/validation/finance.sh
-- computes each ratio from the statements).  The business of
-- covenant.lua: 10 nodes bought for $2.4M each with a $24M loan (12%,
-- linear over 24 months: $1M a month), leased at $3,200 an hour for 12
-- months; $300,000 of staff a month; $20M of cash at the start.
-- Two covenants, recorded only (so neither changes what the other sees):
--   leverage (max 1.5, monthly): debt / the last 12 months' EBITDA
--     (annualised while fewer than 12) first passes 1.5 after the tenant
--     has gone;
--   interest_cover (min 8, quarterly): EBITDA / interest over the last 12
--     months, tested at the ends of March, June, September and December.
local neo = require("neo")
local business = require("lib.business")
return neo.scenario(business.leased {
  name = "validation-covenant-kinds", horizon_days = 730,
  finance = {
    cash = 2e7, staff_month = 3e5,
    debt = { { name = "loan", principal = 2.4e7, rate = 0.12, term_months = 24, amortization = "linear",
               covenants = { { kind = "leverage", max = 1.5 },
                             { kind = "interest_cover", min = 8, test = "quarterly" } } } },
  },
})
