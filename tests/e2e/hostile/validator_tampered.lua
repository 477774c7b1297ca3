-- expect: ^neosim: resolved scenario: fleet\[1\]\.nodes: integer out of range$
-- the library's validator replaced: C still checks every value it uses
local neo = require("neo")
local V = require("neo.validate")
local run = V.run
V.run = function(...)
  local pts = run(...)
  if type(pts) == "table" and type(pts[1]) == "table" and pts[1].fleet then pts[1].fleet[1].nodes = 1e300 end
  return pts
end
return neo.scenario { name = "tamper", start = "2026-01-01", horizon_days = 10, skus = { a = { node_kw = 1 } },
  sites = { s = { power_mw = 1 } }, fleet = { { site = "s", sku = "a", nodes = 1 } } }
