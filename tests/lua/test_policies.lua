-- test_policies.lua -- neo.policies (the ready-made policies) on a fake state built as
-- sim/lua/policy.c builds it (read-only proxies), their argument errors, combine, and
-- neo._check_actions (the shape of what a policy returns).
local T = require("testlib")
local neo = require("neo")
local P = neo.policies

-- Read-only proxies, as sim/lua/policy.c's freeze(): reads pass, writes raise.
local function freeze(t)
  local real = {}
  for k, v in pairs(t) do real[k] = type(v) == "table" and freeze(v) or v end
  return setmetatable({}, {
    __index = real,
    __newindex = function(_, k) error("the policy state is read-only (cannot set '" .. tostring(k) .. "')", 2) end,
    __len = function() return #real end,
    __pairs = function() return next, real, nil end,
    __metatable = false,
  })
end

local function nodes(idle, leased, busy, repairing, installing)
  return { ordered = 0, in_transit = 0, installing = installing or 0, idle = idle, leased = leased, busy = busy,
           failed = 3, repairing = repairing, retired = 5 }
end

-- A state with two SKUs (b200 without a market index) and tenants of each kind.
local function state(over)
  over = over or {}
  local s = {
    t_hours = 720, t_days = 30, date = "2026-01-31", reason = "review", cash = 1e6, debt = 0, facility_left = 0,
    utilization = 0.8, params = { x = 1 },
    skus = {
      { name = "b200", gpus_per_node = 8, node_kw = 14, supplier_price = 4e5, utilization = over.b200_util or 0.95,
        pending_orders = 0, nodes = nodes(0, 0, 50, 0) },
      { name = "h100", gpus_per_node = 8, node_kw = 10.2, supplier_price = 2.5e5, market_price = over.h100_market or 2.0,
        utilization = over.h100_util or 0.9, pending_orders = over.pending or 0,
        nodes = nodes(10, 50, 30, 10, over.installing) },
    },
    sites = { { name = "dc1", power_mw = 5, mw_used = 1.2 } },
    tenants = {
      { name = "anchor", kind = "reserved", sku = "h100", price_gpu_hour = 2.5, nodes = 50, active = true, backlog = 0,
        contract_end_days = 700 },
      { name = "od", kind = "on_demand", sku = over.od_sku, price_gpu_hour = 2.5, nodes = 4, active = true, backlog = 2 },
      { name = "train", kind = "internal", sku = over.train_sku, price_gpu_hour = 1.5, nodes = 10, active = true,
        backlog = 0 },
    },
  }
  for _, k in ipairs({ "skus", "sites", "tenants" }) do
    s[k .. "_by_name"] = {}
    for _, e in ipairs(s[k]) do s[k .. "_by_name"][e.name] = e end
  end
  return freeze(s)
end

T.test("order_when_utilization", function()
  local order = P.order_when_utilization { sku = "h100", site = "dc1", above = 0.85, nodes = 20 }
  T.eq(order(state()), { { order = "h100", site = "dc1", nodes = 20 } })
  T.eq(order(state { h100_util = 0.85 }), nil, "not above")
  T.eq(order(state { pending = 20 }), nil, "max_pending defaults to nodes: one batch at a time")
  T.eq(order(state { pending = 10, installing = 10 }), nil, "nodes installing count as pending")
  T.eq(order(state { pending = 19 }), { { order = "h100", site = "dc1", nodes = 20 } })
  local more = P.order_when_utilization { sku = "h100", site = "dc1", nodes = 20, max_pending = 60 }
  T.eq(more(state { pending = 40 }), { { order = "h100", site = "dc1", nodes = 20 } }, "max_pending")
  T.eq(more(state { h100_util = 0.86 }) ~= nil, true, "above defaults to 0.85")
  T.eq(more(state { h100_util = 0.84 }), nil)
  T.raises_msg("neo.policies.order_when_utilization: no sku 'a100' in the scenario",
    P.order_when_utilization { sku = "a100", site = "dc1", nodes = 1 }, state())
end)

