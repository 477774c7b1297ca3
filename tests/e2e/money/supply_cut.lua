-- A supply cut to 0 stops an SKU without a monthly cap (issue: infinite cap
-- x 0 shipped everything), and shipping resumes when the cut ends, not at
-- the next month start.  The cut runs from day 0 to day 60; 10 nodes are
-- ordered on day 10 with a 5-day lead time: shipped on day 60, delivered
-- on day 65.
local neo = require("neo")
return neo.scenario {
  name = "money-supply-cut", start = "2026-01-01", horizon_days = 120, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 1 } },
  supplier = { lead_time_days = 5 },
  shocks = { { kind = "supply_cut", sku = "h100", at = "2026-01-01", factor = 0, days = 60 } },
  finance = { cash = 1e7 },
  policies = {
    review_every_days = 10,
    procurement = function(state)
      if state.t_days == 10 then return { { order = "h100", site = "dc", nodes = 10 } } end
    end,
  },
}
