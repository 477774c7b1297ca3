-- test_business.lua -- the keys of the business model: each key's default, its resolved
-- form and its errors (with file:line); tenant kinds and the keys each takes; the
-- resolved point against what sim/lua/luacfg.c reads; sweeps and --set over the new keys.
-- neo.policies and neo._check_actions: test_policies.lua.
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
  '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2 },', -- 10
  "  },",                                                       -- 11
  "  --",                                                       -- 12
  "  --",                                                       -- 13
  "}",                                                          -- 14
}

local function with(edits) return T.source(BASE, edits) end
local function err(edits, want) T.expect_error(with(edits), want) end
local function point(edits, sets) return neo._resolve(T.scenario(with(edits or {})), sets or {})[1] end

local function by_name(list)
  local t = {}
  for _, x in ipairs(list) do t[x.name] = x end
  return t
end

local function param(p, name)
  for _, x in ipairs(p.params) do if x.name == name then return x.value end end
end

local CONST0 = { dist = "constant", p = { 0 } }

-- Sites -------------------------------------------------------------------------------

T.test("sites: install_days and online (defaults, resolution, errors)", function()
  local s = point().sites[1]
  T.eq(s.install_hours, 168, "install_days defaults to 7")
  T.eq(s.online, {}, "online: empty when absent")
  s = point { [5] = '  sites = { dc1 = { power_mw = 5, install_days = 14, online = { { "2026-06-01", 150 }, { "2027-01-01", 300 } } } },' }.sites[1]
  T.eq(s.install_hours, 336)
  T.eq(s.online, { { t_hours = 24 * 151, mw = 150 }, { t_hours = 24 * 365, mw = 300 } })
  err({ [5] = "  sites = { dc1 = { power_mw = 5, install_days = -1 } }," },
    "5: sites.dc1.install_days: must be >= 0, got -1")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-06-01", 10 }, { "2026-03-01", 20 } } } },' },
    "5: sites.dc1.online[2]: dates must be ascending: 2026-03-01 is not after 2026-06-01")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-06-01", 10 }, { "2026-06-01", 20 } } } },' },
    "5: sites.dc1.online[2]: dates must be ascending: 2026-06-01 is not after 2026-06-01")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-01-01", 10 } } } },' },
    "5: sites.dc1.online[1]: date must be after start (2026-01-01), got 2026-01-01")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-06-01", -10 } } } },' },
    "5: sites.dc1.online[1]: value must be >= 0, got -10")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { "2026-06-01", 3 } } },' },
    "5: sites.dc1.online[1]: must be a { DATE, VALUE } pair, got string")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-06-01" } } } },' },
    "5: sites.dc1.online[1]: must be a { DATE, VALUE } pair")
  err({ [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-6-01", 3 } } } },' },
    "5: sites.dc1.online[1]: date must be a date YYYY-MM-DD, got '2026-6-01'")
end)

T.test("sites: the initial fleet must fit power_mw (what is online at the start), not later steps", function()
  err({ [5] = '  sites = { dc1 = { power_mw = 1, online = { { "2026-06-01", 10 } } } },' },
    "6: fleet[1]: the fleet at site dc1 needs 1.3 MW with this entry (nodes x node_kw x pue), more than its power_mw 1")
end)

-- Fleet -------------------------------------------------------------------------------

T.test("fleet: bought", function()
  T.eq(point().fleet[1].bought, false, "bought defaults to false (see CONTRACT.md)")
  T.eq(param(point(), "fleet.1.bought"), "false", "the default is in params")
  T.eq(point { [6] = '  fleet = { { site = "dc1", sku = "h100", nodes = 100, bought = true } },' }.fleet[1].bought, true)
  err({ [6] = '  fleet = { { site = "dc1", sku = "h100", nodes = 100, bought = "yes" } },' },
    "6: fleet[1].bought: must be a boolean, got string")
end)

-- Tenants -----------------------------------------------------------------------------

T.test("tenants: site, priority (defaults by kind), sku", function()
  local t = by_name(point().tenants)
  T.eq({ t.anchor.priority, t.od.priority, t.train.priority }, { 0, 1, 3 })
  T.eq({ t.anchor.site, t.od.site, t.train.site }, { 0, 0, 0 }, "site: 0 = any")
  T.eq(t.od.sku, 1)
  t = by_name(point { [7] = '  tenants = { sp = { kind = "spot", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1, site = "dc1", priority = 7 },' }.tenants)
  T.eq(t.sp.priority, 7, "priority as given")
  T.eq(t.sp.site, 1, "site: 1-based index")
  T.eq(by_name(point { [7] = '  tenants = { sp = { kind = "spot", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1 },' }.tenants).sp.priority, 2)
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5, term_months = 24, site = "dc2" },' },
    "8: tenants.anchor.site: unknown site 'dc2' (did you mean dc1?)")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5, term_months = 24, priority = 1.5 },' },
    "8: tenants.anchor.priority: must be an integer, got 1.5")
  err({ [10] = '    od = { kind = "reserve", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2 },' },
    [[10: tenants.od.kind: must be one of "reserved", "on_demand", "spot", "internal", got 'reserve' (did you mean reserved?)]])
end)

