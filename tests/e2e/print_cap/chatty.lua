-- A policy that prints 256 KiB at every review: 5 reviews a run, 20 runs.
-- Capped per run, a batch wrote 20 x 1 MiB to stderr; capped per batch, 1 MiB.
local neo = require("neo")
local line = string.rep("x", 256 * 1024 - 1)
return neo.scenario {
  name = "print-cap", start = "2026-01-01", horizon_days = 30, replications = 20,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state) print(line) end,
  },
}
