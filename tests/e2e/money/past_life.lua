-- Nodes past their useful life at the start are retired at once (issue:
-- they served for ever): 2 nodes installed 7 years before the start with a
-- 6-year life are sold on day 0 at 10% of their $250k; 3 younger ones stay.
local neo = require("neo")
return neo.scenario {
  name = "money-past-life", start = "2026-01-01", horizon_days = 60, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2, life_years = 6,
                    resale_fraction = 0.1 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2, installed = "2019-01-01" },
            { site = "dc", sku = "h100", nodes = 3, installed = "2024-01-01" } },
  finance = { cash = 1e7 },
}
