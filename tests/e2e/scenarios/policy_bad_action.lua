-- A policy that returns an invalid action (an unknown SKU).
local neo = require("neo")
return neo.scenario {
  name = "policy-bad-action", start = "2026-01-01", horizon_days = 60, replications = 1,
  skus = { h100 = { node_kw = 10 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    procurement = function(state)
      return { { order = "b300", site = "dc", nodes = 4 } }
    end,
  },
}
