-- test_business.lua -- the keys of the business model: tenant kinds and the keys
-- each takes, market, supplier, shocks, debt, policies; and neo.policies with
-- the check of what policies return.
local T = require("testlib")
local neo = require("neo")

local BASE = {
  'local neo = require("neo")',                                 -- 1
  "return neo.scenario {",                                      -- 2
  '  name = "b", start = "2026-01-01", horizon_days = 365,',    -- 3
  "  skus = { h100 = { node_kw = 10, node_price = 250000 } },", -- 4
  "  sites = { dc1 = { power_mw = 5 } },",                      -- 5
  '  fleet = { { site = "dc1", sku = "h100", nodes = 100 } },', -- 6
  "  tenants = {",                                              -- 7
  '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5, term_months = 24 },', -- 8
  '    train = { kind = "internal", nodes = 10, value_gpu_hour = 1.5 },',                   -- 9
  "  },",                                                       -- 10
  "  --",                                                       -- 11
  "}",                                                          -- 12
}

local function with(edits) return T.source(BASE, edits) end
local function err(edits, want) T.expect_error(with(edits), want) end

local function by_name(list)
  local t = {}
  for _, x in ipairs(list) do t[x.name] = x end
  return t
end

T.test("reserved and internal tenants: kind defaults and neutral keys", function()
  local p = neo._resolve(T.scenario(with {}), {})[1]
  local t = by_name(p.tenants)
  T.eq(t.anchor.priority, 0)
  T.eq(t.anchor.take_or_pay, true)
  T.eq(t.anchor.notice_days, 90)
  T.eq(t.anchor.sla_credit, 1)
  T.eq(t.anchor.start_hours, 0)
  T.eq(t.anchor.reject, true, "job keys neutral")
  T.eq(t.train.priority, 3)
  T.eq(t.train.value_gpu_hour, 1.5)
  T.eq(t.train.price_gpu_hour, 0)
  T.eq(p.policies.procurement, false)
  T.eq(p.markets[1].defined, false)
  T.eq(p.supplier.monthly_cap, { math.huge })
end)

T.test("keys that do not apply to a kind, and the kind's required keys", function()
  err({ [9] = '    train = { kind = "internal", nodes = 10, value_gpu_hour = 1.5, term_months = 3 },' },
    "9: tenants.train.term_months: does not apply to kind internal")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5 },' },
    "8: tenants.anchor.term_months: required key missing (for kind reserved)")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = "market", term_months = 24 },' },
    '8: tenants.anchor.price_gpu_hour: a reserved contract needs a number ("market" is for on_demand and spot)')
  err({ [8] = '    od = { kind = "spot", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = "market" },' },
    '8: tenants.od.price_gpu_hour: "market" needs a market index for h100 (market.h100)')
end)

T.test("market, supplier, shocks, debt, policies resolve", function()
  local p = neo._resolve(T.scenario(with {
    [11] = '  market = { h100 = { price_gpu_hour = 2.2, obsolescence = 0.8 } }, supplier = { pay_on = "order", monthly_cap = { h100 = 40 } },'
      .. ' shocks = { { kind = "demand", tenant = "train", at = "2026-06-01", factor = 0.5, days = 30 }, { kind = "lead_time", rate_per_year = 1, factor = 2 } },'
      .. ' finance = { debt = { { principal = 1e6, rate = 0.1, term_months = 12 }, { name = "rev", principal = 1e6, rate = 0.07, term_months = 12, facility = true } } },'
      .. ' policies = { review_every_days = 7, params = { x = 3 }, pricing = function() end },',
  }), {})[1]
  T.eq(p.markets[1].defined, true)
  T.eq(p.markets[1].obsolescence, 0.8)
  T.eq(p.markets[1].price_gpu_hour.value, 2.2)
  T.eq(p.supplier.pay_on_delivery, false)
  T.eq(p.supplier.monthly_cap, { 40 })
  T.eq(p.shocks[1].target, 2, "train is the second tenant by name")
  T.eq(p.shocks[1].at_hours, 24 * 151)
  T.eq(p.shocks[2].random, true)
  T.eq(p.shocks[2].name, "shocks[2]")
  T.eq(p.shocks[2].days, math.huge)
  T.eq(p.finance.debt[1].name, "debt[1]")
  T.eq(p.finance.debt[2].facility, true)
  T.eq(p.finance.debt[1].amortization, "annuity")
  T.eq(p.policies.review_every_hours, 168)
  T.eq(p.policies.pricing, true)
  T.eq(p.policies.params, { x = 3 })
end)

