-- expect: ^model memory budget of 1 MB exceeded \(--model-memory\) by the path of sites\.dc1\.power_price_mwh \(regime, more than 65536 switches\): 1\.0 MB more, [0-9]+\.[0-9] MB in use$
-- neosim: run --model-memory 1
-- no Lua at all: a regime switching every 6 hours or so for 100 years (146,000 switches,
-- a path of random length) grows past a budget of 1 MB: each doubling is taken first
local neo = require("neo")
return {
  name = "memory-regime", start = "2026-01-01", horizon_days = 36525, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 200 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2,
                    power_price_mwh = neo.process.regime { base = 60, states = {
                      { name = "lo", level = 1, mean_days = 0.25 }, { name = "hi", level = 2, mean_days = 0.25 } } } } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
}
