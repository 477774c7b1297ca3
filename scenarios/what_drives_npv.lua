-- what_drives_npv.lua -- which assumptions drive the value and the risk of a
-- debt-funded H100 fleet: a Sobol sensitivity analysis.
--
-- Question: of five assumptions a researcher cannot pin down -- where the
-- H100 rent starts, how much demand comes, the nodes' useful life, the
-- loan's interest rate and the power price -- which drive the equity's NPV
-- and the probability of default, alone and through their interactions?
--
-- 100 DGX H100 nodes (800 GPUs) bought at the start for $300k each ($30M),
-- rented on demand at a market index that starts at an uncertain level and
-- drifts down 10% a year (a geometric Brownian motion, 25% volatility), to
-- jobs of 1 to 8 nodes lasting a day on average; financed by a 4-year
-- amortising term loan of $18M (60% of the fleet) with a $1M minimum-cash
-- covenant, and $15M of equity; the book value of the fleet counts at the
-- end (terminal = "book", so the useful life matters).  The design is
-- Saltelli's for Sobol indices: 64 base samples of the 5 inputs, 448 points,
-- each run twice (`neosim sensitivity --metric npv --metric defaulted`).
--
-- Results (2 replications per point, seed 19; indices with their bootstrap
-- 95% intervals): over the design, npv -$3.1M on average (from -$11.7M to
-- +$17.4M by point), P(default) 0.44, utilization_mean 0.80.  The rent's
-- starting level and demand drive both: for npv, market.h100.start S1 0.42
-- [0.15, 0.74], ST 0.43 [0.27, 0.63]; tenants.od.arrivals_per_hour S1 0.13
-- [-0.04, 0.33], ST 0.44 [0.25, 0.70]; the useful life ST 0.020 [0.013,
-- 0.031], the power price ST 0.011 [0.007, 0.017], the interest rate ST
-- 0.005 [0.003, 0.009]: together under 4% of the variance.  For defaulted:
-- start ST 0.44 [0.28, 0.63], demand ST 0.57 [0.35, 0.80], the rate ST 0.03
-- [0.00, 0.08], the power price ST 0.01 [0.00, 0.04], the life 0 (a default
-- is about cash, not book value).  Demand's ST well above its S1 says its
-- effect depends on the rent: more jobs help only at a rent that covers the
-- costs.  Over a 4-year horizon, a researcher should pin down the price path
-- and the demand before the rate or the power contract.
--
-- Figures (docs/sources.md): the rent's range $1.50-3.50 around the 1-year
-- index of $1.70-2.35 in 2025-26 ("GPU rental prices"); $300k a node, a
-- DGX H100 at ~$270k plus networking ("GPU purchase prices"); 10.2 kW a
-- node, power $40-120/MWh around Texas' 66 and the US average of 80.6,
-- colocation $163.44/kW-month ("Power and facilities"); the rate 7-15%
-- around the 11% of GPU-backed loans ("CoreWeave"); failures 0.173 per
-- GPU-year ("Reliability").
local neo = require("neo")

return neo.scenario {
  name = "what-drives-npv",
  description = "which assumptions drive NPV and the probability of default of a debt-funded H100 fleet",
  start = "2026-01-01", horizon_days = 1461, seed = 19, replications = 2,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, mtbf_gpu_hours = 50670,
                    repair_hours = 48, life_years = 5, resale_fraction = 0.15 } },
  sites = { dc = { power_mw = 2, pue = 1.3, power_price_mwh = 66, colo_kw_month = 163.44 } },
  fleet = { { site = "dc", sku = "h100", nodes = 100, bought = true } },
  market = { h100 = neo.process.gbm { start = 2.35, drift = -0.10, vol = 0.25, step_days = 7 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 1.5,
           job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
           job_hours = neo.dist.lognormal { mean = 24, sd = 30 }, price_gpu_hour = "market",
           elasticity = 1.0, queue = { patience_hours = 6 } },
  },
  finance = {
    cash = 1.5e7, discount_rate = 0.12, staff_month = 5e4, terminal = "book",
    debt = { { name = "term", principal = 1.8e7, rate = 0.11, term_months = 48, min_cash = 1e6 } },
  },
  uncertain = {
    design = "saltelli", samples = 64,
    inputs = {
      ["market.h100.start"] = neo.dist.uniform { lo = 1.5, hi = 3.5 },
      ["tenants.od.arrivals_per_hour"] = neo.dist.uniform { lo = 0.75, hi = 2.25 },
      ["skus.h100.life_years"] = neo.dist.triangular { lo = 4, mode = 5, hi = 6 },
      ["finance.debt.1.rate"] = neo.dist.uniform { lo = 0.07, hi = 0.15 },
      ["sites.dc.power_price_mwh"] = neo.dist.uniform { lo = 40, hi = 120 },
    },
  },
}
