-- expect: ^policy procurement \(tests/e2e/hostile/policy_recursion\.lua:11\): tests/e2e/hostile/policy_recursion\.lua:12: stack overflow
-- neosim: run
-- a policy recursing without end
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_recursion", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      local function f() return 1 + f() end
      return f()
    end,
  },
}
