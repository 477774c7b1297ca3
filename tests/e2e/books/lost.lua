-- Nodes lost at a site without repair stop depreciating and are written off
-- at their book value (issue: they went on depreciating).  8 nodes of $200k
-- with a 2-year life; a GPU fails every 20,000 hours, a node of 8 every
-- 2,500: most are lost within the year.
local neo = require("neo")
return neo.scenario {
  name = "books-lost", start = "2026-01-01", horizon_days = 365, seed = 5, replications = 2,
  skus = { h100 = { gpus_per_node = 8, node_price = 200000, node_kw = 10.2, life_years = 2,
                    mtbf_gpu_hours = 20000 } },
  sites = { orbit = { power_mw = 5, pue = 1.0, power_price_mwh = 0, repair = false } },
  fleet = { { site = "orbit", sku = "h100", nodes = 8 } },
  finance = { cash = 1e7 },
}
