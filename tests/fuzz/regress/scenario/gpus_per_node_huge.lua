-- gpus_per_node = 1e12 passed the schema (an integer >= 1) and luacfg cast
-- it to int (undefined behaviour, caught by clang's UBSan); now the schema
-- says <= 1e6 and luacfg checks the range of every integer it casts.
local neo = require("neo")
return neo.scenario {
  name = "huge", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 1e12, node_kw = 10 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
}
