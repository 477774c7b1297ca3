-- hbm_shock.lua -- an HBM shortage doubles the next generation's lead time
-- and raises its price 40% just as demand booms.
--
-- Question: how early and how much should a neocloud order ahead of the boom
-- when lead times stretch?
--
-- A neocloud with 1,500 H200 nodes (12,000 GPUs) sells on demand.  Demand
-- switches between normal, boom (x1.8) and bust (x0.6) regimes.  In March
-- 2027 an HBM shortage stretches B200 lead times x2 for nine months and
-- raises the B200 price x1.4 for a year (DRAM contract prices +40-70% were
-- forecast for Q1 2026).  The procurement policy orders B200 nodes when
-- their utilisation passes a threshold (policies.params.above: 0.6, 0.8,
-- 0.95) in batches of policies.params.batch (50 or 150), at most two
-- batches pending.  Ordering ahead costs capex and idle nodes; ordering
-- late loses jobs while shipments crawl.
--
-- Results (20 replications per point, seed 11; npv mean +- 95% CI, and the
-- paired difference against the point 0.8/50 over the same random numbers,
-- mean +- sd): how much matters, how early hardly does.
--   above 0.6,  batch 50:  npv $727M +- 28M, diff -$1.7M +- 5.6M
--   above 0.6,  batch 150: npv $624M +- 34M, diff -$104M +- 26M (capex $506M)
--   above 0.8,  batch 50:  npv $729M +- 29M
--   above 0.8,  batch 150: npv $725M +- 34M, diff -$4M +- 24M
--   above 0.95, batch 50:  npv $735M +- 29M, diff +$6M +- 9M
--   above 0.95, batch 150: npv $785M +- 35M, diff +$56M +- 30M (the best)
-- Batches of 150 cut the B200 tenant's abandoned fraction from 20% to 6.8%
-- (od_b200.revenue $517M against $408M); ordered early (0.6) they leave
-- the fleet idle (utilization_mean 0.68 against 0.81) and lose $104M.  The
-- H200 tenant abandons 7.6% whatever the policy.  No run draws its
-- revolver (so npv, the equity's, is npv_unlevered): cash never falls
-- below $202M.
--
-- Figures (docs/sources.md): B200 $30-40k per GPU (Jensen Huang, CNBC Oct
-- 2024) -> $280k-320k/node plus networking; H200 $25-35k (secondary); DRAM
-- +40-70% Q1 2026 (Counterpoint, secondary) ("GPU purchase prices"); RunPod
-- H200 $3.59/GPU-hour; B200 rental price not sourced: a parameter ($5.00)
-- ("GPU rental prices").
local neo = require("neo")

return neo.scenario {
  name = "hbm-shock",
  description = "order ahead of a boom when an HBM shortage stretches lead times",
  start = "2026-07-01", horizon_days = 1096, seed = 11, replications = 20,
  skus = {
    h200 = { gpus_per_node = 8, node_price = 280000, node_kw = 10.2, mtbf_gpu_hours = 50670, life_years = 6 },
    b200 = { gpus_per_node = 8, node_price = 320000, node_kw = 14.3, mtbf_gpu_hours = 50670, life_years = 6,
             release = "2026-01-01" },
  },
  sites = { dc = { power_mw = 60, pue = 1.25, power_price_mwh = 66, install_days = 14 } },
  fleet = { { site = "dc", sku = "h200", nodes = 1500, installed = "2025-06-01" } },
  market = { h200 = 3.59, b200 = 5.00 },
  supplier = { lead_time_days = neo.dist.triangular { lo = 45, mode = 90, hi = 150 }, monthly_cap = { b200 = 300 } },
  shocks = {
    { kind = "lead_time", at = "2027-03-01", factor = 2.0, days = 270, name = "hbm_lead_time" },
    { kind = "gpu_price", sku = "b200", at = "2027-03-01", factor = 1.4, days = 365, name = "hbm_price" },
  },
  tenants = {
    od_h200 = { kind = "on_demand", sku = "h200", price_gpu_hour = "market",
                arrivals_per_hour = neo.process.regime { base = 22, initial = "normal", states = {
                  { name = "normal", level = 1.0, mean_days = 240 }, { name = "boom", level = 1.8, mean_days = 180 },
                  { name = "bust", level = 0.6, mean_days = 120 } } },
                job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
                job_hours = neo.dist.lognormal { mean = 20, sd = 24 }, queue = { patience_hours = 4 } },
    od_b200 = { kind = "on_demand", sku = "b200", price_gpu_hour = "market",
                arrivals_per_hour = neo.process.seasonal { base = 6, amplitude = 0.1, trend = 0.4 },
                job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
                job_hours = neo.dist.lognormal { mean = 20, sd = 24 }, queue = { patience_hours = 4 } },
  },
  finance = { cash = 3e8, discount_rate = 0.12, staff_month = 1e6,
              debt = { { name = "revolver", principal = 4e8, rate = 0.09, term_months = 48, facility = true } } },
  policies = {
    review_every_days = 14,
    params = { above = 0.80, batch = 100 },
    procurement = function(state)
      local b = state.skus_by_name.b200
      local installed = b.nodes.idle + b.nodes.busy + b.nodes.leased + b.nodes.repairing
      local busy = installed > 0 and b.utilization or 1
      if busy > state.params.above and b.pending_orders < 2 * state.params.batch and state.cash > 5e7 then
        return { { order = "b200", site = "dc", nodes = state.params.batch } }
      end
    end,
  },
  sweep = { ["policies.params.above"] = { 0.6, 0.8, 0.95 }, ["policies.params.batch"] = { 50, 150 } },
}
