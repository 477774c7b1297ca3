-- A policy that fails on day 30, after a contract started on day 0: the
-- failed run keeps its events up to the failure.
local neo = require("neo")
return neo.scenario {
  name = "policy-late-error", start = "2026-01-01", horizon_days = 60, replications = 1,
  skus = { h100 = { node_kw = 10 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  tenants = { lease = { kind = "reserved", nodes = 2, price_gpu_hour = 2, term_months = 12 } },
  policies = {
    review_every_days = 30,
    procurement = function(state)
      if state.t_days >= 30 then return state.no_such_table.x end
    end,
  },
}
