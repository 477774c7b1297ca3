-- Nodes leased in against a hand computation (tests/validation/finance.sh).
-- 10 nodes leased in at $20,000 a node-month (730.5 hours) for 6 months
-- from the start (4383 hours, to day 182.625), no capex; a reserved tenant
-- holds all 10 for 12 months at $10 a GPU-hour (8 GPUs), SLA credit 1 x the
-- price for every GPU-hour not delivered:
--   lease_cost_total = 10 x 20000 x 4383 / 730.5 = 1,200,000 (is.opex);
--   the nodes go back on day 182.625: the tenant's revenue is
--   80 x 10 x 4383 = 3,506,400 (gross 80 x 10 x 8760 to the horizon less
--   credits of 80 x 10 x 4377 for the hours undelivered), book_value_end 0,
--   capex_total 0.
local neo = require("neo")
return neo.scenario {
  name = "validation-lease-in", start = "2026-01-01", horizon_days = 365,
  seed = 1, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1e6, node_kw = 10, life_years = 10 } },
  sites = { dc = { power_mw = 10, pue = 1, power_price_mwh = 0, colo_kw_month = 0 } },
  fleet = { { site = "dc", sku = "h100", nodes = 10, lease = { payment_month = 20000, term_months = 6 } } },
  tenants = { anchor = { kind = "reserved", nodes = 10, price_gpu_hour = 10, term_months = 12, sla_credit = 1 } },
  finance = { cash = 1e6 },
}
