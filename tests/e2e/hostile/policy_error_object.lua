-- expect: ^policy procurement \(tests/e2e/hostile/policy_error_object\.lua:11\): error object is a table value$
-- neosim: run
-- a policy raising a table whose __tostring loops
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_error_object", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      error(setmetatable({}, { __tostring = function() while true do end end }))
    end,
  },
}
