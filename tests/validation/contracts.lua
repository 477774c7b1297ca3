-- Contract mechanics against hand computations (tests/validation/contracts.sh).
-- No costs; 20 H100 nodes (8 GPUs) and 10 B200 nodes (4 GPUs), enough for
-- every line.  The tenant's one contract covers both SKUs: 12 H100 at $2.5
-- and 6 B200 at $5 a GPU-hour, take-or-pay, 24 months, nodes ramped over 3
-- months (ceil(n k / 3) in month k: 4, 8, 12 H100 and 2, 4, 6 B200) and
-- prices up 10% at the anniversary.  Bills an hour: 120 in month 1, 240 in
-- month 2, 360 from month 3 (1461 h) and 396 from the anniversary (8766 h):
--   point 0 (no recall), 730 days: 730.5 x 120 + 730.5 x 240 + 7305 x 360
--     + 8754 x 396 = $6,359,364.
--   point 1: the operator recalls it on day 100 (notice_days 90,
--     recall_penalty_months 2): both lines end on day 190; bills 730.5 x
--     120 + 730.5 x 240 + 3099 x 360 = $1,378,620; the penalty, 2 months of
--     bills at full delivery, 2 x 730.5 x 360 = $525,960, is paid on day 100
--     (opex_total).
local neo = require("neo")
return neo.scenario {
  name = "validation-contracts", start = "2026-01-01", horizon_days = 730, seed = 5, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 },
           b200 = { gpus_per_node = 4, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 20 }, { site = "dc", sku = "b200", nodes = 10 } },
  market = { h100 = 2, b200 = 4 },
  tenants = {
    anchor = { kind = "reserved", term_months = 24, ramp_months = 3, escalator = 0.10, notice_days = 90,
               recall_penalty_months = 2,
               lines = { { sku = "h100", nodes = 12, price_gpu_hour = 2.5 },
                         { sku = "b200", nodes = 6, price_gpu_hour = 5 } } },
    spare = { kind = "internal", sku = "h100", nodes = 0, value_gpu_hour = 1 }, -- no nodes: a name to refuse
  },
  finance = { cash = 1e6 },
  policies = {
    review_every_days = 10, params = { recall_day = -1, who = "anchor", contract = 0 },
    procurement = function(state) -- who and contract: contracts.sh's refused recalls
      local p = state.params
      if state.t_days == p.recall_day then
        return { { recall = p.who, contract = p.contract > 0 and p.contract or nil } }
      end
    end,
  },
  sweep = { ["policies.params.recall_day"] = { -1, 100 } },
}
