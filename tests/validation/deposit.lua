-- Order deposits against a hand computation (tests/validation/finance.sh).
-- On day 10 a policy orders 10 nodes at $1M each, 30% paid with the order
-- (supplier.deposit = 0.3), the rest on delivery 50 days later (day 60):
--   capex of January $3M (the deposit), of March $7M; bs.deposits $3M at the
--   ends of January and February, 0 after; bs.equipment_net $10M less the
--   depreciation from install (day 60, life 10 years) at the end of March:
--   10e6 x (1 - 24 x 30 / 87660) on day 90.
local neo = require("neo")
local dated = require("lib.plan")
return neo.scenario {
  name = "validation-deposit", start = "2026-01-01", horizon_days = 120,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1e6, node_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0, install_days = 0 } },
  fleet = {},
  tenants = {},
  supplier = { lead_time_days = 50, deposit = 0.3 },
  finance = { cash = 2e7 },
  policies = { review_every_days = 10, procurement = dated { { 10, { order = "h100", site = "dc", nodes = 10 } } } },
}
