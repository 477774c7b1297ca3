--[[
neo.policies -- ready-made policies, and the check of what a policy returns.

A policy is function(state) -> actions (nil or a list); state and actions are
described in lua/neo/CONTRACT.md.  These constructors return such functions;
neo.policies.combine runs several and joins their actions.
]]

local P = {}

local function need(t, k, kind, where)
  local v = t[k]
  if type(v) ~= kind then error(("%s: %s must be a %s, got %s"):format(where, k, kind, type(v)), 3) end
  return v
end

--- Order `nodes` of `sku` at `site` when the SKU's utilisation is above `above` and
--- fewer than `max_pending` nodes are on order.
function P.order_when_utilization(t)
  local w = "neo.policies.order_when_utilization"
  local sku, site, nodes = need(t, "sku", "string", w), need(t, "site", "string", w), need(t, "nodes", "number", w)
  local above, max_pending = t.above or 0.85, t.max_pending or nodes
  return function(state)
    local s = state.skus_by_name[sku]
    if s and s.utilization > above and s.pending_orders < max_pending then
      return { { order = sku, site = site, nodes = nodes } }
    end
  end
end

--- Price tenant's GPU-hour at the market index x (1 - minus), not below min_price.
function P.price_at_market(t)
  local w = "neo.policies.price_at_market"
  local tenant, minus, floor = need(t, "tenant", "string", w), t.minus or 0.1, t.min_price or 0
  return function(state)
    local tn = state.tenants_by_name[tenant]
    local s = tn and state.skus_by_name[tn.sku or ""] or nil
    local index = s and s.market_price
    if not index then
      for _, x in ipairs(state.skus) do index = index or x.market_price end
    end
    if index then return { { price = tenant, gpu_hour = math.max(floor, index * (1 - minus)) } } end
  end
end

--- Keep `fraction` of the installed nodes of `sku` (all SKUs when absent) for the
--- internal tenant.
function P.keep_internal(t)
  local w = "neo.policies.keep_internal"
  local tenant, fraction = need(t, "tenant", "string", w), need(t, "fraction", "number", w)
  local sku = t.sku
  return function(state)
    local n = 0
    for _, s in ipairs(state.skus) do
      if not sku or s.name == sku then
        local c = s.nodes
        n = n + c.idle + c.leased + c.busy + c.repairing
      end
    end
    return { { internal = tenant, nodes = math.floor(fraction * n) } }
  end
end

--- Run policies in order; their actions in one list.
function P.combine(...)
  local fs = { ... }
  for i, f in ipairs(fs) do
    if type(f) ~= "function" then error(("neo.policies.combine: argument %d is not a function"):format(i), 2) end
  end
  return function(state)
    local all = {}
    for _, f in ipairs(fs) do
      for _, a in ipairs(f(state) or {}) do all[#all + 1] = a end
    end
    return all
  end
end

-- The shape of each action: its key (naming what it acts on) and its other fields.
local SHAPES = {
  order = { site = "string", nodes = "count" }, sell = { site = "string", nodes = "count" },
  retire = { site = "string", nodes = "count" }, price = { gpu_hour = "price" },
  draw = { amount = "amount" }, offer = { nodes = "count", price = "price", term_months = "amount" },
  internal = { nodes = "size" }, priority = {},
}
local ORDER = { "order", "sell", "retire", "price", "draw", "offer", "internal", "priority" }

local function field_error(k, want, v)
  if want == "string" then return type(v) == "string" or ("'%s' must be a name"):format(k) end
  if type(v) ~= "number" or v ~= v then return ("'%s' must be a number"):format(k) end
  if (want == "count" and not (math.type(v) == "integer" or v == math.floor(v)) or want == "count" and v < 1)
    or (want == "size" and (v < 0 or v ~= math.floor(v))) then
    return ("'%s' must be a %s integer"):format(k, want == "count" and "positive" or "non-negative")
  end
  if (want == "price" and (v < 0 or v == math.huge)) or (want == "amount" and not (v > 0 and v < math.huge)) then
    return ("'%s' must be a %s number"):format(k, want == "price" and "non-negative" or "positive")
  end
  return true
end

local function check_one(a)
  if type(a) ~= "table" then return "must be a table, got " .. type(a) end
  local which
  for _, k in ipairs(ORDER) do
    if a[k] ~= nil then
      if which then return ("has both '%s' and '%s' (one action per table)"):format(which, k) end
      which = k
    end
  end
  if not which then return "is not an action (order, sell, retire, price, draw, offer, internal, priority)" end
  if which == "priority" then
    if type(a.priority) ~= "table" or #a.priority == 0 then return "'priority' must be a list of tenant names" end
    for i, n in ipairs(a.priority) do
      if type(n) ~= "string" then return ("priority[%d] must be a tenant name"):format(i) end
    end
    return nil
  end
  if type(a[which]) ~= "string" then return ("'%s' must name what it acts on"):format(which) end
  local shape = SHAPES[which]
  for k in pairs(a) do
    if k ~= which and not shape[k] then return ("'%s' does not go with '%s'"):format(tostring(k), which) end
  end
  for k, want in pairs(shape) do
    local ok = field_error(k, want, a[k])
    if ok ~= true then return ok end
  end
end

--- nil when actions is nil or a list of valid actions; else a message naming the action.
function P.check_actions(actions)
  if actions == nil then return nil end
  if type(actions) ~= "table" then return "a policy must return a list of actions or nil, got " .. type(actions) end
  for i = 1, #actions do
    local m = check_one(actions[i])
    if m then return ("action %d %s"):format(i, m) end
  end
  local n = 0
  for _ in pairs(actions) do n = n + 1 end
  if n ~= #actions then return "a policy must return a list of actions (not a table with names)" end
  return nil
end

return P
