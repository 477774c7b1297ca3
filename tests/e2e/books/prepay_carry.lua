-- A prepaid contract renewed with prepayment left (issue: a renewal used to
-- overwrite it).  10 nodes contracted at $2/GPU-hour for 12 months, fully
-- prepaid, but only 5 exist: take-or-pay with sla_credit = 1 bills the 5
-- delivered, half the value.  Each term prepays P = 10 x 8 x 2 x 8766 =
-- $1,402,560 and consumes P/2, so what is left carries over.
local neo = require("neo")
return neo.scenario {
  name = "books-prepay-carry", start = "2026-01-01", horizon_days = 700, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 5 } },
  finance = { cash = 1e7 },
  tenants = {
    anchor = { kind = "reserved", nodes = 10, price_gpu_hour = 2, term_months = 12,
               prepay_fraction = 1, renew_prob = 1, sla_credit = 1 },
  },
}
