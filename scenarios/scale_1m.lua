-- scale_1m.lua -- the scale reference: a neocloud of 1,000,000 GPUs, the
-- Colossus 2 size (125,000 nodes at three sites), with tenants in
-- proportion: reference_100k.lua's business (required from it) scaled --
-- its sites, fleet, supply caps and finance x GPUS / 92,000 (its fleet's
-- GPUs), ten copies of each of its 32 tenants, its SKUs, market and shocks
-- -- over two years, with only its ordering policy (scaled).
--
-- Question: does the model's cost grow linearly with the fleet?  `make
-- bench` runs this file at GPUS = 100,000, 300,000 and 1,000,000 (the line
-- below) and prints seconds per replication, peak memory and the time per
-- event at each size (scale_100k, scale_300k, scale_1m, their _rss and
-- _event_ns).
--
-- Results (1 replication, seed 2026, the 2-core reference machine; `make
-- bench`'s scale.sh): 100k GPUs 0.35 s (1.4 million events, 249 ns an
-- event, 7 MB peak), 300k 1.07 s (4.3 million, 250 ns, 10 MB), 1M 4.2 s
-- (13.9 million, 301 ns, 18 MB): events grow in proportion to the fleet;
-- the time per event is flat to 300k and 20% higher at 1M, where the
-- 125,000 node records (5 MB) no longer stay in the caches between a job's
-- start and its end.  The business over two years (2 replications): revenue
-- $24.3B ($22.5B reserved, $1.64B on-demand, $138M spot), utilization_mean
-- 0.68, no covenant breach.
--
-- Figures (docs/sources.md): as reference_100k.lua: DGX H100 node 10.2 kW
-- and ~$270k ("Power and facilities", "GPU purchase prices"); failures
-- 0.173 per GPU-year ("Reliability"); H100 contract index $1.70-2.35 ("GPU
-- rental prices").
local neo = require("neo")
local ref = require("reference_100k") -- its table: the business copied below
local GPUS = 1000000
local F = GPUS / 92000 -- reference_100k's fleet: 11,500 nodes, 92,000 GPUs
local K = math.floor(GPUS / 100000 + 0.5) -- copies of its tenants
local function scale(x) return math.floor(x * F + 0.5) end

local tenants = {}
for c = 1, K do
  for name, t in pairs(ref.tenants) do tenants[name .. "_" .. c] = t end
end
local sites, fleet = {}, {}
for name, s in pairs(ref.sites) do
  local scaled = {}
  for k, v in pairs(s) do scaled[k] = v end
  scaled.power_mw = scale(s.power_mw)
  if s.online then scaled.online = { { s.online[1][1], scale(s.online[1][2]) } } end
  sites[name] = scaled
end
for i, f in ipairs(ref.fleet) do
  fleet[i] = { site = f.site, sku = f.sku, nodes = scale(f.nodes), installed = f.installed }
end
local debt = {}
for i, d in ipairs(ref.finance.debt) do
  debt[i] = { name = d.name, principal = scale(d.principal), rate = d.rate, term_months = d.term_months,
              amortization = d.amortization, facility = d.facility, min_cash = d.min_cash and scale(d.min_cash) }
end

return neo.scenario {
  name = "scale-1m",
  description = "about 1M GPUs (125k nodes), reference_100k's business ten times over, 2 years",
  start = "2026-01-01", horizon_days = 730, warmup_days = 30, seed = 2026, replications = 1,
  skus = ref.skus, sites = sites, fleet = fleet, market = ref.market, tenants = tenants,
  supplier = { lead_time_days = ref.supplier.lead_time_days,
               monthly_cap = { b200 = scale(ref.supplier.monthly_cap.b200), h200 = scale(ref.supplier.monthly_cap.h200) } },
  shocks = ref.shocks,
  finance = { cash = scale(ref.finance.cash), discount_rate = ref.finance.discount_rate,
              staff_month = scale(ref.finance.staff_month), terminal = ref.finance.terminal, debt = debt },
  policies = {
    review_every_days = 30,
    procurement = neo.policies.order_when_utilization { sku = "b200", site = "memphis", above = 0.88,
                                                        nodes = scale(250), max_pending = scale(500) },
  },
}
