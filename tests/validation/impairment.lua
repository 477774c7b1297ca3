-- Market resale and impairment against hand computations
-- (tests/validation/finance.sh).  10 nodes of 8 GPUs bought at the start
-- for $1M each, life 5 years (43,830 hours), resale_rent_share 0.5: a
-- node's market value is 0.5 x 8 x the index x the hours of life left.
-- The index is $8 until 2026-07-01, then $1:
--   month ends to June: value 0.5 x 8 x 8 x (43830 - t) above the book
--     value 1e6 x (1 - t / 43830): no impairment;
--   2026-07-01 (day 181, t = 4344): value 0.5 x 8 x 1 x 39486 = 157,944
--     against a book value of 1e6 x 39486 / 43830 = 900,890.72: each node
--     is written down by 742,946.72 (impairment_total 10 times that), then
--     depreciates at 157,944 / 39,486 = $4 an hour, as its value falls:
--     no impairment after;
--   day 300: a policy sells 4 nodes at their market value, 0.5 x 8 x
--     (43830 - 7200) = 146,520 each (the book value: no gain);
--   depreciation_total = 10 x 1e6 x 4344 / 43830 + (10 x 2856 + 6 x 1560) x 4.
local neo = require("neo")
local dated = require("lib.plan")
return neo.scenario {
  name = "validation-impairment", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1e6, node_kw = 10, life_years = 5, resale_fraction = 0.1,
                    resale_rent_share = 0.5 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10, bought = true } },
  market = { h100 = neo.process.path { { "2026-01-01", 8 }, { "2026-07-01", 1 }, interp = "step" } },
  tenants = {},
  finance = { cash = 2e7 },
  policies = { review_every_days = 10, procurement = dated { { 300, { sell = "h100", site = "dc", nodes = 4 } } } },
}