T.test("on_demand and spot: price_gpu_hour (number or \"market\"), price_factor, elasticity", function()
  local od = by_name(point().tenants).od
  T.eq({ od.price_gpu_hour, od.price_market, od.price_factor, od.elasticity }, { 2, false, 1, 0 })
  local p = point { [10] = '    od = { kind = "spot", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = "market", price_factor = 0.3, elasticity = 0.8 },',
                    [12] = "  market = { h100 = 2.2 }," }
  od = by_name(p.tenants).od
  T.eq({ od.price_gpu_hour, od.price_market, od.price_factor, od.elasticity }, { 0, true, 0.3, 0.8 })
  T.eq(param(p, "tenants.od.price_gpu_hour"), "market")
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = "market" },' },
    '10: tenants.od.price_gpu_hour: "market" needs a market index for h100 (market.h100)')
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = "marke" },' },
    [[10: tenants.od.price_gpu_hour: must be a number or "market", got 'marke' (did you mean market?)]])
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = -1 },' },
    "10: tenants.od.price_gpu_hour: must be >= 0, got -1")
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, price_factor = 0 },' },
    "10: tenants.od.price_factor: must be > 0, got 0")
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, elasticity = -1 },' },
    "10: tenants.od.elasticity: must be >= 0, got -1")
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, elasticity = 0.5 },' },
    "10: tenants.od.elasticity: needs a market index for h100 (market.h100): demand responds to price / index")
end)

T.test("on_demand: skus in order of preference", function()
  local od = by_name(point { [10] = '    od = { kind = "on_demand", skus = { "h100" }, arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, price_per_perf = true },' }.tenants).od
  T.eq({ od.skus, od.sku, od.price_per_perf }, { { 1 }, 1, true })
  err({ [10] = '    od = { kind = "on_demand", skus = { "h100", "h100" }, arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2 },' },
    "10: tenants.od.skus[2]: 'h100' listed twice")
  err({ [10] = '    od = { kind = "on_demand", sku = "h100", skus = { "h100" }, arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2 },' },
    "10: tenants.od.sku: not with skus (the first of skus is its SKU)")
  err({ [10] = '    od = { kind = "on_demand", skus = { "h100" }, arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = "market" },' },
    '10: tenants.od.price_gpu_hour: "market" needs a market index for each of skus: none for h100 (market.h100)')
end)

T.test("reserved: defaults and resolution of every key", function()
  local a = by_name(point().tenants).anchor
  T.eq({ a.nodes, a.price_gpu_hour, a.price_market, a.term_months, a.start_hours }, { 50, 2.5, false, 24, 0 })
  T.eq({ a.take_or_pay, a.usage, a.renew_prob, a.renew_factor, a.default_prob_year, a.terminate_prob_year,
         a.notice_days, a.prepay_fraction, a.sla_credit }, { true, 1, 0, 1, 0, 0, 90, 0, 1 })
  local p = point { [8] = '    anchor = { kind = "reserved", nodes = 0, price_gpu_hour = 2.5, term_months = 6.5, start = "2025-12-01",'
    .. ' take_or_pay = false, usage = 0.8, renew_prob = 0.7, renew_factor = 0.9, default_prob_year = 0.02,'
    .. ' terminate_prob_year = 0.1, notice_days = 30, prepay_fraction = 0.2, sla_credit = 2 },' }
  a = by_name(p.tenants).anchor
  T.eq({ a.nodes, a.term_months, a.start_hours }, { 0, 6.5, -24 * 31 }, "nodes 0 (no contract); a start before the scenario's")
  T.eq({ a.take_or_pay, a.usage, a.renew_prob, a.renew_factor, a.default_prob_year, a.terminate_prob_year,
         a.notice_days, a.prepay_fraction, a.sla_credit }, { false, 0.8, 0.7, 0.9, 0.02, 0.1, 30, 0.2, 2 })
  a = by_name(point { [8] = '    anchor = { kind = "reserved", nodes = 5, price_gpu_hour = 2.5, term_months = 6, start = "2031-01-01" },' }.tenants).anchor
  T.eq(a.start_hours, 24 * (365 * 5 + 1), "a start after the horizon is allowed (it never starts)")
  T.eq(param(point(), "tenants.anchor.start"), "2026-01-01", "the kind's defaults are in params")
  T.eq(param(point(), "tenants.anchor.notice_days"), "90")
end)

