-- A contract that began before the run (issue: it got its whole term again
-- from day 0, and its prepayment again).  24 months (730.5 days) from
-- 2025-01-01, 365 days before the start: it ends on day 365.5.  3 nodes x 8
-- GPUs at $2 bill $48 an hour; 75% prepaid before the run, of which the
-- 8760 hours before the start consumed 8760 x 48: 0.75 x 17532 x 48 - 8760
-- x 48 = $210,672 is owed at the start and consumed by the first bills.
local neo = require("neo")
return neo.scenario {
  name = "money-early-start", start = "2026-01-01", horizon_days = 500, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 3 } },
  finance = { cash = 1e7 },
  tenants = {
    anchor = { kind = "reserved", nodes = 3, price_gpu_hour = 2, start = "2025-01-01", term_months = 24,
               prepay_fraction = 0.75, renew_prob = 0 },
  },
}
