-- expect: ^policy procurement \(tests/e2e/hostile/memory_order\.lua:10\): action 1: order: model memory budget of 4096 MB exceeded \(--model-memory\) by an order of 100000000 h100 nodes: 17547\.6 MB more, [0-9]+\.[0-9] MB in use$
-- neosim: run
-- a policy ordering 10^8 nodes (5.2 GB): refused before a node is made
return {
  name = "memory-order", start = "2026-01-01", horizon_days = 30, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 1 } },
  policies = {
    procurement = function(state)
      return { { order = "h100", site = "dc1", nodes = 100000000 } }
    end,
  },
}