T.test("reserved: errors", function()
  local R = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5, term_months = 24, %s },'
  local function rerr(extra, want) err({ [8] = R:format(extra) }, "8: tenants.anchor." .. want) end
  err({ [8] = '    anchor = { kind = "reserved", price_gpu_hour = 2.5, term_months = 24 },' },
    "8: tenants.anchor.nodes: required key missing (for kind reserved: nodes, or lines)")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 1, term_months = 24 },' },
    "8: tenants.anchor.price_gpu_hour: required key missing (for kind reserved)")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 1, price_gpu_hour = 2.5 },' },
    "8: tenants.anchor.term_months: required key missing (for kind reserved)")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = "market", term_months = 24 },' },
    '8: tenants.anchor.price_gpu_hour: a reserved contract needs a number ("market" is for on_demand and spot)')
  err({ [8] = '    anchor = { kind = "reserved", nodes = 5, term_months = 24, lines = { { sku = "h100", nodes = 1, price_gpu_hour = 2 } } },' },
    "8: tenants.anchor.nodes: not with lines (each line names its sku, site and nodes)")
  err({ [8] = '    anchor = { kind = "reserved", term_months = 24, lines = { { sku = "h100", nodes = 1 } } },' },
    "8: tenants.anchor.lines[1].price_gpu_hour: required key missing (the tenant has no price_gpu_hour)")
  err({ [8] = '    anchor = { kind = "reserved", price_gpu_hour = 2, term_months = 24, lines = { { sku = "h100", site = "dc1", nodes = 1 }, { sku = "h100", nodes = 1 } } },' },
    "8: tenants.anchor.lines[2].site: lines of one SKU name one site: line 1 has h100 at dc1")
  rerr("nodes = 2.5", "nodes: must be an integer, got 2.5")
  rerr("term_months = 0", "term_months: must be > 0, got 0")
  rerr('start = "2026-13-01"', "start: '2026-13-01' is not a real date")
  rerr("take_or_pay = 1", "take_or_pay: must be a boolean, got number")
  rerr("usage = 1.5", "usage: must be <= 1, got 1.5")
  rerr("renew_prob = 2", "renew_prob: must be <= 1, got 2")
  rerr("renew_factor = 0", "renew_factor: must be > 0, got 0")
  rerr("default_prob_year = -1", "default_prob_year: must be >= 0, got -1")
  rerr("terminate_prob_year = -0.1", "terminate_prob_year: must be >= 0, got -0.1")
  rerr("notice_days = -1", "notice_days: must be >= 0, got -1")
  rerr("prepay_fraction = 1.2", "prepay_fraction: must be <= 1, got 1.2")
  rerr("sla_credit = -1", "sla_credit: must be >= 0, got -1")
end)

T.test("internal: nodes and value_gpu_hour", function()
  local t = by_name(point().tenants).train
  T.eq({ t.nodes, t.value_gpu_hour, t.price_gpu_hour, t.price_market }, { 10, 1.5, 0, false })
  err({ [9] = '    train = { kind = "internal", nodes = -1, value_gpu_hour = 1.5 },' },
    "9: tenants.train.nodes: must be >= 0, got -1")
  err({ [9] = '    train = { kind = "internal", value_gpu_hour = 1.5 },' },
    "9: tenants.train.nodes: required key missing (for kind internal)")
  err({ [9] = '    train = { kind = "internal", nodes = 10 },' },
    "9: tenants.train.value_gpu_hour: required key missing (for kind internal)")
  err({ [9] = '    train = { kind = "internal", nodes = 10, value_gpu_hour = -2 },' },
    "9: tenants.train.value_gpu_hour: must be >= 0, got -2")
end)

T.test("keys that do not apply to a tenant's kind", function()
  err({ [10] = '    od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, nodes = 3 },' },
    "10: tenants.od.nodes: does not apply to kind on_demand")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5, term_months = 24, arrivals_per_hour = 3 },' },
    "8: tenants.anchor.arrivals_per_hour: does not apply to kind reserved")
  err({ [8] = '    anchor = { kind = "reserved", nodes = 50, price_gpu_hour = 2.5, term_months = 24, price_factor = 1 },' },
    "8: tenants.anchor.price_factor: does not apply to kind reserved")
  err({ [9] = '    train = { kind = "internal", nodes = 10, value_gpu_hour = 1.5, term_months = 3 },' },
    "9: tenants.train.term_months: does not apply to kind internal")
  err({ [9] = '    train = { kind = "internal", nodes = 10, value_gpu_hour = 1.5, price_gpu_hour = 1 },' },
    "9: tenants.train.price_gpu_hour: does not apply to kind internal")
  err({ [10] = '    od = { kind = "spot", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, value_gpu_hour = 1 },' },
    "10: tenants.od.value_gpu_hour: does not apply to kind spot")
  err({ [10] = '    od = { kind = "spot", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2, start = "2031-01-01" },' },
    "10: tenants.od.start: does not apply to kind spot")
end)

T.test("tenants of every kind carry every field C reads, neutral where it does not apply", function()
  local t = by_name(point { [12] = "  market = { h100 = 2 }," ,
    [7] = '  tenants = { sp = { kind = "spot", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = "market", price_factor = 0.3 },' }.tenants)
  local od, a, tr, sp = t.od, t.anchor, t.train, t.sp
  T.eq({ od.nodes, od.start_hours, od.term_months, od.take_or_pay, od.value_gpu_hour, od.sla_credit }, { 0, 0, 0, false, 0, 0 })
  T.eq({ od.reject, od.patience_hours, od.job_nodes }, { true, CONST0, { dist = "constant", p = { 1 } } })
  T.eq({ a.arrivals_per_hour.process, a.arrivals_per_hour.value, a.arrivals_per_hour.stream },
    { "constant", 0, "tenants.anchor.arrivals_per_hour" })
  T.eq({ a.job_hours, a.patience_hours, a.reject, a.price_factor, a.elasticity, a.value_gpu_hour }, { CONST0, CONST0, true, 1, 1, 0 })
  T.eq({ tr.term_months, tr.take_or_pay, tr.notice_days, tr.arrivals_per_hour.value, tr.price_market }, { 0, false, 0, 0, false })
  T.eq({ sp.price_market, sp.price_gpu_hour, sp.price_factor, sp.priority }, { true, 0, 0.3, 2 })
end)

