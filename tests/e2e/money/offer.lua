-- A reserved tenant with nodes = 0 has no contract until an offer makes one
-- (issue: it had an active 0-node contract that renewed for ever, blocked
-- offers, and overwrote one made on day 0), and the policies first look
-- after the day-0 contracts have started (issue: anchor.active was false at
-- the first review).  The policy offers 10 nodes to `spot_buyer` on day 0 at
-- $2 for 12 months (renew_prob 1: accepted), and orders one node if it sees
-- `anchor` active, with an integer count of nodes, at the first review.
local neo = require("neo")
return neo.scenario {
  name = "money-offer", start = "2026-01-01", horizon_days = 100, seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 20 } },
  finance = { cash = 1e7 },
  tenants = {
    anchor = { kind = "reserved", nodes = 5, price_gpu_hour = 3, term_months = 24 },
    spot_buyer = { kind = "reserved", nodes = 0, price_gpu_hour = 2, term_months = 12, renew_prob = 1 },
  },
  policies = {
    review_every_days = 50,
    procurement = function(state)
      local a = state.tenants_by_name.anchor
      if state.t_days == 0 and a.active and math.type(a.nodes) == "integer" then
        return { { order = "h100", site = "dc", nodes = 1 } }
      end
    end,
    allocation = function(state)
      if state.t_days == 0 then return { { offer = "spot_buyer", nodes = 10, price = 2, term_months = 12 } } end
    end,
  },
}
