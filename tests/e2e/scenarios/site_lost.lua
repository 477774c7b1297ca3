-- site_lost.lua -- a site that loses nodes (tests/e2e/fleet_series.sh): orbit
-- has no repair and its nodes fail every 2,500 hours or so (a GPU every
-- 20,000 hours, 8 a node); ground's never fail.  Two reserved tenants
-- lease all 12 nodes, so each site's utilisation, computed on the nodes it
-- still has, is 1 in every month it has any, although orbit loses most of
-- its 8 within the year.
local neo = require("neo")
return neo.scenario {
  name = "site-lost", start = "2026-01-01", horizon_days = 365, seed = 5, replications = 2,
  skus = {
    h100 = { gpus_per_node = 8, node_price = 200000, node_kw = 10.2, mtbf_gpu_hours = 20000 },
    h200 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 },
  },
  sites = {
    orbit = { power_mw = 5, pue = 1.0, power_price_mwh = 0, repair = false },
    ground = { power_mw = 5, pue = 1.2, power_price_mwh = 60 },
  },
  fleet = { { site = "orbit", sku = "h100", nodes = 8 }, { site = "ground", sku = "h200", nodes = 4 } },
  finance = { cash = 1e7 },
  tenants = {
    a100 = { kind = "reserved", sku = "h100", nodes = 8, price_gpu_hour = 2, term_months = 12 },
    a200 = { kind = "reserved", sku = "h200", nodes = 3, price_gpu_hour = 3, term_months = 12 },
  },
}
