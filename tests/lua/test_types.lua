-- test_types.lua -- schema.lua is data (no functions), complete (doc, example, known
-- types), and types.lua annotates every schema key with its optionality.
local T = require("testlib")
local S = require("neo.schema")

local function each_node(list, f, where)
  for _, n in ipairs(list) do
    f(n, where .. "." .. n.key)
    if n.fields then each_node(n.fields, f, where .. "." .. n.key) end
    if n.of and n.of.fields then each_node(n.of.fields, f, where .. "." .. n.key .. "[]") end
  end
end

T.test("the schema is plain data", function()
  local function data(v, path)
    assert(type(v) ~= "function" and type(v) ~= "userdata", path .. " is not data")
    if type(v) == "table" then for k, x in pairs(v) do data(x, path .. "." .. tostring(k)) end end
  end
  data(S, "schema")
end)

T.test("every key has a doc, an example, known types, consistent defaults", function()
  each_node(S.root.fields, function(n, path)
    assert(type(n.doc) == "string" and n.doc ~= "", path .. ": doc")
    assert(type(n.example) == "string" and n.example ~= "", path .. ": example")
    for _, t in ipairs(type(n.type) == "table" and n.type or { n.type }) do
      assert(S.types[t], path .. ": unknown type " .. tostring(t))
    end
    assert(not (n.required and n.default ~= nil), path .. ": required with a default")
    assert(not n.ref or n.type == "name", path .. ": ref on a non-name")
    -- the example is valid Lua
    assert(load("return " .. n.example, "example", "t", { neo = require("neo"), math = math }), path .. ": example does not parse")
  end, "")
end)

T.test("types.lua has a @field for every schema key, optional exactly when not required", function()
  local f = assert(io.open("lua/neo/types.lua"))
  local text = f:read("a")
  f:close()
  local classes, current = {}, nil
  for line in text:gmatch("[^\n]+") do
    local c = line:match("^%-%-%-@class ([%w_.]+)")
    if c then current = c; classes[c] = {} end
    local name, opt = line:match("^%-%-%-@field ([%w_]+)(%??) ")
    if name and current then classes[current][name] = opt == "?" and "optional" or "required" end
    if not line:match("^%-%-%-") then current = nil end
  end
  local CLASS = { [""] = "neo.Scenario", [".skus[]"] = "neo.Sku", [".sites[]"] = "neo.Site", [".sites[].build"] = "neo.SiteBuild", [".sites[].ppa"] = "neo.Ppa", [".sites[].outages"] = "neo.Outages", [".tenants[].lines[]"] = "neo.ContractLine",
                  [".fleet[]"] = "neo.FleetEntry", [".fleet[].lease"] = "neo.LeaseIn", [".tenants[]"] = "neo.Tenant",
                  [".tenants[].queue"] = "neo.Queue", [".finance"] = "neo.Finance", [".finance.tax"] = "neo.Tax",
                  [".market[]"] = "neo.MarketEntry", [".supplier"] = "neo.Supplier", [".shocks[]"] = "neo.Shock",
                  [".finance.debt[]"] = "neo.Debt",
                  [".finance.debt[].covenants[]"] = "neo.Covenant", [".finance.debt[].rate"] = "neo.FloatingRate",
                  [".finance.debt[].borrowing_base"] = "neo.BorrowingBase",
                  [".finance.debt[].refinance"] = "neo.Refinance", [".policies"] = "neo.Policies" }
  local seen = {}
  each_node(S.root.fields, function(n, path)
    local parent = path:match("^(.*)%.[%w_]+$")
    local class = assert(CLASS[parent], "no class for " .. parent)
    local want = n.required and "required" or "optional"
    T.eq(classes[class][n.key], want, class .. "." .. n.key)
    seen[class .. "." .. n.key] = true
  end, "")
  for c, fields in pairs(classes) do
    for k in pairs(fields) do
      local mapped = false
      for _, cls in pairs(CLASS) do mapped = mapped or cls == c end
      assert(not mapped or seen[c .. "." .. k], c .. "." .. k .. " is not in the schema")
    end
  end
end)

T.test("types.lua is valid Lua that sets no globals", function()
  local env = setmetatable({}, { __newindex = function(_, k) error("sets global " .. k) end })
  assert(loadfile("lua/neo/types.lua", "t", env))()
end)
