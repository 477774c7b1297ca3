--[[
validate.lua -- checks a scenario table against neo/schema.lua, fills defaults, expands
--set overrides and the sweep into points, and resolves each point into the form C reads
(lua/neo/CONTRACT.md).  Errors: `FILE:LINE: PATH: MESSAGE` (see M.run).

Order: the sweep's shape first (points are built from it), then each point: pass 1 walks
every key in sorted order (types, bounds, unknown keys), pass 2 the cross-key rules
(references, dates against the start, power).  The first error found is reported.
]]

local core = require("neo.core")
local S = require("neo.schema")
local srcmap = require("neo.srcmap")

local M = {}

--- Metatable marking a list of sweep points (neo.sweep.points).
M.POINTS = { __name = "neo.sweep.points" }

-- Helpers ---------------------------------------------------------------------

local function key_lt(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end -- numbers before strings
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

--- The keys of the given tables (nil ones skipped), without repeats, sorted.
function M.sorted_keys(...)
  local seen, keys = {}, {}
  for i = 1, select("#", ...) do
    local t = select(i, ...)
    if type(t) == "table" then
      for k in pairs(t) do
        if not seen[k] then seen[k], keys[#keys + 1] = true, k end
      end
    end
  end
  table.sort(keys, key_lt)
  return keys
end

local MAX_DEPTH = 100 -- tables nest a few levels in a scenario; a million would overflow the stack

local fail
local function copy(v, seen, depth)
  if type(v) ~= "table" then return v end
  seen, depth = seen or {}, depth or 1
  if seen[v] then return seen[v] end
  if depth > MAX_DEPTH then fail({}, ("tables nested more than %d levels deep"):format(MAX_DEPTH)) end
  local c = {}
  seen[v] = c
  for k, x in pairs(v) do c[k] = copy(x, seen, depth + 1) end
  return c
end
M.copy = copy

-- A distribution or process value: a table tagged with a string (a tenant named "dist"
-- is not one).
local function tag(v)
  if type(v) ~= "table" then return nil end
  if type(v.dist) == "string" then return "dist" end
  if type(v.process) == "string" then return "process" end
end

-- Is t a list without holes (keys exactly 1..#t), and not empty?
local function is_list(t)
  if type(t) ~= "table" or t[1] == nil then return false end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true
end

local append = srcmap.append

--- A number as text: integers as such, floats in the shortest form that reads back exactly.
function M.numtext(x)
  if math.type(x) == "integer" then return tostring(x) end
  if x ~= x then return "nan" end
  if x == math.huge or x == -math.huge then return x > 0 and "inf" or "-inf" end
  for p = 15, 16 do
    local s = ("%." .. p .. "g"):format(x)
    if tonumber(s) == x then return s end
  end
  return ("%.17g"):format(x)
end
local numtext = M.numtext

--- Key path as --set and sweep write it: dots, list indices as numbers (fleet.1.nodes).
function M.dotted(path)
  local t = {}
  for i, k in ipairs(path) do t[i] = tostring(k) end
  return table.concat(t, ".")
end

-- Did you mean ------------------------------------------------------------------

-- Optimal string alignment distance (Levenshtein with adjacent transpositions).
local function distance(a, b)
  local d = {}
  for i = 0, #a do d[i] = { [0] = i } end
  for j = 0, #b do d[0][j] = j end
  for i = 1, #a do
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      local v = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and a:byte(i) == b:byte(j - 1) and a:byte(i - 1) == b:byte(j) then
        v = math.min(v, d[i - 2][j - 2] + 1)
      end
      d[i][j] = v
    end
  end
  return d[#a][#b]
end

--- " (did you mean X?)" for the closest candidate within reach of word (distance <= 1
--- for words under 6 letters, else <= 2; or word is a prefix of it), else "".
function M.suggest(word, candidates)
  if type(word) ~= "string" then return "" end
  local limit = math.max(1, math.min(2, #word // 3))
  local w, best, bestd = word:lower(), nil, limit + 1
  local sorted = {}
  for _, c in ipairs(candidates) do sorted[#sorted + 1] = c end
  table.sort(sorted)
  for _, c in ipairs(sorted) do
    local dd = distance(w, c:lower())
    if dd > limit and #w >= 3 and c:lower():sub(1, #w) == w then dd = limit end -- a prefix
    if dd < bestd and c ~= word then best, bestd = c, dd end
  end
  return best and (" (did you mean " .. best .. "?)") or ""
end
local suggest = M.suggest

-- Failures ----------------------------------------------------------------------

local Fail = { __name = "neo.validate.failure" }

-- Raise a validation failure at path (a list of keys).
function fail(path, msg)
  error(setmetatable({ path = path, msg = msg }, Fail), 0)
end

-- Run f(...) catching failures: true, results...  or false, failure.  Other errors pass on.
local function catch(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return table.unpack(r, 1, r.n) end
  if getmetatable(r[2]) == Fail then return false, r[2] end
  error(r[2], 0)
end

-- Types, numbers, dates ---------------------------------------------------------

local TLIST = setmetatable({}, { __mode = "k" })
local function types(node)
  local t = TLIST[node]
  if not t then
    t = {}
    for _, name in ipairs(type(node.type) == "table" and node.type or { node.type }) do t[name] = true end
    TLIST[node] = t
  end
  return t
end

local DESC = { number = "a number", integer = "an integer", seed = "an integer from 0 to 2^64-1", boolean = "a boolean", string = "a string",
               date = 'a date "YYYY-MM-DD"', name = "a name", dist = "a distribution (neo.dist.*)",
               process = "a process (neo.process.*)", record = "a table", map = "a table",
               list = "a list", sweep = "a table", design = "a table", steps = "a list of { DATE, VALUE } pairs",
               ["function"] = "a function" }

local function quoted_choices(node)
  local q = {}
  for _, s in ipairs(node.one_of or {}) do q[#q + 1] = '"' .. s .. '"' end
  for _, s in ipairs(node.unsupported or {}) do q[#q + 1] = '"' .. s .. '"' end
  return #q == 1 and q[1] or "one of " .. table.concat(q, ", ")
end

-- "a number or a process (neo.process.*)"
local function describe(node)
  local parts = {}
  for _, name in ipairs(type(node.type) == "table" and node.type or { node.type }) do
    parts[#parts + 1] = name == "enum" and quoted_choices(node) or DESC[name] or name
  end
  if #parts == 1 then return parts[1] end
  return table.concat(parts, ", ", 1, #parts - 1) .. " or " .. parts[#parts]
end

local function what(v)
  if type(v) == "table" then
    if tag(v) then return tag(v) == "dist" and "a distribution" or "a process" end
  end
  if v ~= v then return "nan" end
  return type(v)
end

--- The largest magnitude of a finite number a key takes unless its own bounds (or
--- `unbounded`) say otherwise: 10^15 dollars, hours or nodes is beyond any business, and
--- products of a few such numbers (a price x GPUs x nodes x hours) stay far from the
--- overflow to inf that would fail every run.
M.MAX_MAGNITUDE = 1e15
local MAX_MAGNITUDE = M.MAX_MAGNITUDE

-- Bounds of node on a number: nil or a message.
local function bounds(v, node)
  if v ~= v then return "must be a number, got nan" end
  if (v == math.huge or v == -math.huge) and not node.inf then return "must be finite, got " .. numtext(v) end
  if v ~= math.huge and v ~= -math.huge and not node.unbounded then
    if v > MAX_MAGNITUDE and node.max == nil and node.lt == nil then
      return ("must be <= %s, got %s"):format(numtext(MAX_MAGNITUDE), numtext(v))
    end
    if v < -MAX_MAGNITUDE and node.min == nil and node.gt == nil then
      return ("must be >= %s, got %s"):format(numtext(-MAX_MAGNITUDE), numtext(v))
    end
  end
  if node.gt and not (v > node.gt) then return ("must be > %s, got %s"):format(numtext(node.gt), numtext(v)) end
  if node.min and not (v >= node.min) then return ("must be >= %s, got %s"):format(numtext(node.min), numtext(v)) end
  if node.lt and not (v < node.lt) then return ("must be < %s, got %s"):format(numtext(node.lt), numtext(v)) end
  if node.max and not (v <= node.max) then return ("must be <= %s, got %s"):format(numtext(node.max), numtext(v)) end
end

local function check_integer(v)
  if math.type(v) == "float" and (v ~= v or not math.tointeger(v)) then
    return "must be an integer, got " .. numtext(v)
  end
end

--- nil if s is a real ISO date, else a message.
function M.check_date(s)
  if type(s) ~= "string" then return 'must be a date "YYYY-MM-DD", got ' .. what(s) end
  if not s:match("^%d%d%d%d%-%d%d%-%d%d$") then return "must be a date YYYY-MM-DD, got '" .. s .. "'" end
  if not core.days(s) then return "'" .. s .. "' is not a real date" end
end
local check_date = M.check_date

-- Distributions and processes -----------------------------------------------------

local DIST_NP = { constant = 1, uniform = 2, exponential = 1, normal = 2, lognormal = 2, gamma = 2,
                  beta = 2, poisson = 1, pareto = 2, weibull = 2, triangular = 3 }
local DIST_NAMES = { "discrete" }
for k in pairs(DIST_NP) do DIST_NAMES[#DIST_NAMES + 1] = k end

local function number_list(t, what_, min_n)
  if type(t) ~= "table" then return what_ .. " must be a list of numbers, got " .. type(t) end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  if n < min_n or #t ~= n then return what_ .. " must be a list of at least " .. min_n .. " number(s)" end
  for i, x in ipairs(t) do
    if type(x) ~= "number" or x ~= x or x == math.huge or x == -math.huge then
      return ("%s[%d] must be a finite number, got %s"):format(what_, i, type(x) == "number" and numtext(x) or type(x))
    end
  end
end

--- The first key of t in sorted_keys order that known(k) refuses, or nil.  The keys
--- are sorted only when one is refused: most tables have none.
function M.first_unknown(t, known)
  for k in pairs(t) do
    if not known(k) then
      for _, s in ipairs(M.sorted_keys(t)) do
        if not known(s) then return s end
      end
    end
  end
end

local function only_keys(t, allowed)
  local k = M.first_unknown(t, function(k)
    for _, a in ipairs(allowed) do if a == k then return true end end
    return false
  end)
  if k ~= nil then return "unknown key '" .. tostring(k) .. "'" .. suggest(k, allowed) end
end

--- A distribution in its normalised form ({ dist = NAME, p = {...} } or discrete
--- { dist = "discrete", values = {...}, weights = {...} }): a checked copy, or nil, message.
function M.dist(t)
  if type(t) ~= "table" then return nil, "must be a distribution, got " .. type(t) end
  local msg
  if t.dist == "discrete" then
    msg = only_keys(t, { "dist", "values", "weights" }) or number_list(t.values, "values", 1)
    if msg then return nil, msg end
    local w = t.weights
    if w == nil then
      w = {}
      for i = 1, #t.values do w[i] = 1 end
    end
    msg = number_list(w, "weights", 1)
    if msg then return nil, msg end
    if #w ~= #t.values then
      return nil, ("weights must have as many entries as values (%d, not %d)"):format(#t.values, #w)
    end
    local sum = 0
    for i, x in ipairs(w) do
      if x < 0 then return nil, ("weights[%d] must be >= 0, got %s"):format(i, numtext(x)) end
      sum = sum + x
    end
    if sum <= 0 then return nil, "weights must not all be 0" end
    return { dist = "discrete", values = copy(t.values), weights = copy(w) }
  end
  local np = DIST_NP[t.dist]
  if not np then return nil, "unknown distribution '" .. tostring(t.dist) .. "'" .. suggest(t.dist, DIST_NAMES) end
  msg = only_keys(t, { "dist", "p" }) or number_list(t.p, "p", np)
  if msg then return nil, msg end
  if #t.p ~= np then return nil, ("%s takes %d parameter(s), got %d"):format(t.dist, np, #t.p) end
  msg = core.dist_check(t.dist, t.p[1], t.p[2] or 0, t.p[3] or 0)
  if msg then return nil, msg end
  return { dist = t.dist, p = copy(t.p) }
end

--- Process kinds: their keys as scenario authors write them (numbers unless `type`).
M.PROCESS = {
  constant = { { key = "value", required = true } },
  path = { { key = "points", type = "points", required = true },
           { key = "interp", type = "enum", one_of = { "linear", "step" }, default = "linear" } },
  seasonal = { { key = "base", min = 0, required = true }, { key = "amplitude", min = 0, max = 1, required = true },
               { key = "period_days", gt = 0, default = 365.25 }, { key = "peak", type = "date" },
               { key = "trend", gt = -1, default = 0 } },
  mean_reverting = { { key = "start", gt = 0, required = true }, { key = "mean", gt = 0, required = true },
                     { key = "speed", min = 0, required = true }, { key = "vol", min = 0, required = true },
                     { key = "jump_rate", min = 0, default = 0 }, { key = "jump_mean", default = 0 },
                     { key = "jump_sd", min = 0, default = 0 }, { key = "step_days", min = 0.001, default = 1 } },
  gbm = { { key = "start", gt = 0, required = true }, { key = "drift", required = true },
          { key = "vol", min = 0, required = true }, { key = "step_days", min = 0.001, default = 1 } },
  regime = { { key = "base", min = 0, default = 1 }, { key = "states", type = "states", required = true },
             { key = "initial", type = "string" } },
  product = { { key = "factors", type = "factors", required = true } },
  factor = { { key = "name", type = "string", required = true }, { key = "levels", type = "levels" } },
}
local PROC_NAMES = {}
for k in pairs(M.PROCESS) do PROC_NAMES[#PROC_NAMES + 1] = k end

local function list_of_tables(t, key)
  if type(t) ~= "table" or #t == 0 then return key .. " must be a non-empty list" end
  for i, x in ipairs(t) do
    if type(x) ~= "table" then return ("%s[%d] must be a table, got %s"):format(key, i, type(x)) end
  end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  if n ~= #t then return key .. " must be a list" end
end

local PARG = {} -- checkers of the non-number process arguments: a value, or nil, message
local NAMED_MSG = { points = true, states = true, factors = true } -- their messages name the key

function PARG.date(v) local m = check_date(v); return m == nil and v or nil, m end
function PARG.string(v)
  if type(v) ~= "string" then return nil, "must be a string, got " .. type(v) end
  if v:find("\0", 1, true) then return nil, "must not hold a NUL byte (\\0)" end
  return v
end
function PARG.enum(v, node)
  for _, s in ipairs(node.one_of) do if v == s then return v end end
  return nil, ("must be %s, got %s"):format(quoted_choices(node), type(v) == "string" and "'" .. v .. "'" or type(v))
end

function PARG.points(v)
  local m = list_of_tables(v, "points")
  if m then return nil, m end
  local prev
  for i, p in ipairs(v) do
    local n = 0
    for _ in pairs(p) do n = n + 1 end
    if n ~= 2 or p[1] == nil or p[2] == nil then
      return nil, ("points[%d] must be { DATE, VALUE }"):format(i)
    end
    m = check_date(p[1])
    if m then return nil, ("points[%d]: date %s"):format(i, m) end
    if type(p[2]) ~= "number" or bounds(p[2], {}) then
      return nil, ("points[%d]: value must be a finite number, got %s"):format(i, what(p[2]))
    end
    if prev and core.days(p[1]) < core.days(prev) then
      return nil, ("points must be in date order: %s comes after %s"):format(p[1], prev)
    end
    prev = p[1]
  end
  return { table.unpack(v) }
end

function PARG.states(v)
  local m = list_of_tables(v, "states")
  if m then return nil, m end
  local seen, out = {}, {}
  for i, s in ipairs(v) do
    m = only_keys(s, { "level", "mean_days", "name" })
    if m then return nil, ("states[%d]: %s"):format(i, m) end
    if type(s.name) ~= "string" then return nil, ("states[%d].name must be a string"):format(i) end
    if seen[s.name] then return nil, ("states[%d]: name '%s' used twice"):format(i, s.name) end
    seen[s.name] = true
    for _, k in ipairs({ "level", "mean_days" }) do
      local x = s[k]
      if type(x) ~= "number" then return nil, ("states[%d].%s must be a number, got %s"):format(i, k, what(x)) end
      m = bounds(x, k == "level" and { min = 0 } or { gt = 0 })
      if m then return nil, ("states[%d].%s %s"):format(i, k, m) end
    end
    out[i] = { name = s.name, level = s.level, mean_days = s.mean_days }
  end
  return out
end

-- A factor's levels by state name: { normal = 1, boom = 1.6 } (numbers >= 0).
function PARG.levels(v)
  if type(v) ~= "table" or next(v) == nil then return nil, "levels must be a non-empty table of state = level" end
  local out = {}
  for _, k in ipairs(M.sorted_keys(v)) do
    if type(k) ~= "string" then return nil, "levels: keys must be state names" end
    local x = v[k]
    local m = type(x) ~= "number" and ("must be a number, got " .. what(x)) or bounds(x, { min = 0 })
    if m then return nil, ("levels.%s %s"):format(k, m) end
    out[k] = x
  end
  return out
end

function PARG.factors(v)
  if type(v) ~= "table" or #v == 0 then return nil, "needs at least one factor" end
  local out = {}
  for i, f in ipairs(v) do
    if type(f) == "number" then f = { process = "constant", value = f } end
    local p, m = M.process(f)
    if not p then return nil, ("factor %d: %s"):format(i, m) end
    out[i] = p
  end
  return out
end

--- A process as written by neo.process.* ({ process = KIND, <its keys> }): a checked
--- copy with defaults filled, or nil, message.
function M.process(t)
  if type(t) ~= "table" then return nil, "must be a process, got " .. type(t) end
  local spec = M.PROCESS[t.process]
  if not spec then
    return nil, "unknown process kind '" .. tostring(t.process) .. "'" .. suggest(t.process, PROC_NAMES)
  end
  local allowed = { "process" }
  for _, a in ipairs(spec) do allowed[#allowed + 1] = a.key end
  local m = only_keys(t, allowed)
  if m then return nil, m end
  local out = { process = t.process }
  for _, a in ipairs(spec) do
    local v = t[a.key]
    if v == nil then v = a.default end
    if v == nil and a.required then return nil, a.key .. " is required" end
    if v ~= nil then
      if a.type then
        v, m = PARG[a.type](v, a)
      elseif type(v) ~= "number" then
        m = "must be a number, got " .. what(v)
      else
        m = bounds(v, a)
      end
      if m then return nil, (NAMED_MSG[a.type] and "" or a.key .. " ") .. m end
      out[a.key] = v
    end
  end
  if out.process == "regime" then
    out.initial = out.initial or out.states[1].name
    local found = false
    for _, s in ipairs(out.states) do found = found or s.name == out.initial end
    if not found then return nil, "initial '" .. out.initial .. "' is not a state" end
  end
  return out
end

-- Pass 1: types, bounds, unknown keys, defaults -------------------------------------

local FIELDS = setmetatable({}, { __mode = "k" }) -- node -> { key -> field node }, sorted names
local function fields(node)
  local f = FIELDS[node]
  if not f then
    f = { by = {}, names = {} }
    for _, x in ipairs(node.fields) do f.by[x.key], f.names[#f.names + 1] = x, x.key end
    FIELDS[node] = f
  end
  return f
end

-- A number accepted where a distribution or process is: the constant one.
local function wrap(v, node)
  local ts = types(node)
  if ts.dist then return { dist = "constant", p = { v } } end
  if ts.process then return { process = "constant", value = v } end
  return v
end

-- The type of node that value v takes, or a failure.
local function pick(v, node, path)
  local ts, tv = types(node), type(v)
  local alt
  if tv == "number" then
    alt = ts.integer and "integer" or ts.number and "number" or ts.dist and "dist" or ts.process and "process"
      or ts.seed and "seed"
  elseif tv == "string" then
    -- neosim's C reads a string up to its first NUL: "a\0b" would be "a"
    if v:find("\0", 1, true) then fail(path, "must not hold a NUL byte (\\0)") end
    alt = ts.string and "string" or ts.date and "date" or ts.name and "name" or ts.enum and "enum"
      or ts.seed and "seed"
  elseif tv == "boolean" then
    alt = ts.boolean and "boolean"
  elseif tv == "function" then
    alt = ts["function"] and "function"
  elseif tv == "table" then
    if tag(v) then alt = ts[tag(v)] and tag(v)
    else
      alt = ts.record and "record" or ts.map and "map" or ts.list and "list" or ts.sweep and "sweep"
        or ts.design and "design" or ts.steps and "steps"
    end
  end
  if not alt then fail(path, ("must be %s, got %s"):format(describe(node), what(v))) end
  return alt
end

local walk
local CHECK = {}

function CHECK.number(v, node, path)
  local m = bounds(v, node)
  if m then fail(path, m) end
  return wrap(v, node)
end

function CHECK.integer(v, node, path)
  local m = check_integer(v) or bounds(v, node)
  if m then fail(path, m) end
  return wrap(math.tointeger(v), node)
end

function CHECK.string(v, node, path)
  if node.pattern and not v:match("^" .. node.pattern .. "$") then
    fail(path, ("must be %s, got '%s'"):format(node.pattern_doc or "of the form " .. node.pattern, v))
  end
  return v
end

function CHECK.enum(v, node, path)
  for _, s in ipairs(node.one_of) do if v == s then return v end end
  for _, s in ipairs(node.unsupported or {}) do
    if v == s then
      fail(path, ("%s '%s' is not supported yet (supported: %s)")
        :format(path[#path], v, table.concat(node.one_of, ", ")))
    end
  end
  local all = table.move(node.one_of, 1, #node.one_of, 1, {})
  table.move(node.unsupported or {}, 1, #(node.unsupported or {}), #all + 1, all)
  fail(path, ("must be %s, got '%s'%s"):format(describe(node), v, suggest(v, all)))
end

function CHECK.date(v, _, path)
  local m = check_date(v)
  if m then fail(path, m) end
  return v
end

-- Seeds: the full unsigned 64-bit range, as --seed takes it.  Lua integers stop at 2^63-1,
-- so a seed above that is the string of its decimal digits (the form C reads and the
-- params record); one that fits is an integer, however it was written.
local U64_MAX = "18446744073709551615"
local function u64_range(path, got)
  fail(path, "must be an integer from 0 to " .. U64_MAX .. ", got " .. got)
end

function CHECK.seed(v, _, path)
  if type(v) == "number" then
    local m = check_integer(v)
    if m then fail(path, m) end
    if v < 0 then u64_range(path, numtext(v)) end
    return math.tointeger(v)
  end
  local digits = v:match("^0*(%d+)$")
  if not digits then u64_range(path, "'" .. v .. "'") end
  if #digits > #U64_MAX or (#digits == #U64_MAX and digits > U64_MAX) then u64_range(path, digits) end
  return math.tointeger(tonumber(digits)) or digits -- beyond 2^63-1, tonumber gives a float
end

-- The unsigned value of a 64-bit Lua integer, in decimal (hex text wraps around to < 0).
local function unsigned_text(i) return ("%u"):format(i) end

function CHECK.name(v) return v end
function CHECK.boolean(v) return v end
function CHECK.sweep() return nil end
function CHECK.design() return nil end
CHECK["function"] = function(v) return v end

-- { { DATE, VALUE }, ... }: dates strictly ascending, values within the node's bounds.
function CHECK.steps(v, node, path)
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  if n ~= #v then fail(path, "must be a list of { DATE, VALUE } pairs (no named keys)") end
  local out = {}
  for i, pt in ipairs(v) do
    local p = append(path, i)
    local k = 0
    if type(pt) == "table" then for _ in pairs(pt) do k = k + 1 end end
    if k ~= 2 or pt[1] == nil or pt[2] == nil then
      fail(p, "must be a { DATE, VALUE } pair" .. (type(pt) == "table" and "" or ", got " .. what(pt)))
    end
    local m = check_date(pt[1])
    if m then fail(p, "date " .. m) end
    if type(pt[2]) ~= "number" then fail(p, "value must be a number, got " .. what(pt[2])) end
    m = bounds(pt[2], node)
    if m then fail(p, "value " .. m) end
    if i > 1 and core.days(pt[1]) <= core.days(v[i - 1][1]) then
      fail(p, ("dates must be ascending: %s is not after %s"):format(pt[1], v[i - 1][1]))
    end
    out[i] = { pt[1], pt[2] }
  end
  return out
end

function CHECK.dist(v, node, path)
  local d, m = M.dist(v)
  if not d then fail(path, m) end
  if d.dist == "constant" then
    m = bounds(d.p[1], node)
    if m then fail(path, m) end
  end
  return d
end

function CHECK.process(v, node, path)
  local p, m = M.process(v)
  if not p then fail(path, M.PROCESS[v.process] and v.process .. ": " .. m or m) end
  if p.process == "constant" then
    m = bounds(p.value, node)
  elseif p.process == "path" then
    for i, pt in ipairs(p.points) do
      m = m or (bounds(pt[2], node) and ("points[%d]: value %s"):format(i, bounds(pt[2], node)))
    end
  end
  if m then fail(path, p.process .. ": " .. m) end
  return p
end

function CHECK.record(v, node, path)
  local f, out = fields(node), {}
  for _, k in ipairs(M.sorted_keys(v)) do -- unknown keys first: a typo explains a missing key
    if not f.by[k] then
      if math.type(k) == "integer" then
        fail(append(path, k), "unexpected list element (this table takes named keys)")
      end
      fail(append(path, k), "unknown key" .. suggest(k, f.names))
    end
  end
  for _, k in ipairs(M.sorted_keys(f.by)) do out[k] = walk(v[k], f.by[k], append(path, k)) end
  return out
end

function CHECK.map(v, node, path)
  local out, n = {}, 0
  for _, k in ipairs(M.sorted_keys(v)) do
    if type(k) ~= "string" or not k:match("^" .. node.names .. "$") then
      fail(append(path, k), type(k) == "string" and "invalid name (" .. node.names_doc .. ")"
        or "expected a name (" .. path[#path] .. " is a table from names to entries, not a list)")
    end
    out[k], n = walk(v[k], node.of, append(path, k)), n + 1
  end
  local min = node.min_entries or 0
  if n < min then fail(path, ("must have at least %d entr%s"):format(min, min == 1 and "y" or "ies")) end
  return out
end

function CHECK.list(v, node, path)
  local out, n = {}, 0
  for _ in pairs(v) do n = n + 1 end
  for _, k in ipairs(M.sorted_keys(v)) do
    if math.type(k) ~= "integer" or k < 1 or k > n then
      fail(append(path, k), ("unexpected key in a list (%s takes elements 1..%d)"):format(path[#path], n))
    end
    out[k] = walk(v[k], node.of, append(path, k))
  end
  if n < (node.min_entries or 0) then fail(path, ("must have at least %d element(s)"):format(node.min_entries)) end
  return out
end

-- Check value v (nil: absent) of node at path; its normalised copy.
function walk(v, node, path)
  if v == nil then
    if node.required then fail(path, "required key missing") end
    if node.default == nil then return nil end
    v = copy(node.default)
  end
  return CHECK[pick(v, node, path)](v, node, path)
end

-- Pass 2: cross-key rules -------------------------------------------------------------

local function names_of(map)
  local t = {}
  for k in pairs(map) do t[#t + 1] = k end
  table.sort(t)
  return t
end

local CHECKS = {}

-- The kW (nodes x node_kw) of fleet[1..i] at fleet[i]'s site: running sums per site, kept
-- per normalised scenario and extended as the entries are checked in order (each has its
-- site and SKU checked by then), so the fleet's check is linear in its length.
-- The nodes of fleet[1..i] likewise.
local SITE_KW = setmetatable({}, { __mode = "k" })
local function site_kw(root, i)
  local c = SITE_KW[root]
  if not c then
    c = { n = 0, at = {}, cum = {}, nodes = {} }
    SITE_KW[root] = c
  end
  for k = c.n + 1, i do -- floats: an integer product could wrap around
    local f = root.fleet[k]
    c.at[f.site] = (c.at[f.site] or 0.0) + f.nodes * (root.skus[f.sku].node_kw + 0.0)
    c.cum[k] = c.at[f.site]
    c.nodes[k] = (c.nodes[k - 1] or 0) + f.nodes
  end
  if i > c.n then c.n = i end
  return c.cum[i], c.nodes[i]
end

--- The most nodes the initial fleet may have (the model's node ids are 32-bit, and a node
--- takes about 184 bytes of the run's memory budget).
M.MAX_FLEET_NODES = 1e9

-- fleet[i]: with this entry, the fleet at its site still fits the site's power.
function CHECKS.site_power(entry, path, root)
  if entry.bought and entry.lease then return "bought = true and a lease: leased nodes are not bought" end
  local kw, nodes = site_kw(root, path[#path])
  if nodes > M.MAX_FLEET_NODES then
    return ("the fleet has %s nodes with this entry, more than %s"):format(numtext(nodes), numtext(M.MAX_FLEET_NODES))
  end
  local site = root.sites[entry.site]
  if kw * site.pue > site.power_mw * 1000.0 then
    return ("the fleet at site %s needs %.4g MW with this entry (nodes x node_kw x pue), more than its power_mw %s")
      :format(entry.site, kw * site.pue / 1000, numtext(site.power_mw))
  end
end

local function contains(list, x)
  for _, y in ipairs(list) do if y == x then return true end end
  return false
end

local COMMON_TENANT_KEYS = { kind = true, sku = true, site = true, priority = true }
local TENANT_FIELD = {}
for _, f in ipairs(S.tenant) do TENANT_FIELD[f.key] = f end

-- tenants.<n>, before its keys' own cross checks: the keys given apply to its kind, the
-- kind's required keys are there.
function CHECKS.tenant_keys(t, path)
  local kind = S.tenant_kinds[t.kind]
  for _, f in ipairs(S.tenant) do
    if t[f.key] ~= nil and not COMMON_TENANT_KEYS[f.key] and not contains(kind.keys, f.key) then
      fail(append(path, f.key), "does not apply to kind " .. t.kind)
    end
  end
  for _, k in ipairs(kind.required) do
    if t[k] == nil then fail(append(path, k), "required key missing (for kind " .. t.kind .. ")") end
  end
  if t.kind == "reserved" then CHECKS.contract_lines(t, path) end
  if t.skus ~= nil then CHECKS.sku_preference(t, path) end
end

-- An on_demand or spot tenant's SKUs in order of preference: each once, instead of sku;
-- its sku becomes the first (its price, a policy's view).
function CHECKS.sku_preference(t, path)
  if t.sku ~= nil then fail(append(path, "sku"), "not with skus (the first of skus is its SKU)") end
  local seen = {}
  for i, name in ipairs(t.skus) do
    if seen[name] then fail(append(append(path, "skus"), i), ("'%s' listed twice"):format(name)) end
    seen[name] = true
  end
  t.sku = t.skus[1]
end

-- The most lines a contract has (C's CT_MAX_LINES).
local MAX_LINES = 16

-- A reserved tenant's contract: nodes (with sku, site, price_gpu_hour) or lines, each
-- line priced (its own or the tenant's price), a site per SKU.  Its sku becomes its
-- first line's (for what needs one SKU: a policy's view).
function CHECKS.contract_lines(t, path)
  if t.lines == nil then
    if t.nodes == nil then fail(append(path, "nodes"), "required key missing (for kind reserved: nodes, or lines)") end
    if t.price_gpu_hour == nil then
      fail(append(path, "price_gpu_hour"), "required key missing (for kind reserved)")
    end
    return
  end
  for _, k in ipairs({ "nodes", "sku", "site" }) do
    if t[k] ~= nil then fail(append(path, k), "not with lines (each line names its sku, site and nodes)") end
  end
  if #t.lines > MAX_LINES then
    fail(append(path, "lines"), ("at most %d lines, got %d"):format(MAX_LINES, #t.lines))
  end
  local site_of = {}
  for i, l in ipairs(t.lines) do
    if l.price_gpu_hour == nil and t.price_gpu_hour == nil then
      fail(append(append(append(path, "lines"), i), "price_gpu_hour"),
        "required key missing (the tenant has no price_gpu_hour)")
    end
    local site, first = l.site or "(any)", site_of[l.sku]
    if first and first.site ~= site then
      fail(append(append(append(path, "lines"), i), "site"), ("lines of one SKU name one site: line %d has %s at %s"):format(
        first.i, l.sku, first.site))
    end
    site_of[l.sku] = first or { site = site, i = i }
  end
  t.sku = t.lines[1].sku
end

-- The most a price below the market index may multiply demand by: (price / index)^-elasticity
-- beyond it made the thinning of arrivals unbounded (price_factor = 1e-308) or so fast that
-- time stopped.
local MAX_DEMAND_MULTIPLIER = 1e6

-- The demand multiplier of an elastic tenant at the start, when it is known there: a
-- "market" price is price_factor x the index, a fixed price against a constant index.
local function demand_multiplier(t, index)
  if t.price_gpu_hour == "market" then return t.price_factor ^ -t.elasticity end
  local v = type(index) == "table" and (index.process and index or index.price_gpu_hour)
  if type(t.price_gpu_hour) == "number" and t.price_gpu_hour > 0 and type(v) == "table"
    and v.process == "constant" and v.value > 0 then
    return (t.price_gpu_hour / v.value) ^ -t.elasticity
  end
end

-- tenants.<n>: a "market" price and elasticity need an index to follow; the kind's
-- defaults are filled in (so that they are in params).
function CHECKS.tenant(t, path, root)
  local kind = S.tenant_kinds[t.kind]
  if (t.elasticity or 0) > 0 and root.market[t.sku] == nil then
    fail(append(path, "elasticity"), ("needs a market index for %s (market.%s): demand responds to price / index")
      :format(t.sku, t.sku))
  end
  if tag(t.nodes) == "process" and t.nodes.process ~= "constant" and t.kind ~= "internal" then
    fail(append(path, "nodes"), "a process only for an internal tenant (a " .. t.kind .. " tenant's nodes are a number)")
  end
  for _, sku in ipairs(t.price_gpu_hour == "market" and not t.price_per_perf and t.skus or {}) do
    if root.market[sku] == nil then
      fail(append(path, "price_gpu_hour"), ('"market" needs a market index for each of skus: none for %s (market.%s)')
        :format(sku, sku))
    end
  end
  if t.price_gpu_hour == "market" then
    if t.kind == "reserved" then
      fail(append(path, "price_gpu_hour"), 'a reserved contract needs a number ("market" is for on_demand and spot)')
    end
    if root.market[t.sku] == nil then
      fail(append(path, "price_gpu_hour"), ('"market" needs a market index for %s (market.%s)'):format(t.sku, t.sku))
    end
  end
  for _, k in ipairs(M.sorted_keys(kind.defaults)) do
    if t[k] == nil then t[k] = walk(kind.defaults[k], TENANT_FIELD[k], append(path, k)) end
  end
  for _, k in ipairs(M.sorted_keys(kind.default_keys or {})) do
    if t[k] == nil then t[k] = root[kind.default_keys[k]] end
  end
  local m = (t.elasticity or 0) > 0 and t.kind ~= "reserved" and demand_multiplier(t, root.market[t.sku])
  if m and not (m <= MAX_DEMAND_MULTIPLIER) then
    fail(append(path, "elasticity"), ("the demand multiplier (price / market index)^-elasticity is %s%s, more "
      .. "than %s: arrivals that many times arrivals_per_hour cannot be simulated"):format(numtext(m),
      t.price_gpu_hour == "market" and (" (price_factor %s)"):format(numtext(t.price_factor)) or "",
      numtext(MAX_DEMAND_MULTIPLIER)))
  end
end

local SHOCK_TARGET = { gpu_price = "sku", supply_cut = "sku", market_price = "sku", power_price = "site",
                       demand = "tenant" }

-- shocks[i]: dated or random, the target key its kind takes, not before the start
-- (after the horizon it never hits).
function CHECKS.shock(sh, path, root)
  if (sh.at == nil) == (sh.rate_per_year == nil) then
    fail(path, "needs exactly one of at (a date) or rate_per_year (random shocks)")
  end
  for _, k in ipairs({ "sku", "site", "tenant" }) do
    if sh[k] ~= nil and SHOCK_TARGET[sh.kind] ~= k then
      fail(append(path, k), ("does not apply to a %s shock%s"):format(sh.kind,
        SHOCK_TARGET[sh.kind] and " (it takes " .. SHOCK_TARGET[sh.kind] .. ")" or ""))
    end
  end
  if sh.at and core.days(sh.at) < core.days(root.start) then
    fail(append(path, "at"), ("must not be before start (%s), got %s"):format(root.start, sh.at))
  end
  if sh.tenant and not contains({ "on_demand", "spot" }, root.tenants[sh.tenant].kind) then
    fail(append(path, "tenant"), ("a demand shock scales job arrivals: tenant %s is %s (on_demand or spot only)")
      :format(sh.tenant, root.tenants[sh.tenant].kind))
  end
end

-- Keys of a facility, of a revolving one.
function CHECKS.debt(d, path, root)
  for _, k in ipairs({ "commitment_fee", "revolving", "repay_above" }) do
    if d[k] ~= nil and d[k] ~= false and not d.facility then
      fail(append(path, k), "applies to a facility only (facility = true)")
    end
  end
  if d.refinance and d.facility then
    fail(append(path, "refinance"), "a facility is not refinanced (it is repaid at its term end)")
  end
  local bb = d.borrowing_base
  if bb then
    if d.facility then fail(append(path, "borrowing_base"), "a facility cannot also be a borrowing-base loan") end
    if path[#path] > 1000 then fail(append(path, "borrowing_base"), "only the first 1000 tranches may have one") end
    if core.days(bb.amortize_from) < core.days(d.draw or root.start) then
      fail(append(append(path, "borrowing_base"), "amortize_from"), "must not be before the draw date")
    end
    for i, name in ipairs(bb.contracts or {}) do
      if root.tenants[name].kind ~= "reserved" then
        fail(append(append(append(path, "borrowing_base"), "contracts"), i), ("tenant %s is %s: contracts are reserved tenants'")
          :format(name, root.tenants[name].kind))
      end
    end
  end
  if d.repay_above ~= nil and not d.revolving then
    fail(append(path, "repay_above"), "applies to a revolving facility only (revolving = true)")
  end
end

-- A covenant has its bound on the side its kind tests: min, or max.
local COVENANT_MAX = { leverage = true, ltv = true }
function CHECKS.covenant(cv, path)
  local want, other = "min", "max"
  if COVENANT_MAX[cv.kind] then want, other = "max", "min" end
  if cv[want] == nil then fail(append(path, want), ("a %s covenant needs %s"):format(cv.kind, want)) end
  if cv[other] ~= nil then
    fail(append(path, other), ("does not apply to a %s covenant (it takes %s)"):format(cv.kind, want))
  end
  if (cv.on_breach == "step_up") ~= (cv.step_up ~= nil) then
    fail(append(path, "step_up"), cv.step_up == nil and 'is required with on_breach = "step_up"'
      or ('applies only with on_breach = "step_up", not "%s"'):format(cv.on_breach))
  end
end

-- Maps keyed by SKU name; unique debt names.
function CHECKS.root(r)
  local skus = names_of(r.skus)
  local keyed = { { "market" }, { "supplier", "node_price" }, { "supplier", "monthly_cap" } }
  for _, kp in ipairs(keyed) do
    local m = r
    for _, k in ipairs(kp) do m = m[k] end
    for _, k in ipairs(M.sorted_keys(m)) do
      if r.skus[k] == nil then
        fail(append(kp, k), ("unknown sku '%s'%s"):format(k, suggest(k, skus)))
      end
    end
  end
  for _, k in ipairs(skus) do
    if r.skus[k].resale_rent_share > 0 and r.market[k] == nil then
      fail({ "skus", k, "resale_rent_share" }, ("needs a market index for %s (market.%s): the resale value follows it")
        :format(k, k))
    end
  end
  local seen = {}
  for i, d in ipairs(r.finance.debt) do
    local name = d.name or ("debt[%d]"):format(i)
    if seen[name] then fail({ "finance", "debt", i, "name" }, "name '" .. name .. "' used twice") end
    seen[name] = true
  end
end

--- The most points a process may draw over the horizon: 10^7 (160 MB of path).  More
--- cannot be simulated within the model's memory budget alongside anything else
--- (--model-memory takes what a run allocates; this names the key at once).
M.MAX_PATH_POINTS = 1e7
local MAX_PATH_POINTS = M.MAX_PATH_POINTS

-- A process that draws its path over horizon_days (a diffusion on its grid, a regime's
-- switches: about the horizon over the states' average mean_days, since the next state is
-- uniform among the others) within MAX_PATH_POINTS: nil or a message.
local function path_size(p, days)
  if p.process == "gbm" or p.process == "mean_reverting" then
    local n = math.ceil(days / p.step_days) + 1
    if n > MAX_PATH_POINTS then
      return ("%s: step_days %s over horizon_days %s draws %s steps, more than %s: step_days must be at least %.3g")
        :format(p.process, numtext(p.step_days), numtext(days), numtext(n), numtext(MAX_PATH_POINTS),
          days / (MAX_PATH_POINTS - 1))
    end
  elseif p.process == "regime" then
    local sum = 0.0
    for _, st in ipairs(p.states) do sum = sum + st.mean_days end
    local avg = sum / #p.states
    local n = #p.states > 1 and days / avg or 1
    if n > MAX_PATH_POINTS then
      return ("regime: states lasting %s days on average switch about %.3g times over horizon_days %s, "
        .. "more than %s: their mean_days must average at least %.3g"):format(numtext(avg), n, numtext(days),
        numtext(MAX_PATH_POINTS), days / MAX_PATH_POINTS)
    end
  elseif p.process == "product" then
    for i, f in ipairs(p.factors) do
      local m = path_size(f, days)
      if m then return ("product: factor %d: %s"):format(i, m) end
    end
  end
end

-- The factor references inside process p (a product's factors included): nil or a message.
local function factor_refs(p, factors, in_factor)
  if p.process == "product" then
    for i, f in ipairs(p.factors) do
      local m = factor_refs(f, factors, in_factor)
      if m then return ("product: factor %d: %s"):format(i, m) end
    end
  elseif p.process == "factor" then
    if in_factor then return "a factor cannot be defined by another factor" end
    local f = factors[p.name]
    if f == nil then
      return ("unknown factor '%s'%s (factors = { ... })"):format(p.name, suggest(p.name, M.sorted_keys(factors)))
    end
    if p.levels then
      if f.process ~= "regime" then
        return ("factor '%s' is a %s: levels map the states of a regime"):format(p.name, f.process)
      end
      local states = {}
      for _, s in ipairs(f.states) do
        states[s.name] = true
        if p.levels[s.name] == nil then return ("levels: state '%s' of factor '%s' has no level"):format(s.name, p.name) end
      end
      for _, k in ipairs(M.sorted_keys(p.levels)) do
        if not states[k] then return ("levels: '%s' is not a state of factor '%s'"):format(k, p.name) end
      end
    end
  end
end

local function cross(v, node, path, root)
  local ts = types(node)
  if tag(v) == "process" then
    local m = path_size(v, root.horizon_days) or factor_refs(v, root.factors, path[1] == "factors")
    if m then fail(path, m) end
  end
  if ts.steps and type(v) == "table" and node.after then
    for i, pt in ipairs(v) do
      if core.days(pt[1]) <= core.days(root[node.after]) then
        fail(append(path, i), ("date must be after %s (%s), got %s"):format(node.after, root[node.after], pt[1]))
      end
    end
    return
  end
  if type(v) ~= "table" or tag(v) then
    if node.ref then
      local map = root[node.ref]
      if map[v] == nil then
        fail(path, ("unknown %s '%s'%s"):format((node.ref:gsub("s$", "")), v, suggest(v, names_of(map))))
      end
    end
    if node.lt_key and not (v < root[node.lt_key]) then
      fail(path, ("must be < %s (%s), got %s"):format(node.lt_key, numtext(root[node.lt_key]), numtext(v)))
    end
    if node.not_after and core.days(v) > core.days(root[node.not_after]) then
      fail(path, ("must not be after %s (%s), got %s"):format(node.not_after, root[node.not_after], v))
    end
    local m = node.check and CHECKS[node.check](v, path, root)
    if m then fail(path, m) end
    return
  end
  if ts.map or ts.list then
    for _, k in ipairs(M.sorted_keys(v)) do cross(v[k], node.of, append(path, k), root) end
  elseif ts.record then
    local f = fields(node)
    if node.precheck then CHECKS[node.precheck](v, path, root) end
    for _, k in ipairs(M.sorted_keys(f.by)) do
      local fnode, p = f.by[k], append(path, k)
      if v[k] == nil and fnode.default_key then v[k] = root[fnode.default_key] end
      if v[k] == nil and fnode.default_single then
        local names = names_of(root[fnode.ref])
        if #names ~= 1 then
          fail(p, ("required key missing (there are %d %s: %s)"):format(#names, fnode.ref, table.concat(names, ", ")))
        end
        v[k] = names[1]
      end
      if v[k] ~= nil then cross(v[k], fnode, p, root) end
    end
    local m = node.check and CHECKS[node.check](v, path, root)
    if m then fail(path, m) end
  end
end

--- Validate one scenario table (sweep ignored): its normalised copy, or a failure raised.
local function check_point(scn)
  if type(scn) ~= "table" then fail({}, "the scenario must be a table (neo.scenario{...}), got " .. type(scn)) end
  local norm = walk(scn, S.root, {})
  cross(norm, S.root, {}, norm)
  return norm
end

-- Paths: parsing, schema lookup, assignment --------------------------------------------

--- "tenants.od.x", "fleet.1.nodes" or "fleet[1].nodes" -> { "tenants", "od", "x" } / { "fleet", 1, "nodes" }.
function M.parse_path(text)
  if type(text) ~= "string" then return nil, "a key path must be a string, got " .. type(text) end
  local s, keys = text:gsub("%[(%d+)%]", ".%1"), {}
  if s == "" or s:sub(1, 1) == "." or s:sub(-1) == "." or s:find("..", 1, true) then
    return nil, "not a key path (keys separated by dots, e.g. tenants.od.price_gpu_hour)"
  end
  for part in s:gmatch("[^.]+") do
    keys[#keys + 1] = part:match("^%d+$") and math.tointeger(tonumber(part)) or part
  end
  return keys
end

--- The schema node of the scalar key at keys in scenario scn, or nil, message.
function M.lookup(scn, keys)
  local node, v = S.root, scn
  for i, k in ipairs(keys) do
    local ts, last = types(node), i == #keys
    local prefix = table.move(keys, 1, i - 1, 1, {})
    local here = i > 1 and srcmap.fmt(prefix) or "the scenario"
    local spec = last and tag(v) == "process" and M.PROCESS[v.process]
    for _, a in ipairs(spec or {}) do -- a number parameter of a process (market.h100.start)
      if a.key == k and not a.type then return setmetatable({ type = "number", unit = "1" }, { __index = a }) end
    end
    if v ~= nil and type(v) ~= "string" and (type(v) ~= "table" or tag(v)) then
      -- a number or process where a table may be (market.h100 = 2.5): no keys to set
      local w = what(v)
      local keys_of = ""
      if spec then
        local nums = {}
        for _, a in ipairs(spec) do if not a.type then nums[#nums + 1] = a.key end end
        keys_of = " of its own: its numbers are " .. table.concat(nums, ", ")
      end
      return nil, ("%s is %s here, it has no key '%s'%s (sweep or set %s itself)")
        :format(here, w:sub(1, 2) == "a " and w or "a " .. w, tostring(k), keys_of, M.dotted(prefix))
    end
    if ts.record then
      local f = fields(node)
      if not f.by[k] or f.by[k].type == "sweep" or f.by[k].type == "design" then
        return nil, "unknown key" .. (last and "" or " '" .. tostring(k) .. "'") .. suggest(k, f.names)
      end
      node = f.by[k]
    elseif ts.map then
      if type(k) ~= "string" then return nil, here .. " is a table of names, not a list" end
      if v == nil then return nil, ("the scenario has no %s: --set cannot add one"):format(here) end
      if type(v) == "table" and v[k] == nil then
        return nil, ("no %s '%s'%s"):format((keys[i - 1]:gsub("s$", "")), k, suggest(k, names_of(v)))
      end
      node = node.of
    elseif ts.list then
      if math.type(k) ~= "integer" then return nil, here .. " is a list: use an index (" .. here .. ".1)" end
      if type(v) == "table" and v[k] == nil then
        return nil, ("%s has no element %d (it has %d)"):format(here, k, #v)
      end
      node = node.of
    else
      return nil, here .. " is a single value, it has no keys"
    end
    v = type(v) == "table" and v[k] or nil
  end
  local ts = types(node)
  local scalar = ts.number or ts.integer or ts.seed or ts.string or ts.date or ts.name or ts.enum or ts.boolean
  if not (scalar or ts.dist or ts.process) then
    return nil, "not a single value (it is a table: name one of its keys)"
  end
  return node
end

-- Set t[keys...] = v, creating missing tables; a string where a table may be (queue =
-- "reject" then queue.patience_hours) becomes a table.  Other non-tables are left for
-- validation to report.
local function assign(t, keys, v)
  for i = 1, #keys - 1 do
    local k = keys[i]
    if t[k] == nil or type(t[k]) == "string" then t[k] = {} end
    t = t[k]
    if type(t) ~= "table" then return end
  end
  t[keys[#keys]] = v
end

local WORDS = { inf = math.huge, ["+inf"] = math.huge, ["-inf"] = -math.huge,
                ["math.huge"] = math.huge, ["-math.huge"] = -math.huge }

--- The value of --set text for node: true, false, numbers, inf/math.huge, else the text
--- (also when node takes no numbers, or no booleans).
function M.parse_text(text, node)
  local ts = types(node)
  if ts.boolean and (text == "true" or text == "false") then return text == "true" end
  if ts.seed then -- decimal digits (any length: CHECK.seed says the range) or 0x and 1 to 16 hex digits
    local hex = text:match("^0[xX](%x+)$")
    if hex and #hex <= 16 then return CHECK.seed(unsigned_text(math.tointeger(tonumber(text))), node, {}) end
    if text:match("^%d+$") then return text end
  end
  if ts.number or ts.integer or ts.dist or ts.process then
    local n = WORDS[text] or tonumber(text)
    if n then return n end
  end
  return text
end

-- Sweep ---------------------------------------------------------------------------

-- One entry of a sweep point: keys, dotted name, value, and the path of the value in the
-- source (for its line); kpath is the source path of the key.
local function entry(scn, rawkey, value, kpath, lpath)
  local keys, m = M.parse_path(rawkey)
  local node
  if keys then node, m = M.lookup(scn, keys) end
  if not node then fail(kpath, m) end
  local ok, f = catch(walk, value, node, lpath)
  if not ok then fail(f.path, f.msg) end
  return { keys = keys, name = M.dotted(keys), value = value, lpath = lpath }
end

--- The points of the sweep sw over scenario scn: a list of lists of entries (one empty
--- point without a sweep).  Keys in `fixed` (dotted names set by --set) are left out.
local function sweep_points(sw, scn, fixed)
  if sw == nil then return { {} } end
  if type(sw) ~= "table" then
    fail({ "sweep" }, "must be a table (key path -> list of values) or neo.sweep.points{...}, got " .. type(sw))
  end
  local points = {}
  if getmetatable(sw) == M.POINTS then
    if not is_list(sw) then fail({ "sweep" }, "neo.sweep.points needs a list of at least one point") end
    for i, p in ipairs(sw) do
      if type(p) ~= "table" then
        fail({ "sweep", i }, "a point must be a table (key path -> value), got " .. type(p))
      end
      local pt = {}
      for _, k in ipairs(M.sorted_keys(p)) do
        local e = entry(scn, k, p[k], { "sweep", i, k }, { "sweep", i, k })
        if fixed[e.name] then -- dropping it from the points would make them others (or the same)
          error(setmetatable({ set = fixed[e.name], msg = ("point %d of the sweep sets this key too: drop it"
            .. " from the points, or do not --set it"):format(i - 1) }, Fail), 0)
        end
        pt[#pt + 1] = e
      end
      points[i] = pt
    end
    return points
  end
  local dims, seen = {}, {}
  for _, k in ipairs(M.sorted_keys(sw)) do
    if type(k) ~= "string" then
      fail({ "sweep", k }, "a sweep grid is keyed by key paths (a list of points: neo.sweep.points{...})")
    end
    local vals = sw[k]
    if not is_list(vals) or tag(vals) then
      fail({ "sweep", k }, "must be a non-empty list of values, got " .. what(vals))
    end
    local dim = {}
    for j, x in ipairs(vals) do dim[j] = entry(scn, k, x, { "sweep", k }, { "sweep", k, j }) end
    local name = dim[1].name
    if seen[name] then fail({ "sweep", k }, "same key as sweep[\"" .. seen[name] .. "\"]") end
    seen[name] = k
    if not fixed[name] then dims[#dims + 1] = dim end
  end
  table.sort(dims, function(a, b) return a[1].name < b[1].name end)
  local n = 1
  for _, d in ipairs(dims) do n = n * #d end
  for i = 0, n - 1 do -- mixed radix, the last dimension fastest
    local pt, r = {}, i
    for d = #dims, 1, -1 do
      pt[d], r = dims[d][r % #dims[d] + 1], r // #dims[d]
    end
    points[i + 1] = pt
  end
  return points
end

-- Uncertain inputs ------------------------------------------------------------------

local DESIGNS = { "random", "lhs", "saltelli", "morris" }
M.DESIGN_SAMPLES = 64 -- uncertain.samples when not given

-- The correlations of uncertain u as the flat k*k target (nil without any); idx: input
-- name (as written or dotted) -> column.
local function correlation_target(u, idx, k)
  if u.correlations == nil then return nil end
  local c = u.correlations
  if type(c) ~= "table" or tag(c) or (next(c) ~= nil and not is_list(c)) then
    fail({ "uncertain", "correlations" }, "must be a list of { INPUT, INPUT, RHO }, got " .. what(c))
  end
  if #c == 0 then return nil end
  local t = {}
  for i = 1, k * k do t[i] = (i - 1) % (k + 1) == 0 and 1.0 or 0.0 end
  for i, e in ipairs(c) do
    local p = { "uncertain", "correlations", i }
    if type(e) ~= "table" or #e ~= 3 then fail(p, "must be { INPUT, INPUT, RHO }, got " .. what(e)) end
    local a, b, rho = idx[e[1]], idx[e[2]], e[3]
    if not a then fail(p, "'" .. tostring(e[1]) .. "' is not an input") end
    if not b then fail(p, "'" .. tostring(e[2]) .. "' is not an input") end
    if a == b then fail(p, "an input's correlation with itself is 1") end
    if type(rho) ~= "number" or not (rho > -1 and rho < 1) then
      fail(p, "the rank correlation must be a number in (-1, 1), got " .. what(rho) .. (type(rho) == "number" and " " .. numtext(rho) or ""))
    end
    if t[(a - 1) * k + b] ~= 0 then fail(p, "the pair is given twice") end
    t[(a - 1) * k + b], t[(b - 1) * k + a] = rho + 0.0, rho + 0.0
  end
  return t
end

--- The design of uncertain inputs u over scenario scn (nil without one): { kind, samples,
--- inputs = { { name, key, dist } in name order }, rows = a list of lists of entries (as
--- a sweep point's), target, achieved }.  Keys set by --set (fixed) or by the sweep
--- (swept: dotted names) cannot be inputs.
local function uncertain_design(u, scn, fixed, swept)
  if u == nil then return nil end
  if type(u) ~= "table" or tag(u) then
    fail({ "uncertain" }, "must be a table { design, samples, inputs, correlations }, got " .. what(u))
  end
  local m = only_keys(u, { "design", "samples", "inputs", "correlations" })
  if m then fail({ "uncertain" }, m) end
  local kind = u.design == nil and "lhs" or u.design
  if not contains(DESIGNS, kind) then
    fail({ "uncertain", "design" }, ('must be one of "random", "lhs", "saltelli", "morris", got %s'):format(
      type(kind) == "string" and '"' .. kind .. '"' .. suggest(kind, DESIGNS) or what(kind)))
  end
  local n = u.samples == nil and M.DESIGN_SAMPLES or u.samples
  if type(n) ~= "number" or check_integer(n) or n < 1 or n > 1e6 then
    fail({ "uncertain", "samples" }, "must be an integer from 1 to 10^6, got " .. (type(n) == "number" and numtext(n) or what(n)))
  end
  if type(u.inputs) ~= "table" or tag(u.inputs) or next(u.inputs) == nil then
    fail({ "uncertain", "inputs" }, "must be a table of key path -> distribution (neo.dist.*), got " .. what(u.inputs))
  end
  local inputs, idx = {}, {}
  for _, k in ipairs(M.sorted_keys(u.inputs)) do
    local p = { "uncertain", "inputs", k }
    if type(k) ~= "string" then fail(p, "inputs are keyed by key paths (tenants.od.price_gpu_hour)") end
    local keys, msg = M.parse_path(k)
    local node
    if keys then node, msg = M.lookup(scn, keys) end
    if not node then fail(p, msg) end
    local ts, name = types(node), M.dotted(keys)
    if not (ts.number or ts.integer or ts.dist or ts.process) then fail(p, "takes no number: an input is a numeric key") end
    if fixed[name] then
      error(setmetatable({ set = fixed[name], msg = "an uncertain input too: drop it from uncertain.inputs, or do not --set it" }, Fail), 0)
    end
    if swept[name] then fail(p, "the sweep sets this key too: sweep it or make it uncertain, not both") end
    if idx[name] then fail(p, "same key as uncertain.inputs[\"" .. inputs[idx[name]].key .. "\"]") end
    local d, dm = M.dist(u.inputs[k])
    if not d then fail(p, dm) end
    inputs[#inputs + 1] = { keys = keys, name = name, key = k, dist = d, lpath = p,
                            integer = ts.integer and not (ts.number or ts.dist or ts.process) }
    idx[name], idx[k] = #inputs, #inputs
  end
  local target = correlation_target(u, idx, #inputs)
  local dists = {}
  for i, e in ipairs(inputs) do dists[i] = e.dist end
  local seed = scn.seed == nil and 1 or scn.seed
  if type(seed) == "string" then seed = CHECK.seed(seed, S.root, { "seed" }) end
  local values, achieved, probabilities = core.design(kind, math.tointeger(n), dists, target, seed)
  if not values then fail({ "uncertain", target and "correlations" or "samples" }, achieved) end
  local rows = {}
  for r, vals in ipairs(values) do
    local row = {}
    for j, e in ipairs(inputs) do
      local v = vals[j]
      if e.integer then v = math.tointeger(math.floor(v + 0.5)) or v end
      row[j] = { keys = e.keys, name = e.name, value = v, lpath = e.lpath }
    end
    rows[r] = row
  end
  return { kind = kind, samples = math.tointeger(n), inputs = inputs, rows = rows, target = target, achieved = achieved,
           probabilities = probabilities }
end

-- Every sweep point with every row of the design, the design's fastest.
local function cross_design(points, design)
  if not design then return points end
  local out = {}
  for _, pt in ipairs(points) do
    for _, row in ipairs(design.rows) do
      local p = table.move(pt, 1, #pt, 1, {})
      table.move(row, 1, #row, #p + 1, p)
      out[#out + 1] = p
    end
  end
  return out
end

-- Resolution: the form C reads -------------------------------------------------------

local function hours(date, ctx) return 24 * (core.days(date) - ctx.start_days) end
-- Days as hours, in floats: an integer number of days times 24 would wrap around past 2^63
-- (review_every_days = 9223372036854775807 resolved to -24 hours).
local function day_hours(d) return 24.0 * d end

local RPROC = {}
function RPROC.constant(p) return { value = p.value } end
function RPROC.path(p, ctx)
  local t, v = {}, {}
  for i, pt in ipairs(p.points) do t[i], v[i] = hours(pt[1], ctx), pt[2] end
  return { t_hours = t, values = v, interp = p.interp }
end
function RPROC.seasonal(p, ctx)
  return { base = p.base, amplitude = p.amplitude, period_hours = day_hours(p.period_days),
           peak_hours = p.peak and hours(p.peak, ctx) or 0, trend = p.trend }
end
function RPROC.mean_reverting(p)
  return { start = p.start, mean = p.mean, speed = p.speed, vol = p.vol, jump_rate = p.jump_rate,
           jump_mean = p.jump_mean, jump_sd = p.jump_sd, step_hours = day_hours(p.step_days) }
end
function RPROC.gbm(p)
  return { start = p.start, drift = p.drift, vol = p.vol, step_hours = day_hours(p.step_days) }
end
function RPROC.regime(p)
  local r = { base = p.base, levels = {}, mean_hours = {}, names = {} }
  for i, s in ipairs(p.states) do
    r.levels[i], r.mean_hours[i], r.names[i] = s.level, day_hours(s.mean_days), s.name
    if s.name == p.initial then r.initial = i end
  end
  return r
end

local function resolve_process(p, stream, ctx)
  local r
  if p.process == "factor" then -- the factor's own process and stream: the same path wherever used
    local f = ctx.root.factors[p.name]
    if p.levels then -- the same regime (its switches depend on the stream, not the levels), mapped
      local states = {}
      for i, s in ipairs(f.states) do states[i] = { name = s.name, level = p.levels[s.name], mean_days = s.mean_days } end
      f = { process = "regime", base = 1, states = states, initial = f.initial }
    end
    return resolve_process(f, "factors." .. p.name, ctx)
  elseif p.process == "product" then
    r = { factors = {} }
    for i, f in ipairs(p.factors) do r.factors[i] = resolve_process(f, stream .. "." .. i, ctx) end
  else
    r = RPROC[p.process](p, ctx)
  end
  r.process, r.stream = p.process, stream
  return r
end

local resolve_record
local RESOLVE = {}

function RESOLVE.queue(out, q)
  if q == nil or q == "reject" then
    out.reject, out.patience_hours = true, { dist = "constant", p = { 0 } }
  else
    out.reject, out.patience_hours = false, q.patience_hours
  end
end

local function index_of(ctx, ref)
  local idx = ctx.index[ref]
  if not idx then
    idx = {}
    for i, name in ipairs(names_of(ctx.root[ref])) do idx[name] = i end
    ctx.index[ref] = idx
  end
  return idx
end

local function constant_process(value, stream)
  return { process = "constant", value = value, stream = stream }
end

function RESOLVE.price(out, p)
  out.price_market = p == "market"
  out.price_gpu_hour = type(p) == "number" and p or 0
end

function RESOLVE.online(out, steps, _, _, ctx)
  out.online = {}
  for i, pt in ipairs(steps) do out.online[i] = { t_hours = hours(pt[1], ctx), mw = pt[2] } end
end

-- Build terms as C reads them: build_on, build_cost_per_mw, build_months (a dist),
-- build_at_end, build_life_hours.
function RESOLVE.build(out, v)
  out.build_on = v ~= nil
  out.build_cost_per_mw, out.build_at_end, out.build_life_hours = 0, false, 1
  out.build_months = { dist = "constant", p = { 0 } }
  if v == nil then return end
  out.build_cost_per_mw, out.build_months = v.cost_per_mw, v.months
  out.build_at_end, out.build_life_hours = v.payments == "at_end", v.life_years * 8766.0
end
-- Outages as C reads them: outage_rate_per_year (0: none), outage_days (a dist), outage_fraction.
function RESOLVE.outages(out, v)
  out.outage_rate_per_year, out.outage_fraction = 0, 0
  out.outage_days = { dist = "constant", p = { 0 } }
  if v == nil then return end
  out.outage_rate_per_year, out.outage_days, out.outage_fraction = v.rate_per_year, v.days, v.fraction
end
-- An on_demand or spot tenant's SKUs of preference as C reads them: skus, their indices
-- (absent: its sku alone, POST.contract_lines).
function RESOLVE.sku_list(out, v, _, _, ctx)
  if v == nil then return end
  out.skus = {}
  for i, name in ipairs(v) do out.skus[i] = index_of(ctx, "skus")[name] end
end
-- A PPA as C reads it: ppa_share (0: none), ppa_price_mwh, ppa_start_hours, ppa_term_hours.
function RESOLVE.ppa(out, v, _, _, ctx)
  out.ppa_share, out.ppa_price_mwh, out.ppa_start_hours, out.ppa_term_hours = 0, 0, 0, 0
  if v == nil then return end
  out.ppa_share, out.ppa_price_mwh = v.share, v.price_mwh
  out.ppa_start_hours = v.start and hours(v.start, ctx) or 0
  out.ppa_term_hours = v.term_months * 730.5
end
-- An internal tenant's nodes and value_gpu_hour as C reads them: a number (a number
-- given arrives as a constant process; 0 for another process) and nodes_process /
-- value_process (the process; a constant one for a number).
local function number_or_process(out, key, pkey, v, path, ctx)
  local stream = M.dotted(path)
  local p = tag(v) == "process" and v or constant_process(v or 0, stream)
  out[key] = p.process == "constant" and p.value or 0
  out[pkey] = resolve_process(p, stream, ctx)
end
function RESOLVE.tenant_nodes(out, v, _, path, ctx) number_or_process(out, "nodes", "nodes_process", v, path, ctx) end
function RESOLVE.value_gpu_hour(out, v, _, path, ctx)
  number_or_process(out, "value_gpu_hour", "value_process", v, path, ctx)
end
-- A reserved tenant's renewal probability and hazards (numbers or processes) likewise.
function RESOLVE.renew_prob(out, v, _, path, ctx) number_or_process(out, "renew_prob", "renew_process", v, path, ctx) end
function RESOLVE.default_prob_year(out, v, _, path, ctx)
  number_or_process(out, "default_prob_year", "default_process", v, path, ctx)
end
function RESOLVE.terminate_prob_year(out, v, _, path, ctx)
  number_or_process(out, "terminate_prob_year", "terminate_process", v, path, ctx)
end
-- A fleet entry's lease as C reads it: lease_payment_month (0: owned), lease_end_hours.
function RESOLVE.lease_in(out, v, _, _, ctx)
  out.lease_payment_month, out.lease_end_hours = 0, 0
  if v == nil then return end
  out.lease_payment_month = v.payment_month
  out.lease_end_hours = (out.installed_hours or hours(ctx.root.start, ctx)) + v.term_months * 730.5
end
-- Common factors: each use resolves to the factor's process (resolve_process), so C
-- needs no table of them.
function RESOLVE.factors() end
function RESOLVE.terminal(out, v) out.terminal_book = v == "book" end
function RESOLVE.idle_kw(out, v) out.idle_kw = v or -1 end -- -1: as node_kw
-- A borrowing base as C reads it: advance_rate (0: none), bb_sku (0: all), bb_contracts
-- (tenant indices), amortize_hours.
function RESOLVE.borrowing_base(out, v, _, _, ctx)
  out.advance_rate, out.bb_sku, out.bb_contracts, out.amortize_hours = 0, 0, {}, 0
  if v == nil then return end
  out.advance_rate, out.amortize_hours = v.advance_rate, hours(v.amortize_from, ctx)
  out.bb_sku = v.sku and index_of(ctx, "skus")[v.sku] or 0
  for i, name in ipairs(v.contracts or {}) do out.bb_contracts[i] = index_of(ctx, "tenants")[name] end
end

-- Refinancing terms as C reads them: refi_term_months (0: none) and refi_spread (a process).
function RESOLVE.refinance(out, v, _, path, ctx)
  local stream = M.dotted(path) .. ".spread"
  out.refi_term_months = v and v.term_months or 0
  local spread = v and v.spread or 0
  out.refi_spread = type(spread) == "number" and constant_process(spread, stream) or resolve_process(spread, stream, ctx)
end

-- A debt's rate: base (a process) + spread; a fixed rate is a constant base.
function RESOLVE.rate(out, v, _, path, ctx)
  local stream = M.dotted(path) .. ".base"
  if type(v) == "number" then
    out.rate_base, out.spread = constant_process(v, stream), 0
  else
    local base = type(v.base) == "number" and constant_process(v.base, stream) or resolve_process(v.base, stream, ctx)
    out.rate_base, out.spread = base, v.spread
  end
end
function RESOLVE.present(out, v, node) out[node.key] = v ~= nil end
function RESOLVE.params(out, v) out.params = copy(v) end

-- One index per SKU (in SKU order), undefined ones as constant 0.
function RESOLVE.markets(out, m, _, _, ctx)
  out.markets = {}
  for i, name in ipairs(names_of(ctx.root.skus)) do
    local e, stream = m[name], "market." .. name .. ".price_gpu_hour"
    if e == nil then
      out.markets[i] = { defined = false, price_gpu_hour = constant_process(0, stream), obsolescence = 1 }
    else
      local price, obs = e, 1
      if not tag(e) then price, obs = e.price_gpu_hour, e.obsolescence end
      out.markets[i] = { defined = true, price_gpu_hour = resolve_process(price, stream, ctx), obsolescence = obs }
    end
  end
end

function RESOLVE.supplier(out, v, _, _, ctx)
  local sup = { lead_time_days = v.lead_time_days, node_price = {}, monthly_cap = {},
                deposit = v.pay_on == "order" and 1 or v.deposit }
  for i, name in ipairs(names_of(ctx.root.skus)) do
    local stream = "supplier.node_price." .. name
    sup.node_price[i] = resolve_process(v.node_price[name] or constant_process(ctx.root.skus[name].node_price),
      stream, ctx)
    sup.monthly_cap[i] = v.monthly_cap[name] or math.huge
  end
  out.supplier = sup
end

function RESOLVE.shocks(out, list, _, _, ctx)
  out.shocks = {}
  for i, sh in ipairs(list) do
    local ref = SHOCK_TARGET[sh.kind]
    local name = ref and sh[ref]
    out.shocks[i] = {
      name = sh.name or ("shocks[%d]"):format(i), kind = sh.kind,
      target = name and index_of(ctx, ref .. "s")[name] or 0,
      random = sh.at == nil, at_hours = sh.at and hours(sh.at, ctx) or -1,
      rate_per_year = sh.rate_per_year or 0, factor = sh.factor, days = sh.days,
    }
  end
end

-- After a record is resolved: fill what depends on other keys.
local POST = {}

-- A tenant carries every field C reads; those that do not apply to its kind are
-- neutral (its kind's defaults were filled in by CHECKS.tenant).
function POST.tenant(out, v, path)
  local stream = M.dotted(path)
  local neutral = {
    priority = 0, price_factor = 1, elasticity = 0, nodes = 0, start_hours = 0, term_months = 0,
    take_or_pay = false, usage = 1, renew_prob = 0, renew_factor = 1, default_prob_year = 0,
    terminate_prob_year = 0, notice_days = 0, prepay_fraction = 0, sla_credit = 0, value_gpu_hour = 0,
    value_process = constant_process(0, stream .. ".value_gpu_hour"),
    nodes_process = constant_process(0, stream .. ".nodes"),
    arrivals_per_hour = constant_process(0, stream .. ".arrivals_per_hour"),
    job_nodes = { dist = "constant", p = { 1 } }, job_hours = { dist = "constant", p = { 0 } },
  }
  for k, d in pairs(neutral) do
    if out[k] == nil then out[k] = d end
  end
  POST.contract_lines(out, v)
end

-- A contract's lines as C reads them: lines (sku, site, nodes, price_gpu_hour; a reserved
-- tenant given nodes has one line of them), nodes their sum, price_gpu_hour the first
-- line's unless given; none for other kinds.  An on_demand or spot tenant's skus (its
-- sku alone unless given).
function POST.contract_lines(out, v)
  out.skus = out.skus or ((out.kind == "on_demand" or out.kind == "spot") and { out.sku } or {})
  out.price_per_perf = out.price_per_perf or false
  if out.kind ~= "reserved" then
    out.lines = {}
  elseif out.lines == nil then
    out.lines = { { sku = out.sku, site = out.site, nodes = out.nodes, price_gpu_hour = out.price_gpu_hour } }
  else
    out.nodes = 0
    for _, l in ipairs(out.lines) do
      l.price_gpu_hour = l.price_gpu_hour or out.price_gpu_hour
      out.nodes = out.nodes + l.nodes
    end
    out.site = out.lines[1].site
    if v.price_gpu_hour == nil then out.price_gpu_hour = out.lines[1].price_gpu_hour end
  end
  for _, k in ipairs({ "ramp_months", "escalator", "recall_penalty_months" }) do out[k] = out[k] or 0 end
end

function POST.named(out, _, path)
  if out.name == nil then out.name = ("%s[%d]"):format(path[#path - 1], path[#path]) end
end

-- A covenant's bound as C reads it: limit (its min or max).
function POST.covenant(out)
  out.limit = out.min or out.max
  out.min, out.max = nil, nil
  out.step_up = out.step_up or 0
end

-- A tranche: named; its min_cash becomes the first of its covenants (tested daily).
function POST.debt(out, v, path)
  POST.named(out, v, path)
  if out.min_cash > -math.huge then
    table.insert(out.covenants, 1, { kind = "min_cash", limit = out.min_cash, test = "daily", cure_hours = 0,
      on_breach = "event", step_up = 0, keep_cash = 0 })
  end
  out.min_cash = nil
end

local function resolve_value(x, node, path, ctx)
  if x == nil then return node.absent end
  local ts = types(node)
  if type(x) == "table" then
    if tag(x) == "dist" then return copy(x) end
    if tag(x) == "process" then return resolve_process(x, M.dotted(path), ctx) end
    if ts.map or ts.list then
      local arr = {}
      for _, k in ipairs(M.sorted_keys(x)) do
        local r = resolve_record(x[k], node.of, append(path, k), ctx)
        if ts.map then r.name = k end
        arr[#arr + 1] = r
      end
      return arr
    end
    return resolve_record(x, node, path, ctx)
  end
  if ts.date and node.out then return hours(x, ctx) end
  if ts.name and node.ref then return index_of(ctx, node.ref)[x] end
  if type(x) == "number" and node.scale then return x * (node.scale + 0.0) end -- floats: no wrap-around
  return x
end

function resolve_record(v, node, path, ctx)
  local out = {}
  for _, f in ipairs(node.fields) do
    if f.resolve then
      RESOLVE[f.resolve](out, v[f.key], f, append(path, f.key), ctx)
    elseif f.type ~= "sweep" and f.type ~= "design" then
      out[f.out or f.key] = resolve_value(v[f.key], f, append(path, f.key), ctx)
    end
  end
  if node.post then POST[node.post](out, v, path, ctx) end
  return out
end

--- A value as text for params: numbers as numtext, constants as their number, other
--- distributions as name(p1,p2), tables as kind{k=v,...}.
local function render(v)
  if type(v) == "number" then return numtext(v) end
  if type(v) ~= "table" then return tostring(v) end
  if v.dist == "constant" then return numtext(v.p[1]) end
  if v.process == "constant" then return numtext(v.value) end
  if tag(v) == "dist" and v.p then
    local p = {}
    for i, x in ipairs(v.p) do p[i] = numtext(x) end
    return v.dist .. "(" .. table.concat(p, ",") .. ")"
  end
  local parts, n = {}, #v
  for i = 1, n do parts[i] = render(v[i]) end
  for _, k in ipairs(M.sorted_keys(v)) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) and k ~= "dist" and k ~= "process" then
      parts[#parts + 1] = tostring(k) .. "=" .. render(v[k])
    end
  end
  return (v.dist or v.process or "") .. "{" .. table.concat(parts, ",") .. "}"
end

-- Every scalar leaf of the normalised scenario v as { name, value, swept }.
local function params(v, node, path, swept, out)
  local ts = types(node)
  if type(v) == "table" and not tag(v) and (ts.record or ts.map or ts.list) then
    if ts.record then
      for _, f in ipairs(node.fields) do
        if v[f.key] ~= nil then params(v[f.key], f, append(path, f.key), swept, out) end
      end
    else
      for _, k in ipairs(M.sorted_keys(v)) do params(v[k], node.of, append(path, k), swept, out) end
    end
  elseif v ~= nil and type(v) ~= "function" then -- policies are code, not values
    local name = M.dotted(path)
    out[#out + 1] = { name = name, value = render(v), swept = swept[name] ~= nil }
  end
  return out
end

--- The resolved form (CONTRACT.md) of a normalised scenario; swept: set of dotted names.
function M.resolve(norm, swept)
  local ctx = { root = norm, start_days = core.days(norm.start), index = {} }
  local out = resolve_record(norm, S.root, {}, ctx)
  out.start_days = ctx.start_days
  out.params = params(norm, S.root, {}, swept or {}, {})
  -- a key inside a value (a process's parameter, market.h100.start) has its own row too,
  -- and the value it is part of counts as swept
  local have = {}
  for _, p in ipairs(out.params) do have[p.name] = p end
  for name, e in pairs(swept or {}) do
    if not have[name] then
      out.params[#out.params + 1] = { name = name, value = render(e.value), swept = true }
      local parent = name:match("^(.*)%.[^.]+$")
      if parent and have[parent] then have[parent].swept = true end
    end
  end
  table.sort(out.params, function(a, b) return a.name < b.name end)
  return out
end

-- The design as C stores it (CONTRACT.md): inputs in column order, the correlations
-- of every pair, target and achieved.
local function design_out(design, nsweep)
  if not design then return nil end
  local k, inputs, corr = #design.inputs, {}, {}
  for i, e in ipairs(design.inputs) do inputs[i] = { name = e.name, dist = render(e.dist) } end
  for a = 1, k do
    for b = a + 1, k do
      corr[#corr + 1] = { a = a, b = b, target = design.target and design.target[(a - 1) * k + b] or 0.0,
                          achieved = design.achieved[(a - 1) * k + b] }
    end
  end
  return { design = design.kind, samples = design.samples, rows = #design.rows, sweep_points = nsweep,
           inputs = inputs, correlations = corr, probabilities = design.probabilities }
end

-- Top level ---------------------------------------------------------------------

local function note_of(pt)
  local t = {}
  for _, e in ipairs(pt) do t[#t + 1] = e.name .. "=" .. render(e.value) end
  return table.concat(t, ", ")
end

local function run(scn, sets, check_only)
  if type(scn) ~= "table" then check_point(scn) end
  local base = copy(scn)
  base.sweep = nil
  local fixed, set_text, sweep = {}, {}, scn.sweep
  for _, s in ipairs(sets) do
    if s.path == "sweep" then -- --set sweep=none: the scenario without its sweep
      if tostring(s.value) ~= "none" then
        error(setmetatable({ set = s.path, msg = "only 'none' (the scenario without its sweep: one point)" }, Fail), 0)
      end
      sweep, set_text[#set_text + 1] = nil, "sweep=none"
      goto next
    end
    local keys, m = M.parse_path(s.path)
    local node
    if keys then node, m = M.lookup(base, keys) end
    if not node then error(setmetatable({ set = s.path, msg = m }, Fail), 0) end
    local value = M.parse_text(tostring(s.value), node)
    local ok, f = catch(walk, value, node, keys)
    if not ok then error(setmetatable({ set = s.path, msg = f.msg }, Fail), 0) end
    assign(base, keys, value)
    local name = M.dotted(keys)
    fixed[name], set_text[#set_text + 1] = s.path, s.path .. "=" .. tostring(s.value)
    ::next::
  end
  local points = sweep_points(sweep, base, fixed)
  local swept_names = {}
  for _, pt in ipairs(points) do for _, e in ipairs(pt) do swept_names[e.name] = true end end
  base.uncertain = nil
  local design = uncertain_design(scn.uncertain, base, fixed, swept_names)
  local nsweep = #points
  if design and not check_only then points = cross_design(points, design) end
  local base_ok, base_err = true, nil -- a point failing as the base does is not the sweep's fault
  if #points[1] > 0 then base_ok, base_err = catch(check_point, base) end
  local out = {}
  for i, pt in ipairs(points) do
    local t, swept = base, {}
    if #pt > 0 then
      t = copy(base)
      for _, e in ipairs(pt) do assign(t, e.keys, copy(e.value)); swept[e.name] = e end
    end
    local ok, norm = catch(check_point, t)
    if not ok then
      local f, name = norm, M.dotted(norm.path)
      if swept[name] then f.lpath = swept[name].lpath
      elseif fixed[name] then f.set = fixed[name] end
      local notes = {}
      local own = base_ok or base_err.msg ~= f.msg or M.dotted(base_err.path) ~= name
      if #pt > 0 and own then notes[#notes + 1] = ("%s %d: %s"):format(design and "point" or "sweep point", i - 1, note_of(pt)) end
      if #set_text > 0 and not f.set then notes[#notes + 1] = "with --set " .. table.concat(set_text, " --set ") end
      if #notes > 0 then f.msg = f.msg .. " (" .. table.concat(notes, "; ") .. ")" end
      error(f, 0)
    end
    out[i] = check_only or M.resolve(norm, swept)
  end
  if not check_only then out.design = design_out(design, nsweep) end
  return out
end

--- Resolve scenario scn with --set overrides sets ({ { path =, value = } }) into the
--- list of its sweep points (CONTRACT.md); with check_only, just check them all.
--- where = { file, line, map } places errors: raised as `FILE:LINE: PATH: MESSAGE` (or
--- `--set PATH: MESSAGE`), level 0.
function M.run(scn, sets, where, check_only)
  local ok, res = catch(run, scn, sets or {}, check_only)
  if ok then return res end
  if res.set then error(("--set %s: %s"):format(res.set, res.msg), 0) end
  local line = srcmap.line(where.map, res.lpath or res.path, where.line)
  local path = #res.path > 0 and srcmap.fmt(res.path) .. ": " or ""
  error(("%s%s: %s%s"):format(where.file, line and ":" .. line or "", path, res.msg), 0)
end

return M
