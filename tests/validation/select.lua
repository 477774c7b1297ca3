-- Selection of the best (tests/validation/select.sh): five on-demand
-- tenants t1 .. t5, each drawing its own arrivals (1 an hour, jobs of one
-- node for 0.5 hours, 50 nodes: none is ever refused); at point i only
-- tenant i is paid, so revenue_total at the five points is independent from
-- point to point.  Revenue accrues while a job runs, so over T = 240 hours
-- its mean is price x 8 GPUs x (h T - h^2 / 2) = 959 x price.  Points 0-3
-- pay $2 (mean 1918), point 4 pays 2 + 100 / 959 (mean 2018): the slippage
-- configuration, the best exactly delta = 100 above all the others (the
-- revenue's sd is about 124, a difference's 175).
local neo = require("neo")
local function od() return { kind = "on_demand", sku = "h100", arrivals_per_hour = 1, job_nodes = 1,
                             job_hours = 0.5, price_gpu_hour = 0 } end
local function paid(i, price) return { ["tenants.t" .. i .. ".price_gpu_hour"] = price } end
return neo.scenario {
  name = "validation-select", start = "2026-01-01", horizon_days = 10, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 50 } },
  tenants = { t1 = od(), t2 = od(), t3 = od(), t4 = od(), t5 = od() },
  sweep = neo.sweep.points { paid(1, 2), paid(2, 2), paid(3, 2), paid(4, 2), paid(5, 2 + 100 / 959) },
}