T.test("errors in the new keys name key and line", function()
  err({ [11] = '  market = { h200 = 2 },' }, "11: market.h200: unknown sku 'h200' (did you mean h100?)")
  err({ [11] = '  shocks = { { kind = "demand", factor = 0.5 } },' },
    "11: shocks[1]: needs exactly one of at (a date) or rate_per_year (random shocks)")
  err({ [11] = '  shocks = { { kind = "lead_time", sku = "h100", at = "2026-02-01", factor = 2 } },' },
    "11: shocks[1].sku: does not apply to a lead_time shock")
  err({ [11] = '  finance = { debt = { { name = "a", principal = 1, rate = 0, term_months = 1 }, { name = "a", principal = 1, rate = 0, term_months = 1 } } },' },
    "11: finance.debt[2].name: name 'a' used twice")
  err({ [11] = '  policies = { pricing = 3 },' }, "11: policies.pricing: must be a function, got number")
  err({ [11] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-06-01", 10 }, { "2026-03-01", 20 } } } },' },
    "11: sites.dc1.online: points must be in date order: 2026-03-01 comes after 2026-06-01")
end)

T.test("sweeps reach the new keys", function()
  local pts = neo._resolve(T.scenario(with {
    [11] = '  policies = { params = { x = 1 } }, sweep = { ["policies.params.x"] = { 1, 2 }, ["tenants.anchor.nodes"] = { 0, 60 } },',
  }), {})
  T.eq(#pts, 4)
  T.eq(pts[4].policies.params.x, 2)
  T.eq(by_name(pts[4].tenants).anchor.nodes, 60)
end)

T.test("neo.policies and the check of actions", function()
  local state = {
    utilization = 0.9, params = {},
    skus = { { name = "h100", utilization = 0.9, pending_orders = 0, market_price = 2.0,
               nodes = { idle = 10, leased = 50, busy = 30, repairing = 10 } } },
    tenants = { { name = "od", kind = "on_demand", sku = "h100" } },
  }
  state.skus_by_name = { h100 = state.skus[1] }
  state.tenants_by_name = { od = state.tenants[1] }
  local order = neo.policies.order_when_utilization { sku = "h100", site = "dc1", above = 0.85, nodes = 20 }
  T.eq(order(state), { { order = "h100", site = "dc1", nodes = 20 } })
  state.skus[1].utilization = 0.5
  T.eq(order(state), nil)
  T.eq(neo.policies.price_at_market { tenant = "od", minus = 0.25 }(state), { { price = "od", gpu_hour = 1.5 } })
  T.eq(neo.policies.keep_internal { tenant = "train", fraction = 0.1 }(state), { { internal = "train", nodes = 10 } })
  local both = neo.policies.combine(neo.policies.keep_internal { tenant = "train", fraction = 0.1 },
    neo.policies.price_at_market { tenant = "od" })
  T.eq(#both(state), 2)
  local check = neo._check_actions
  T.eq(check(nil), nil)
  T.eq(check({ { order = "h100", site = "dc1", nodes = 3 } }), nil)
  T.eq(check({ { order = "h100", site = "dc1", nodes = 0 } }), "action 1 'nodes' must be a positive integer")
  T.eq(check({ { price = "od", gpu_hour = 2 }, { sell = "h100", nodes = 1 } }), "action 2 'site' must be a name")
  T.eq(check({ { draw = "rev", amount = -1 } }), "action 1 'amount' must be a positive number")
  T.eq(check({ { order = "h100", price = "od" } }), "action 1 has both 'order' and 'price' (one action per table)")
  T.eq(check({ { frobnicate = 1 } }), "action 1 is not an action (order, sell, retire, price, draw, offer, internal, priority)")
  T.eq(check(42), "a policy must return a list of actions or nil, got number")
  T.eq(check({ { priority = { "od", 3 } } }), "action 1 priority[2] must be a tenant name")
end)