T.test("price_at_market", function()
  T.eq(P.price_at_market { tenant = "od", sku = "h100" }(state()), { { price = "od", gpu_hour = 1.8 } }, "minus defaults to 0.1")
  T.eq(P.price_at_market { tenant = "od", minus = 0.25 }(state()), { { price = "od", gpu_hour = 1.5 } },
    "the only SKU with an index")
  T.eq(P.price_at_market { tenant = "od", minus = 0.5, min_price = 1.2 }(state()), { { price = "od", gpu_hour = 1.2 } },
    "min_price is a floor")
  T.eq(P.price_at_market { tenant = "od", minus = -0.5 }(state()), { { price = "od", gpu_hour = 3.0 } }, "a premium")
  T.eq(P.price_at_market { tenant = "od" }(state { od_sku = "b200" }), nil, "the tenant's SKU has no index: no action")
  T.eq(P.price_at_market { tenant = "od", sku = "b200" }(state()), nil)
  T.raises_msg("neo.policies.price_at_market: no tenant 'odd' in the scenario", P.price_at_market { tenant = "odd" }, state())
  -- two SKUs with an index and no way to choose
  local s = state()
  local two = setmetatable({}, { __index = function(_, k)
    if k == "skus" then
      return { { name = "a", market_price = 1 }, { name = "b", market_price = 2 } }
    end
    return s[k]
  end })
  T.raises_msg("neo.policies.price_at_market: several SKUs have a market index; say which with sku = ...",
    P.price_at_market { tenant = "od" }, two)
end)

T.test("keep_internal", function()
  -- h100 in service: idle 10 + leased 50 + busy 30 + repairing 10 = 100 (failed and retired are not)
  T.eq(P.keep_internal { tenant = "train", sku = "h100" }(state()), { { internal = "train", nodes = 20 } },
    "fraction defaults to 0.2")
  T.eq(P.keep_internal { tenant = "train", fraction = 0.15, sku = "h100" }(state()), { { internal = "train", nodes = 15 } })
  T.eq(P.keep_internal { tenant = "train", fraction = 0.5 }(state { train_sku = "b200" }), { { internal = "train", nodes = 25 } },
    "the tenant's SKU")
  T.eq(P.keep_internal { tenant = "train", fraction = 0.1 }(state()), { { internal = "train", nodes = 15 } },
    "no SKU known: all SKUs (150 nodes)")
  T.eq(math.type(P.keep_internal { tenant = "train", fraction = 0.33 }(state())[1].nodes), "integer")
end)

T.test("combine", function()
  local both = P.combine(P.keep_internal { tenant = "train", sku = "h100" }, function() return nil end,
    P.price_at_market { tenant = "od", sku = "h100" })
  T.eq(both(state()), { { internal = "train", nodes = 20 }, { price = "od", gpu_hour = 1.8 } })
  T.eq(P.combine()(state()), {})
  T.raises_msg("neo.policies.combine: policy 2: a policy must return a list of actions: wrap a single action in { }",
    P.combine(function() return {} end, function() return { order = "h100", site = "dc1", nodes = 1 } end), state())
  local ok, e = pcall(P.combine, function() end, 3)
  T.eq(ok, false)
  T.eq(e:match("neo%.policies%.combine: .*"), "neo.policies.combine: argument 2 must be a policy (a function), got number")
end)

local SRC = {
  'local neo = require("neo")',                                                   -- 1
  "local p = neo.policies.order_when_utilization { sku = 'h100', site = 'dc1', nodes = 10 }", -- 2
  "return p",                                                                     -- 3
}

