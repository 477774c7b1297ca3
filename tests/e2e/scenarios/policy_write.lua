-- A policy that tries to change the state it is given.
local neo = require("neo")
return neo.scenario {
  name = "policy-write", start = "2026-01-01", horizon_days = 60, replications = 1,
  skus = { h100 = { node_kw = 10 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    pricing = function(state)
      state.cash = 1e12
    end,
  },
}
