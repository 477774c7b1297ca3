-- expect: ^sites\.dc1\.power_price_mwh \(gbm\): its path reaches inf on day [0-9]+\.0: its parameters make it overflow over the horizon$
-- neosim: run
-- no Lua at all: a power price growing e^100 a year overflows to inf within 8 years; the
-- books then refused a bill of $inf ('ledger out of balance'): the path is checked when drawn
local neo = require("neo")
return {
  name = "gbm-overflow", start = "2026-01-01", horizon_days = 3650, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 20 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2,
                    power_price_mwh = neo.process.gbm { start = 60, drift = 100, vol = 0.1, step_days = 1 } } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
}
