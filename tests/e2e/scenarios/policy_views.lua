-- A policy that reads its read-only state the ways Lua offers: #, ipairs,
-- pairs and fields, nested tables too; any difference from what the state
-- holds fails the run with the message.
local neo = require("neo")
return neo.scenario {
  name = "policy-views", start = "2026-01-01", horizon_days = 60, replications = 1,
  skus = { h100 = { node_kw = 10 }, b200 = { node_kw = 14 } },
  sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = {
    pricing = function(state)
      local n, keys = 0, 0
      for i, s in ipairs(state.skus) do
        n = i
        if state.skus_by_name[s.name] ~= s then error("skus_by_name." .. s.name .. " is not skus[" .. i .. "]") end
      end
      for _ in pairs(state.skus) do keys = keys + 1 end
      if #state.skus ~= 2 or n ~= 2 or keys ~= 2 then
        error(("#skus %d, ipairs %d, pairs %d: want 2"):format(#state.skus, n, keys))
      end
      local named = 0
      for name, s in pairs(state.skus_by_name) do
        named = named + 1
        if s.name ~= name then error("skus_by_name." .. name .. " is " .. tostring(s.name)) end
      end
      if named ~= 2 then error(("pairs over skus_by_name gave %d: want 2"):format(named)) end
      if not pcall(function() state.skus[1].node_kw = 0 end) then return nil end
      error("a nested table of the state could be written")
    end,
  },
}
