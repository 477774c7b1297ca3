-- expect: ^neosim: tests/e2e/hostile/deep_table\.lua:6: tables nested more than 100 levels deep$
-- a scenario nested a million levels deep
local neo = require("neo")
local t = {}
for i = 1, 1e6 do t = { t } end
return neo.scenario { name = "deep", start = "2026-01-01", horizon_days = 10, skus = { a = { node_kw = 1 } },
  sites = { s = { power_mw = 1 } }, fleet = { { site = "s", sku = "a", nodes = 1 } }, policies = { params = { x = t } } }
