-- Price-dependent renewal (tests/validation/contracts.sh).  The contract of
-- 12 H100 (8 GPUs) and 6 B200 (4 GPUs) runs 6 months; at its end it renews
-- at the index x renew_factor 1.25 (H100 $2.5 against $2, B200 $5 against
-- $4), so the GPU-weighted ratio index / price is (96 x 2 + 24 x 4) /
-- (96 x 2.5 + 24 x 5) = 0.8 and with renew_prob 1 and elasticity 2 it
-- renews with probability 0.8^2 = 0.64 (elasticity 0: always).  2,000
-- replications; the run ends before the renewed term.
local neo = require("neo")
return neo.scenario {
  name = "validation-contracts-renewal", start = "2026-01-01", horizon_days = 240, seed = 5, replications = 2000,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 },
           b200 = { gpus_per_node = 4, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 12 }, { site = "dc", sku = "b200", nodes = 6 } },
  market = { h100 = 2, b200 = 4 },
  tenants = {
    anchor = { kind = "reserved", term_months = 6, renew_prob = 1, renew_factor = 1.25, elasticity = 2,
               lines = { { sku = "h100", nodes = 12, price_gpu_hour = 2 }, { sku = "b200", nodes = 6, price_gpu_hour = 4 } } },
  },
  finance = { cash = 1e6 },
  sweep = { ["tenants.anchor.elasticity"] = { 2, 0 } },
}
