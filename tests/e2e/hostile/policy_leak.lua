-- expect: done
-- neosim: run
-- tampering that must not reach the next run: _G, the string library, the neo library, the state
local neo = require("neo")
local first = true
return neo.scenario {
  name = "hostile-policy_leak", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  finance = { cash = 1e6 },
  policies = {
    review_every_days = 7,
    procurement = function(state)
      if first then -- the first call of this run: a fresh upvalue however the state was made
        first = false
        if rawget(_G, "TAMPERED") or string.TAMPERED or neo.TAMPERED or neo.dist.TAMPERED or rawget(state.params, "TAMPERED") then
          error("tampering leaked from an earlier run")
        end
      end
      TAMPERED = true
      string.TAMPERED = true
      neo.TAMPERED = true
      neo.dist.TAMPERED = true
      rawset(state.params, "TAMPERED", true)
      setmetatable(_G, { __newindex = function() error("_G is locked") end })
      package.loaded.neo = nil
    end,
  },
}
