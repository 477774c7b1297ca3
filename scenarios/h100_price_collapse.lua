-- h100_price_collapse.lua -- an H100 fleet bought at 2023-24 prices as the
-- rent falls from ~$8 to below $2 an hour.
--
-- Question: when does cash run out, and under which leverage?
--
-- 2,000 DGX H100 nodes (16,000 GPUs) bought in March 2024 at $400k each all-in
-- ($800M with networking), financed by a swept share of debt at 11%, rented on demand at
-- the market index and to short reserved contracts renewing at the index.
-- The index follows the reported path: ~$8 at the 2023 peak, below $2 by
-- October 2024, $1.70 at the October 2025 low, $2.35 in March 2026.  The
-- points put 25%, 50% and 75% of the $800M on the loan ($200M, $400M, $600M;
-- $10M min_cash covenant); equity makes up the rest plus $20M of working
-- capital.  The events table says when and why cash ran out.
--
-- Results (20 replications per point, seed 7; mean +- 95% CI half-width):
-- the fleet never earns its price back: npv_unlevered (12%) -$204M +- $19M
-- at 25% and 50% debt (the same: common random numbers; -$204M at 75%,
-- where defaults end three runs up to a month early), irr -10.8% (-11.0% at
-- 75%), revenue_total $903M over 40 months at utilization_mean 0.71; no run
-- pays back.  The equity's npv is -$202M, -$201M and -$187M +- $13M: the
-- loan at 11% costs less than the 12% the flows are discounted at, and at
-- 75% the runs that default leave their last losses to the lenders.  No
-- tenant defaults in any run.  At 25% and 50% debt no run breaches its
-- covenant or defaults (cash_min is the $20M left after the purchase,
-- cash_end $500M and $293M).  At 75% debt 3 of 20 runs breach the covenant
-- (from day 1156) and default as loan payments outrun rents: two on 1 June
-- 2027 (day 1187), one on the last day (day 1216).  They are exactly the
-- three runs whose reserved tenant (400 nodes at $7.20) did not renew after
-- its first year (day 365); cash_end $87M +- $25M.  More debt does not move
-- the operating loss; it decides whether the loss is survivable.
--
-- Figures (docs/sources.md): "GPU rental prices" (launch
-- ~$4.70, peak above $8, below $2 by Oct 2024; $1.70 Oct 2025, $2.35 Mar
-- 2026; AWS p5 1-year reserved $7.20 in Jul 2023), "GPU purchase prices"
-- (all-in cluster capex $47-52k per GPU with networking -> $400k per node),
-- DDTL 2.0 at 11% ("CoreWeave"), Texas power 6.60 c/kWh
-- and colocation $163.44/kW-month 2023 ("Power and facilities"); failures
-- 0.173 per GPU-year (Llama 3, "Reliability") = MTBF 50,670 GPU-hours.
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
