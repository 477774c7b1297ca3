-- A fully prepaid contract whose tenant defaults (issue: the unpaid bill
-- went to bad debt though the prepayment covered it).  The prepayment pays
-- every bill, so nothing is lost, and what it did not consume is earned
-- when the contract ends: revenue = P = 4 x 8 x 3 x 8766 x 24 / 12.
local neo = require("neo")
return neo.scenario {
  name = "books-prepay-default", start = "2026-01-01", horizon_days = 400, seed = 3, replications = 4,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 4 } },
  finance = { cash = 1e7 },
  tenants = {
    anchor = { kind = "reserved", nodes = 4, price_gpu_hour = 3, term_months = 24,
               prepay_fraction = 1, default_prob_year = 3 },
  },
}
