-- expect: ^policy procurement \(tests/e2e/hostile/policy_memory_keep\.lua:11\): memory cap of 64 MiB exceeded \(not enough memory\)$
-- neosim: run --lua-memory 64
-- a policy that keeps what it allocates until the cap is reached (then the state table cannot be built)
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_memory_keep", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      KEEP = KEEP or {}
      KEEP[#KEEP + 1] = string.rep("x", 16 << 20) .. #KEEP
    end,
  },
}