-- Market, supplier --------------------------------------------------------------------

T.test("market: absent, a number, a process, a record", function()
  local two = '  skus = { h100 = { node_kw = 10, node_price = 250000 }, a100 = { node_kw = 6 } },'
  local NOT = { [8] = "", [9] = "", [10] = "" } -- no tenants (they would need a sku)
  local function point2(edits)
    for k, v in pairs(NOT) do edits[k] = v end
    edits[4] = two
    return point(edits)
  end
  local p = point2 {}
  T.eq(p.markets, {
    { defined = false, obsolescence = 1, price_gpu_hour = { process = "constant", value = 0, stream = "market.a100.price_gpu_hour" } },
    { defined = false, obsolescence = 1, price_gpu_hour = { process = "constant", value = 0, stream = "market.h100.price_gpu_hour" } },
  }, "one per SKU, in SKU order")
  p = point2 { [12] = "  market = { h100 = 2.2, a100 = { price_gpu_hour = 1.1, obsolescence = 0.8 } }," }
  T.eq(p.markets[1], { defined = true, obsolescence = 0.8, price_gpu_hour = { process = "constant", value = 1.1, stream = "market.a100.price_gpu_hour" } })
  T.eq(p.markets[2], { defined = true, obsolescence = 1, price_gpu_hour = { process = "constant", value = 2.2, stream = "market.h100.price_gpu_hour" } })
  p = point { [12] = '  market = { h100 = neo.process.path { { "2026-01-01", 2.35 }, { "2027-01-01", 1.8 } } },' }
  T.eq(p.markets[1].price_gpu_hour, { process = "path", stream = "market.h100.price_gpu_hour", t_hours = { 0, 8760 },
                                      values = { 2.35, 1.8 }, interp = "linear" })
  p = point { [12] = '  market = { h100 = { price_gpu_hour = neo.process.gbm { start = 2, drift = 0, vol = 0.2 } } },' }
  T.eq({ p.markets[1].price_gpu_hour.process, p.markets[1].price_gpu_hour.stream }, { "gbm", "market.h100.price_gpu_hour" })
end)

T.test("market: errors", function()
  err({ [12] = "  market = { h200 = 2 }," }, "12: market.h200: unknown sku 'h200' (did you mean h100?)")
  err({ [12] = "  market = { h100 = -2 }," }, "12: market.h100: must be > 0, got -2")
  err({ [12] = '  market = { h100 = "x" },' },
    "12: market.h100: must be a number, a process (neo.process.*) or a table, got string")
  err({ [12] = "  market = { h100 = { obsolescence = 0.5 } }," }, "12: market.h100.price_gpu_hour: required key missing")
  err({ [12] = "  market = { h100 = { price_gpu_hour = 2, obsolescence = 1.5 } }," },
    "12: market.h100.obsolescence: must be <= 1, got 1.5")
  err({ [12] = "  market = { h100 = { price_gpu_hour = 2, obsolescence = 0 } }," },
    "12: market.h100.obsolescence: must be > 0, got 0")
  err({ [12] = "  market = { h100 = { price = 2 } }," }, "12: market.h100.price: unknown key (did you mean price_gpu_hour?)")
end)

T.test("supplier: defaults per SKU and every key", function()
  local two = '  skus = { h100 = { node_kw = 10, node_price = 250000 }, a100 = { node_kw = 6 } },'
  local s = point({ [4] = two, [8] = "", [9] = "", [10] = "" }).supplier
  T.eq(s, { lead_time_days = { dist = "constant", p = { 90 } }, deposit = 0, monthly_cap = { math.huge, math.huge },
            node_price = { { process = "constant", value = 0, stream = "supplier.node_price.a100" },
                           { process = "constant", value = 250000, stream = "supplier.node_price.h100" } } })
  s = point { [4] = two, [8] = "", [9] = "", [10] = "", [12] = '  supplier = { lead_time_days = neo.dist.uniform { lo = 20, hi = 40 }, pay_on = "order",'
    .. ' monthly_cap = { h100 = 40 }, node_price = { a100 = neo.process.step { at = "2026-07-01", before = 1e5, after = 8e4 } } },' }.supplier
  T.eq(s.lead_time_days, { dist = "uniform", p = { 20, 40 } })
  T.eq(s.deposit, 1)
  T.eq(s.monthly_cap, { math.huge, 40 })
  T.eq(s.node_price[1], { process = "path", stream = "supplier.node_price.a100", t_hours = { 24 * 181, 24 * 181 },
                          values = { 1e5, 8e4 }, interp = "step" })
  T.eq(s.node_price[2].value, 250000)
end)

