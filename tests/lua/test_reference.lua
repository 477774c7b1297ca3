-- test_reference.lua -- the scenario reference (docs/scenario-reference.md, rendered from
-- neo/schema.lua by neo/refdoc.lua) cannot drift: the committed file is a fresh render;
-- every schema node has a doc and, when it takes numbers, a unit ("1": unit-less); every
-- example parses and validates in a scenario; S.dists and S.processes document exactly
-- the constructors of neo.dist and neo.process, their parameters and bounds; and the
-- README's key table names only keys and values of the schema.
local T = require("testlib")
local S = require("neo.schema")
local V = require("neo.validate")
local refdoc = require("neo.refdoc")
local neo = require("neo")

local NUMERIC = { number = true, integer = true, seed = true, dist = true, process = true, steps = true }

local function types_of(node) return type(node.type) == "table" and node.type or { node.type } end

local function numeric(node)
  for _, t in ipairs(types_of(node)) do if NUMERIC[t] then return true end end
  return false
end

-- Every node: f(node, path, keys, key) with keys the path as a list ("<name>", "[i]"
-- for entries of maps and lists) and key the node's key (nil for an element).
local function each_node(node, path, keys, key, f)
  f(node, path, keys, key)
  local function fields(list, base, bkeys)
    for _, c in ipairs(list) do
      local k = { table.unpack(bkeys) }
      k[#k + 1] = c.key
      each_node(c, base .. (base == "" and "" or ".") .. c.key, k, c.key, f)
    end
  end
  if node.fields and not node.of then fields(node.fields, path, keys) end
  if node.of then
    local ismap = false
    for _, t in ipairs(types_of(node)) do ismap = ismap or t == "map" end
    local k = { table.unpack(keys) }
    k[#k + 1] = ismap and "<name>" or "[i]"
    local epath = path .. (ismap and ".<" .. (node.names_label or "name") .. ">" or "[i]")
    f(node.of, epath, k, nil)
    if node.of.fields then fields(node.of.fields, epath, k) end
  end
end

local function each(f)
  for _, n in ipairs(S.root.fields) do each_node(n, n.key, { n.key }, n.key, f) end
end

local function read(path)
  local fh = assert(io.open(path))
  local text = fh:read("a")
  fh:close()
  return text
end

T.test("docs/scenario-reference.md is a fresh render of the schema (make docs)", function()
  local want, got = refdoc.render(), read("docs/scenario-reference.md")
  if want ~= got then
    local i = 1
    while want:sub(i, i) == got:sub(i, i) do i = i + 1 end
    local line = select(2, want:sub(1, i):gsub("\n", "")) + 1
    error(("differs from a fresh render from line %d on: run make docs"):format(line))
  end
end)

T.test("every node has a doc, every number a unit, every key an example", function()
  local n = 0
  each(function(node, path, _, key)
    n = n + 1
    assert(type(node.doc) == "string" and node.doc ~= "", path .. ": no doc")
    assert(not node.doc:match("%.$"), path .. ": doc ends with a period (the reference adds one)")
    if numeric(node) then assert(type(node.unit) == "string" and node.unit ~= "", path .. ": takes numbers, no unit") end
    if not numeric(node) then assert(node.unit == nil, path .. ": a unit on a key without numbers") end
    if key then assert(type(node.example) == "string" and node.example ~= "", path .. ": no example") end
  end)
  assert(n > 90, "walked only " .. n .. " nodes")
end)

T.test("a default in words ([text]) only where the data has no default", function()
  each(function(node, path, keys, key)
    local _, words = refdoc.split_doc(node.doc)
    if words then
      local kind_default = false
      if keys[1] == "tenants" and #keys == 3 then
        for _, kind in pairs(S.tenant_kinds) do
          kind_default = kind_default or kind.defaults[key] ~= nil or (kind.default_keys or {})[key] ~= nil
        end
      end
      assert(node.default == nil and not node.default_key and not kind_default, path .. ": default twice, in data and in [" .. words .. "]")
    end
  end)
end)

T.test("the reference lists every key path once and every type of S.types", function()
  local paths, seen = refdoc.paths(), {}
  for _, p in ipairs(paths) do
    assert(not seen[p], p .. " listed twice")
    seen[p] = true
  end
  each(function(_, path) assert(seen[path], path .. " is missing from the reference") end)
  local text = refdoc.render()
  for t in pairs(S.types) do assert(text:find("| `" .. t .. "` |", 1, true), "type " .. t .. " missing from the glossary") end
end)

-- Examples in a scenario -------------------------------------------------------------

local function base()
  return {
    name = "ref", start = "2026-01-01", horizon_days = 3650,
    skus = { h100 = { node_kw = 10.2 } }, -- b200 too for examples that name it
    sites = { dc1 = { power_mw = 50 } },
    fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
    market = { h100 = 2.0 },
    tenants = {
      od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 7, job_hours = 1, price_gpu_hour = 2 },
      res = { kind = "reserved", sku = "h100", nodes = 2, price_gpu_hour = 2, term_months = 12 },
      train = { kind = "internal", sku = "h100", nodes = 1, value_gpu_hour = 1 },
    },
    shocks = { { kind = "lead_time", at = "2027-03-01", factor = 2 } },
    finance = { debt = { { principal = 1e6, rate = 0.1, term_months = 12 } } },
  }
end

-- The entry of the base scenario an example of a key under <name> or [i] goes to.
local ENTRY = { skus = "h100", sites = "dc1", market = "h100", node_price = "h100", monthly_cap = "h100",
                params = "x" }
local function tenant_for(key)
  for _, name in ipairs({ "od", "res", "train" }) do
    local kind = S.tenant_kinds[base().tenants[name].kind]
    for _, k in ipairs(kind.keys) do if k == key then return name end end
  end
  return "od"
end

-- Shock keys that need another kind of shock, or no date.
local SHOCK_FIX = { sku = { kind = "gpu_price" }, site = { kind = "power_price" }, tenant = { kind = "demand" },
                    rate_per_year = { at = false } }

-- Keys of a facility (of a revolving one: repay_above).
local FACILITY_KEYS = { commitment_fee = true, revolving = true, repay_above = true }

-- A covenant of the examples: a dscr covenant, or what its key needs.
local COVENANT_FIX = { max = { kind = "leverage", min = false }, step_up = { on_breach = "step_up" } }

local function env() return { neo = neo, math = math } end

local function eval(src, what)
  local chunk, err = load("return " .. src, "=" .. what, "t", env())
  assert(chunk, what .. ": example does not parse: " .. tostring(err))
  local ok, v = pcall(chunk)
  assert(ok, what .. ": example raises: " .. tostring(v))
  return v
end

T.test("every key's example validates in a scenario", function()
  each(function(node, path, keys, key)
    if not key then return end
    local scn = base()
    local t = scn
    if node.example:find("b200", 1, true) then scn.skus.b200 = { node_kw = 14.3 } end
    if node.example:find('"anchor"', 1, true) then
      scn.tenants.anchor = { kind = "reserved", sku = "h100", nodes = 2, price_gpu_hour = 2, term_months = 12 }
    end
    for i = 1, #keys - 1 do
      local k = keys[i]
      if k == "<name>" then k = keys[i - 1] == "tenants" and tenant_for(keys[i + 1] or key) or ENTRY[keys[i - 1]]
      elseif k == "[i]" then k = 1 end
      if t[k] == nil then t[k] = {} end
      if type(t[k]) ~= "table" then t[k] = {} end -- market.h100 = 2.0 -> a record
      if k == "lines" then t.sku, t.nodes = nil, nil end -- the lines name them
      t = t[k]
      if keys[i - 1] == "shocks" then
        for fk, fv in pairs(SHOCK_FIX[key] or {}) do t[fk] = fv or nil end
      end
      if k == "rate" and keys[i - 1] == "[i]" then t.base = 0.04 end -- a floating rate's spread
      if keys[i - 1] == "debt" and FACILITY_KEYS[key] then t.facility, t.revolving = true, key == "repay_above" or nil end
      if k == "borrowing_base" then t.advance_rate, t.amortize_from = 0.8, "2027-01-01" end
      if k == "refinance" then t.term_months, t.spread = 36, 0.05 end
      if k == "build" then t.cost_per_mw, t.months = 1e7, 18 end
      if k == "lease" then t.payment_month, t.term_months = 45000, 36 end
      if k == "ppa" then t.share, t.price_mwh, t.term_months = 0.5, 40, 12 end
      if k == "outages" then t.rate_per_year, t.days = 2, 1.5 end
      if keys[i - 1] == "lines" then t.sku, t.nodes = "h100", 1 end -- a line's other keys
      if keys[i - 1] == "covenants" then
        t.kind, t.min = "dscr", 1.25
        for fk, fv in pairs(COVENANT_FIX[key] or {}) do t[fk] = fv or nil end
      end
    end
    if keys[1] == "market" and #keys == 3 and key == "obsolescence" then t.price_gpu_hour = 2.0 end
    if key == "lines" then t.sku, t.nodes = nil, nil end
    if key == "skus" and keys[1] == "tenants" then t.sku = nil end -- the first of skus is its SKU
    t[key] = eval(node.example, path)
    local ok, err = pcall(V.run, scn, {}, { file = "ref", line = 1 }, true)
    assert(ok, path .. " = " .. node.example .. ": " .. tostring(err))
  end)
end)

-- The library's constructors ------------------------------------------------------------

local function names(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return out
end

-- The keys of the table an example passes to neo.<lib>.<name>: named keys (sorted) and
-- whether it has a list part.
local function spy(lib, name, src)
  local got
  local e = env()
  e.neo = setmetatable({ [lib] = setmetatable({}, { __index = function(_, k)
    if k == name then return function(t) got = t; return {} end end
    return neo[lib][k]
  end }) }, { __index = neo })
  assert(load("return " .. src, "=example", "t", e))()
  local keys, list = {}, false
  for k in pairs(got) do
    if type(k) == "string" then keys[#keys + 1] = k else list = true end
  end
  table.sort(keys)
  return table.concat(keys, ","), list
end

T.test("S.dists documents every neo.dist constructor and nothing else", function()
  local documented = {}
  for _, d in ipairs(S.dists) do documented[#documented + 1] = d.name end
  table.sort(documented)
  T.eq(documented, names(neo.dist), "distributions")
end)

T.test("each distribution: forms, examples, units, bounds and positional order as the library takes them", function()
  for _, d in ipairs(S.dists) do
    local covered = {}
    for _, ex in ipairs(d.examples) do
      eval(ex, "neo.dist." .. d.name)
      local keys, list = spy("dist", d.name, ex)
      local ok = list and keys == "" and (d.positional or d.list)
      for _, f in ipairs(d.forms) do
        local sorted = { table.unpack(f) }
        table.sort(sorted)
        if table.concat(sorted, ",") == keys then covered[f] = true; ok = true end
      end
      assert(ok, ("neo.dist.%s: example %s uses no documented form"):format(d.name, ex))
    end
    for _, f in ipairs(d.forms) do
      assert(covered[f], ("neo.dist.%s: no example of the form { %s }"):format(d.name, table.concat(f, ", ")))
      for _, k in ipairs(f) do
        local p = d.params[k]
        assert(p and p.doc and p.unit, ("neo.dist.%s: parameter %s needs a doc and a unit"):format(d.name, k))
      end
    end
    for k in pairs(d.params) do
      local used = false
      for _, f in ipairs(d.forms) do for _, x in ipairs(f) do used = used or x == k end end
      assert(used, ("neo.dist.%s: parameter %s is in no form"):format(d.name, k))
    end
    -- bounds: the named example of each form, one parameter moved across its bound
    for i, f in ipairs(d.forms) do
      local ex = d.examples[i]
      local args = eval(ex:gsub("^neo%.dist%.[%w_]+", ""), "args")
      for _, k in ipairs(f) do
        local p = d.params[k]
        local bad = p.gt or (p.min and p.min - 1)
        if bad then
          local a = { table.unpack(args) }
          for x, y in pairs(args) do a[x] = y end
          a[k] = bad
          assert(not pcall(neo.dist[d.name], a), ("neo.dist.%s accepts %s = %s"):format(d.name, k, bad))
        end
        if p.min then
          local a = {}
          for x, y in pairs(args) do a[x] = y end
          a[k] = p.min
          assert(pcall(neo.dist[d.name], a), ("neo.dist.%s rejects %s = %s"):format(d.name, k, p.min))
        end
      end
      if i == 1 and d.positional then
        local pos = {}
        for j, k in ipairs(f) do pos[j] = args[k] end
        T.eq(neo.dist[d.name](pos), neo.dist[d.name](args), "neo.dist." .. d.name .. " positional order")
      end
    end
  end
end)

T.test("S.processes documents every neo.process constructor with PROCESS's parameters", function()
  local documented = {}
  for _, p in ipairs(S.processes) do documented[#documented + 1] = p.name end
  table.sort(documented)
  T.eq(documented, names(neo.process), "processes")
  for _, p in ipairs(S.processes) do
    local what = "neo.process." .. p.name
    assert(type(p.doc) == "string" and p.doc ~= "", what .. ": no doc")
    eval(p.example, what)
    local keys, list = spy("process", p.name, p.example)
    assert(not list or p.list, what .. ": example has a list part")
    if p.kind then
      local want = {}
      for _, spec in ipairs(assert(V.PROCESS[p.kind], what .. ": no PROCESS entry " .. p.kind)) do
        local doc = p.params[spec.key]
        assert(doc and doc.doc, what .. ": parameter " .. spec.key .. " undocumented")
        if not spec.type then assert(doc.unit, what .. ": number parameter " .. spec.key .. " has no unit") end
        want[#want + 1] = spec.key
      end
      table.sort(want)
      T.eq(names(p.params), want, what .. ": documented parameters")
      for k in keys:gmatch("[^,]+") do assert(p.params[k], what .. ": example uses undocumented " .. k) end
    else
      local all = {}
      for _, spec in ipairs(p.params) do
        assert(spec.doc and (spec.type or spec.unit), what .. ": parameter " .. spec.key .. " needs a doc and a unit")
        all[#all + 1] = spec.key
      end
      table.sort(all)
      T.eq(keys, table.concat(all, ","), what .. ": the example gives every parameter")
      for _, spec in ipairs(p.params) do -- each required one is required
        if spec.required then
          local t = eval(p.example:gsub("^neo%.process%.[%w_]+", ""), "args")
          t[spec.key] = nil
          assert(not pcall(neo.process[p.name], t), what .. " accepts a missing " .. spec.key)
        end
      end
    end
  end
end)

-- README ------------------------------------------------------------------------------

T.test("the README's key table names only keys and values of the schema", function()
  local known = {}
  each(function(node, _, _, key)
    if key then known[key] = true end
    for _, s in ipairs(node.one_of or {}) do known['"' .. s .. '"'] = true; known[s] = true end
  end)
  local readme = read("README.md")
  local tbl = readme:match("\n| key | meaning |\n(.-)\n\n")
  assert(tbl, "README has no | key | meaning | table")
  local n = 0
  for row in tbl:gmatch("[^\n]+") do
    for tok in row:gmatch("`([^`]+)`") do
      local parts = {}
      if tok:match('^"[%w_]+"$') then parts = { tok }
      elseif tok:match("^[%a_][%w_.<>%[%]]*$") then
        for seg in tok:gsub("%[i%]", ""):gmatch("[^.]+") do
          if not seg:match("^<") then parts[#parts + 1] = seg end
        end
      end
      for _, p in ipairs(parts) do
        n = n + 1
        assert(known[p], "README key table: `" .. tok .. "` is not in the schema")
      end
    end
  end
  assert(n > 60, "read only " .. n .. " names from the README table")
end)

T.test("the README lists exactly the library's distributions and processes", function()
  local readme = read("README.md")
  local function listed(from, to)
    local text = assert(readme:match(from .. "(.-)" .. to), "README has no list " .. from)
    local out = {}
    for tok in text:gmatch("`([%w_]+)`") do out[#out + 1] = tok end
    table.sort(out)
    return out
  end
  T.eq(listed("\n%- `neo%.dist`:", "\n%- `neo%.process`"), names(neo.dist), "README neo.dist list")
  T.eq(listed("\n%- `neo%.process`", "\n%- `neo%.date`"), names(neo.process), "README neo.process list")
end)
