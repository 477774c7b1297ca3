-- test_scenario.lua -- neo.scenario: the resolved form with defaults, and every kind of
-- validation error with its exact message and line.
local T = require("testlib")
local neo = require("neo")
local core = require("neo.core")

-- One key per line, so each test edits a line and knows the line of its error.
local BASE = {
  'local neo = require("neo")',                                 -- 1
  "return neo.scenario {",                                      -- 2
  '  name = "t",',                                              -- 3
  '  start = "2026-01-01",',                                    -- 4
  "  horizon_days = 365,",                                      -- 5
  "  warmup_days = 30,",                                        -- 6
  "  skus = {",                                                 -- 7
  "    h100 = { node_kw = 10, node_price = 250000 },",          -- 8
  "  },",                                                       -- 9
  "  sites = {",                                                -- 10
  "    dc1 = { power_mw = 5, pue = 1.25 },",                    -- 11
  "  },",                                                       -- 12
  "  fleet = {",                                                -- 13
  '    { site = "dc1", sku = "h100", nodes = 100 },',           -- 14
  "  },",                                                       -- 15
  "  tenants = {",                                              -- 16
  "    od = {",                                                 -- 17
  '      kind = "on_demand",',                                  -- 18
  "      arrivals_per_hour = 7,",                               -- 19
  "      job_hours = neo.dist.exponential { mean = 1 },",       -- 20
  "      price_gpu_hour = 2,",                                  -- 21
  "    },",                                                     -- 22
  "  },",                                                       -- 23
  "}",                                                          -- 24
}

-- The base source with lines replaced: with{ [n] = "text", ... } ("" blanks a line).
local function with(edits) return T.source(BASE, edits) end

local function err(edits, want) T.expect_error(with(edits), want) end