T.test("supplier: errors", function()
  err({ [12] = "  supplier = { lead_time_days = 0 }," }, "12: supplier.lead_time_days: must be > 0, got 0")
  err({ [12] = '  supplier = { pay_on = "ship" },' }, [[12: supplier.pay_on: must be one of "order", "delivery", got 'ship']])
  err({ [12] = "  supplier = { monthly_cap = { h100 = -1 } }," }, "12: supplier.monthly_cap.h100: must be >= 0, got -1")
  err({ [12] = "  supplier = { node_price = { h200 = 1 } }," },
    "12: supplier.node_price.h200: unknown sku 'h200' (did you mean h100?)")
  err({ [12] = "  supplier = { node_price = { h100 = -1 } }," }, "12: supplier.node_price.h100: must be >= 0, got -1")
  err({ [12] = "  supplier = { lead_tme_days = 1 }," }, "12: supplier.lead_tme_days: unknown key (did you mean lead_time_days?)")
end)

-- Shocks ------------------------------------------------------------------------------

T.test("shocks: targets, dated and random, defaults", function()
  local p = point { [12] = '  shocks = { { kind = "demand", tenant = "od", at = "2026-06-01", factor = 0.5, days = 30 },'
    .. ' { kind = "lead_time", rate_per_year = 1, factor = 2, name = "hbm" }, { kind = "gpu_price", sku = "h100", at = "2026-01-01", factor = 1.4 },'
    .. ' { kind = "power_price", site = "dc1", rate_per_year = 0.5, factor = 3, days = 10 }, { kind = "supply_cut", at = "2027-06-01", factor = 0 },'
    .. ' { kind = "market_price", rate_per_year = 2, factor = 0.7 } },' }
  T.eq(p.shocks[1], { name = "shocks[1]", kind = "demand", target = 2, random = false, at_hours = 24 * 151,
                      rate_per_year = 0, factor = 0.5, days = 30 }, "od is the second tenant by name")
  T.eq(p.shocks[2], { name = "hbm", kind = "lead_time", target = 0, random = true, at_hours = -1,
                      rate_per_year = 1, factor = 2, days = math.huge })
  T.eq({ p.shocks[3].target, p.shocks[3].at_hours }, { 1, 0 })
  T.eq({ p.shocks[4].target, p.shocks[4].random, p.shocks[4].days }, { 1, true, 10 })
  T.eq({ p.shocks[5].target, p.shocks[5].factor, p.shocks[5].at_hours }, { 0, 0, 24 * 516 }, "after the horizon: allowed, never hits")
  T.eq({ p.shocks[6].kind, p.shocks[6].target }, { "market_price", 0 })
  T.eq(point().shocks, {})
end)

T.test("shocks: errors", function()
  local function serr(s, want) err({ [12] = "  shocks = { " .. s .. " }," }, "12: shocks[1]" .. want) end
  serr('{ at = "2026-02-01", factor = 2 }', ".kind: required key missing")
  serr('{ kind = "demad", at = "2026-02-01", factor = 2 }',
    [[.kind: must be one of "gpu_price", "power_price", "lead_time", "supply_cut", "demand", "market_price", got 'demad' (did you mean demand?)]])
  serr('{ kind = "demand", factor = 0.5 }', ": needs exactly one of at (a date) or rate_per_year (random shocks)")
  serr('{ kind = "demand", at = "2026-02-01", rate_per_year = 1, factor = 2 }',
    ": needs exactly one of at (a date) or rate_per_year (random shocks)")
  serr('{ kind = "lead_time", sku = "h100", at = "2026-02-01", factor = 2 }', ".sku: does not apply to a lead_time shock")
  serr('{ kind = "gpu_price", site = "dc1", at = "2026-02-01", factor = 2 }',
    ".site: does not apply to a gpu_price shock (it takes sku)")
  serr('{ kind = "demand", tenant = "anchor", at = "2026-02-01", factor = 2 }',
    ".tenant: a demand shock scales job arrivals: tenant anchor is reserved (on_demand or spot only)")
  serr('{ kind = "demand", tenant = "odd", at = "2026-02-01", factor = 2 }', ".tenant: unknown tenant 'odd' (did you mean od?)")
  serr('{ kind = "gpu_price", sku = "h200", at = "2026-02-01", factor = 2 }', ".sku: unknown sku 'h200' (did you mean h100?)")
  serr('{ kind = "gpu_price", at = "2025-02-01", factor = 2 }', ".at: must not be before start (2026-01-01), got 2025-02-01")
  serr('{ kind = "gpu_price", at = "2026-02-01" }', ".factor: required key missing")
  serr('{ kind = "gpu_price", at = "2026-02-01", factor = -1 }', ".factor: must be >= 0, got -1")
  serr('{ kind = "gpu_price", at = "2026-02-01", factor = 2, days = 0 }', ".days: must be > 0, got 0")
  serr('{ kind = "gpu_price", rate_per_year = 0, factor = 2 }', ".rate_per_year: must be > 0, got 0")
  serr('{ kind = "gpu_price", rate_per_year = 1, factor = 2, name = 3 }', ".name: must be a string, got number")
end)

-- Finance, policies -------------------------------------------------------------------

