-- test_sweep.lua -- sweep expansion (grid order, explicit points), re-validation of each
-- point, --set parsing and errors, params.
local T = require("testlib")
local neo = require("neo")

local HEAD = {
  'local neo = require("neo")',                                               -- 1
  "return neo.scenario {",                                                    -- 2
  '  name = "s", start = "2026-01-01", horizon_days = 365, warmup_days = 30,', -- 3
  "  skus = { h100 = { node_kw = 10 } },",                                    -- 4
  "  sites = { dc1 = { power_mw = 5 } },",                                    -- 5
  '  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },',                -- 6
  "  tenants = { od = { kind = 'on_demand', arrivals_per_hour = 7,",          -- 7
  "                     job_hours = 1, price_gpu_hour = 2 } },",              -- 8
}

-- A scenario with the sweep text starting on line 9; the closing brace after it.
local function src(sweep, edits)
  local t = {}
  for i, l in ipairs(HEAD) do t[i] = (edits or {})[i] or l end
  t[#t + 1] = sweep
  t[#t + 1] = "}"
  return table.concat(t, "\n")
end

local function values(points, f)
  local out = {}
  for i, p in ipairs(points) do out[i] = f(p) end
  return out
end

local function swept(p)
  local s = {}
  for _, x in ipairs(p.params) do if x.swept then s[#s + 1] = x.name .. "=" .. x.value end end
  return table.concat(s, " ")
end

T.test("grid: sorted by key path, the last varying fastest; fleet[1] and fleet.1 both accepted", function()
  local scn = T.scenario(src([[
  sweep = { ["tenants.od.price_gpu_hour"] = { 1, 2 },
            ["fleet[1].nodes"] = { 10, 20, 30 } },]]))
  local pts = neo._resolve(scn, {})
  T.eq(#pts, 6)
  T.eq(values(pts, swept), {
    "fleet.1.nodes=10 tenants.od.price_gpu_hour=1", "fleet.1.nodes=10 tenants.od.price_gpu_hour=2",
    "fleet.1.nodes=20 tenants.od.price_gpu_hour=1", "fleet.1.nodes=20 tenants.od.price_gpu_hour=2",
    "fleet.1.nodes=30 tenants.od.price_gpu_hour=1", "fleet.1.nodes=30 tenants.od.price_gpu_hour=2" })
  T.eq(values(pts, function(p) return p.fleet[1].nodes end), { 10, 10, 20, 20, 30, 30 })
  T.eq(values(pts, function(p) return p.tenants[1].price_gpu_hour end), { 1, 2, 1, 2, 1, 2 })
  T.eq(scn.sweep["fleet[1].nodes"], { 10, 20, 30 }, "the scenario table is left as written")
end)

T.test("grid via neo.sweep.grid, ranges, values of every kind", function()
  local pts = neo._resolve(T.scenario(src([[
  sweep = neo.sweep.grid { ["tenants.od.job_hours"] = { 1, neo.dist.exponential { mean = 2 } },
                           ["sites.dc1.repair"] = { false },
                           warmup_days = neo.sweep.range(0, 20, 10) },]])), {})
  T.eq(#pts, 6)
  T.eq(swept(pts[6]), "sites.dc1.repair=false tenants.od.job_hours=exponential(2) warmup_days=20")
  T.eq(pts[6].tenants[1].job_hours, { dist = "exponential", p = { 2 } })
  T.eq(pts[1].tenants[1].job_hours, { dist = "constant", p = { 1 } })
  T.eq(values(pts, function(p) return p.warmup_hours end), { 0, 240, 480, 0, 240, 480 })
end)

T.test("explicit points", function()
  local pts = neo._resolve(T.scenario(src([[
  sweep = neo.sweep.points { { ["fleet.1.nodes"] = 5, seed = 7 }, {}, { seed = 9 } },]])), {})
  T.eq(values(pts, swept), { "fleet.1.nodes=5 seed=7", "", "seed=9" })
  T.eq(values(pts, function(p) return p.seed end), { 7, 1, 9 })
  T.eq(values(pts, function(p) return p.fleet[1].nodes end), { 5, 10, 10 })
end)

T.test("a required key may come from the sweep alone", function()
  local pts = neo._resolve(T.scenario(src("  sweep = { ['tenants.od.price_gpu_hour'] = { 3, 4 } },",
    { [8] = "                     job_hours = 1 } }," })), {})
  T.eq(values(pts, function(p) return p.tenants[1].price_gpu_hour end), { 3, 4 })
end)

T.test("bad sweep keys and values", function()
  local function e(sweep, want) T.expect_error(src(sweep), want) end
  e("  sweep = { ['tenants.od.arivals_per_hour'] = { 1 } },",
    '9: sweep["tenants.od.arivals_per_hour"]: unknown key (did you mean arrivals_per_hour?)')
  e("  sweep = { ['tenant.od.price_gpu_hour'] = { 1 } },",
    "9: sweep[\"tenant.od.price_gpu_hour\"]: unknown key 'tenant' (did you mean tenants?)")
  e("  sweep = { ['tenants.odd.price_gpu_hour'] = { 1 } },",
    "9: sweep[\"tenants.odd.price_gpu_hour\"]: no tenant 'odd' (did you mean od?)")
  e("  sweep = { ['fleet.2.nodes'] = { 1 } },", '9: sweep["fleet.2.nodes"]: fleet has no element 2 (it has 1)')
  e("  sweep = { ['skus.h100'] = { 1 } },",
    '9: sweep["skus.h100"]: not a single value (it is a table: name one of its keys)')
  e("  sweep = { ['seed.x'] = { 1 } },", '9: sweep["seed.x"]: seed is a single value, it has no keys')
  e("  sweep = { ['a..b'] = { 1 } },",
    '9: sweep["a..b"]: not a key path (keys separated by dots, e.g. tenants.od.price_gpu_hour)')
  e("  sweep = { sweep = { 1 } },", "9: sweep.sweep: unknown key")
  e("  sweep = { seed = 5 },", "9: sweep.seed: must be a non-empty list of values, got number")
  e("  sweep = { seed = {} },", "9: sweep.seed: must be a non-empty list of values, got table")
  e("  sweep = { seed = { nil, 2 } },", "9: sweep.seed: must be a non-empty list of values, got table")
  e("  sweep = { seed = neo.dist.constant { 1 } },", "9: sweep.seed: must be a non-empty list of values, got a distribution")
  e("  sweep = neo.sweep.points {},", "9: sweep: neo.sweep.points needs a list of at least one point")
  e("  sweep = { seed = { 1,\n 2.5 } },", "10: sweep.seed[2]: must be an integer, got 2.5")
  e("  sweep = { ['fleet.1.nodes'] = { 1 }, ['fleet[1].nodes'] = { 2 } },",
    '9: sweep["fleet[1].nodes"]: same key as sweep["fleet.1.nodes"]')
  e("  sweep = { { seed = 1 }, { seed = 2 } },",
    "9: sweep[1]: a sweep grid is keyed by key paths (a list of points: neo.sweep.points{...})")
  e("  sweep = neo.sweep.points { { seed = 1 },\n { sed = 2 } },", "10: sweep[2].sed: unknown key (did you mean seed?)")
  e("  sweep = neo.sweep.points { 5 },", "9: sweep[1]: a point must be a table (key path -> value), got number")
  e("  sweep = 3,", "9: sweep: must be a table (key path -> list of values) or neo.sweep.points{...}, got number")
end)

T.test("each point is validated again: the line of the swept value, the point named", function()
  T.expect_error(src("  sweep = { warmup_days = { 10,\n 400 } },"),
    "10: warmup_days: must be < horizon_days (365), got 400 (sweep point 1: warmup_days=400)")
  T.expect_error(src("  sweep = { horizon_days = { 20 } },"),
    "3: warmup_days: must be < horizon_days (20), got 30 (sweep point 0: horizon_days=20)")
  T.expect_error(src("  sweep = { ['fleet.1.site'] = { 'dc1', 'dc9' } },"),
    "9: fleet[1].site: unknown site 'dc9' (did you mean dc1?) (sweep point 1: fleet.1.site=dc9)")
  T.expect_error(src("  sweep = { ['fleet.1.nodes'] = { 10, 1000 } },"),
    "6: fleet[1]: the fleet at site dc1 needs 13 MW with this entry (nodes x node_kw x pue), more than its power_mw 5"
      .. " (sweep point 1: fleet.1.nodes=1000)")
  -- an error of the scenario itself is not blamed on the sweep
  T.expect_error(src("  sweep = { seed = { 1, 2 } },", { [3] = '  name = "s", start = "2026-01-01", horizon_days = -1,' }),
    "3: horizon_days: must be > 0, got -1")
end)

T.test("--set: values parsed by the key's type", function()
  local scn = T.scenario(src("  sweep = { seed = { 1, 2 } },"))
  local p = neo._resolve(scn, {
    { path = "tenants.od.arrivals_per_hour", value = "7.5" },
    { path = "tenants.od.queue.patience_hours", value = "inf" },
    { path = "sites.dc1.repair", value = "false" },
    { path = "name", value = "2026" },
    { path = "fleet[1].nodes", value = "3" },
    { path = "skus.h100.mtbf_gpu_hours", value = "math.huge" },
  })
  T.eq(#p, 2)
  p = p[2]
  T.eq(p.tenants[1].arrivals_per_hour.value, 7.5)
  T.eq(p.tenants[1].reject, false)
  T.eq(p.tenants[1].patience_hours, { dist = "constant", p = { math.huge } })
  T.eq(p.sites[1].repair, false)
  T.eq(p.name, "2026")
  T.eq(p.fleet[1].nodes, 3)
  T.eq(swept(p), "seed=2")
end)

T.test("--set of a swept key fixes it: that sweep dimension is dropped", function()
  local scn = T.scenario(src("  sweep = { seed = { 1, 2 }, ['fleet.1.nodes'] = { 1, 2, 3 } },"))
  local pts = neo._resolve(scn, { { path = "seed", value = "5" } })
  T.eq(#pts, 3)
  T.eq(values(pts, function(p) return p.seed end), { 5, 5, 5 })
end)

T.test("--set seed takes what --seed takes: 0 to 2^64-1, decimal or 0x hex", function()
  local scn = T.scenario(src(""))
  local function seed(v) return neo._resolve(scn, { { path = "seed", value = v } })[1].seed end
  T.eq(seed("18446744073709551615"), "18446744073709551615")
  T.eq(seed("0xffffffffffffffff"), "18446744073709551615")
  T.eq(seed("0xFFFFFFFFFFFFFFFE"), "18446744073709551614")
  T.eq(seed("9223372036854775808"), "9223372036854775808")
  T.eq(seed("9223372036854775807"), math.maxinteger)
  T.eq(seed("0x2a"), 42)
  T.eq(seed("7"), 7)
  local p = neo._resolve(scn, { { path = "seed", value = "18446744073709551615" } })[1]
  for _, x in ipairs(p.params) do if x.name == "seed" then T.eq(x.value, "18446744073709551615") end end
end)

T.test("--set errors", function()
  local scn = T.scenario(src(""))
  local function e(path, value, want) T.raises_msg(want, neo._resolve, scn, { { path = path, value = value } }) end
  e("tenants.od.arivals_per_hour", "1", "--set tenants.od.arivals_per_hour: unknown key (did you mean arrivals_per_hour?)")
  e("tenants.x.price_gpu_hour", "1", "--set tenants.x.price_gpu_hour: no tenant 'x'")
  e("seed", "1.5", "--set seed: must be an integer from 0 to 18446744073709551615, got '1.5'")
  e("seed", "many", "--set seed: must be an integer from 0 to 18446744073709551615, got 'many'")
  e("seed", "18446744073709551616", "--set seed: must be an integer from 0 to 18446744073709551615, got 18446744073709551616")
  e("seed", "0x10000000000000000", "--set seed: must be an integer from 0 to 18446744073709551615, got '0x10000000000000000'")
  e("horizon_days", "abc", "--set horizon_days: must be a number, got string")
  e("tenants", "1", "--set tenants: not a single value (it is a table: name one of its keys)")
  e("", "1", "--set : not a key path (keys separated by dots, e.g. tenants.od.price_gpu_hour)")
  e("warmup_days", "400", "--set warmup_days: must be < horizon_days (365), got 400")
  e("horizon_days", "10", "scenarios/t.lua:3: warmup_days: must be < horizon_days (10), got 30 (with --set horizon_days=10)")
end)

T.test("params: every scalar leaf, sorted, swept ones marked", function()
  local pts = neo._resolve(T.scenario(src("  sweep = { ['tenants.od.price_gpu_hour'] = { 0.1, 2.5 } },")), {})
  local p = pts[1].params
  T.eq(p[1], { name = "description", value = "", swept = false })
  local found
  for _, x in ipairs(p) do if x.name == "tenants.od.price_gpu_hour" then found = x end end
  T.eq(found, { name = "tenants.od.price_gpu_hour", value = "0.1", swept = true })
end)

T.test("neo.sweep helpers", function()
  T.eq(neo.sweep.range(0, 1, 0.25), { 0, 0.25, 0.5, 0.75, 1 })
  T.eq(neo.sweep.range(0, 1, 0.1)[4], 0.3)
  T.eq(neo.sweep.range(1, 3), { 1, 2, 3 })
  T.eq(neo.sweep.range(5, 0, -2), { 5, 3, 1 })
  T.raises_msg("neo.sweep.range: step must be non-zero and go from `from` towards `to`", neo.sweep.range, 0, 1, -1)
  T.raises_msg("neo.sweep.range: from, to and step must be numbers", neo.sweep.range, "a", 1)
  local g = { a = { 1 } }
  T.eq(neo.sweep.grid(g) == g, true)
end)
