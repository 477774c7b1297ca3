-- expect: ^policy procurement \(tests/e2e/hostile/policy_loop\.lua:11\): tests/e2e/hostile/policy_loop\.lua:12: instruction budget of 10000000 instructions exceeded \(an endless loop\?\)$
-- neosim: run --lua-instructions 1e7
-- a procurement policy that never returns
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_loop", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      while true do end
    end,
  },
}
