-- A GPU-backed delayed-draw loan against hand computations
-- (tests/validation/finance.sh).  A commitment of $20M at 10%, advance rate
-- 80% of the book value of the nodes it finances, drawn from the start to
-- 2026-07-01, then linear over the 24-month term's 18 months left.
--   day 0:   10 nodes bought at $1M each: it lends 0.8 x 10M = $8M;
--   day 30:  20 nodes ordered, paid on order ($20M of deposits): 0.8 x 20M =
--            $16M is more than the $12M left of the commitment: it lends $12M
--            (the base, 0.8 x (30M less a month's depreciation), has room);
--   day 100: 15 of the 30 nodes sold for nothing: the base falls to 0.8 x
--            the 15 left, below the $20M owed: at each month end until
--            July the balance above the base is repaid;
--   2026-07-01 (day 181): the balance B of June's end amortises, B / 18 a
--            month.
local neo = require("neo")
local dated = require("lib.plan")
local plan = {
  { 30, { order = "h100", site = "dc", nodes = 20 } },
  { 100, { sell = "h100", site = "dc", nodes = 15 } },
}
return neo.scenario {
  name = "validation-ddtl", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1e6, node_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10, bought = true } },
  supplier = { lead_time_days = 30, pay_on = "order" },
  tenants = {},
  finance = {
    cash = 4e7,
    debt = { { name = "ddtl", principal = 2e7, rate = 0.1, term_months = 24, amortization = "linear",
               borrowing_base = { advance_rate = 0.8, amortize_from = "2026-07-01" } } },
  },
  policies = {
    review_every_days = 10,
    procurement = dated(plan),
  },
}
