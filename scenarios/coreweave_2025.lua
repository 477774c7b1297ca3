-- coreweave_2025.lua -- a CoreWeave-like neocloud, 2025-2027: leased power
-- active in 2025, a build-out of its own for the GB200 racks, ~96% of revenue
-- under committed contracts, one customer with ~2/3 of it, 6-year
-- depreciation, heavy debt at 7-15% of which a GPU-backed delayed-draw loan.
--
-- Question: how exposed is such a business to its largest customer and to
-- its debt?  The anchor (msft) defaults with a small yearly probability;
-- other contracts renew at the market index.  Look at largest_tenant_share,
-- covenant_breaches, default_day (NULL unless cash ran out), and in the
-- events table at what happens around a tenant default.
--
-- Structure: the H100 and H200 fleet runs in leased colocation (site us,
-- 470 MW, 850 MW from the end of 2025).  On day 0 the policy builds 125 MW at
-- an owned site (0 MW at the start) at $10.7M per MW ($1.34B), online after
-- 12-24 months (triangular, mode 15), and orders the 800 GB200 racks that
-- power will take: they arrive in 2025 and wait for it.  DDTL 2.0 is drawn as
-- the racks are paid for (80% of their price: $1.92B of its $4.95B), secured
-- by them (a balance above 80% of their book value is repaid at month ends),
-- amortising from 2027, with a quarterly DSCR covenant (>= 1.25; a breach is
-- recorded).  The other term debt is drawn at the start.
--
-- Results (10 replications, seed 2025; mean +- 95% CI half-width): revenue
-- $4.92B in 2025 (the reported $5.13B: 4% under), $5.41B in 2026, $5.81B in
-- 2027; revenue_total $16.14B +- 0.27B, 99% of it reserved;
-- largest_tenant_share 0.670 +- 0.012; ebitda_margin 0.727; capex_total
-- $3.74B (racks $2.4B, the build $1.34B); npv (12%, the equity's) $6.53B +-
-- 0.20B, npv_unlevered $6.56B.  The build came online from day 417 to day
-- 672 (mean 527, June 2026), so the GB200 contract that starts in January
-- 2026 earns $1.37B +- 0.27B of its 36 months: the delay risk of building.
-- Every run is in cash from the start (cash_min is the starting $1.4B:
-- payback_years 0).  No covenant breach and no default in any run; the
-- anchor never defaulted (1% a year: a 3% chance per run); labs_gb200
-- defaulted in one run.  Forcing the question with --set
-- tenants.msft.default_prob_year=0.3: the anchor defaults in 8 of 10 runs
-- (from day 72 to day 1035), npv falls to $2.2B +- 2.0B and
-- utilization_mean from 0.98 to 0.57, and 7 of 10 runs breach the DSCR
-- covenant (from day 455, as the lost rent leaves EBITDA short of the debt
-- service), though cash, fed by the $5B of term debt drawn at the start,
-- never runs out.  Against the structure before (all the term debt drawn at
-- the start, the GB200 racks in the leased site from July 2025, no build):
-- revenue_total was $16.6B, npv $7.84B and the forced anchor default breached
-- no covenant.  npv is $1.3B lower: the build's $1.34B and the GB200 rent
-- lost while the racks waited for its power, partly offset by less interest
-- (DDTL 2.0 draws $1.92B, not $4.95B).  At the AI-grade cost of $20M per MW
-- (--set sites.owned.build.cost_per_mw=2e7) the build costs $2.5B and npv
-- falls to $5.46B +- 0.20B, still without a breach.
--
-- Figures (docs/sources.md, "CoreWeave"): >250k GPUs end
-- 2024; active power ~470 MW (Q2 2025), >850 MW (end 2025); contracted
-- 2.2 GW (Q2 2025) and >3.1 GW (end 2025) -> site us's online schedule
-- (active) and the owned site's build (a small part of the contracted);
-- construction $7.7-10.7M per MW ("Building data centers");
-- ~96% committed revenue, contracts ~4 years, prepayments 15-25%;
-- Microsoft 62-67% of revenue; debt principal $11.17B at 30 Jun 2025
-- (DDTL 1.0 15%, DDTL 2.0 $4.95B 11%, 2030 notes 10%, revolver 7%, OEM
-- financing 9-10%); 6-year straight-line depreciation; revenue 2025
-- $5.13B.  GB200 NVL72 rack $2-3.1M (secondary; "GPU purchase prices"),
-- ~120 kW ("Power and facilities").  GB200 rental price: not sourced, a
-- parameter ($2.60; "GPU rental prices").
local neo = require("neo")

return neo.scenario {
  name = "coreweave-2025",
  description = "contracted power ramp, committed revenue, one dominant customer, heavy debt",
  start = "2025-01-01", horizon_days = 1095, seed = 2025, replications = 10,
  skus = {
    h100 = { gpus_per_node = 8, node_price = 270000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 48, life_years = 6 },
    h200 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, mtbf_gpu_hours = 50670,
             repair_hours = 48, life_years = 6 },
    gb200 = { gpus_per_node = 72, node_price = 3.0e6, node_kw = 120, mtbf_gpu_hours = 50670,
              repair_hours = 72, life_years = 6 },
  },
  sites = {
    -- colocation leased: the power active in 2025
    us = { power_mw = 470, pue = 1.3, power_price_mwh = 70, colo_kw_month = 120, install_days = 21,
           online = { { "2025-07-01", 650 }, { "2025-12-31", 850 } } },
    -- the build-out: capacity built by the policy below, at CBRE's $10.7M per MW (AI-grade
    -- builds cost over $20M), in 12-24 months (construction time not sourced: a parameter)
    owned = { power_mw = 0, pue = 1.3, power_price_mwh = 70, install_days = 21,
              build = { cost_per_mw = 1.07e7, months = neo.dist.triangular { lo = 12, mode = 15, hi = 24 },
                        payments = "monthly", life_years = 20 } },
  },
  fleet = {
    { site = "us", sku = "h100", nodes = 25000, installed = "2024-03-01" },
    { site = "us", sku = "h200", nodes = 6250, installed = "2024-10-01" },
  },
  market = { h100 = neo.process.path { { "2025-01-01", 2.4 }, { "2025-10-01", 1.70 }, { "2026-03-01", 2.35 } },
             h200 = 3.20, gb200 = 2.60 },
  supplier = { lead_time_days = neo.dist.triangular { lo = 90, mode = 150, hi = 240 }, monthly_cap = { gb200 = 600 } },
  tenants = {
    -- the anchor: the H100 fleet under one long contract (Microsoft's 62-67% of revenue)
    msft = { kind = "reserved", sku = "h100", nodes = 24500, price_gpu_hour = 2.10, term_months = 48,
             prepay_fraction = 0.2, renew_prob = 0.8, default_prob_year = 0.01 },
    openai = { kind = "reserved", sku = "h200", nodes = 6000, price_gpu_hour = 3.00, term_months = 48,
               prepay_fraction = 0.15, renew_prob = 0.7, default_prob_year = 0.02 },
    labs_gb200 = { kind = "reserved", sku = "gb200", nodes = 600, price_gpu_hour = 2.60, term_months = 36,
                   start = "2026-01-01", prepay_fraction = 0.15, renew_prob = 0.6, default_prob_year = 0.03 },
    od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 6, price_gpu_hour = "market",
           price_factor = 1.2, job_nodes = neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } },
           job_hours = neo.dist.lognormal { mean = 24, sd = 30 }, queue = { patience_hours = 8 } },
  },
  finance = {
    cash = 1.4e9, discount_rate = 0.12, staff_month = 6e7,
    debt = {
      { name = "ddtl1", principal = 2.0e9, rate = 0.15, term_months = 48, min_cash = 2e8 },
      -- DDTL 2.0: drawn as the GB200 racks are paid for, 80% of their price, secured by them;
      -- amortising from 2027; a quarterly DSCR covenant
      { name = "ddtl2", principal = 4.95e9, rate = 0.11, term_months = 60, min_cash = 2e8,
        borrowing_base = { advance_rate = 0.8, sku = "gb200", amortize_from = "2027-01-01" },
        covenants = { { kind = "dscr", min = 1.25, test = "quarterly", cure_days = 30 } } },
      { name = "notes_2030", principal = 2.0e9, rate = 0.10, term_months = 60, amortization = "bullet" },
      { name = "oem", principal = 1.0e9, rate = 0.095, term_months = 36, amortization = "linear" },
      { name = "revolver", principal = 1.5e9, rate = 0.07, term_months = 60, facility = true },
    },
  },
  policies = {
    review_every_days = 30,
    procurement = function(state)
      -- build the owned site for 800 GB200 racks (0.156 MW each with PUE: 125 MW), and buy
      -- the racks for the power built or being built (up to 300 an order): racks that
      -- arrive before the power wait for it
      local site, g = state.sites_by_name.owned, state.skus_by_name.gb200
      local mw = site.power_mw + site.mw_building
      if mw < 125 then return { { build = "owned", mw = 125 - mw } } end
      local have = g.nodes.idle + g.nodes.leased + g.nodes.busy + g.nodes.repairing + g.pending_orders
                   + g.nodes.installing
      local racks = math.min(800, math.floor(mw / 0.156)) - have
      if racks >= 20 then return { { order = "gb200", site = "owned", nodes = math.min(racks, 300) } } end
    end,
  },
}
