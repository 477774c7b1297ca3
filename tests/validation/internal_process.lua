-- Own use that changes, against a hand computation (tests/validation/finance.sh).
-- 10 idle nodes of 8 GPUs; an internal tenant wants 10 nodes until
-- 2026-07-01, then 4 (nodes a step path), valued at $2 a GPU-hour until
-- 2026-04-01, then $1 (value_gpu_hour a step path); both sampled each day:
--   value: 80 GPUs x 2160 h x 2 + 80 x 2184 x 1 + 32 x 4416 x 1 = 661,632
--   GPU-hours: 80 x 4344 + 32 x 4416 = 488,832
local neo = require("neo")
return neo.scenario {
  name = "validation-internal-process", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10 } },
  tenants = {
    own = { kind = "internal",
            nodes = neo.process.path { { "2026-01-01", 10 }, { "2026-07-01", 4 }, interp = "step" },
            value_gpu_hour = neo.process.path { { "2026-01-01", 2 }, { "2026-04-01", 1 }, interp = "step" } },
  },
  finance = { cash = 1e6 },
}
