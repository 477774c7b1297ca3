-- colossus1_lease.lua -- lease a whole site to one anchor tenant, or keep
-- it for our own training?  The xAI choice for Colossus 1 (May 2026).
--
-- Question: what is the lease worth against own use, at the reported price
-- and at lower ones?
--
-- The site: ~220,000 GPUs (170k H100 + 50k H200, 27,500 nodes) and ~300 MW
-- in Memphis.  Lease: the anchor takes every node for three years, 90-day
-- notice either side (a 10%/year termination hazard per contract), at a
-- swept price per GPU-hour; the operator's own training gets what is not
-- leased.  Keep: no lease; internal training uses the site, valued at
-- value_gpu_hour = $2.50 (the cost of renting the same compute elsewhere).
-- Compare `npv` (cash) and `npv_with_internal` (cash plus the discounted
-- value of own use) across points:
--   sqlite3 results/neosim.db < results/queries/compare_points.sql
--
-- Results (10 replications per point, seed 1; mean +- 95% CI half-width;
-- no debt, so npv = npv_unlevered):
--   lease at $7.78: npv $35.0B +- 5.3B, npv_with_internal $36.0B +- 3.6B
--   lease at $5.00: npv $22.3B +- 3.4B, npv_with_internal $23.3B +- 1.7B
--   lease at $2.50: npv $10.9B +- 1.7B, npv_with_internal $11.92B
--   keep:           npv -$0.52B (power and staff), npv_with_internal $11.92B
-- At the reported $1.25B/month the lease is worth about three times own
-- use.  At $2.50 the two are worth the same once own use is valued (to the
-- million): nodes freed by a termination go back to own use at the same
-- $2.50, so termination risk is a cash risk only.  A termination notice
-- came in 3 of 10 runs, cutting lease revenue from $44.7B for the full
-- term to $40.7B +- 6.5B on average; that is the spread of the lease's npv
-- (sd $7.4B at $7.78) against none for keeping.
--
-- Figures (docs/sources.md, "xAI Colossus"): >220k GPUs,
-- ~300 MW, lease through May 2029, 90-day notice, $1.25B/month reported
-- (may cover more than Colossus 1: a parameter); 50k H200 (secondary).
-- DGX H100 10.2 kW/node ("Power and facilities"); Tennessee power
-- 6.23 c/kWh (EIA 2023); failures 0.173/GPU-year (Llama 3) = MTBF 50,670
-- GPU-hours ("Reliability"); H100 $270k/node, H200 $25-35k/GPU (secondary;
-- "GPU purchase prices").  The 10%/year
-- termination hazard is a parameter (churn: not sourced).
local neo = require("neo")

return neo.scenario {
  name = "colossus1-lease",
  description = "lease Colossus 1 to one anchor for 3 years, or keep it for internal training",
  start = "2026-06-01", horizon_days = 1096, seed = 1, replications = 10,
  skus = {
    h100 = { gpus_per_node = 8, node_price = 270000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 48, life_years = 6 },
    h200 = { gpus_per_node = 8, node_price = 280000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 48, life_years = 6 },
  },
  sites = { colossus1 = { power_mw = 300, pue = 1.06, power_price_mwh = 62.3 } },
  fleet = {
    { site = "colossus1", sku = "h100", nodes = 21250, installed = "2024-09-01" },
    { site = "colossus1", sku = "h200", nodes = 6250, installed = "2025-03-01" },
  },
  tenants = {
    anchor_h100 = { kind = "reserved", sku = "h100", nodes = 21250, price_gpu_hour = 7.78,
                    term_months = 36, notice_days = 90, terminate_prob_year = 0.1 },
    anchor_h200 = { kind = "reserved", sku = "h200", nodes = 6250, price_gpu_hour = 7.78,
                    term_months = 36, notice_days = 90, terminate_prob_year = 0.1 },
    train_h100 = { kind = "internal", sku = "h100", nodes = 21250, value_gpu_hour = 2.50 },
    train_h200 = { kind = "internal", sku = "h200", nodes = 6250, value_gpu_hour = 2.50 },
  },
  finance = { cash = 2e9, discount_rate = 0.10, staff_month = 3e6 },
  -- point 0-2: lease at $7.78 (reported), $5.00, $2.50; point 3: keep
  sweep = neo.sweep.points {
    { ["tenants.anchor_h100.price_gpu_hour"] = 7.78, ["tenants.anchor_h200.price_gpu_hour"] = 7.78 },
    { ["tenants.anchor_h100.price_gpu_hour"] = 5.00, ["tenants.anchor_h200.price_gpu_hour"] = 5.00 },
    { ["tenants.anchor_h100.price_gpu_hour"] = 2.50, ["tenants.anchor_h200.price_gpu_hour"] = 2.50 },
    { ["tenants.anchor_h100.nodes"] = 0, ["tenants.anchor_h200.nodes"] = 0 },
  },
}
