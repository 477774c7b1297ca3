-- orbital_2035.lua -- a data center in orbit: no repair, no power bill,
-- launch cost as capex.
--
-- Question: does free solar power pay for losing every node that fails?
--
-- 2035: 1,000 next-generation nodes either on the ground (power, repairs,
-- colocation) or in orbit (no power bill, no colocation, launch adds to
-- the node price, a failed node is lost for good), leased to one tenant
-- for five years at $3.00/GPU-hour with SLA credits for undelivered nodes.
-- The points: the ground; orbit with $150k of launch per node; orbit with
-- $50k; orbit with a free launch.  Orbit should lose 1 - exp(-8 GPUs x 5 y x 8766 h / 400,000 h) = 58%
-- of its nodes.
--
-- Results (20 replications per point, seed 35; mean +- 95% CI half-width):
-- no.  npv (10%, book value at the end; no debt, so npv = npv_unlevered)
-- is $273.3M +- 0.1M on the ground, $23.1M +- 3.3M in orbit at $150k
-- launch and $123.1M +- 3.3M at $50k (irr 41%, 12%, 25%; payback 2.4, 3.5
-- and 2.7 years).  Orbit loses 581 +- 7 nodes of 1,000 (nodes_lost, the
-- 58% above), and with them $352M of SLA credits (sla_credits_total,
-- against $12M on the ground): revenue_total $699M against $1,040M.  The
-- ground pays $190M of power and colocation over five years and repairs
-- 6,855 failures; orbit saves that and still falls short.  Even a free
-- launch (point 3) leaves orbit $100M behind: npv $173.1M +- 3.3M.
--
-- Figures (docs/sources.md): every orbital figure here is a parameter, not
-- sourced ("Orbital data centers").  Ground failures use the Llama 3
-- interruption rate (0.173 per GPU-year, "Reliability") with 72 h repairs; power
-- $70/MWh and colocation $150/kW-month are round figures near "Power and
-- facilities" (EIA 8.06 c/kWh US industrial average; CBRE $163-184).
local neo = require("neo")

return neo.scenario {
  name = "orbital-2035",
  description = "orbital site (no repair, no power bill, launch capex) vs a ground site",
  start = "2035-01-01", horizon_days = 1826, seed = 35, replications = 20,
  skus = {
    ground_gpu = { gpus_per_node = 8, node_price = 400000, node_kw = 15, mtbf_gpu_hours = 50670,
                   repair_hours = 72, life_years = 5 },
    -- in orbit a failure is a loss: mean GPU-hours to a node-killing fault (not the
    -- restartable interruptions of the ground figure), a parameter
    orbit_gpu = { gpus_per_node = 8, node_price = 400000 + 150000, node_kw = 15, mtbf_gpu_hours = 400000,
                  life_years = 5 },
  },
  sites = {
    ground = { power_mw = 25, pue = 1.2, power_price_mwh = 70, colo_kw_month = 150 },
    orbit = { power_mw = 25, pue = 1.0, power_price_mwh = 0, repair = false },
  },
  fleet = { { site = "ground", sku = "ground_gpu", nodes = 1000, bought = true } },
  tenants = {
    lessee = { kind = "reserved", sku = "ground_gpu", nodes = 1000, price_gpu_hour = 3.00, term_months = 60,
               sla_credit = 1.0 },
  },
  finance = { cash = 6.5e8, discount_rate = 0.10, terminal = "book" },
  sweep = neo.sweep.points {
    { ["fleet.1.site"] = "ground", ["fleet.1.sku"] = "ground_gpu", ["tenants.lessee.sku"] = "ground_gpu" },
    { ["fleet.1.site"] = "orbit", ["fleet.1.sku"] = "orbit_gpu", ["tenants.lessee.sku"] = "orbit_gpu" },
    { ["fleet.1.site"] = "orbit", ["fleet.1.sku"] = "orbit_gpu", ["tenants.lessee.sku"] = "orbit_gpu",
      ["skus.orbit_gpu.node_price"] = 400000 + 50000 },
    { ["fleet.1.site"] = "orbit", ["fleet.1.sku"] = "orbit_gpu", ["tenants.lessee.sku"] = "orbit_gpu",
      ["skus.orbit_gpu.node_price"] = 400000 }, -- a free launch
  },
}
