-- The validator replaced by the scenario: 1e300 nodes reached luacfg's
-- (long) cast (undefined behaviour); now "integer out of range".
local neo = require("neo")
local V = require("neo.validate")
local run = V.run
V.run = function(...)
  local pts = run(...)
  if type(pts) == "table" and type(pts[1]) == "table" and pts[1].fleet then
    pts[1].fleet[1].nodes = 1e300
    pts[1].tenants = setmetatable({}, { __len = function() while true do end end })
  end
  return pts
end
return neo.scenario {
  name = "tampered", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
}