T.test("constructor arguments are checked at the caller's line", function()
  local function cerr(line2, want) T.expect_error(T.source(SRC, { [2] = line2 }), "2: " .. want) end
  cerr("neo.policies.order_when_utilization { sku = 'h100', site = 'dc1' }",
    "neo.policies.order_when_utilization: nodes is required")
  cerr("neo.policies.order_when_utilization { sku = 'h100', site = 'dc1', nodes = 2.5 }",
    "neo.policies.order_when_utilization: nodes must be a positive integer, got 2.5")
  cerr("neo.policies.order_when_utilization { sku = 'h100', site = 'dc1', nodes = 1, abve = 0.9 }",
    "neo.policies.order_when_utilization: unknown parameter 'abve' (did you mean above?)")
  cerr("neo.policies.order_when_utilization { sku = 'h100', site = 'dc1', nodes = 1, max_pending = -1 }",
    "neo.policies.order_when_utilization: max_pending must be a number >= 0, got -1")
  cerr("neo.policies.order_when_utilization { sku = 1, site = 'dc1', nodes = 1 }",
    "neo.policies.order_when_utilization: sku must be a name (a non-empty string), got number")
  cerr("neo.policies.price_at_market { minus = 0.1 }", "neo.policies.price_at_market: tenant is required")
  cerr("neo.policies.price_at_market { tenant = 'od', minus = 1 }",
    "neo.policies.price_at_market: minus must be a finite number < 1, got 1")
  cerr("neo.policies.price_at_market { tenant = 'od', min_price = -1 }",
    "neo.policies.price_at_market: min_price must be a finite number >= 0, got -1")
  cerr("neo.policies.keep_internal { tenant = 'train', fraction = 1.5 }",
    "neo.policies.keep_internal: fraction must be a number from 0 to 1, got 1.5")
  cerr("neo.policies.keep_internal 'train'", "neo.policies.keep_internal: expects a table of parameters, got string")
  T.eq(type(T.scenario(T.source(SRC, {}))), "function")
end)

T.test("_check_actions: valid actions", function()
  local check = neo._check_actions
  T.eq(check(nil), nil)
  T.eq(check({}), nil)
  T.eq(check({
    { order = "h100", site = "dc1", nodes = 3 }, { sell = "h100", site = "dc1", nodes = 2.0 },
    { retire = "h100", site = "dc1", nodes = 1 }, { price = "od", gpu_hour = 0 }, { draw = "rev", amount = 1e6 },
    { offer = "anchor", nodes = 10, price = 2.1, term_months = 36 }, { internal = "train", nodes = 0 },
    { priority = { "anchor", "od", "train" } }, { repay = "loan", amount = 5e5 }, { repay = "loan" },
    { raise = 1e8, valuation = 4e8 }, { dividend = 1e6 }, { buyback = 2e6 },
  }), nil)
end)