T.test("the base scenario resolves with every default filled", function()
  local scn = T.scenario(with {})
  T.eq(scn.name, "t", "keys of the scenario stay readable")
  T.eq(scn.skus.h100.node_kw, 10)
  T.eq(neo.is_scenario(scn), true)
  local pts = neo._resolve(scn, {})
  T.eq(#pts, 1)
  local p = pts[1]
  local params = p.params
  p.params = nil
  T.eq(p, {
    name = "t", description = "", start = "2026-01-01", start_days = 20454,
    horizon_hours = 365 * 24, warmup_hours = 30 * 24, seed = 1, replications = 1,
    skus = { { name = "h100", gpus_per_node = 8, node_price = 250000, node_kw = 10, idle_kw = -1, perf = 1,
               mtbf_gpu_hours = math.huge, repair_hours = { dist = "constant", p = { 24 } }, life_years = 6, release_hours = -math.huge,
               resale_fraction = 0, resale_rent_share = 0, failure_shape = 1 } },
    sites = { { name = "dc1", power_mw = 5, pue = 1.25, colo_kw_month = 0, colo_committed_kw = 0, repair = true,
                build_on = false, build_cost_per_mw = 0, build_at_end = false, build_life_hours = 1,
                build_months = { dist = "constant", p = { 0 } },
                ppa_share = 0, ppa_price_mwh = 0, ppa_start_hours = 0, ppa_term_hours = 0,
                repair_crews = math.huge, outage_rate_per_year = 0, outage_fraction = 0,
                outage_days = { dist = "constant", p = { 0 } },
                power_price_mwh = { process = "constant", stream = "sites.dc1.power_price_mwh", value = 0 },
                install_hours = 168, online = {} } },
    fleet = { { site = 1, sku = 1, nodes = 100, installed_hours = 0, bought = false, lease_payment_month = 0,
                lease_end_hours = 0 } },
    tenants = { { name = "od", kind = "on_demand", sku = 1, site = 0, priority = 1,
                  arrivals_per_hour = { process = "constant", stream = "tenants.od.arrivals_per_hour", value = 7 },
                  job_nodes = { dist = "constant", p = { 1 } }, job_hours = { dist = "exponential", p = { 1 } },
                  reject = true, patience_hours = { dist = "constant", p = { 0 } }, price_gpu_hour = 2,
                  price_market = false, price_factor = 1, elasticity = 0, skus = { 1 }, price_per_perf = false,
                  -- keys of other kinds, neutral
                  nodes = 0, start_hours = 0, term_months = 0, take_or_pay = false, usage = 1, renew_prob = 0,
                  renew_factor = 1, default_prob_year = 0, terminate_prob_year = 0, notice_days = 0,
                  prepay_fraction = 0, sla_credit = 0, value_gpu_hour = 0, lines = {}, ramp_months = 0,
                  escalator = 0, recall_penalty_months = 0,
                  value_process = { process = "constant", stream = "tenants.od.value_gpu_hour", value = 0 },
                  nodes_process = { process = "constant", stream = "tenants.od.nodes", value = 0 },
                  renew_process = { process = "constant", stream = "tenants.od.renew_prob", value = 0 },
                  default_process = { process = "constant", stream = "tenants.od.default_prob_year", value = 0 },
                  terminate_process = { process = "constant", stream = "tenants.od.terminate_prob_year", value = 0 } } },
    markets = { { defined = false, obsolescence = 1,
                  price_gpu_hour = { process = "constant", stream = "market.h100.price_gpu_hour", value = 0 } } },
    supplier = { lead_time_days = { dist = "constant", p = { 90 } }, monthly_cap = { math.huge },
                 node_price = { { process = "constant", stream = "supplier.node_price.h100", value = 250000 } },
                 deposit = 0 },
    shocks = {},
    finance = { cash = 0, discount_rate = 0.1, staff_month = 0, terminal_book = false, debt = {},
                tax = { rate = 0, loss_carryforward = true } },
    policies = { review_every_hours = 720, params = {}, procurement = false, pricing = false, allocation = false },
  })
  local byname = {}
  for _, x in ipairs(params) do byname[x.name] = x.value; T.eq(x.swept, false) end
  T.eq(byname["tenants.od.job_hours"], "exponential(1)")
  T.eq(byname["tenants.od.arrivals_per_hour"], "7")
  T.eq(byname["skus.h100.mtbf_gpu_hours"], "inf")
  T.eq(byname["finance.discount_rate"], "0.1")
  T.eq(byname["fleet.1.installed"], "2026-01-01")
  T.eq(byname["skus.h100.release"], nil, "absent optional keys have no param")
  for i = 2, #params do assert(params[i - 1].name < params[i].name, "params sorted by name") end
end)

T.test("indices and names: maps become arrays sorted by name", function()
  local p = neo._resolve(T.scenario(with {
    [8] = "    h100 = { node_kw = 10 }, a100 = { node_kw = 5, release = '2020-06-01' },",
    [11] = "    dc2 = { power_mw = 5 }, dc1 = { power_mw = 5 },",
    [14] = '    { site = "dc2", sku = "h100", nodes = 1, installed = "2025-12-31" }, { site = "dc1", sku = "a100", nodes = 2 },',
    [18] = '      kind = "on_demand", sku = "h100", queue = { patience_hours = math.huge }, job_nodes = 2,',
  }), {})[1]
  T.eq(p.skus[1].name, "a100")
  T.eq(p.skus[1].release_hours, 24 * (core.days("2020-06-01") - core.days("2026-01-01")))
  T.eq(p.sites[2].name, "dc2")
  T.eq(p.fleet, { { site = 2, sku = 2, nodes = 1, installed_hours = -24, bought = false, lease_payment_month = 0,
                    lease_end_hours = 0 },
                  { site = 1, sku = 1, nodes = 2, installed_hours = 0, bought = false, lease_payment_month = 0,
                    lease_end_hours = 0 } })
  T.eq(p.tenants[1].sku, 2)
  T.eq(p.tenants[1].reject, false)
  T.eq(p.tenants[1].patience_hours, { dist = "constant", p = { math.huge } })
  T.eq(p.tenants[1].job_nodes, { dist = "constant", p = { 2 } })
end)

T.test("unknown keys, with did-you-mean", function()
  err({ [19] = "      arivals_per_hour = 7," },
    "19: tenants.od.arivals_per_hour: unknown key (did you mean arrivals_per_hour?)")
  err({ [8] = "    h100 = { node_kw = 10, Node_price = 1 }," }, "8: skus.h100.Node_price: unknown key (did you mean node_price?)")
  err({ [6] = "  warmup = 30," }, "6: warmup: unknown key (did you mean warmup_days?)")
  err({ [6] = "  colour = 30," }, "6: colour: unknown key")
  err({ [14] = '    { site = "dc1", sku = "h100", nodes = 100, 5 },' },
    "14: fleet[1][1]: unexpected list element (this table takes named keys)")
  err({ [18] = '      kind = "on_demand", queue = { patience = 1 },' },
    "18: tenants.od.queue.patience: unknown key (did you mean patience_hours?)")
end)

T.test("wrong types", function()
  err({ [5] = '  horizon_days = "365",' }, "5: horizon_days: must be a number, got string")
  err({ [3] = "  name = 5," }, "3: name: must be a string, got number")
  err({ [11] = "    dc1 = { power_mw = 5, repair = 'no' }," }, "11: sites.dc1.repair: must be a boolean, got string")
  err({ [20] = '      job_hours = "long",' },
    "20: tenants.od.job_hours: must be a number or a distribution (neo.dist.*), got string")
  err({ [20] = "      job_hours = { mean = 1 }," },
    "20: tenants.od.job_hours: must be a number or a distribution (neo.dist.*), got table")
  err({ [19] = "      arrivals_per_hour = neo.dist.exponential { mean = 1 }," },
    "19: tenants.od.arrivals_per_hour: must be a number or a process (neo.process.*), got a distribution")
  err({ [18] = '      kind = "on_demand", queue = 3,' }, '18: tenants.od.queue: must be "reject" or a table, got number')
  err({ [18] = '      kind = "on_demand", queue = "rejct",' },
    "18: tenants.od.queue: must be \"reject\" or a table, got 'rejct' (did you mean reject?)")
  err({ [7] = "  skus = 3, --", [8] = "", [9] = "" }, "7: skus: must be a table, got number")
  err({ [13] = "  fleet = { x = {", [14] = '    site = "dc1", sku = "h100", nodes = 100 },' },
    "13: fleet.x: unexpected key in a list (fleet takes elements 1..1)")
  err({ [8] = "    { node_kw = 10 }," }, "8: skus[1]: expected a name (skus is a table from names to entries, not a list)")
  err({ [4] = "  start = 20260101," }, '4: start: must be a date "YYYY-MM-DD", got number')
end)

T.test("missing required keys name the key and the line of the enclosing table", function()
  err({ [21] = "" }, "17: tenants.od.price_gpu_hour: required key missing (for kind on_demand)")
  err({ [3] = "" }, "2: name: required key missing")
  err({ [8] = "    h100 = {", [9] = "  } }," }, "8: skus.h100.node_kw: required key missing")
  err({ [14] = '    { sku = "h100", nodes = 100 },' }, "14: fleet[1].site: required key missing")
  err({ [8] = "    h100 = { node_kw = 10 }, a100 = { node_kw = 1 }," },
    "17: tenants.od.sku: required key missing (there are 2 skus: a100, h100)")
end)

T.test("impossible values", function()
  err({ [14] = '    { site = "dc1", sku = "h100", nodes = -1 },' }, "14: fleet[1].nodes: must be >= 0, got -1")
  err({ [14] = '    { site = "dc1", sku = "h100", nodes = 1.5 },' }, "14: fleet[1].nodes: must be an integer, got 1.5")
  err({ [11] = "    dc1 = { power_mw = 5, pue = 0.9 }," }, "11: sites.dc1.pue: must be >= 1, got 0.9")
  err({ [11] = "    dc1 = { power_mw = -1 }," }, "11: sites.dc1.power_mw: must be >= 0, got -1")
  err({ [8] = "    h100 = { node_kw = 10, resale_fraction = 1.5 }," }, "8: skus.h100.resale_fraction: must be <= 1, got 1.5")
  err({ [6] = "  warmup_days = 365," }, "6: warmup_days: must be < horizon_days (365), got 365")
  err({ [5] = "  horizon_days = math.huge," }, "5: horizon_days: must be finite, got inf")
  err({ [5] = "  horizon_days = 0/0," }, "5: horizon_days: must be a number, got nan")
  err({ [6] = "  warmup_days = 30, seed = -1," }, "6: seed: must be an integer from 0 to 18446744073709551615, got -1")
  err({ [6] = "  warmup_days = 30, replications = 2.5," }, "6: replications: must be an integer, got 2.5")
  err({ [3] = '  name = "a b",' }, "3: name: must be letters, digits, '_', '.', '-', got 'a b'")
  err({ [19] = "      arrivals_per_hour = 0," }, "19: tenants.od.arrivals_per_hour: must be > 0, got 0")
  err({ [19] = "      arrivals_per_hour = neo.process.path { { '2026-01-01', 1 }, { '2027-01-01', 0 } }," },
    "19: tenants.od.arrivals_per_hour: path: points[2]: value must be > 0, got 0")
  err({ [20] = "      job_hours = neo.dist.constant { 0 }," }, "20: tenants.od.job_hours: must be > 0, got 0")
  err({ [18] = '      kind = "on_demand", job_nodes = 0,' }, "18: tenants.od.job_nodes: must be >= 1, got 0")
  err({ [8] = "    ['h-100'] = { node_kw = 10 }," },
    '8: skus["h-100"]: invalid name (letters, digits and _, not starting with a digit)')
  err({ [7] = "  skus = {}, --", [8] = "", [9] = "" }, "7: skus: must have at least 1 entry")
  err({ [11] = "    dc1 = { power_mw = 5, power_price_mwh = { process = 'seasonal', base = 1, amplitude = 2 } }," },
    "11: sites.dc1.power_price_mwh: seasonal: amplitude must be <= 1, got 2")
end)

T.test("numbers are at most 10^15 in magnitude unless the key says otherwise", function()
  -- a price of 1.7e308 made every run's books overflow to inf
  err({ [8] = "    h100 = { node_kw = 10, node_price = 1.7e308 }," },
    "8: skus.h100.node_price: must be <= 1e+15, got 1.7e+308")
  T.scenario(with { [8] = "    h100 = { node_kw = 10, node_price = 1e15 }," })
  err({ [23] = "  }, finance = { cash = -2e15 }," }, "23: finance.cash: must be >= -1e+15, got -2e+15")
  err({ [19] = "      arrivals_per_hour = neo.process.gbm { start = 1e16, drift = 0, vol = 0.1 }," },
    "19: neo.process.gbm: start must be <= 1e+15, got 1e+16")
  -- a key's own bounds and math.huge where allowed stay as they were
  err({ [5] = "  horizon_days = 1e16," }, "5: horizon_days: must be <= 365250, got 1e+16")
  T.scenario(with { [8] = "    h100 = { node_kw = 10, mtbf_gpu_hours = math.huge }," })
end)

T.test("integers of days resolve as float hours: no wrap-around past 2^63", function()
  local p = neo._resolve(T.scenario(with { [11] = "    dc1 = { power_mw = 5, install_days = 1000000000000000 }," }), {})[1]
  T.eq(p.sites[1].install_hours, 2.4e16)
  T.eq(math.type(p.sites[1].install_hours), "float")
  -- review_every_days = 9223372036854775807 resolved to -24 hours, an event in the past
  err({ [23] = "  }, policies = { review_every_days = 9223372036854775807 }," },
    "23: policies.review_every_days: must be <= 1e+15, got 9223372036854775807")
  -- nodes x node_kw in integers wrapped to 0 and fitted any site
  err({ [8] = "    h100 = { node_kw = 4611686018427387904 },", [14] = '    { site = "dc1", sku = "h100", nodes = 4 },' },
    "8: skus.h100.node_kw: must be <= 1e+15, got 4611686018427387904")
  T.scenario(with { [11] = "    dc1 = { power_mw = 1000000000000000, pue = 1.25 },",
                    [14] = '    { site = "dc1", sku = "h100", nodes = 1000000000 },' })
end)

T.test("seeds: 0 to 2^64-1, above 2^63-1 as a string of digits", function()
  local function seed(line) return neo._resolve(T.scenario(with { [6] = "  warmup_days = 30, " .. line }), {})[1].seed end
  T.eq(seed("seed = 42,"), 42)
  T.eq(seed('seed = "42",'), 42)
  T.eq(seed('seed = "18446744073709551615",'), "18446744073709551615")
  T.eq(seed('seed = "0009223372036854775808",'), "9223372036854775808")
  T.eq(seed('seed = "9223372036854775807",'), math.maxinteger)
  err({ [6] = '  warmup_days = 30, seed = "18446744073709551616",' },
    "6: seed: must be an integer from 0 to 18446744073709551615, got 18446744073709551616")
  err({ [6] = '  warmup_days = 30, seed = "0x10",' },
    "6: seed: must be an integer from 0 to 18446744073709551615, got '0x10'")
  err({ [6] = "  warmup_days = 30, seed = 0xffffffffffffffff," }, -- a Lua integer: -1
    "6: seed: must be an integer from 0 to 18446744073709551615, got -1")
end)

T.test("dates: format, real dates, installed not after start", function()
  err({ [4] = '  start = "2026-1-1",' }, "4: start: must be a date YYYY-MM-DD, got '2026-1-1'")
  err({ [4] = '  start = "2026-02-30",' }, "4: start: '2026-02-30' is not a real date")
  err({ [14] = '    { site = "dc1", sku = "h100", nodes = 1, installed = "2026-02-01" },' },
    "14: fleet[1].installed: must not be after start (2026-01-01), got 2026-02-01")
  err({ [8] = "    h100 = { node_kw = 10, release = '2025-13-01' }," },
    "8: skus.h100.release: '2025-13-01' is not a real date")
end)

T.test("references to sites, skus; kinds", function()
  err({ [14] = '    { site = "dc2", sku = "h100", nodes = 1 },' }, "14: fleet[1].site: unknown site 'dc2' (did you mean dc1?)")
  err({ [14] = '    { site = "dc1", sku = "b200", nodes = 1 },' }, "14: fleet[1].sku: unknown sku 'b200'")
  err({ [18] = '      kind = "on_demand", sku = "h200",' }, "18: tenants.od.sku: unknown sku 'h200' (did you mean h100?)")
  err({ [18] = '      kind = "reserved",' }, "19: tenants.od.arrivals_per_hour: does not apply to kind reserved")
  err({ [18] = '      kind = "lottery",' },
    '18: tenants.od.kind: must be one of "reserved", "on_demand", "spot", "internal", got \'lottery\'')
  err({ [18] = '      kind = "ondemand",' },
    "18: tenants.od.kind: must be one of \"reserved\", \"on_demand\", \"spot\", \"internal\", got 'ondemand' (did you mean on_demand?)")
end)

T.test("the initial fleet must fit the site's power: the entry that overflows is named", function()
  err({ [14] = '    { site = "dc1", sku = "h100", nodes = 401 },' },
    "14: fleet[1]: the fleet at site dc1 needs 5.013 MW with this entry (nodes x node_kw x pue), more than its power_mw 5")
  T.scenario(with { [14] = '    { site = "dc1", sku = "h100", nodes = 400 },' }) -- exactly 5 MW fits
  err({ [13] = '  fleet = { { site = "dc1", sku = "h100", nodes = 300 },',
        [14] = '    { site = "dc1", sku = "h100", nodes = 101 },' },
    "14: fleet[2]: the fleet at site dc1 needs 5.013 MW with this entry (nodes x node_kw x pue), more than its power_mw 5")
  -- another site's nodes do not count
  T.scenario(with { [11] = "    dc1 = { power_mw = 5, pue = 1.25 }, dc2 = { power_mw = 5, pue = 1.25 },",
                    [14] = '    { site = "dc1", sku = "h100", nodes = 400 }, { site = "dc2", sku = "h100", nodes = 400 },' })
end)

T.test("a table's unknown keys come before its missing ones: the typo explains them", function()
  err({ [5] = "  horizon_dys = 365," }, "5: horizon_dys: unknown key (did you mean horizon_days?)")
  err({ [21] = "      price_gpu_hours = 2," }, "21: tenants.od.price_gpu_hours: unknown key (did you mean price_gpu_hour?)")
end)

T.test("a file not returning a scenario: the line of its return", function()
  local t = T.scenario("local x = 1\n\nreturn 42")
  T.raises_msg("scenarios/t.lua:3: the scenario must be a table (neo.scenario{...}), got number", neo._resolve, t, {})
end)

T.test("the first error in sorted key order is reported", function()
  local src = with { [5] = '  horizon_days = "x",', [14] = '    { site = "dc1", sku = "h100", nodes = -1 },',
                     [19] = "      arivals_per_hour = 7," }
  T.eq(T.error_of(src), "scenarios/t.lua:14: fleet[1].nodes: must be >= 0, got -1")
  src = with { [5] = '  horizon_days = "x",', [19] = "      arivals_per_hour = 7," }
  T.eq(T.error_of(src), "scenarios/t.lua:5: horizon_days: must be a number, got string")
  -- type errors anywhere come before cross-key errors
  src = with { [6] = "  warmup_days = 400,", [19] = "      arivals_per_hour = 7," }
  T.eq(T.error_of(src), "scenarios/t.lua:19: tenants.od.arivals_per_hour: unknown key (did you mean arrivals_per_hour?)")
end)

T.test("constructor errors point at their line", function()
  err({ [20] = "      job_hours = neo.dist.exponential { mean = -1 }," }, "20: neo.dist.exponential: mean must be > 0")
  err({ [11] = "    dc1 = { power_mw = 5, power_price_mwh = neo.process.gbm { start = 1, drift = 0 } }," },
    "11: neo.process.gbm: vol is required")
end)

T.test("call forms: local, parenthesised, not a table, long file names", function()
  local src = with { [2] = "local s = neo.scenario {", [24] = "} return s" }
  T.eq(T.error_of(src:gsub("nodes = 100", "nodes = -1"), nil), "scenarios/t.lua:14: fleet[1].nodes: must be >= 0, got -1")
  src = with { [2] = "return neo.scenario({", [24] = "})" }
  T.eq(T.error_of((src:gsub("nodes = 100", "nodes = -1"))), "scenarios/t.lua:14: fleet[1].nodes: must be >= 0, got -1")
  T.expect_error('local neo = require("neo")\nreturn neo.scenario(5)', "2: the scenario must be a table (neo.scenario{...}), got number")
  local long = "/a/rather/long/directory/name/for/scenarios/of/the/neocloud/business/x.lua"
  src = (with { [2] = "local s = neo.scenario {", [24] = "} return s" }):gsub("nodes = 100", "nodes = -1")
  T.eq(T.error_of(src, long), long .. ":14: fleet[1].nodes: must be >= 0, got -1")
  T.eq(T.error_of(with { [14] = '    { site = "dc1", sku = "h100", nodes = -1 },' }, long),
    long .. ":14: fleet[1].nodes: must be >= 0, got -1")
end)

T.test("without the source, errors give the line of the neo.scenario call", function()
  local src = with { [2] = "local s = neo.scenario {", [14] = '    { site = "dc1", sku = "h100", nodes = -1 },',
                     [24] = "} return s" }
  local chunk = assert(load(src, "@scenarios/nosrc.lua"))
  core.chunkname = "@scenarios/nosrc.lua"
  local ok, e = pcall(chunk)
  T.eq(ok, false)
  T.eq(e, "scenarios/nosrc.lua:2: fleet[1].nodes: must be >= 0, got -1")
end)

T.test("a plain table returned without neo.scenario is checked by _resolve", function()
  local src = with { [1] = "", [2] = "return {", [14] = '    { site = "dc1", sku = "h100", nodes = -1 },',
                     [20] = "      job_hours = 1," }
  local t = T.scenario(src)
  T.eq(neo.is_scenario(t), false)
  T.raises_msg("scenarios/t.lua:14: fleet[1].nodes: must be >= 0, got -1", neo._resolve, t, {})
end)

T.test("the call position comes from error(): file and line without core.chunkname", function()
  local src = with { [2] = "local s = neo.scenario {", [14] = '    { site = "dc1", sku = "h100", nodes = -1 },',
                     [24] = "} return s" }
  core.sources["@scenarios/trick.lua"], core.chunkname = src, nil
  local ok, e = pcall(assert(load(src, "@scenarios/trick.lua")))
  T.eq(ok, false)
  T.eq(e, "scenarios/trick.lua:14: fleet[1].nodes: must be >= 0, got -1")
  -- a tail call leaves no trace of the file: only core.chunkname can name it
  ok, e = pcall(assert(load(with { [14] = '    { site = "dc1", sku = "h100", nodes = -1 },' }, "@scenarios/x.lua")))
  T.eq(e, "?: fleet[1].nodes: must be >= 0, got -1")
end)

T.test("did-you-mean: distance 1 for short words, 2 for longer ones, prefixes, transpositions", function()
  local V = require("neo.validate")
  T.eq(V.suggest("arival_per_hour", { "arrivals_per_hour", "job_hours" }), " (did you mean arrivals_per_hour?)")
  T.eq(V.suggest("pue", { "pue2", "sku" }), " (did you mean pue2?)")
  T.eq(V.suggest("pxx", { "pue" }), "")           -- 2 edits on a 3-letter word: too far
  T.eq(V.suggest("nodse", { "nodes" }), " (did you mean nodes?)") -- transposition = 1
  T.eq(V.suggest("period", { "period_days" }), " (did you mean period_days?)")
  T.eq(V.suggest("xyzzyx", { "nodes", "sites" }), "")
  T.eq(V.suggest("dc3", { "dc2", "dc1" }), " (did you mean dc1?)") -- ties: the first in order
  T.eq(V.suggest(5, { "a" }), "")
end)

T.test("entries named dist or process are entries, not distributions", function()
  local p = neo._resolve(T.scenario(with {
    [11] = "    dist = { power_mw = 5 }, process = { power_mw = 5 }, dc1 = { power_mw = 5 },",
    [17] = "    dist = {",
  }), {})[1]
  T.eq(p.sites[2].name, "dist")
  T.eq(p.tenants[1].name, "dist")
end)
