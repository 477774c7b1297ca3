-- expect: ^model memory budget of 2 MB exceeded \(--model-memory\) by its results \([0-9]+ series samples, [0-9]+ events\): [0-9.]+ MB more, [0-9.]+ MB in use$
-- neosim: run --model-memory 2
-- no Lua at all: 300 tenants' monthly series over 100 years (1200 months x some 330 series,
-- 19 MB of samples) pass a budget of 2 MB: the results are taken month by month
local tenants = {}
for i = 1, 300 do tenants["t" .. i] = { kind = "internal", nodes = 0, value_gpu_hour = 1 } end
return {
  name = "memory-results", start = "2026-01-01", horizon_days = 36525, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1, life_years = 200 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
  tenants = tenants,
}
