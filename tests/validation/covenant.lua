-- Covenants against hand computations (tests/validation/finance.sh).
-- The company buys 10 nodes for $2.4M each at the start with the loan below.
-- A reserved tenant pays 10 nodes x 8 GPUs x $40 = $3,200 an hour for 12
-- months (to day 365.25), then leaves; staff costs $300,000 a month, nothing
-- else: the month's EBITDA is 3,200 x its leased hours - 300,000 x its
-- hours / 730.5.  A term loan of $24M at 12%, linear over 24 months, repays
-- $1M at each month end with the interest on its balance.  A dscr covenant
-- (min 1.25, monthly): EBITDA / (interest + scheduled principal), both over
-- the last 12 months.  While leased the ratio is about 1.7; after the tenant
-- leaves, each month takes about 2.4M from the trailing EBITDA, and the
-- ratio first falls below 1.25 at the end of April 2027 (day 485):
--   point 0: on_breach = "accelerate" with $2M of cash at the start: the $8M
--            left is due at once, cash cannot pay it: a default on day 485;
--   point 1: the same with $20M at the start: the $8M is paid, no default;
--   point 2: on_breach = "event" with cure_days = 45: the breach is recorded
--            and nothing else happens; the ratio keeps falling, no cure;
--   point 3: on_breach = "step_up" of 5%, cure_days 0: from day 485 the loan
--            costs 17% a year on its balance.
local neo = require("neo")
local business = require("lib.business")
return neo.scenario(business.leased {
  name = "validation-covenant", horizon_days = 730,
  finance = {
    cash = 2e6, staff_month = 3e5,
    debt = { { name = "loan", principal = 2.4e7, rate = 0.12, term_months = 24, amortization = "linear",
               covenants = { { kind = "dscr", min = 1.25, on_breach = "accelerate" } } } },
  },
  sweep = neo.sweep.points {
    {},
    { ["finance.cash"] = 2e7 },
    { ["finance.cash"] = 2e7, ["finance.debt.1.covenants.1.on_breach"] = "event",
      ["finance.debt.1.covenants.1.cure_days"] = 45 },
    { ["finance.cash"] = 2e7, ["finance.debt.1.covenants.1.on_breach"] = "step_up",
      ["finance.debt.1.covenants.1.step_up"] = 0.05 },
  },
})
