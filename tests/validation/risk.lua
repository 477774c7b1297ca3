-- A price set against risk (tests/validation/risk.sh): one on-demand
-- tenant priced at f times a constant market rate of $2 per GPU-hour, its
-- arrivals 1/12 an hour times f^-2 (elasticity 2), so over 10 days the
-- number of jobs N is Poisson with mean 20 / f^2.  Each job holds one
-- 8-GPU node for 0.1 hour: $1.6 f of rent; a busy node draws 10 kW at
-- $800/MWh, $0.8 a job; an idle one nothing, and nothing else is paid.
-- EBITDA is then (1.6 f - 0.8) N, its mean largest at f = 1; the CVaR of
-- N is Poisson's, so any objective mean + w cvarNN is known exactly.
local neo = require("neo")
return neo.scenario {
  name = "validation-risk", start = "2026-01-01", horizon_days = 10, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, idle_kw = 0, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 800, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 20 } },
  market = { h100 = neo.process.path { { "2026-01-01", 2 }, { "2026-02-01", 2 } } },
  tenants = {
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 1 / 12, elasticity = 2,
           price_gpu_hour = "market", price_factor = 1, job_nodes = 1, job_hours = 0.1 },
  },
  finance = { cash = 1e7 },
}
