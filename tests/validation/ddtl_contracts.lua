-- A delayed-draw loan secured by a contract, against hand computations
-- (tests/validation/finance.sh).  10 nodes bought at the start for $2.4M
-- each ($24M), leased to anchor at $40 a GPU-hour (10 x 8 x 40 = $3,200 an
-- hour) for 12 months (8766 hours).  A commitment of $20M at 10%, advance
-- rate 50% of the revenue still contracted by anchor, amortising from 2027:
--   day 0: it lends 0.5 x $24M = $12M (the base, 0.5 x 3200 x 8766 =
--          $14,025,600, has room);
--   at each month end the base is 0.5 x 3200 x the hours left of the term:
--          on day 31, 0.5 x 3200 x 8022 = $12,835,200, above the $12M owed;
--          on day 59, 0.5 x 3200 x 7350 = $11,760,000: $240,000 repaid;
--          on day 90, $10,569,600; after the term ends (day 365.25) nothing
--          is contracted and the rest is repaid on day 396.
local neo = require("neo")
local business = require("lib.business")
return neo.scenario(business.leased {
  name = "validation-ddtl-contracts", horizon_days = 450,
  finance = {
    cash = 2e7,
    debt = { { name = "ddtl", principal = 2e7, rate = 0.1, term_months = 36, amortization = "linear",
               borrowing_base = { advance_rate = 0.5, contracts = { "anchor" }, amortize_from = "2027-06-01" } } },
  },
})
