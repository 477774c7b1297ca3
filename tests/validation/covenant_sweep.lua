-- A sweep on a breach not cured (tests/validation/finance.sh).  The
-- business of covenant.lua: 10 nodes bought for $2.4M each with a $24M loan
-- (12%, linear over 24 months: $1M a month), leased at $3,200 an hour for
-- 12 months; $300,000 of staff a month; $20M of cash at the start.
-- An ltv covenant (max 0.92, monthly, cure_days 45, sweep keeping $1M):
-- the balance / the fleet's book value (cost less depreciation of $24M
-- over 10 years) is 23 / (24 - 24 x 744 / 87660) = 0.9665 at the end of
-- January, a breach; 22 / (24 - 24 x 1416 / 87660) = 0.9317 at the end of
-- February; so on day 31 + 45 = 76, the covenant still failing, the cash
-- above $1M repays principal, and the month ends after it hold: cured on
-- day 90.
local neo = require("neo")
local business = require("lib.business")
return neo.scenario(business.leased {
  name = "validation-covenant-sweep", horizon_days = 730,
  finance = {
    cash = 2e7, staff_month = 3e5,
    debt = { { name = "loan", principal = 2.4e7, rate = 0.12, term_months = 24, amortization = "linear",
               covenants = { { kind = "ltv", max = 0.92, cure_days = 45, on_breach = "sweep",
                               keep_cash = 1e6 } } } },
  },
})
