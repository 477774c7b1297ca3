-- Power freed by a node leaving is given to a node waiting for it (issue: it
-- waited for the next power step).  The site has room for 3 nodes of 10.2
-- kW (PUE 1); 3 are in service, installed on 2021-01-31, and reach the end
-- of their 5-year life on day 30.25, when they are sold.  A node ordered
-- on day 0 arrives on day 1 and waits for power: it is installed on day
-- 32.25 (2 days to install).
local neo = require("neo")
return neo.scenario {
  name = "money-power-freed", start = "2026-01-01", horizon_days = 60, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2, life_years = 5 } },
  sites = { dc = { power_mw = 0.0306, pue = 1.0, power_price_mwh = 60, install_days = 2 } },
  fleet = { { site = "dc", sku = "h100", nodes = 3, installed = "2021-01-31" } },
  supplier = { lead_time_days = 1 },
  finance = { cash = 1e7 },
  policies = {
    review_every_days = 30,
    procurement = function(state)
      if state.t_days == 0 then return { { order = "h100", site = "dc", nodes = 1 } } end
    end,
  },
}
