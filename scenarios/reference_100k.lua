-- reference_100k.lua -- the performance reference: a neocloud of about
-- 100,000 GPUs (12,500 nodes at three sites) over five years, with every
-- kind of tenant, supplier orders, shocks, debt and Lua policies.
--
-- Question: with 60% of the fleet under reserved contracts, how much does
-- the on-demand and spot business add, and how often does a five-year
-- plan with $1.5B of debt breach its cash covenant?  `make bench` reports
-- seconds per replication, events/s and peak memory for it (targets: 1 s,
-- 200 MB).
--
-- Results (10 replications, seed 2026; mean +- 95% CI half-width):
-- revenue_total $4.45B +- 0.36B over five years: reserved $4.00B, on-demand
-- $424M +- 39M, spot $32M +- 3M, so on-demand and spot add 10.2%;
-- utilization_mean 0.58.  No covenant breach and no default in any run:
-- cash never falls below its starting $400M (the covenant is $100M) and
-- the revolver is never drawn.  npv (12%, book value at the end, the
-- equity's) $2.84B +- 0.25B, npv_unlevered $2.81B (the loan and notes at
-- 10-11% cost less than the 12% discount), $3.08B with own use valued;
-- every run is in cash from the start (payback_years 0); 6.9 shocks, 8.1
-- renewals and 0.3 tenant defaults per run.  One replication takes about 1 s (9.2 to 11.6 s
-- for the 10 in three batches on one core of the 2-core reference machine).
--
-- Figures (docs/sources.md): DGX H100 node 10.2 kW and
-- ~$270k ("Power and facilities", "GPU purchase prices"); H200 $25-35k per
-- GPU (secondary); failures 0.173 unexpected interruptions per GPU-year
-- (Llama 3, "Reliability") = MTBF 50,670 GPU-hours; power 6.23-6.60 c/kWh
-- (EIA, Tennessee/Texas); colocation $184/kW-month (CBRE H2 2024);
-- H100 1-year contract index $1.70-2.35 (SemiAnalysis, secondary); spot
-- discounts up to 90% (RunPod); debt 7-15% (CoreWeave filings);
-- depreciation 6 years (CoreWeave).
local neo = require("neo")

local tenants = {
  -- reserved anchors: 7,500 nodes of 12,500
  anchor_a = { kind = "reserved", sku = "h100", nodes = 3000, price_gpu_hour = 2.10, term_months = 48,
               prepay_fraction = 0.2, renew_prob = 0.6, default_prob_year = 0.02 },
  anchor_b = { kind = "reserved", sku = "h100", nodes = 1500, price_gpu_hour = 2.25, term_months = 36,
               renew_prob = 0.5, default_prob_year = 0.03, terminate_prob_year = 0.05 },
  anchor_c = { kind = "reserved", sku = "h200", nodes = 1200, price_gpu_hour = 3.10, term_months = 24,
               renew_prob = 0.5 },
  lab_d = { kind = "reserved", sku = "h100", nodes = 600, price_gpu_hour = 2.40, term_months = 12,
            start = "2026-07-01", renew_prob = 0.7, take_or_pay = false, usage = 0.85 },
  lab_e = { kind = "reserved", sku = "h200", nodes = 500, price_gpu_hour = 3.30, term_months = 12,
            start = "2027-01-01", renew_prob = 0.7 },
  lab_f = { kind = "reserved", sku = "h100", nodes = 400, price_gpu_hour = 2.30, term_months = 18,
            renew_prob = 0.4, default_prob_year = 0.05 },
  lab_g = { kind = "reserved", sku = "h200", nodes = 200, price_gpu_hour = 3.20, term_months = 24 },
  lab_h = { kind = "reserved", sku = "h100", nodes = 100, price_gpu_hour = 2.50, term_months = 6,
            renew_prob = 0.8 },
  train = { kind = "internal", sku = "h100", nodes = 800, value_gpu_hour = 1.50 },
  eval = { kind = "internal", sku = "h200", nodes = 100, value_gpu_hour = 1.50 },
}
-- sixteen on-demand teams and six spot users, with seasonal and boom/bust demand
for i = 1, 16 do
  local sku = i % 4 == 0 and "h200" or "h100"
  tenants["od" .. i] = {
    kind = "on_demand", sku = sku, job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
    job_hours = neo.dist.lognormal { mean = 10, sd = 12 },
    arrivals_per_hour = neo.process.product {
      neo.process.seasonal { base = 1.1 + 0.05 * i, amplitude = 0.2, period_days = 365.25, trend = 0.05 },
      neo.process.regime { base = 1, initial = "normal", states = {
        { name = "normal", level = 1.0, mean_days = 300 }, { name = "boom", level = 1.6, mean_days = 120 },
        { name = "bust", level = 0.5, mean_days = 90 } } },
    },
    queue = { patience_hours = neo.dist.exponential { mean = 12 } },
    price_gpu_hour = "market", price_factor = 1.15, elasticity = 0.8,
  }
