-- mm1.lua -- one node, one on-demand tenant with an unbounded, patient queue:
-- the M/M/1 queue (lambda = 0.9 jobs/hour, mean job 1 hour, rho = 0.9).
--
-- Question: how long do jobs wait when a single node runs at 90% load?
-- Queueing theory says Wq = rho / (mu - lambda) = 9 hours and the mean queue
-- length Lq = lambda Wq = 8.1 (Little's law); the run's metrics
-- od.wait_mean_hours and od.queue_mean reproduce both.  About 10^6 jobs over
-- the horizon: this is also the end-to-end benchmark (`make bench`,
-- `bench mm1_scenario`), through Lua set-up, the engine and SQLite writes.
local neo = require("neo")

return neo.scenario {
  name = "mm1",
  start = "2026-01-01", horizon_days = 46296, -- 10^6 / 0.9 hours
  seed = 1, replications = 1,
  skus  = { h100 = { gpus_per_node = 8, node_kw = 10.2 } },
  sites = { dc1 = { power_mw = 1 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 1 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 0.9,
           job_hours = neo.dist.exponential { mean = 1.0 },
           queue = { patience_hours = math.huge }, price_gpu_hour = 2.0 },
  },
}
