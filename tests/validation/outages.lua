-- Site outages against their closed form (tests/validation/business.sh).
-- 1,000 working nodes that never fail; outages start 6 times a year, each
-- taking every node down with probability 0.25 for Exp(mean 2 days).  Each
-- node is then a two-state chain: down at a = 6 x 0.25 / 8766 per hour,
-- back at b = 1 / 48: from up at 0, P(down at t) = a / (a + b) (1 -
-- exp(-(a + b) t)), so over T = 8,760 h it is down a / (a + b) (T - (1 -
-- exp(-(a + b) T)) / (a + b)) = 70.977 h: 70,977 node-hours lost, in
-- 6 x 8760 / 8766 = 5.9959 outages, 2,000 replications.
local neo = require("neo")
return neo.scenario {
  name = "validation-outages", start = "2026-01-01", horizon_days = 365,
  seed = 23, replications = 2000,
  skus = { g = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 5, pue = 1,
                   outages = { rate_per_year = 6, days = neo.dist.exponential { mean = 2 }, fraction = 0.25 } } },
  fleet = { { site = "dc", sku = "g", nodes = 1000 } },
  tenants = {},
  finance = { cash = 1e6 },
}
