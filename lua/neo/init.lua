--[[
neo -- the library scenario authors `require("neo")`: neo.scenario (validation at once,
errors as FILE:LINE: PATH: MESSAGE), distributions (neo.dist), values over time
(neo.process), dates (neo.date), sweeps (neo.sweep), and neo._resolve for C
(lua/neo/CONTRACT.md).  Runs in the scenario sandbox: base library, string, table,
math, utf8, and neo.core from C.
]]

local core = require("neo.core")
local srcmap = require("neo.srcmap")
local V = require("neo.validate")

local neo = { dist = {}, process = {}, date = {}, sweep = {}, policies = require("neo.policies") }

-- Scenarios ---------------------------------------------------------------------

local WHERE = setmetatable({}, { __mode = "k" }) -- scenario table -> { file, line, map }

-- Where the scenario was written, from the position `error` gives at the call ("" when
-- the call was a tail call, "...tail" when the name is long) and core.chunkname.
local function locate(pos)
  local file, line = pos:match("^(.*):(%d+): $")
  local cname = type(core.chunkname) == "string" and core.chunkname:gsub("^[@=]", "") or nil
  if not file or file == "" then
    file, line = cname, nil
  elseif file:sub(1, 3) == "..." and cname and cname:sub(-(#file - 3)) == file:sub(4) then
    file = cname
  end
  local src = file and core.source and core.source("@" .. file)
  local map, root_line = srcmap.build(src, tonumber(line))
  return { file = file or "?", line = tonumber(line) or root_line, map = map }
end

--- Check a whole scenario table (every key, every sweep point) and return it, marked as
--- a scenario; its keys stay as written.  Errors: FILE:LINE: KEY.PATH: what is wrong.
function neo.scenario(t)
  if neo._policies_only then return t end -- run again by C for its policies: checked once
  local _, pos = pcall(error, "", 3) -- "chunk:line: " of our caller
  local where = locate(pos)
  V.run(t, {}, where, true)
  WHERE[t] = where
  return t
end

--- Was t made by neo.scenario?
function neo.is_scenario(t) return WHERE[t] ~= nil end

--- For C: the resolved sweep points of scenario scn with --set overrides sets
--- ({ { path =, value = "text" } }), see CONTRACT.md.  A table not made by neo.scenario
--- is checked here, its lines taken from the `return {` of core.chunkname's source.
function neo._resolve(scn, sets)
  return V.run(scn, sets or {}, (type(scn) == "table" and WHERE[scn]) or locate(""))
end

--- For C: nil when a policy's result is nil or a list of valid actions, else a message.
neo._check_actions = neo.policies.check_actions

-- Constructor arguments -----------------------------------------------------------

-- A constructor: build(t) raises plain messages; they are reported at the caller's
-- line, prefixed with the constructor's name.
local function constructor(name, build)
  return function(t)
    local ok, res = pcall(build, t)
    if not ok then error(name .. ": " .. tostring(res), 2) end
    return res
  end
end

local function raise(msg) error(msg, 0) end

-- The arguments in t by name: positional ones named by `positional`, named ones among
-- `named` (a list).  With `rest`, the list part (beyond `positional`) goes to a[rest].
local function args(t, positional, named, rest)
  if type(t) ~= "table" then raise("expects a table of parameters, got " .. type(t)) end
  local a, allowed = {}, {}
  for _, k in ipairs(positional) do allowed[#allowed + 1] = k end
  for _, k in ipairs(named or {}) do allowed[#allowed + 1] = k end
  local ok = {}
  for _, k in ipairs(allowed) do ok[k] = true end
  if rest then a[rest] = {} end
  for _, k in ipairs(V.sorted_keys(t)) do
    local key = k
    if math.type(k) == "integer" and k >= 1 then
      key = positional[k]
      if not key and rest then a[rest][k - #positional] = t[k] end
      if not key and not rest then raise(("too many parameters (takes %s)"):format(table.concat(positional, ", "))) end
    elseif not ok[k] then
      raise("unknown parameter '" .. tostring(k) .. "'" .. V.suggest(k, allowed))
    end
    if key then
      if a[key] ~= nil then raise(key .. " is given twice") end
      a[key] = t[k]
    end
  end
  return a
end

local function number(a, k)
  local x = a[k]
  if x == nil then raise(k .. " is required") end
  if type(x) ~= "number" then raise(k .. " must be a number, got " .. type(x)) end
  if x ~= x or x == math.huge or x == -math.huge then raise(k .. " must be a finite number, got " .. V.numtext(x)) end
  return x
end

local function one_of_forms(a, f1, f2)
  local g1, g2 = false, false
  for _, k in ipairs(f1) do g1 = g1 or a[k] ~= nil end
  for _, k in ipairs(f2) do g2 = g2 or a[k] ~= nil end
  if g1 and g2 then raise(("give %s or %s, not both"):format(table.concat(f1, ", "), table.concat(f2, ", "))) end
  return g2
end

-- Distributions ---------------------------------------------------------------------

local function dist(kind, p)
  local d, m = V.dist({ dist = kind, p = p })
  if not d then raise(m) end
  return d
end

local function simple(kind, names) -- a distribution given by its parameters in sim/core/dist.h order
  neo.dist[kind] = constructor("neo.dist." .. kind, function(t)
    local a, p = args(t, names), {}
    for i, k in ipairs(names) do p[i] = number(a, k) end
    return dist(kind, p)
  end)
end

simple("constant", { "value" })
simple("uniform", { "lo", "hi" })
simple("normal", { "mean", "sd" })
simple("beta", { "a", "b" })
simple("poisson", { "mean" })
simple("pareto", { "xm", "alpha" })
simple("weibull", { "shape", "scale" })
simple("triangular", { "lo", "mode", "hi" })

--- exponential{mean} or exponential{rate = r} (mean = 1/r).
neo.dist.exponential = constructor("neo.dist.exponential", function(t)
  local a = args(t, { "mean" }, { "rate" })
  if one_of_forms(a, { "mean" }, { "rate" }) then
    local r = number(a, "rate")
    if not (r > 0) then raise("rate must be > 0") end
    return dist("exponential", { 1 / r })
  end
  return dist("exponential", { number(a, "mean") })
end)

--- lognormal{mu, sigma} (of the log), or lognormal{mean = m, sd = s} of the values.
neo.dist.lognormal = constructor("neo.dist.lognormal", function(t)
  local a = args(t, { "mu", "sigma" }, { "mean", "sd" })
  if one_of_forms(a, { "mu", "sigma" }, { "mean", "sd" }) then
    local m, s = number(a, "mean"), number(a, "sd")
    if not (m > 0 and s > 0) then raise("mean and sd must be > 0") end
    local s2 = math.log(1 + (s / m) ^ 2)
    return dist("lognormal", { math.log(m) - s2 / 2, math.sqrt(s2) })
  end
  return dist("lognormal", { number(a, "mu"), number(a, "sigma") })
end)

--- gamma{shape, scale}, or gamma{mean = m, cv = c} (coefficient of variation).
neo.dist.gamma = constructor("neo.dist.gamma", function(t)
  local a = args(t, { "shape", "scale" }, { "mean", "cv" })
  if one_of_forms(a, { "shape", "scale" }, { "mean", "cv" }) then
    local m, c = number(a, "mean"), number(a, "cv")
    if not (m > 0 and c > 0) then raise("mean and cv must be > 0") end
    return dist("gamma", { 1 / (c * c), m * c * c })
  end
  return dist("gamma", { number(a, "shape"), number(a, "scale") })
end)

--- discrete{values = {...}, weights = {...}} (weights default to equal).
neo.dist.discrete = constructor("neo.dist.discrete", function(t)
  local a = args(t, {}, { "values", "weights" })
  local d, m = V.dist({ dist = "discrete", values = a.values, weights = a.weights })
  if not d then raise(m) end
  return d
end)

--- empirical{x1, x2, ...} (or samples = {...}): each sample equally likely.
neo.dist.empirical = constructor("neo.dist.empirical", function(t)
  local a = args(t, {}, { "samples" }, "list")
  local xs = a.samples
  if xs and #a.list > 0 then raise("give the samples as a list or as samples =, not both") end
  local d, m = V.dist({ dist = "discrete", values = xs or a.list })
  if not d then raise(m) end
  return d
end)

-- Processes ------------------------------------------------------------------------

local function process(p)
  local r, m = V.process(p)
  if not r then raise(m) end
  return r
end

for _, kind in ipairs({ "constant", "seasonal", "mean_reverting", "gbm", "regime" }) do
  local names = {}
  for i, a in ipairs(V.PROCESS[kind]) do names[i] = a.key end
  neo.process[kind] = constructor("neo.process." .. kind, function(t)
    local a = args(t, names)
    a.process = kind
    return process(a)
  end)
end

--- path{ {"2026-01-01", 5}, {"2027-01-01", 7}, interp = "linear" | "step" }
neo.process.path = constructor("neo.process.path", function(t)
  local a = args(t, {}, { "interp" }, "points")
  return process({ process = "path", points = a.points, interp = a.interp })
end)

--- step{at = date, before = x, after = y}: a path holding before, then after from `at` on.
neo.process.step = constructor("neo.process.step", function(t)
  local a = args(t, { "at", "before", "after" })
  for _, k in ipairs({ "at", "before", "after" }) do if a[k] == nil then raise(k .. " is required") end end
  return process({ process = "path", points = { { a.at, a.before }, { a.at, a.after } }, interp = "step" })
end)

--- product{p1, p2, ...}: the product of processes (numbers are constants).
neo.process.product = constructor("neo.process.product", function(t)
  local a = args(t, {}, {}, "factors")
  return process({ process = "product", factors = a.factors })
end)

--- factor(name [, levels]): the common factor `name` (scenario key factors), its value where
--- a process is accepted; levels (a regime's: { state = level, ... }) map its states.
function neo.factor(name, levels)
  if type(name) ~= "string" then error("neo.factor: the name must be a string, got " .. type(name), 2) end
  if levels ~= nil and type(levels) ~= "table" then
    error("neo.factor: levels must be a table of state = level, got " .. type(levels), 2)
  end
  local r, m = V.process({ process = "factor", name = name, levels = levels })
  if not r then error("neo.factor: " .. m, 2) end
  return r
end

-- Dates ----------------------------------------------------------------------------

local function days(s, level)
  local m = V.check_date(s)
  if m then error("neo.date: " .. m, level + 1) end
  return core.days(s)
end

--- Days since 1970-01-01 of an ISO date.
function neo.date.parse(s) return (days(s, 2)) end

--- The date n months after s (n may be negative); the day is clamped to the month's end.
function neo.date.add_months(s, n)
  days(s, 2)
  if math.type(n) ~= "integer" and not (type(n) == "number" and math.tointeger(n)) then
    error("neo.date.add_months: n must be an integer", 2)
  end
  local y, m, d = s:match("^(%d+)-(%d+)-(%d+)$")
  local idx = tonumber(y) * 12 + tonumber(m) - 1 + math.tointeger(n)
  local ny, nm = idx // 12, idx % 12 + 1
  local first = core.days(("%04d-%02d-01"):format(ny, nm))
  local last = core.days(("%04d-%02d-01"):format(nm == 12 and ny + 1 or ny, nm % 12 + 1)) - 1
  return core.date(math.min(first + tonumber(d) - 1, last))
end

--- Days from b to a (a - b).
function neo.date.diff_days(a, b) return days(a, 2) - days(b, 2) end

--- Hours from start to s: 24 * (days(s) - days(start)), as resolved scenarios use.
function neo.date.hours(s, start) return 24 * (days(s, 2) - days(start, 2)) end

-- Sweeps ---------------------------------------------------------------------------

--- grid{ ["key.path"] = { values... }, ... }: every combination (the same as a plain table).
function neo.sweep.grid(t)
  if type(t) ~= "table" then error("neo.sweep.grid: expects a table of key path -> list of values", 2) end
  return t
end

--- points{ { ["key.path"] = value, ... }, ... }: exactly these points.
function neo.sweep.points(list)
  if type(list) ~= "table" then error("neo.sweep.points: expects a list of points", 2) end
  return setmetatable(list, V.POINTS)
end

--- range(from, to, step): from, from + step, ... up to to (included when reached).
function neo.sweep.range(from, to, step)
  step = step or 1
  if type(from) ~= "number" or type(to) ~= "number" or type(step) ~= "number" then
    error("neo.sweep.range: from, to and step must be numbers", 2)
  end
  if step == 0 or step ~= step or (to - from) * step < 0 then
    error("neo.sweep.range: step must be non-zero and go from `from` towards `to`", 2)
  end
  local n, out = math.floor((to - from) / step + 1e-9), {}
  if n > 1e6 then error("neo.sweep.range: more than a million values", 2) end
  for i = 0, n do -- 12 significant digits drop the float noise of from + i * step
    local x = from + i * step
    out[i + 1] = math.type(x) == "integer" and x or tonumber(("%.12g"):format(x))
  end
  return out
end

return neo
