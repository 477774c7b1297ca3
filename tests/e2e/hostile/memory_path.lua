-- expect: ^model memory budget of 1 MB exceeded \(--model-memory\) by the path of sites\.dc1\.power_price_mwh \(gbm, 365251 points\): 5\.6 MB more, 0\.0 MB in use$
-- neosim: run --model-memory 1
-- no Lua at all: a daily price path over 1000 years (365,251 points, 5.6 MB) within the
-- validator's bound of 10^7 points, beyond a budget of 1 MB: taken before it is drawn
local neo = require("neo")
return {
  name = "memory-path", start = "2026-01-01", horizon_days = 365250, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 2000 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2,
                    power_price_mwh = neo.process.gbm { start = 60, drift = 0, vol = 0.01, step_days = 1 } } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
}
