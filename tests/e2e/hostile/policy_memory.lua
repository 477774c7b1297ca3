-- expect: ^policy procurement \(tests/e2e/hostile/policy_memory\.lua:11\): memory cap of 64 MiB exceeded \(not enough memory\)$
-- neosim: run --lua-memory 64
-- a policy building a huge string
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_memory", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      local s = string.rep("x", 1 << 30)
    end,
  },
}
