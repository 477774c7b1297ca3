-- After a failure a reserved tenant takes a node from internal use at once
-- (issue: it waited for the repair and was paid SLA credits meanwhile).  4
-- nodes: the lease takes 2, internal use the other 2; a node fails every
-- 2,500 hours and is repaired in 48.  While 2 nodes work the lease has 2,
-- so it is never short: no SLA credits, a full bill.
local neo = require("neo")
return neo.scenario {
  name = "money-spare", start = "2026-01-01", horizon_days = 365, seed = 4, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 250000, node_kw = 10.2, mtbf_gpu_hours = 20000,
                    repair_hours = 48 } },
  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },
  fleet = { { site = "dc", sku = "h100", nodes = 4 } },
  finance = { cash = 1e7 },
  tenants = {
    lease = { kind = "reserved", nodes = 2, price_gpu_hour = 2, term_months = 24, sla_credit = 1 },
    train = { kind = "internal", nodes = 4, value_gpu_hour = 1 },
  },
}