T.test("finance: terminal and debt", function()
  local f = point().finance
  T.eq({ f.terminal_book, f.debt }, { false, {} })
  f = point { [12] = '  finance = { terminal = "book", debt = { { principal = 1e6, rate = 0.1, term_months = 12 },'
    .. ' { name = "rev", principal = 2e6, rate = 0.07, term_months = 24, draw = "2026-02-01", amortization = "bullet",'
    .. ' min_cash = 1e5, facility = true } } },' }.finance
  T.eq(f.terminal_book, true)
  local function rate(v, stream) return { process = "constant", value = v, stream = stream } end
  T.eq(f.debt[1], { name = "debt[1]", principal = 1e6, rate_base = rate(0.1, "finance.debt.1.rate.base"), spread = 0,
                    term_months = 12, interest_only_months = 0, draw_hours = 0, amortization = "annuity",
                    upfront_fee = 0, commitment_fee = 0, covenants = {}, facility = false, revolving = false,
                    repay_above = 0, advance_rate = 0, bb_sku = 0, bb_contracts = {}, amortize_hours = 0,
                    refi_term_months = 0, refi_spread = rate(0, "finance.debt.1.refinance.spread") })
  T.eq(f.debt[2], { name = "rev", principal = 2e6, rate_base = rate(0.07, "finance.debt.2.rate.base"), spread = 0,
                    term_months = 24, interest_only_months = 0, draw_hours = 24 * 31, amortization = "bullet",
                    upfront_fee = 0, commitment_fee = 0, facility = true, revolving = false, repay_above = 0,
                    advance_rate = 0, bb_sku = 0, bb_contracts = {}, amortize_hours = 0,
                    refi_term_months = 0, refi_spread = rate(0, "finance.debt.2.refinance.spread"),
                    covenants = { { kind = "min_cash", limit = 1e5, test = "daily", cure_hours = 0,
                                    on_breach = "event", step_up = 0, keep_cash = 0 } } })
  local function derr(d, want) err({ [12] = "  finance = { debt = { " .. d .. " } }," }, "12: finance." .. want) end
  err({ [12] = '  finance = { terminal = "market" },' }, [[12: finance.terminal: must be one of "none", "book", got 'market']])
  derr("{ principal = 0, rate = 0.1, term_months = 12 }", "debt[1].principal: must be > 0, got 0")
  local cov = "{ principal = 1, rate = 0.1, term_months = 12, covenants = { "
  derr(cov .. '{ kind = "dscr", max = 1 } } }', "debt[1].covenants[1].min: a dscr covenant needs min")
  local bb = '{ principal = 1, rate = 0.1, term_months = 12, borrowing_base = { advance_rate = 0.8, '
  derr(bb .. 'amortize_from = "2025-01-01" } }', "debt[1].borrowing_base.amortize_from: must not be before the draw date")
  derr(bb .. 'amortize_from = "2027-01-01", contracts = { "od" } } }',
       "debt[1].borrowing_base.contracts[1]: tenant od is on_demand: contracts are reserved tenants'")
  derr(bb .. 'amortize_from = "2027-01-01" }, facility = true }',
       "debt[1].borrowing_base: a facility cannot also be a borrowing-base loan")
  derr(cov .. '{ kind = "ltv", max = 0.8, min = 0 } } }',
       "debt[1].covenants[1].min: does not apply to a ltv covenant (it takes max)")
  derr(cov .. '{ kind = "dscr", min = 1.2, on_breach = "step_up" } } }',
       'debt[1].covenants[1].step_up: is required with on_breach = "step_up"')
  derr(cov .. '{ kind = "dscr", min = 1.2, step_up = 0.01 } } }',
       'debt[1].covenants[1].step_up: applies only with on_breach = "step_up", not "event"')
  derr(cov .. '{ kind = "dscr", min = 1.2, test = "yearly" } } }',
       'debt[1].covenants[1].test: must be one of "monthly", "quarterly", "daily", got \'yearly\'')
  f = point { [12] = '  finance = { debt = { { principal = 1, rate = 0.1, term_months = 12, min_cash = 5, '
    .. 'covenants = { { kind = "leverage", max = 4, test = "quarterly", cure_days = 30, on_breach = "sweep", '
    .. 'keep_cash = 1e6 } } } } },' }.finance
  T.eq(f.debt[1].covenants, {
    { kind = "min_cash", limit = 5, test = "daily", cure_hours = 0, on_breach = "event", step_up = 0, keep_cash = 0 },
    { kind = "leverage", limit = 4, test = "quarterly", cure_hours = 720, on_breach = "sweep", step_up = 0,
      keep_cash = 1e6 } })
  derr("{ principal = 1, term_months = 12 }", "debt[1].rate: required key missing")
  derr("{ principal = 1, rate = -0.1, term_months = 12 }", "debt[1].rate: must be >= 0, got -0.1")
  derr("{ principal = 1, rate = 0.1 }", "debt[1].term_months: required key missing")
  derr('{ principal = 1, rate = 0.1, term_months = 12, amortization = "baloon" }',
    [[debt[1].amortization: must be one of "annuity", "linear", "bullet", got 'baloon']])
  derr('{ principal = 1, rate = 0.1, term_months = 12, draw = "2026-1-1" }',
    "debt[1].draw: must be a date YYYY-MM-DD, got '2026-1-1'")
  derr("{ principal = 1, rate = 0.1, term_months = 12, facility = 1 }", "debt[1].facility: must be a boolean, got number")
  derr('{ name = "a", principal = 1, rate = 0, term_months = 1 }, { name = "a", principal = 1, rate = 0, term_months = 1 }',
    "debt[2].name: name 'a' used twice")
  derr('{ principal = 1, rate = 0, term_months = 1 }, { name = "debt[1]", principal = 1, rate = 0, term_months = 1 }',
    "debt[2].name: must be letters, digits, '_', '.', '-', got 'debt[1]'")
end)

