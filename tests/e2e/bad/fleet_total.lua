-- expect: ^neosim: tests/e2e/bad/fleet_total\.lua:9: fleet\[2\]: the fleet has 1200000000 nodes with this entry, more than 1000000000$
local neo = require("neo")
return neo.scenario {
  name = "bad", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 8, node_kw = 0.001 } },
  sites = { dc1 = { power_mw = 1e6, pue = 1 } },
  fleet = {
    { site = "dc1", sku = "h100", nodes = 600000000 },
    { site = "dc1", sku = "h100", nodes = 600000000 },
  },
}
