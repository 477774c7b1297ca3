-- Search for the best fleet size (tests/validation/optimize.sh): one
-- on-demand tenant turned away when no node is free (Poisson arrivals, 10 an
-- hour; exponential one-hour jobs of one node; $2 per GPU-hour, 8 GPUs: $16
-- per busy node-hour), so with c nodes the carried load is a (1 - B(c, a)),
-- a = 10 Erlangs, B Erlang's loss formula.  Each node costs its power
-- whether busy or idle: 10 kW at $400/MWh, $4 an hour; nothing else is paid
-- (no price, staff or colocation).  EBITDA per hour is then
--   16 x 10 x (1 - B(c, 10)) - 4 c,
-- largest at c = 14 ($94.91 an hour; 13: $94.51, 15: $94.16), $831,402 a year.
local neo = require("neo")
return neo.scenario {
  name = "validation-optimize", start = "2026-01-01", horizon_days = 365, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, idle_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 400, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10 } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 10, job_nodes = 1,
           job_hours = neo.dist.exponential { mean = 1 }, price_gpu_hour = 2, queue = "reject" },
  },
  finance = { cash = 1e7 },
}
