-- A repair queue against its closed form (tests/validation/business.sh).
-- 2,000 nodes of one GPU fail at 1 / 4,000 h each while working; the site
-- has 4 repair crews and a repair takes Exp(mean 6 h): the machine-repair
-- queue M/M/4//2000, failures at about 0.5 an hour against 4 / 6 repairs
-- an hour (load 0.75).  Its mean wait for a crew is 2.9853 h (3.0566 h in
-- the Erlang C limit of infinitely many nodes); measured after 30 days of
-- warm-up over 2 years, 100 replications.
local neo = require("neo")
return neo.scenario {
  name = "validation-repair-queue", start = "2026-01-01", horizon_days = 760, warmup_days = 30,
  seed = 21, replications = 100,
  skus = { g = { gpus_per_node = 1, node_price = 0, node_kw = 1, mtbf_gpu_hours = 4000,
                 repair_hours = neo.dist.exponential { mean = 6 } } },
  sites = { dc = { power_mw = 5, pue = 1, repair_crews = 4 } },
  fleet = { { site = "dc", sku = "g", nodes = 2000 } },
  tenants = {},
  finance = { cash = 1e6 },
}
