-- expect: ^neosim: tests/e2e/hostile/tenant_name_nul\.lua:7: tenants\["a\\x00b"\]: invalid name
-- tenants "a\0b" and "a\0c" would both be "a" to C: names are identifiers, refused
local neo = require("neo")
return neo.scenario { name = "hostile-tenant_name_nul", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  tenants = { ["a\0b"] = { kind = "on_demand", arrivals_per_hour = 1, price_gpu_hour = 2 },
              ["a\0c"] = { kind = "on_demand", arrivals_per_hour = 1, price_gpu_hour = 2 } } }