T.test("policies: review, params, functions", function()
  local p = point()
  T.eq(p.policies, { review_every_hours = 720, params = {}, procurement = false, pricing = false, allocation = false })
  p = point { [12] = '  policies = { review_every_days = 7, params = { x = 3, on = true, mode = "fast" }, pricing = function() end,'
    .. ' allocation = neo.policies.keep_internal { tenant = "train" } },' }
  T.eq(p.policies, { review_every_hours = 168, params = { x = 3, on = true, mode = "fast" }, procurement = false,
                     pricing = true, allocation = true })
  T.eq({ param(p, "policies.params.x"), param(p, "policies.params.on"), param(p, "policies.params.mode") }, { "3", "true", "fast" })
  T.eq({ param(p, "policies.pricing"), param(p, "policies.allocation") }, { nil, nil }, "functions are not params")
  T.eq(point { [12] = "  policies = { review_every_days = math.huge }," }.policies.review_every_hours, math.huge)
  err({ [12] = "  policies = { review_every_days = 0 }," }, "12: policies.review_every_days: must be >= 0.01, got 0")
  err({ [12] = "  policies = { params = { x = {} } }," }, "12: policies.params.x: must be a number, a boolean or a string, got table")
  err({ [12] = "  policies = { params = { 3 } }," },
    "12: policies.params[1]: expected a name (params is a table from names to entries, not a list)")
  err({ [12] = "  policies = { procurment = function() end }," }, "12: policies.procurment: unknown key (did you mean procurement?)")
  err({ [12] = "  policies = { pricing = 3 }," }, "12: policies.pricing: must be a function, got number")
  err({ [12] = '  policies = { allocation = "keep" },' }, "12: policies.allocation: must be a function, got string")
end)

-- The resolved point against sim/lua/luacfg.c ------------------------------------------------

-- The keys each reader of sim/lua/luacfg.c takes, with the Lua type it wants.
local READER_TYPE = { num = "number", integer = "number", index_of = "number", opt_index = "number", boolean = "boolean", str = "string",
                      choice = "string", read_process = "table", read_dist = "table", read_array = "table",
                      numbers = "table", indices = "table" }
local function luacfg_keys()
  local f = assert(io.open("sim/lua/luacfg.c")) -- run from the project root (tests/e2e/lua.sh)
  local src = f:read("a")
  f:close()
  local readers = {}
  for name, body in src:gmatch("\n[%w_ ]-[%s%*](read_[%w_]+)%b()%s*(%b{})") do
    local keys = {}
    for fn, key in body:gmatch("([%w_]+)%(&?r, %w+, \"([%w_]+)\"") do
      if READER_TYPE[fn] then keys[key] = READER_TYPE[fn] end
    end
    readers[name] = keys
  end
  return readers
end

T.test("every table of a resolved point carries what sim/lua/luacfg.c reads (tenants: exactly that)", function()
  local R = luacfg_keys()
  local p = point { [12] = "  market = { h100 = 2 }, shocks = { { kind = \"demand\", at = \"2026-02-01\", factor = 2 } },"
    .. " finance = { debt = { { principal = 1, rate = 0, term_months = 1 } } },",
    [5] = '  sites = { dc1 = { power_mw = 5, online = { { "2026-06-01", 10 } } } },',
    [7] = '  tenants = { sp = { kind = "spot", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1 },' }
  local function has(t, reader, where)
    assert(R[reader] and next(R[reader]), "no keys found for " .. reader .. " in sim/lua/luacfg.c")
    for k, want in pairs(R[reader]) do
      assert(type(t[k]) == want, ("%s.%s: C reads a %s, got %s"):format(where, k, want, type(t[k])))
    end
  end
  for _, s in ipairs(p.skus) do has(s, "read_sku", "skus") end
  for _, s in ipairs(p.sites) do has(s, "read_site", "sites"); has(s.online[1], "read_online", "sites.online") end
  has(p.fleet[1], "read_fleet", "fleet")
  for _, m in ipairs(p.markets) do has(m, "read_market", "markets") end
  has(p.supplier, "read_supplier", "supplier")
  has(p.shocks[1], "read_shock", "shocks")
  has(p.finance, "read_finance", "finance")
  has(p.finance.tax, "read_tax", "finance.tax")
  has(p.finance.debt[1], "read_debt", "debt")
  has(p.policies, "read_policies", "policies")
  for _, t in ipairs(p.tenants) do
    has(t, "read_tenant", "tenants." .. t.name)
    for k in pairs(t) do
      assert(R.read_tenant[k], ("tenants.%s.%s: resolved but C does not read it"):format(t.name, k))
    end
  end
end)

-- Sweeps and --set ----------------------------------------------------------------------

