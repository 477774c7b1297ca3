-- h100_price_collapse.lua -- an H100 fleet bought at 2023-24 prices as the
-- rent falls from ~$8 to below $2 an hour.
--
-- Question: when does cash run out, and under which leverage?
--
-- 2,000 DGX H100 nodes (16,000 GPUs) bought in March 2024 at $400k each all-in
-- ($800M with networking), rented on demand at the market index and to short
-- reserved contracts renewing at the index.  The index follows the reported
-- path: ~$8 at the 2023 peak, below $2 by October 2024, $1.70 at the October
-- 2025 low, $2.35 in March 2026.  The fleet is financed as GPU clouds finance
-- theirs: a delayed-draw loan at 11% secured by the nodes, drawn as they are
-- paid for (advance_rate x their price, within advance_rate x their book
-- value), amortising from April 2024 over 4 years, with a $10M min_cash
-- covenant and a quarterly DSCR covenant (EBITDA / debt service over the last
-- 12 months >= 1.25) whose breach, not cured within 30 days, makes the whole
-- balance due.  The points lend 25%, 50% and 75% of the $800M ($200M, $400M,
-- $600M); equity makes up the rest plus $20M of working capital.  The events
-- table says when and why cash ran out.
--
-- Results (20 replications per point, seed 7; mean +- 95% CI half-width):
-- the fleet never earns its price back: at 25% debt npv_unlevered (12%)
-- -$204M +- $19M, irr -10.8%, revenue_total $903M over 40 months at
-- utilization_mean 0.71, no run pays back; the equity's npv -$202M +- $19M;
-- no breach, no default, cash_min the $20M left after the purchase, cash_end
-- $497M +- $25M.  At 50% every run breaches the DSCR covenant on day 671
-- (the December 2025 test, as rents at $1.70-2.35 no longer cover the
-- service); 30 days later the balance, $234M, falls due: 17 runs repay it
-- from cash, 3 cannot and default on day 701 (cash_end $216M +- $49M).  At
-- 75% every run breaches, from day 487 to day 579 (mean 565), and defaults
-- 30 days later (default_day 595 +- 16): the acceleration asks $388-424M of
-- a company with less than half of it; revenue_total $546M as the runs end,
-- npv_unlevered -$392M, npv -$196M (the equity loses at most what it put in:
-- the lenders take the rest).  No tenant defaults in any run.  Before these
-- covenants (a plain amortising loan with min_cash only) no run breached at
-- 25% or 50% and 3 of 20 defaulted at 75%, in 2027: the DSCR covenant, not
-- running out of cash, is what ends the leveraged runs, a year earlier.
--
-- The leverage where P(default) = 5%, along the path of the points (debt
-- and advance rate up, equity down, from 25% to 75% of the fleet):
--   neosim seek scenarios/h100_price_collapse.lua \
--     --vary finance.debt.1.principal=2e8:6e8 \
--     --vary finance.debt.1.borrowing_base.advance_rate=0.25:0.75 \
--     --vary finance.cash=6.2e8:2.2e8 --metric defaulted --target 0.05
-- (2000 replications, 3 minutes on 2 cores) gives debt $353M (44% of the
-- fleet), interval [$300M, $400M] (37.5% to 50%): P(default) 0.0% at $200M
-- (320 runs), 2.0% at $300M (640), 3.9% at $350M (990: not told apart from
-- 5% within the budget), 20% at $400M, 100% at $600M.
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
    -- a GPU-backed delayed-draw loan: drawn as the fleet is paid for, advance_rate x its price,
    -- within advance_rate x the fleet's book value; a quarterly DSCR covenant whose breach, not
    -- cured in 30 days, makes the whole balance due
    debt = { { name = "ddtl", principal = 4e8, rate = 0.11, term_months = 48, min_cash = 1e7,
               borrowing_base = { advance_rate = 0.5, sku = "h100", amortize_from = "2024-04-01" },
               covenants = { { kind = "dscr", min = 1.25, test = "quarterly", cure_days = 30,
                               on_breach = "accelerate" } } } },
  },
  -- debt as a share of the $800M fleet: 25%, 50%, 75% (the loan's commitment and advance
  -- rate); equity makes up the rest, plus $20M of working capital
  sweep = neo.sweep.points {
    { ["finance.debt.1.principal"] = 2e8, ["finance.debt.1.borrowing_base.advance_rate"] = 0.25,
      ["finance.cash"] = 6.2e8 },
    { ["finance.debt.1.principal"] = 4e8, ["finance.debt.1.borrowing_base.advance_rate"] = 0.5,
      ["finance.cash"] = 4.2e8 },
    { ["finance.debt.1.principal"] = 6e8, ["finance.debt.1.borrowing_base.advance_rate"] = 0.75,
      ["finance.cash"] = 2.2e8 },
  },
}
