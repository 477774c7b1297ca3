-- expect: ^policy procurement \(tests/e2e/hostile/policy_actions_metatable\.lua:11\): action 1: must be a plain table \(no metatable\)$
-- neosim: run
-- actions that would answer _check_actions through __index: refused (C reads actions raw in any case)
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_actions_metatable", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      local a = { order = "h100", site = "dc", nodes = 1 }
      return { setmetatable({}, { __index = a, __pairs = function() return next, a end }) }
    end,
  },
}
