-- expect: ^neosim: tests/e2e/hostile/validator_globals\.lua:8: fleet\[1\]\.nodes: must be <= 1000000000, got 1e\+300$
-- the globals the validator uses replaced (type, math.tointeger)
local neo = require("neo")
local real_type = type
type = function(v) return real_type(v) == "nil" and "nil" or real_type(v) end
math.tointeger = function(v) return 1 end
return neo.scenario { name = "tamper", start = "2026-01-01", horizon_days = 10, skus = { a = { node_kw = 1, gpus_per_node = 0.5 } },
  sites = { s = { power_mw = 1 } }, fleet = { { site = "s", sku = "a", nodes = 1e300 } } }
