-- A policy that never returns: the instruction budget stops it.
local neo = require("neo")
return neo.scenario {
  name = "policy-loop", start = "2026-01-01", horizon_days = 60, replications = 1,
  skus = { h100 = { node_kw = 10 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    allocation = function(state)
      while true do end
    end,
  },
}
