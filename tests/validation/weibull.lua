-- Age-dependent failures against the closed form (tests/validation/failures.sh).
-- 20,000 nodes of 8 GPUs installed at the start at a site without repair:
-- a node is lost at its first failure, so the fraction lost by time T is
-- 1 - exp(-8 (T / lambda)^k), lambda = mtbf_gpu_hours / Gamma(1 + 1/k):
--   point 0: k = 0.7 (infant mortality), mtbf 360,000 h: 0.3484 by day 181,
--            0.5034 by day 365;
--   point 1: k = 2 (wear-out), mtbf 26,000 h: 0.1613 by day 181, 0.5100 by
--            day 365.
local neo = require("neo")
return neo.scenario {
  name = "validation-weibull", start = "2026-01-01", horizon_days = 365,
  seed = 11, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 0.1, life_years = 10,
                    mtbf_gpu_hours = 360000, failure_shape = 0.7 } },
  sites = { orbit = { power_mw = 10, pue = 1, repair = false } },
  fleet = { { site = "orbit", sku = "h100", nodes = 20000 } },
  tenants = {},
  finance = { cash = 1e6 },
  sweep = neo.sweep.points {
    { ["skus.h100.failure_shape"] = 0.7, ["skus.h100.mtbf_gpu_hours"] = 360000 },
    { ["skus.h100.failure_shape"] = 2, ["skus.h100.mtbf_gpu_hours"] = 26000 },
  },
}