end
for i = 1, 6 do
  tenants["spot" .. i] = {
    kind = "spot", sku = i % 3 == 0 and "h200" or "h100", job_nodes = neo.dist.discrete { values = { 1, 2, 4 }, weights = { 3, 2, 1 } },
    job_hours = neo.dist.exponential { mean = 6 }, arrivals_per_hour = 0.5, -- x 4.8 at 65% off (elasticity)
    price_gpu_hour = "market", price_factor = 0.35, elasticity = 1.5,
  }
end

return neo.scenario {
  name = "reference-100k",
  description = "about 100k GPUs, 5 years, 32 tenants of all kinds, orders, shocks, debt, Lua policies",
  start = "2026-01-01", horizon_days = 1826, warmup_days = 30, seed = 2026, replications = 10,
  skus = {
    h100 = { gpus_per_node = 8, node_price = 270000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 72, life_years = 6, resale_fraction = 0.1, release = "2023-03-21" },
    h200 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 72, life_years = 6, resale_fraction = 0.1, release = "2024-11-18" },
    b200 = { gpus_per_node = 8, node_price = 420000, node_kw = 14.3, mtbf_gpu_hours = 50670,
             repair_hours = 72, life_years = 6, resale_fraction = 0.1, release = "2026-09-01" },
  },
  sites = {
    memphis = { power_mw = 80, pue = 1.25, power_price_mwh = 62.3, colo_kw_month = 0,
                online = { { "2027-01-01", 110 } } },
    dallas = { power_mw = 60, pue = 1.3, colo_kw_month = 184.06,
               power_price_mwh = neo.process.mean_reverting { start = 66, mean = 66, speed = 2, vol = 0.25,
                                                             jump_rate = 1, jump_mean = 0.3, jump_sd = 0.2 } },
    reno = { power_mw = 30, pue = 1.2, power_price_mwh = 70 },
  },
  fleet = {
    { site = "memphis", sku = "h100", nodes = 5000, installed = "2025-01-15" },
    { site = "dallas", sku = "h100", nodes = 3500, installed = "2025-06-01" },
    { site = "dallas", sku = "h200", nodes = 1000, installed = "2025-09-01" },
    { site = "reno", sku = "h200", nodes = 2000, installed = "2025-12-01" },
  },
  market = {
    h100 = { price_gpu_hour = neo.process.mean_reverting { start = 2.35, mean = 2.0, speed = 1.0, vol = 0.3,
                                                          jump_rate = 0.5, jump_mean = -0.2, jump_sd = 0.1 },
             obsolescence = 0.85 },
    h200 = { price_gpu_hour = neo.process.gbm { start = 3.4, drift = -0.08, vol = 0.25 }, obsolescence = 0.85 },
    b200 = 5.0,
  },
  supplier = {
    lead_time_days = neo.dist.triangular { lo = 60, mode = 100, hi = 200 },
    monthly_cap = { b200 = 400, h200 = 300 },
    pay_on = "delivery",
  },
  shocks = {
    { kind = "lead_time", at = "2027-03-01", factor = 2.0, days = 270, name = "hbm_shortage" },
    { kind = "gpu_price", sku = "b200", at = "2027-03-01", factor = 1.4, days = 365 },
    { kind = "demand", rate_per_year = 0.3, factor = 0.6, days = 120, name = "demand_drop" },
    { kind = "market_price", sku = "h100", rate_per_year = 0.2, factor = 0.7, days = math.huge },
    { kind = "power_price", site = "dallas", rate_per_year = 0.5, factor = 1.5, days = 60 },
  },
  tenants = tenants,
  finance = {
    cash = 4e8, discount_rate = 0.12, staff_month = 2.5e6, terminal = "book",
    debt = {
      { name = "term_loan", principal = 1.2e9, rate = 0.11, term_months = 60, min_cash = 1e8 },
      { name = "notes", principal = 3e8, rate = 0.10, term_months = 60, amortization = "bullet" },
      { name = "revolver", principal = 3e8, rate = 0.07, term_months = 60, facility = true },
    },
  },
  policies = {
    review_every_days = 30,
    params = { order_above = 0.88, order_nodes = 250, od_markup = 1.15 },
    procurement = neo.policies.combine(
      neo.policies.order_when_utilization { sku = "b200", site = "memphis", above = 0.88, nodes = 250, max_pending = 500 },
      function(state)
        -- replace retiring H100s with B200s once the new generation ships
        local b = state.skus_by_name.b200
        if state.date >= "2026-09-01" and b.nodes.idle + b.pending_orders < 100 and state.cash > 3e8 then
          return { { order = "b200", site = "reno", nodes = 100 } }
        end
      end),
    allocation = neo.policies.keep_internal { tenant = "train", fraction = 0.06, sku = "h100" },
  },
}
