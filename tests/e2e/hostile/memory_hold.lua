-- expect: ^model memory budget of 8 MB exceeded \(--model-memory\) by the nodes tenant t[0-9]+ holds \(2001 pools\): 0\.0 MB more, [0-9.]+ MB in use$
-- neosim: run --model-memory 8
-- no Lua at all: 400 internal tenants each hold a node of the last of 2001 pools (sites x
-- SKUs), and each keeps a set of held nodes per pool: tenants x pools sets, 19 MB, grow
-- past a budget of 8 MB
local sites, fleet, tenants = { last = { power_mw = 1 } }, {}, {}
for i = 1, 2000 do
  sites["s" .. i] = { power_mw = 1 }
  fleet[i] = { site = "s" .. i, sku = "h100", nodes = 1 }
end
fleet[2001] = { site = "last", sku = "h100", nodes = 400 }
for i = 1, 400 do tenants["t" .. i] = { kind = "internal", site = "last", nodes = 1, value_gpu_hour = 1 } end
return {
  name = "memory-hold", start = "2026-01-01", horizon_days = 30, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = sites, fleet = fleet, tenants = tenants,
}
