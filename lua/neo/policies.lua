--[[
neo.policies -- ready-made policies, and the check of what a policy returns.

A policy is function(state) -> actions (nil or a list); the state (read-only) and the
actions are described in lua/neo/CONTRACT.md and lua/neo/types.lua.  The constructors
here check their arguments at once (errors at the caller's line, like neo.dist.*) and
return such functions; neo.policies.combine runs several and joins their actions.
Iterate the state's arrays with ipairs (sorted by name), never pairs over the *_by_name
maps: their order varies from one process to the next.
]]

local V = require("neo.validate")

local P = {}

-- Argument checks: each takes the value and returns true when it is fine; WANT says why not.
local OK = {
  name = function(v) return type(v) == "string" and v ~= "" end,
  count = function(v) return type(v) == "number" and math.tointeger(v) ~= nil and v >= 1 end,
  number = function(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end,
  fraction = function(v) return type(v) == "number" and v >= 0 and v <= 1 end,
  nonneg = function(v) return type(v) == "number" and v >= 0 end, -- math.huge allowed
  below1 = function(v) return type(v) == "number" and v == v and v < 1 and v ~= -math.huge end,
  price = function(v) return type(v) == "number" and v >= 0 and v ~= math.huge end,
}
local WANT = {
  name = "a name (a non-empty string)", count = "a positive integer", number = "a finite number",
  fraction = "a number from 0 to 1", nonneg = "a number >= 0", below1 = "a finite number < 1",
  price = "a finite number >= 0",
}

-- The arguments t of constructor `who`, checked against spec (a list of
-- { key, check, default = v | required = true }); errors at the constructor's caller.
local function args(who, t, spec)
  local function bad(msg) error(who .. ": " .. msg, 4) end -- 1 bad, 2 args, 3 constructor, 4 its caller
  if type(t) ~= "table" then bad("expects a table of parameters, got " .. type(t)) end
  local names = {}
  for i, s in ipairs(spec) do names[i] = s[1] end
  for _, k in ipairs(V.sorted_keys(t)) do
    local known = false
    for _, n in ipairs(names) do known = known or n == k end
    if not known then bad("unknown parameter '" .. tostring(k) .. "'" .. V.suggest(k, names)) end
  end
  local a = {}
  for _, s in ipairs(spec) do
    local k, v = s[1], t[s[1]]
    if v == nil and s.required then bad(k .. " is required") end
    if v ~= nil and not OK[s[2]](v) then
      local got = (type(v) == "number" and s[2] ~= "name") and V.numtext(v) or type(v)
      bad(("%s must be %s, got %s"):format(k, WANT[s[2]], got))
    end
    if v == nil then v = s.default end
    a[k] = v
  end
  return a
end

-- The state's entry by name, or an error naming the policy (a name the model lacks).
local function entry(state, map, what, name, who)
  local e = state[map][name]
  if e == nil then error(("%s: no %s '%s' in the scenario"):format(who, what, name), 0) end
  return e
end

-- Nodes of a SKU entry in service (failed nodes are lost; retired ones gone).
local function in_service(s)
  local c = s.nodes or {}
  return (c.idle or 0) + (c.leased or 0) + (c.busy or 0) + (c.repairing or 0)
end

--- order_when_utilization{ sku, site, nodes, above = 0.85, max_pending = nodes }:
--- order `nodes` nodes of `sku` for `site` when the SKU's utilisation (state.skus[i].
--- utilization) is above `above` and fewer than `max_pending` nodes are bought but not
--- yet in service (pending_orders + nodes.installing).
function P.order_when_utilization(t)
  local who = "neo.policies.order_when_utilization"
  local a = args(who, t, { { "sku", "name", required = true }, { "site", "name", required = true },
    { "nodes", "count", required = true }, { "above", "number", default = 0.85 }, { "max_pending", "nonneg" } })
  local max_pending = a.max_pending or a.nodes
  return function(state)
    local s = entry(state, "skus_by_name", "sku", a.sku, who)
    local pending = (s.pending_orders or 0) + (s.nodes and s.nodes.installing or 0)
    if (s.utilization or 0) > a.above and pending < max_pending then
      return { { order = a.sku, site = a.site, nodes = math.tointeger(a.nodes) } }
    end
  end
end

--- price_at_market{ tenant, minus = 0.1, min_price = 0, sku = tenant's }: set an on-demand
--- or spot tenant's price to the market index x (1 - minus), not below min_price.  The
--- index is that of `sku`, else of the tenant's SKU (state.tenants[i].sku), else of the
--- only SKU that has one.  No index: no action.  (The tenant's price_gpu_hour must be a
--- number: a "market" price follows the index by itself.)
function P.price_at_market(t)
  local who = "neo.policies.price_at_market"
  local a = args(who, t, { { "tenant", "name", required = true }, { "minus", "below1", default = 0.1 },
    { "min_price", "price", default = 0 }, { "sku", "name" } })
  return function(state)
    local tn = entry(state, "tenants_by_name", "tenant", a.tenant, who)
    local index, sku = nil, a.sku or tn.sku
    if sku then
      index = entry(state, "skus_by_name", "sku", sku, who).market_price
    else
      for _, s in ipairs(state.skus) do
        if s.market_price ~= nil then
          if index ~= nil then
            error(who .. ": several SKUs have a market index; say which with sku = ...", 0)
          end
          index = s.market_price
        end
      end
    end
    if index == nil then return nil end
    return { { price = a.tenant, gpu_hour = math.max(a.min_price, index * (1 - a.minus)) } }
  end
end

--- keep_internal{ tenant, fraction = 0.2, sku = tenant's }: set the internal tenant's
--- target to floor(fraction x the nodes of `sku` in service (idle, leased, busy,
--- repairing)); without sku, the tenant's SKU (state.tenants[i].sku), else all SKUs.
function P.keep_internal(t)
  local who = "neo.policies.keep_internal"
  local a = args(who, t, { { "tenant", "name", required = true }, { "fraction", "fraction", default = 0.2 },
    { "sku", "name" } })
  return function(state)
    local tn = entry(state, "tenants_by_name", "tenant", a.tenant, who)
    local sku, n = a.sku or tn.sku, 0
    if sku then
      n = in_service(entry(state, "skus_by_name", "sku", sku, who))
    else
      for _, s in ipairs(state.skus) do n = n + in_service(s) end
    end
    return { { internal = a.tenant, nodes = math.floor(a.fraction * n) } }
  end
end

-- Actions --------------------------------------------------------------------------

-- Each action: its key (the name of what it acts on) and its other fields, in order.
local ACTIONS = { "order", "sell", "retire", "price", "build", "draw", "repay", "refinance", "offer", "recall", "internal",
                  "priority", "raise", "dividend", "buyback" }
local SHAPE = {
  order = { { "site", "name" }, { "nodes", "count" } },
  sell = { { "site", "name" }, { "nodes", "count" } },
  retire = { { "site", "name" }, { "nodes", "count" } },
  price = { { "gpu_hour", "price" } },
  build = { { "mw", "amount" } },
  draw = { { "amount", "amount" } },
  repay = { { "amount", "amount", optional = true } },
  refinance = { { "term_months", "amount" }, { "spread", "price", optional = true } },
  raise = { { "valuation", "amount" } },
  dividend = {},
  buyback = {},
  offer = { { "nodes", "count" }, { "price", "price" }, { "term_months", "amount" }, { "sku", "name", optional = true } },
  recall = { { "contract", "count", optional = true } },
  internal = { { "nodes", "size" } },
  priority = {},
}
local NAMES = { build = "a site", order = "a SKU", sell = "a SKU", retire = "a SKU", price = "a tenant", draw = "a debt tranche",
                repay = "a debt tranche", refinance = "a debt tranche", offer = "a tenant", recall = "a tenant",
                internal = "a tenant" }
-- Actions whose key holds an amount ($), not a name.
local AMOUNT_KEY = { raise = true, dividend = true, buyback = true }
local FIELD_OK = {
  name = OK.name,
  count = OK.count,
  size = function(v) return type(v) == "number" and math.tointeger(v) ~= nil and v >= 0 end,
  price = OK.price,
  amount = function(v) return type(v) == "number" and v > 0 and v ~= math.huge end,
}
local FIELD_WANT = { name = "must be a name", count = "must be a positive integer",
                     size = "must be a non-negative integer", price = "must be a finite number >= 0",
                     amount = "must be a finite number > 0" }

local function takes(which)
  local t = { which }
  for _, f in ipairs(SHAPE[which]) do t[#t + 1] = f[1] end
  return ("%s takes %s"):format(which, table.concat(t, ", "))
end

-- nil, or what is wrong with action a.
local function check_one(a)
  if type(a) ~= "table" then return "must be a table, got " .. type(a) end
  if getmetatable(a) ~= nil then return "must be a plain table (no metatable)" end
  local which
  for _, k in ipairs(ACTIONS) do
    if a[k] ~= nil and not (k == "price" and a.offer ~= nil) then -- an offer's price is a field
      if which then return ("has both '%s' and '%s' (one action per table)"):format(which, k) end
      which = k
    end
  end
  if not which then
    local keys = V.sorted_keys(a)
    local hint = type(keys[1]) == "string" and V.suggest(keys[1], ACTIONS) or ""
    return "not an action (one of " .. table.concat(ACTIONS, ", ") .. ")" .. hint
  end
  local k = V.first_unknown(a, function(k)
    if k == which then return true end
    for _, f in ipairs(SHAPE[which]) do if f[1] == k then return true end end
    return false
  end)
  if k ~= nil then return ("'%s' does not go with '%s' (%s)"):format(tostring(k), which, takes(which)) end
  if which == "priority" then
    local list, seen = a.priority, {}
    local n = 0
    if type(list) == "table" then for _ in pairs(list) do n = n + 1 end end
    if type(list) ~= "table" or getmetatable(list) ~= nil or n == 0 or n ~= #list then
      return "'priority' must be a non-empty list of tenant names (a plain table)"
    end
    for i, name in ipairs(list) do
      if not OK.name(name) then return ("priority[%d] must be a tenant name"):format(i) end
      if seen[name] then return ("priority: tenant '%s' listed twice"):format(name) end
      seen[name] = true
    end
    return nil
  end
  if AMOUNT_KEY[which] then
    if not FIELD_OK.amount(a[which]) then return ("'%s' (the amount, $) %s"):format(which, FIELD_WANT.amount) end
  elseif not OK.name(a[which]) then
    return ("'%s' must be %s name (a string)"):format(which, NAMES[which])
  end
  for _, f in ipairs(SHAPE[which]) do
    local k, kind = f[1], f[2]
    if a[k] == nil and f.optional then goto next end
    if a[k] == nil then return ("'%s' is missing (%s)"):format(k, takes(which)) end
    if not FIELD_OK[kind](a[k]) then return ("'%s' %s"):format(k, FIELD_WANT[kind]) end
    ::next::
  end
end

--- nil when actions is nil or a list of valid actions (shapes only: the model checks the
--- names), else a message: "action 3: 'nodes' must be a positive integer".
function P.check_actions(actions)
  if actions == nil then return nil end
  if type(actions) ~= "table" then return "a policy must return a list of actions or nil, got " .. type(actions) end
  -- plain tables only: neosim reads them outside Lua's protection, where a metamethod must not run
  if getmetatable(actions) ~= nil then return "a policy must return a plain list of actions (no metatable)" end
  local n = 0
  for _ in pairs(actions) do n = n + 1 end
  if n ~= #actions then
    for _, k in ipairs(ACTIONS) do
      if actions[k] ~= nil then return "a policy must return a list of actions: wrap a single action in { }" end
    end
    return "a policy must return a list of actions (keys 1..n, no names)"
  end
  for i = 1, n do
    local m = check_one(actions[i])
    if m then return ("action %d: %s"):format(i, m) end
  end
  return nil
end

--- combine(p1, p2, ...): a policy running p1, p2, ... in order on the same state and
--- returning all their actions, in that order.
function P.combine(...)
  local fs = table.pack(...)
  for i = 1, fs.n do
    if type(fs[i]) ~= "function" then
      error(("neo.policies.combine: argument %d must be a policy (a function), got %s"):format(i, type(fs[i])), 2)
    end
  end
  return function(state)
    local all = {}
    for i = 1, fs.n do
      local r = fs[i](state)
      local m = P.check_actions(r)
      if m then error(("neo.policies.combine: policy %d: %s"):format(i, m), 0) end
      for _, x in ipairs(r or {}) do all[#all + 1] = x end
    end
    return all
  end
end

return P
