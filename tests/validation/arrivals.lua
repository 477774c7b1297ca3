-- Time-varying Poisson arrivals by thinning: a step (2/h, then 6/h from
-- day 100) and a seasonal cycle (4/h +- 50%, period 100 days, two whole
-- periods); enough nodes that nothing is blocked.  Expected jobs are the
-- integral of the rate: 2*2400 + 6*2400 = 19200 and 4*4800 = 19200.
local neo = require("neo")
return neo.scenario {
  name = "validation-arrivals", start = "2026-01-01", horizon_days = 200,
  seed = 3, replications = 30,
  skus = { n = { gpus_per_node = 1, node_kw = 0.1 } },
  sites = { s = { power_mw = 10 } },
  fleet = { { site = "s", sku = "n", nodes = 200 } },
  tenants = {
    step = { kind = "on_demand", job_hours = 0.5, price_gpu_hour = 1,
             arrivals_per_hour = neo.process.step { at = "2026-04-11", before = 2, after = 6 } },
    cycle = { kind = "on_demand", job_hours = 0.5, price_gpu_hour = 1,
              arrivals_per_hour = neo.process.seasonal { base = 4, amplitude = 0.5, period_days = 100 } },
  },
}
