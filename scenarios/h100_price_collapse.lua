-- h100_price_collapse.lua -- an H100 fleet bought at 2023-24 prices when the
-- rent falls from ~$8 to below $2 an hour: when does cash run out, and
-- under which leverage?
--
-- 2,000 DGX H100 nodes (16,000 GPUs) bought in March 2024 at $400k each all-in
-- ($800M with networking), financed by a swept share of debt at 11%, rented on demand at
-- the market index and to short reserved contracts renewing at the index.
-- The index follows the reported path: ~$8 at the 2023 peak, below $2 by
-- October 2024, $1.70 at the October 2025 low, $2.35 in March 2026.
-- Compare probability of default (default_day not NULL) and cash_min by
-- point; the more debt, the earlier the covenant breaches and defaults
-- (see the events table for when and why).  make test runs 120 days.
--
-- Figures (../shared/data/public-figures.md): "GPU rental prices" (launch
-- ~$4.70, peak above $8, below $2 by Oct 2024; $1.70 Oct 2025, $2.35 Mar
-- 2026; AWS p5 1-year reserved $7.20 in Jul 2023), "GPU purchase prices"
-- (all-in cluster capex $47-52k per GPU with networking -> $400k per node),
-- DDTL 2.0 at 11% ("CoreWeave"), Texas power 6.60 c/kWh
-- and colocation $163.44/kW-month 2023 ("Power and facilities").
local neo = require("neo")

local index = neo.process.path {
  { "2023-07-01", 8.0 }, { "2024-03-01", 5.5 }, { "2024-10-01", 1.95 }, { "2025-10-01", 1.70 },
  { "2026-03-01", 2.35 }, { "2027-06-30", 2.20 },
}

return neo.scenario {
  name = "h100-price-collapse",
  description = "H100 fleet bought in 2023 at peak prices as rent collapses; leverage sweep",
  start = "2024-03-01", horizon_days = 1216, seed = 7, replications = 20,
  skus = { h100 = { gpus_per_node = 8, node_price = 400000, node_kw = 10.2, mtbf_gpu_hours = 50670,
                    repair_hours = 48, life_years = 6, resale_fraction = 0.15 } },
  sites = { dallas = { power_mw = 30, pue = 1.3, power_price_mwh = 66, colo_kw_month = 163.44 } },
  fleet = { { site = "dallas", sku = "h100", nodes = 2000, bought = true } },
  market = { h100 = index },
  tenants = {
    term = { kind = "reserved", nodes = 400, price_gpu_hour = 7.20, term_months = 12,
             renew_prob = 0.8, renew_factor = 1.0, default_prob_year = 0.05 },
    od = { kind = "on_demand", arrivals_per_hour = 18, job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
           job_hours = neo.dist.lognormal { mean = 24, sd = 30 }, price_gpu_hour = "market",
           elasticity = 1.0, queue = { patience_hours = 6 } },
  },
  finance = {
    cash = 4.2e8, discount_rate = 0.12, staff_month = 8e5,
    debt = { { name = "gpu_loan", principal = 4e8, rate = 0.11, term_months = 48, min_cash = 1e7 } },
  },
  -- debt as a share of the $800M fleet: 25%, 50%, 75%; equity makes up the rest,
  -- plus $20M of working capital
  sweep = neo.sweep.points {
    { ["finance.debt.1.principal"] = 2e8, ["finance.cash"] = 6.2e8 },
    { ["finance.debt.1.principal"] = 4e8, ["finance.cash"] = 4.2e8 },
    { ["finance.debt.1.principal"] = 6e8, ["finance.cash"] = 2.2e8 },
  },
}
