-- Hazards that vary, and defaults that move together (tests/validation/factors.sh).
-- 40 reserved tenants of one node each, under 24-month contracts from the
-- start, all with default_prob_year = neo.factor("risk"); an internal
-- tenant values its node at the same factor, so internal_value_total is
-- 8 GPUs x the factor's integral (its exposure):
--   point 0: the risk is 0 until 2026-07-01 (day 181), then 2 a year: no
--            default before day 181, and by day 365 each tenant has
--            defaulted with probability 1 - exp(-2 x 184 / 365.25) = 0.6349;
--   point 1: the risk is a regime, 0 in normal times (mean 300 days) and 3
--            a year in a bust (mean 120 days): across replications the
--            number of defaults rises with the time spent in a bust.
-- A monthly tenant renews with renew_prob 1 until day 100, then 0: it
-- renews at days 30.4375, 60.875 and 91.3125, and its contract ends on day
-- 121.75.
local neo = require("neo")
local tenants = {
  own = { kind = "internal", nodes = 1, value_gpu_hour = neo.factor("risk") },
  monthly = { kind = "reserved", nodes = 1, price_gpu_hour = 1, term_months = 1,
              renew_prob = neo.process.path { { "2026-01-01", 1 }, { "2026-04-11", 0 }, interp = "step" } },
}
for i = 1, 40 do
  tenants[("t%02d"):format(i)] = { kind = "reserved", nodes = 1, price_gpu_hour = 1, term_months = 24,
                                   default_prob_year = neo.factor("risk") }
end
return neo.scenario {
  name = "validation-hazards", start = "2026-01-01", horizon_days = 365,
  seed = 3, replications = 25,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 42 } },
  factors = { risk = neo.process.path { { "2026-01-01", 0 }, { "2026-07-01", 2 }, interp = "step" } },
  tenants = tenants,
  sweep = { ["factors.risk"] = {
    neo.process.path { { "2026-01-01", 0 }, { "2026-07-01", 2 }, interp = "step" },
    neo.process.regime { states = { { name = "normal", level = 0, mean_days = 300 }, { name = "bust", level = 3, mean_days = 120 } } },
  } },
}
