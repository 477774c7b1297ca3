-- expect: ^neosim: tests/e2e/bad/replications_range\.lua:5: replications: must be <= 100000000, got 100000001$
-- a plain table (its lines from the chunk's `return {`, not the policy's `return {}`)
local neo = require("neo")
return {
  name = "bad", start = "2026-01-01", horizon_days = 30, replications = 100000001,
  skus = { h100 = { gpus_per_node = 8, node_kw = 10.2 } },
  sites = { dc1 = { power_mw = 1, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  policies = { procurement = function(state) return {} end },
}
