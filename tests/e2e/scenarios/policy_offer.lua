-- A procurement policy offers a reserved contract once the anchor tenant has
-- none; the tenants in the state carry their SKU and site names, the
-- sites their nodes by SKU and state.
local neo = require("neo")
return neo.scenario {
  name = "policy-offer", start = "2026-01-01", horizon_days = 365, seed = 9, replications = 2,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 40 } },
  market = { h100 = 2.5 },
  tenants = {
    -- no contract of its own inside the horizon: only the policy's offer starts one
    anchor = { kind = "reserved", site = "dc", nodes = 1, price_gpu_hour = 3, start = "2030-01-01",
               term_months = 12, renew_prob = 1 },
  },
  finance = { cash = 1e6 },
  policies = {
    review_every_days = 30,
    procurement = function(state)
      local a = state.tenants_by_name.anchor
      assert(a.sku == "h100" and a.site == "dc", "tenant sku/site missing from the state")
      local here, all = state.sites_by_name.dc.nodes.h100, state.skus_by_name.h100.nodes
      assert(here.idle + here.leased == 40 and here.leased == all.leased, "nodes by site and state")
      if not a.active and state.t_days >= 30 then
        return { { offer = "anchor", nodes = 25, price = 2.0, term_months = 6 } }
      end
    end,
  },
}
