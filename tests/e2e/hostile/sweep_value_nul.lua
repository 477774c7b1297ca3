-- expect: ^neosim: tests/e2e/hostile/sweep_value_nul\.lua:7: sweep\["policies\.params\.tag"\]\[2\]: must not hold a NUL byte \(\\0\)$
-- swept strings "b\0c" and "b\0d" would both be "b" to C: refused, naming the key
local neo = require("neo")
return neo.scenario { name = "hostile-sweep_value_nul", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } }, policies = { params = { tag = "a" } },
  sweep = { ["policies.params.tag"] = { "b", "b\0c" } } }
