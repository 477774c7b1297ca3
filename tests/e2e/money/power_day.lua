-- Power and colocation are paid for the hours a node is installed (issue:
-- charged on the count at each day's end).  Two nodes of 10 kW (PUE 1) at
-- $100/MWh and $100/kW-month; one is sold at hour 36: 2 x 36 + 1 x 36 =
-- 108 node-hours, so power is 108 x 10 / 1000 x 100 = $108 and colocation
-- 108 x 10 x 100 / 730.5.
local neo = require("neo")
return neo.scenario {
  name = "money-power-day", start = "2026-01-01", horizon_days = 3, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10 } },
  sites = { dc = { power_mw = 5, pue = 1, power_price_mwh = 100, colo_kw_month = 100 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  finance = { cash = 1e6 },
  policies = {
    review_every_days = 1.5,
    procurement = function(state)
      if state.t_days == 1.5 then return { { sell = "h100", site = "dc", nodes = 1 } } end
    end,
  },
}