T.test("sweeps and --set reach the new scalar keys", function()
  local pts = neo._resolve(T.scenario(with {
    [12] = '  policies = { params = { x = 1 } }, shocks = { { kind = "gpu_price", at = "2026-03-01", factor = 2 } },'
      .. ' finance = { debt = { { principal = 1e6, rate = 0.1, term_months = 12 } } }, market = { h100 = 2 },',
    [13] = '  sweep = { ["policies.params.x"] = { 1, 2 }, ["tenants.anchor.price_gpu_hour"] = { 2, 3 }, ["finance.debt.1.rate"] = { 0.05, 0.1 },'
      .. ' ["shocks.1.factor"] = { 1.5, 2 }, ["tenants.od.price_gpu_hour"] = { 2, "market" }, ["sites.dc1.install_days"] = { 3, 7 } },',
  }), {})
  T.eq(#pts, 64)
  local last = pts[64]
  T.eq({ last.policies.params.x, by_name(last.tenants).anchor.price_gpu_hour, last.finance.debt[1].rate_base.value, last.shocks[1].factor,
         by_name(last.tenants).od.price_market, last.sites[1].install_hours }, { 2, 3, 0.1, 2, true, 168 })
  T.eq(param(last, "policies.params.x"), "2")
  local sets = { { path = "policies.params.x", value = "5" }, { path = "finance.debt.1.rate", value = "0.2" },
                 { path = "shocks.1.factor", value = "0.5" }, { path = "tenants.anchor.price_gpu_hour", value = "4.5" },
                 { path = "fleet.1.bought", value = "true" }, { path = "supplier.pay_on", value = "order" },
                 { path = "tenants.anchor.take_or_pay", value = "false" } }
  local p = neo._resolve(T.scenario(with {
    [12] = '  policies = { params = { x = 1 } }, shocks = { { kind = "gpu_price", at = "2026-03-01", factor = 2 } },'
      .. ' finance = { debt = { { principal = 1e6, rate = 0.1, term_months = 12 } } },',
  }), sets)[1]
  T.eq({ p.policies.params.x, p.finance.debt[1].rate_base.value, p.shocks[1].factor, by_name(p.tenants).anchor.price_gpu_hour,
         p.fleet[1].bought, p.supplier.deposit, by_name(p.tenants).anchor.take_or_pay }, { 5, 0.2, 0.5, 4.5, true, 1, false })
  T.raises_msg("--set policies.params.y: no param 'y' (did you mean x?)", neo._resolve, T.scenario(with {
    [12] = "  policies = { params = { x = 1 } },",
  }), { { path = "policies.params.y", value = "1" } })
end)

T.test("a sweep over tenants.anchor.kind: a clear error where keys do not apply; sweeping nodes works", function()
  T.expect_error(with { [13] = '  sweep = { ["tenants.anchor.kind"] = { "reserved", "internal" } },' },
    "8: tenants.anchor.price_gpu_hour: does not apply to kind internal (sweep point 1: tenants.anchor.kind=internal)")
  T.raises_msg("scenarios/t.lua:8: tenants.anchor.price_gpu_hour: does not apply to kind internal (with --set tenants.anchor.kind=internal)",
    neo._resolve, T.scenario(with {}), { { path = "tenants.anchor.kind", value = "internal" } })
  -- a tenant that is only its kind and nodes switches cleanly
  local pts = neo._resolve(T.scenario(with {
    [9] = '    train = { kind = "internal", nodes = 10, value_gpu_hour = 1.5 }, flex = { kind = "internal", nodes = 5, value_gpu_hour = 1 },',
    [13] = '  sweep = neo.sweep.points { { ["tenants.anchor.nodes"] = 50, ["tenants.train.nodes"] = 0 },'
      .. ' { ["tenants.anchor.nodes"] = 0, ["tenants.train.nodes"] = 50 } },',
  }), {})
  T.eq({ by_name(pts[1].tenants).anchor.nodes, by_name(pts[1].tenants).train.nodes }, { 50, 0 })
  T.eq({ by_name(pts[2].tenants).anchor.nodes, by_name(pts[2].tenants).train.nodes }, { 0, 50 })
  pts = neo._resolve(T.scenario(with {
    [9] = '    train = { kind = "internal", nodes = 10, value_gpu_hour = 1.5 }, flex = { kind = "spot", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 1 },',
    [13] = '  sweep = { ["tenants.flex.kind"] = { "spot", "on_demand" } },',
  }), {})
  T.eq({ by_name(pts[1].tenants).flex.priority, by_name(pts[2].tenants).flex.priority }, { 2, 1 }, "the kind's defaults follow the kind")
  T.expect_error(with { [13] = '  sweep = { ["tenants.anchor.kind"] = { "reserved", "leased" } },' },
    [[13: sweep["tenants.anchor.kind"][2]: must be one of "reserved", "on_demand", "spot", "internal", got 'leased']])
end)

T.test("a sweep into a value that is not a table says so", function()
  T.expect_error(with { [12] = "  market = { h100 = 2 },", [13] = '  sweep = { ["market.h100.price_gpu_hour"] = { 1, 2 } },' },
    "13: sweep[\"market.h100.price_gpu_hour\"]: market.h100 is a number here, it has no key 'price_gpu_hour' (sweep or set market.h100 itself)")
  local pts = neo._resolve(T.scenario(with { [12] = "  market = { h100 = 2 },", [13] = '  sweep = { ["market.h100"] = { 1, 2 } },' }), {})
  T.eq({ pts[1].markets[1].price_gpu_hour.value, pts[2].markets[1].price_gpu_hour.value }, { 1, 2 })
end)
