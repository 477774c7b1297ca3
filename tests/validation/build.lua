-- Building capacity against hand computations (tests/validation/finance.sh).
-- Site "new" starts with 0 MW.  On day 0 a policy builds 2 MW there at
-- $10M a MW: $20M, construction time D months drawn from uniform(3, 9)
-- (a month is 730.5 hours), life 20 years.  100 nodes of 10 kW (1 MW,
-- PUE 1, price 0) ordered on day 10 arrive on day 20 and wait for power;
-- installed at once (install_days = 0) when the MW come online.
--   point 0, paid monthly: each month end before completion pays
--     $20M x (the month's construction hours) / (D x 730.5): January's
--     $20M x 744 / (730.5 D); the rest at completion.
--   point 1, paid at the end: $20M at completion.
-- In both: the MW online at D x 730.5 hours; nodes_online 0 before, 100
-- after; capex_total = build_capex_total = $20M; construction in progress
-- holds what was paid until completion, then 0; the site's assets
-- depreciate from completion: $20M x (730 x 24 - 730.5 D) / (20 x 8766)
-- by day 730 (depreciation_total, site_depreciation_total); mw_built 2.
-- Over 200 replications D is uniform(3, 9): mean 6, sd sqrt(3).
local neo = require("neo")
local dated = require("lib.plan")
return neo.scenario {
  name = "validation-build", start = "2026-01-01", horizon_days = 730,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, life_years = 10 } },
  sites = {
    new = { power_mw = 0, pue = 1, install_days = 0,
            build = { cost_per_mw = 1e7, months = neo.dist.uniform { lo = 3, hi = 9 },
                      payments = "monthly", life_years = 20 } },
  },
  fleet = {},
  tenants = {},
  supplier = { lead_time_days = 10 },
  finance = { cash = 3e7 },
  policies = {
    review_every_days = 10,
    procurement = dated {
      { 0, { build = "new", mw = 2 } },
      { 10, { order = "h100", site = "new", nodes = 100 } },
    },
  },
  sweep = { ["sites.new.build.payments"] = { "monthly", "at_end" } },
}
