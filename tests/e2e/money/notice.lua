-- A termination notice stops the renewal even when the term ends before the
-- notice runs out (issue: 58 of 97 such notices were followed by a
-- renewal).  12-month terms, renew_prob 1, a notice hazard of 3 a year and
-- 400 days' notice, longer than any term left: every replication with a
-- notice ends at the term's end, never renews after it.
local neo = require("neo")
return neo.scenario {
  name = "money-notice", start = "2026-01-01", horizon_days = 1500, seed = 2, replications = 8,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  finance = { cash = 1e7 },
  tenants = {
    anchor = { kind = "reserved", nodes = 2, price_gpu_hour = 2, term_months = 12, renew_prob = 1,
               terminate_prob_year = 3, notice_days = 400 },
  },
}
