-- expect: ^model memory budget of 4096 MB exceeded \(--model-memory\) by the fleet of 1000000000 nodes: 175476\.1 MB more, 0\.0 MB in use$
-- neosim: run
-- no Lua at all: a fleet of 10^9 nodes (of a milliwatt each, so they fit the site) validates
-- and took 175 GB to set up; the fleet is taken from the memory budget before a node is made
return {
  name = "memory-fleet", start = "2026-01-01", horizon_days = 30, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 0.001 } },
  sites = { dc1 = { power_mw = 1e6, pue = 1.0 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 1000000000 } },
}
