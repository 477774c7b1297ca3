-- An SKU cannot be ordered before its release date (issue: orders ignored
-- it): a policy that orders B200 nodes on day 0, released on day 90, fails
-- the run with a message saying so.
local neo = require("neo")
return neo.scenario {
  name = "money-release", start = "2026-01-01", horizon_days = 120, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 },
           b200 = { gpus_per_node = 8, node_price = 400000, node_kw = 14.3, release = "2026-04-01" } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  finance = { cash = 1e7 },
  policies = {
    review_every_days = 30,
    procurement = function(state)
      if state.t_days == 0 then return { { order = "b200", site = "dc", nodes = 1 } } end
    end,
  },
}
