-- expect: ^neosim: tests/e2e/hostile/resolved_metatable\.lua: resolved scenario: name: expected a string$
-- neosim: check --lua-instructions 1e7
-- resolved points with metamethods that loop: C reads them raw
local neo = require("neo")
local V = require("neo.validate")
local run = V.run
V.run = function(...)
  local pts = run(...)
  local trap = { __index = function() while true do end end, __len = function() while true do end end }
  return setmetatable({ setmetatable({}, trap) }, trap)
end
return neo.scenario { name = "tamper", start = "2026-01-01", horizon_days = 10, skus = { a = { node_kw = 1 } },
  sites = { s = { power_mw = 1 } }, fleet = { { site = "s", sku = "a", nodes = 1 } } }
