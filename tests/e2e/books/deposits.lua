-- Nodes paid for and not yet delivered are worth what was paid (issue: book
-- value counted installed nodes only).  A policy orders 10 nodes on day 0
-- at $300k; the lead time outlasts the 90-day horizon.
local neo = require("neo")
return neo.scenario {
  name = "books-deposits", start = "2026-01-01", horizon_days = 90, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 300000, node_kw = 10.2, life_years = 5 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  supplier = { lead_time_days = 1000, pay_on = "order" },
  finance = { cash = 1e7 },
  policies = {
    review_every_days = 60, -- day 0 and day 60
    procurement = function(state)
      if state.t_days == 0 then return { { order = "h100", site = "dc", nodes = 10 } } end
    end,
  },
}
