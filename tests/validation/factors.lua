-- A common factor against its expected effect (tests/validation/factors.sh).
-- One factor, a mean-reverting log process (start 1, mean 1, speed 0.5,
-- vol 0.6 a year), scales both the H100 market index ($2 x the factor) and
-- on-demand demand (20 jobs an hour x the factor; 1-node jobs of an hour on
-- 200 nodes: never blocked), over two years and 60 replications:
--   point 0: both follow neo.factor("cycle"): across replications the mean
--            index and the number of jobs correlate near 1;
--   point 1: demand follows an independent process of the same law (its
--            own stream): the correlation is near 0.
local neo = require("neo")
local law = { start = 1, mean = 1, speed = 0.5, vol = 0.6 }
return neo.scenario {
  name = "validation-factors", start = "2026-01-01", horizon_days = 730,
  seed = 5, replications = 60,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 200 } },
  factors = { cycle = neo.process.mean_reverting(law) },
  market = { h100 = neo.process.product { neo.factor("cycle"), 2 } },
  tenants = { od = { kind = "on_demand", arrivals_per_hour = neo.process.product { neo.factor("cycle"), 20 },
                     job_hours = 1, price_gpu_hour = 2 } },
  sweep = { ["tenants.od.arrivals_per_hour"] = {
    neo.process.product { neo.factor("cycle"), 20 },
    neo.process.product { neo.process.mean_reverting(law), 20 },
  } },
}