T.test("_check_actions: errors name the action", function()
  local check = neo._check_actions
  local function bad(actions, want) T.eq(check(actions), want) end
  bad(42, "a policy must return a list of actions or nil, got number")
  bad({ order = "h100", site = "dc1", nodes = 1 }, "a policy must return a list of actions: wrap a single action in { }")
  bad({ { order = "h100", site = "dc1", nodes = 1 }, x = 1 }, "a policy must return a list of actions (keys 1..n, no names)")
  bad({ "order" }, "action 1: must be a table, got string")
  bad({ { price = "od", gpu_hour = 2 }, { price = "od", gpu_hour = 2 }, { order = "h100", site = "dc1", nodes = 0 } },
    "action 3: 'nodes' must be a positive integer")
  bad({ { order = "h100", site = "dc1", nodes = 2.5 } }, "action 1: 'nodes' must be a positive integer")
  bad({ { order = "h100", site = "dc1", nodes = math.huge } }, "action 1: 'nodes' must be a positive integer")
  bad({ { order = "h100", nodes = 1 } }, "action 1: 'site' is missing (order takes order, site, nodes)")
  bad({ { sell = "h100", site = 1, nodes = 1 } }, "action 1: 'site' must be a name")
  bad({ { order = 3, site = "dc1", nodes = 1 } }, "action 1: 'order' must be a SKU name (a string)")
  bad({ { price = "od", gpu_hour = -1 } }, "action 1: 'gpu_hour' must be a finite number >= 0")
  bad({ { price = "od", gpu_hour = 0 / 0 } }, "action 1: 'gpu_hour' must be a finite number >= 0")
  bad({ { price = "od" } }, "action 1: 'gpu_hour' is missing (price takes price, gpu_hour)")
  bad({ { draw = "rev", amount = -1 } }, "action 1: 'amount' must be a finite number > 0")
  bad({ { draw = "rev", amount = 0 } }, "action 1: 'amount' must be a finite number > 0")
  bad({ { offer = "anchor", nodes = 10, price = 2 } },
    "action 1: 'term_months' is missing (offer takes offer, nodes, price, term_months, sku)")
  bad({ { repay = "loan", amount = 0 } }, "action 1: 'amount' must be a finite number > 0")
  bad({ { repay = 1 } }, "action 1: 'repay' must be a debt tranche name (a string)")
  bad({ { raise = 1e8 } }, "action 1: 'valuation' is missing (raise takes raise, valuation)")
  bad({ { raise = "a lot", valuation = 1 } }, "action 1: 'raise' (the amount, $) must be a finite number > 0")
  bad({ { dividend = -1 } }, "action 1: 'dividend' (the amount, $) must be a finite number > 0")
  bad({ { buyback = 1, valuation = 2 } }, "action 1: 'valuation' does not go with 'buyback' (buyback takes buyback)")
  bad({ { internal = "train", nodes = -1 } }, "action 1: 'nodes' must be a non-negative integer")
  bad({ { internal = "train" } }, "action 1: 'nodes' is missing (internal takes internal, nodes)")
  bad({ { refinance = "loan" } }, "action 1: 'term_months' is missing (refinance takes refinance, term_months, spread)")
  bad({ { refinance = "loan", term_months = 12, spread = -1 } }, "action 1: 'spread' must be a finite number >= 0")
  bad({ { build = "dc1" } }, "action 1: 'mw' is missing (build takes build, mw)")
  bad({ { build = "dc1", mw = 0 } }, "action 1: 'mw' must be a finite number > 0")
  bad({ { build = 3, mw = 1 } }, "action 1: 'build' must be a site name (a string)")
  bad({ { order = "h100", price = "od" } }, "action 1: has both 'order' and 'price' (one action per table)")
  bad({ { order = "h100", site = "dc1", nodes = 1, gpu_hour = 2 } },
    "action 1: 'gpu_hour' does not go with 'order' (order takes order, site, nodes)")
  local strays = { order = "h100", site = "dc1", nodes = 1 } -- of many, the first in key order
  for i = 40, 1, -1 do strays[("s%02d"):format(i)] = i end
  bad({ strays }, "action 1: 's01' does not go with 'order' (order takes order, site, nodes)")
  bad({ { frobnicate = 1 } }, "action 1: not an action (one of order, sell, retire, price, build, draw, repay, refinance, offer, recall, internal, priority, raise, dividend, buyback)")
  bad({ { ordr = "h100" } },
    "action 1: not an action (one of order, sell, retire, price, build, draw, repay, refinance, offer, recall, internal, priority, raise, dividend, buyback) (did you mean order?)")
  bad({ { priority = {} } }, "action 1: 'priority' must be a non-empty list of tenant names (a plain table)")
  bad({ { priority = "od" } }, "action 1: 'priority' must be a non-empty list of tenant names (a plain table)")
  -- metamethods would run where neosim reads the actions, outside Lua's protection
  local trap = { __index = function() error("trap") end, __len = function() error("trap") end }
  bad(setmetatable({}, trap), "a policy must return a plain list of actions (no metatable)")
  bad({ setmetatable({ order = "h100", site = "dc1", nodes = 1 }, trap) }, "action 1: must be a plain table (no metatable)")
  bad({ { priority = setmetatable({ "od" }, trap) } },
    "action 1: 'priority' must be a non-empty list of tenant names (a plain table)")
  bad({ { priority = { "od", 3 } } }, "action 1: priority[2] must be a tenant name")
  bad({ { priority = { "od", "od" } } }, "action 1: priority: tenant 'od' listed twice")
  bad({ { priority = { "od" }, nodes = 1 } }, "action 1: 'nodes' does not go with 'priority' (priority takes priority)")
end)

T.test("the ready-made policies' actions pass the check", function()
  for _, f in ipairs({ P.order_when_utilization { sku = "h100", site = "dc1", nodes = 5 },
                       P.price_at_market { tenant = "od", sku = "h100" }, P.keep_internal { tenant = "train" } }) do
    local a = f(state())
    T.eq(neo._check_actions(a), nil)
    T.eq(#a, 1)
  end
end)
