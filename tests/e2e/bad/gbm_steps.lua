-- expect: ^neosim: tests/e2e/bad/gbm_steps\.lua:7: market\.h100: gbm: step_days 0\.001 over horizon_days 365250 draws 365250001 steps, more than 10000000: step_days must be at least 0\.0365$
-- a path of 3.65e8 steps: 5.8 GB
local neo = require("neo")
return neo.scenario {
  name = "bad", start = "2026-01-01", horizon_days = 365250,
  skus = { h100 = { gpus_per_node = 8, node_kw = 10.2 } },
  market = { h100 = neo.process.gbm { start = 2, drift = 0, vol = 0.1, step_days = 0.001 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
}
