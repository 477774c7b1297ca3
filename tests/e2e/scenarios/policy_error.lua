-- A policy that fails at run time (indexing nil): every run fails with the
-- policy's name and file:line.
local neo = require("neo")
return neo.scenario {
  name = "policy-error", start = "2026-01-01", horizon_days = 60, replications = 2,
  skus = { h100 = { node_kw = 10 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    procurement = function(state)
      return state.no_such_table.x
    end,
  },
}
