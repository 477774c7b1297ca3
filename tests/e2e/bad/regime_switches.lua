-- expect: ^neosim: tests/e2e/bad/regime_switches\.lua:6: sites\.dc1\.power_price_mwh: regime: states lasting 1e-06 days on average switch about 3\.65e\+09 times over horizon_days 3650, more than 10000000: their mean_days must average at least 0\.000365$
-- a path of 3.65e9 switches: 58 GB
local neo = require("neo")
return neo.scenario {
  name = "bad", start = "2026-01-01", horizon_days = 3650,
  sites = { dc1 = { power_mw = 50, pue = 1.2, power_price_mwh = neo.process.regime { base = 60, states = {
    { name = "a", level = 1, mean_days = 1e-6 }, { name = "b", level = 2, mean_days = 1e-6 } } } } },
  skus = { h100 = { gpus_per_node = 8, node_kw = 10.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
}
