-- Replications to a precision (tests/validation/precision.sh): the number
-- of jobs that arrive in 10 days at 1 an hour is Poisson with mean 240 (sd
-- 15.5, 6.5% of the mean), known exactly; each run of `neosim run
-- --precision od.jobs=0.02` is one sequential procedure.  Nothing else
-- draws: nodes enough that none is ever busy long, no failures.
local neo = require("neo")
return neo.scenario {
  name = "validation-precision", start = "2026-01-01", horizon_days = 10, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 50 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 1, job_nodes = 1, job_hours = 0.5,
           price_gpu_hour = 2 },
  },
}
