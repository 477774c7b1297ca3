-- Policies end to end: a procurement policy orders nodes while utilisation
-- is high, a pricing policy follows the market, an allocation policy sets
-- internal use; the events table records the orders.
local neo = require("neo")
return neo.scenario {
  name = "policies", start = "2026-01-01", horizon_days = 365, seed = 4, replications = 2,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60, install_days = 3 } },
  fleet = { { site = "dc", sku = "h100", nodes = 20 } },
  market = { h100 = neo.process.path { { "2026-01-01", 3.0 }, { "2027-01-01", 2.0 } } },
  supplier = { lead_time_days = neo.dist.uniform { lo = 20, hi = 40 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 30, job_nodes = 1,
           job_hours = neo.dist.exponential { mean = 1 }, price_gpu_hour = 2.5 },
    train = { kind = "internal", nodes = 5, value_gpu_hour = 1.0 },
  },
  finance = { cash = 20e6 },
  policies = {
    review_every_days = 14,
    params = { util_above = 0.8, batch = 10 },
    procurement = function(state)
      local h = state.skus_by_name.h100
      if h.utilization > state.params.util_above and h.pending_orders == 0 then
        return { { order = "h100", site = "dc", nodes = state.params.batch } }
      end
    end,
    pricing = function(state)
      return { { price = "od", gpu_hour = state.skus_by_name.h100.market_price * 0.9 } }
    end,
    allocation = function(state)
      return { { internal = "train", nodes = state.t_days < 180 and 5 or 2 } }
    end,
  },
}
