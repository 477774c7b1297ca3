-- A regime factor mapped to levels (tests/validation/factors.sh): the H100
-- index follows neo.factor("cycle") x 2 (normal 1, bust 0.5: $2 or $1), the
-- A100 index neo.factor("cycle", { normal = 2, bust = 1 }): the same states
-- at the same times, so the two series are equal month by month in every
-- replication.
local neo = require("neo")
return neo.scenario {
  name = "validation-factors-regime", start = "2026-01-01", horizon_days = 730,
  seed = 9, replications = 5,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 }, a100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  factors = { cycle = neo.process.regime { states = { { name = "normal", level = 1, mean_days = 90 },
                                                      { name = "bust", level = 0.5, mean_days = 60 } } } },
  market = { h100 = neo.process.product { neo.factor("cycle"), 2 },
             a100 = neo.factor("cycle", { normal = 2, bust = 1 }) },
  tenants = {},
}
