-- report.lua -- a small scenario with everything `neosim report` charts:
-- reserved, on-demand and spot tenants, a market index with a dated and a
-- random shock, debt, and a sweep of two points (tests/e2e/report.sh).
local neo = require("neo")
return neo.scenario {
  name = "report-test",
  start = "2025-01-01", horizon_days = 730, seed = 3, replications = 4,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, mtbf_gpu_hours = 50670, life_years = 5 } },
  sites = { dc = { power_mw = 5, pue = 1.3, power_price_mwh = 66 } },
  fleet = { { site = "dc", sku = "h100", nodes = 100, bought = true } },
  market = { h100 = neo.process.path { { "2025-01-01", 3.0 }, { "2026-12-31", 2.0 } } },
  tenants = {
    term = { kind = "reserved", nodes = 30, price_gpu_hour = 2.8, term_months = 12, renew_prob = 0.7 },
    od = { kind = "on_demand", arrivals_per_hour = 2, job_nodes = 2, job_hours = neo.dist.exponential { mean = 12 },
           price_gpu_hour = "market", queue = "reject" },
    sp = { kind = "spot", arrivals_per_hour = 1, job_nodes = 1, job_hours = neo.dist.exponential { mean = 8 },
           price_gpu_hour = 1.0, queue = "reject" },
  },
  shocks = {
    { kind = "market_price", sku = "h100", at = "2025-09-01", factor = 0.6, days = 120, name = "price_war" },
    { kind = "demand", rate_per_year = 1.0, factor = 0.5, days = 30, name = "demand_dip" },
  },
  finance = { cash = 2.5e7, discount_rate = 0.1, staff_month = 1e5,
              debt = { { name = "loan", principal = 1e7, rate = 0.1, term_months = 36 } } },
  sweep = { ["finance.debt.1.principal"] = { 1e7, 2e7 } },
}
