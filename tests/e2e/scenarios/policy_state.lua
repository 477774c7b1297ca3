-- A policy that keeps state in an upvalue: it orders once, on its first call.
-- Every run must get its own copy (each run loads the scenario afresh), so
-- every run orders, whatever ran before it in the process.
local neo = require("neo")
local ordered = false
return neo.scenario {
  name = "policy-state", start = "2026-01-01", horizon_days = 60, replications = 3,
  skus = { h100 = { node_kw = 10, node_price = 1000 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  finance = { cash = 1e6 },
  policies = {
    procurement = function(state)
      if not ordered then
        ordered = true
        return { { order = "h100", site = "dc", nodes = 1 } }
      end
    end,
  },
  sweep = { ["finance.cash"] = { 1e6, 2e6 } },
}
