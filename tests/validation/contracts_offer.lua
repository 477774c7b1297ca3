-- Several contracts per tenant against hand computations
-- (tests/validation/contracts.sh).  No costs; 15 H100 nodes of 8 GPUs.  The
-- tenant's scenario contract takes 12 nodes at $2.5 a GPU-hour for 24
-- months (240/h); on day 30 a policy offers it 5 more at $3 for 6 months,
-- accepted (renew_prob 1, elasticity 0): a second contract, not a
-- replacement.  Nodes go to the oldest contract first, so the second gets
-- the 3 left and is 2 short: it bills 3 x 8 x 3 = 72/h and credits 2 x 8 x
-- 3 = 48/h (sla_credit 1) from day 30 to the horizon, day 200 (before its
-- end on day 212.6): the first bills 240 x 4800 = $1,152,000, the second
-- 72 x 4080 = $293,760: anchor.revenue $1,445,760, anchor.sla_credits
-- 48 x 4080 = $195,840.
local neo = require("neo")
local dated = require("lib.plan")
return neo.scenario {
  name = "validation-contracts-offer", start = "2026-01-01", horizon_days = 200, seed = 5, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 15 } },
  market = { h100 = 2 },
  tenants = {
    anchor = { kind = "reserved", nodes = 12, price_gpu_hour = 2.5, term_months = 24, renew_prob = 1,
               elasticity = 0, sla_credit = 1 },
  },
  finance = { cash = 1e6 },
  policies = {
    review_every_days = 10,
    procurement = dated { { 30, { offer = "anchor", nodes = 5, price = 3, term_months = 6 } } },
  },
}
