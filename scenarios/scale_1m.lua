-- scale_1m.lua -- the scale reference: a neocloud of about 1,000,000 GPUs,
-- the Colossus 2 size (125,000 nodes at three sites), with tenants in
-- proportion: reference_100k.lua's business ten times over (ten copies of
-- each of its tenants: 320), over two years.
--
-- Question: does the model's cost grow linearly with the fleet?  `make
-- bench` runs this file at GPUS = 100,000, 300,000 and 1,000,000 (the line
-- below) and prints seconds per replication, peak memory and the time per
-- event at each size (scale_100k, scale_300k, scale_1m, their _rss and
-- _event_ns).
--
-- Results (1 replication, seed 2026, the 2-core reference machine, one
-- `make bench`-style run each): 100k GPUs 0.34 s (1.40 million events, 243
-- ns an event, 7 MB peak), 300k 1.0 s (4.24 million, 236 ns, 10 MB), 1M
-- 4.5 s (13.8 million, 326 ns, 20 MB): events grow in proportion to the
-- fleet; the time per event is flat to 300k and 38% higher at 1M, where the
-- 125,000 node records (5 MB) no longer stay in the caches between a job's
-- start and its end.  The business over two years (2 replications): revenue
-- $24.3B ($22.5B reserved, $1.64B on-demand, $137M spot), utilization_mean
-- 0.73, no covenant breach.
--
-- Figures (docs/sources.md): as reference_100k.lua: DGX H100 node 10.2 kW
-- and ~$270k ("Power and facilities", "GPU purchase prices"); failures
-- 0.173 per GPU-year ("Reliability"); H100 contract index $1.70-2.35 ("GPU
-- rental prices").
local neo = require("neo")
local GPUS = 1000000
local K = GPUS / 100000 -- copies of the 100k business (a whole number)

local reserved = {
  { "anchor_a", "h100", 3000, 2.10, 48, { prepay_fraction = 0.2, renew_prob = 0.6, default_prob_year = 0.02 } },
  { "anchor_b", "h100", 1500, 2.25, 36, { renew_prob = 0.5, default_prob_year = 0.03, terminate_prob_year = 0.05 } },
  { "anchor_c", "h200", 1200, 3.10, 24, { renew_prob = 0.5 } },
  { "lab_d", "h100", 600, 2.40, 12, { start = "2026-07-01", renew_prob = 0.7, take_or_pay = false, usage = 0.85 } },
  { "lab_e", "h200", 500, 3.30, 12, { start = "2027-01-01", renew_prob = 0.7 } },
  { "lab_f", "h100", 400, 2.30, 18, { renew_prob = 0.4, default_prob_year = 0.05 } },
  { "lab_g", "h200", 200, 3.20, 24, {} },
  { "lab_h", "h100", 100, 2.50, 6, { renew_prob = 0.8 } },
}
local tenants = {}
for c = 1, K do
  for _, r in ipairs(reserved) do
    local t = { kind = "reserved", sku = r[2], nodes = r[3], price_gpu_hour = r[4], term_months = r[5] }
    for k, v in pairs(r[6]) do t[k] = v end
    tenants[r[1] .. "_" .. c] = t
  end
  tenants["train_" .. c] = { kind = "internal", sku = "h100", nodes = 800, value_gpu_hour = 1.50 }
  tenants["eval_" .. c] = { kind = "internal", sku = "h200", nodes = 100, value_gpu_hour = 1.50 }
  for i = 1, 16 do
    tenants["od" .. i .. "_" .. c] = {
      kind = "on_demand", sku = i % 4 == 0 and "h200" or "h100",
      job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
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
    tenants["spot" .. i .. "_" .. c] = {
      kind = "spot", sku = i % 3 == 0 and "h200" or "h100",
      job_nodes = neo.dist.discrete { values = { 1, 2, 4 }, weights = { 3, 2, 1 } },
      job_hours = neo.dist.exponential { mean = 6 }, arrivals_per_hour = 0.5,
      price_gpu_hour = "market", price_factor = 0.35, elasticity = 1.5,
    }
  end
end

return neo.scenario {
  name = "scale-1m",
  description = "about 1M GPUs (125k nodes), reference_100k's business ten times over, 2 years",
  start = "2026-01-01", horizon_days = 730, warmup_days = 30, seed = 2026, replications = 1,
  skus = {
    h100 = { gpus_per_node = 8, node_price = 270000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 72, life_years = 6, resale_fraction = 0.1, release = "2023-03-21" },
    h200 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 72, life_years = 6, resale_fraction = 0.1, release = "2024-11-18" },
    b200 = { gpus_per_node = 8, node_price = 420000, node_kw = 14.3, mtbf_gpu_hours = 50670,
             repair_hours = 72, life_years = 6, resale_fraction = 0.1, release = "2026-09-01" },
  },
  sites = {
    memphis = { power_mw = 80 * K, pue = 1.25, power_price_mwh = 62.3, online = { { "2027-01-01", 110 * K } } },
    dallas = { power_mw = 60 * K, pue = 1.3, colo_kw_month = 184.06,
               power_price_mwh = neo.process.mean_reverting { start = 66, mean = 66, speed = 2, vol = 0.25,
                                                             jump_rate = 1, jump_mean = 0.3, jump_sd = 0.2 } },
    reno = { power_mw = 30 * K, pue = 1.2, power_price_mwh = 70 },
  },
  fleet = {
    { site = "memphis", sku = "h100", nodes = 5000 * K, installed = "2025-01-15" },
    { site = "dallas", sku = "h100", nodes = 3500 * K, installed = "2025-06-01" },
    { site = "dallas", sku = "h200", nodes = 1000 * K, installed = "2025-09-01" },
    { site = "reno", sku = "h200", nodes = 2000 * K, installed = "2025-12-01" },
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
    monthly_cap = { b200 = 400 * K, h200 = 300 * K },
  },
  shocks = {
    { kind = "lead_time", at = "2027-03-01", factor = 2.0, days = 270, name = "hbm_shortage" },
    { kind = "demand", rate_per_year = 0.3, factor = 0.6, days = 120, name = "demand_drop" },
    { kind = "market_price", sku = "h100", rate_per_year = 0.2, factor = 0.7, days = math.huge },
  },
  tenants = tenants,
  finance = {
    cash = 4e8 * K, discount_rate = 0.12, staff_month = 2.5e6 * K, terminal = "book",
    debt = {
      { name = "term_loan", principal = 1.2e9 * K, rate = 0.11, term_months = 60, min_cash = 1e8 * K },
      { name = "notes", principal = 3e8 * K, rate = 0.10, term_months = 60, amortization = "bullet" },
      { name = "revolver", principal = 3e8 * K, rate = 0.07, term_months = 60, facility = true },
    },
  },
  policies = {
    review_every_days = 30,
    procurement = neo.policies.order_when_utilization { sku = "b200", site = "memphis", above = 0.88,
                                                        nodes = 250 * K, max_pending = 500 * K },
  },
}
