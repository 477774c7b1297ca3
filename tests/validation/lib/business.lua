-- The businesses the finance validation scenarios share (tests/validation/
-- finance.sh): each fills a scenario's run, fleet and tenants around its
-- name, horizon and finance.
local B = {}

local function run(s)
  s.start, s.seed, s.replications = "2026-01-01", 1, 1
  s.sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0 } }
  return s
end

--- One node that costs nothing and earns nothing: only the lenders and the
--- owners move money.
function B.none(s)
  s.skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 10, life_years = 10 } }
  s.fleet = { { site = "dc", sku = "h100", nodes = 1 } }
  s.tenants = {}
  return run(s)
end

--- 10 nodes bought at the start for $2.4M each (life 10 years), leased at $40
--- a GPU-hour ($3,200 an hour) for 12 months, then idle.
function B.leased(s)
  s.skus = { h100 = { gpus_per_node = 8, node_price = 2.4e6, node_kw = 10, life_years = 10 } }
  s.fleet = { { site = "dc", sku = "h100", nodes = 10, bought = true } }
  s.tenants = { anchor = { kind = "reserved", nodes = 10, price_gpu_hour = 40, term_months = 12 } }
  return run(s)
end

return B
