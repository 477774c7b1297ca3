--[[
core_stub.lua -- a pure-Lua stand-in for the C module neo.core (lua/neo/CONTRACT.md),
for the Lua tests: days-from-civil arithmetic (H. Hinnant), the dist_check rules of
sim/core/dist.c, and a table of sources the tests fill (core.sources[chunkname] = text).
]]
local M = { sources = {}, chunkname = nil }

local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

function M.days(s)
  local y, m, d = tostring(s):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return nil, "not a date YYYY-MM-DD" end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if y < 1 or m < 1 or m > 12 or d < 1 then return nil, "not a real date" end
  local z = days_from_civil(y, m, d)
  local yy, mm, dd = civil_from_days(z)
  if yy ~= y or mm ~= m or dd ~= d then return nil, "not a real date" end
  return z
end

function M.date(z)
  return ("%04d-%02d-%02d"):format(civil_from_days(math.tointeger(z)))
end

function M.source(chunkname) return M.sources[chunkname] end

-- core.design: the Lua tests check the keys around a design, not its numbers (the C
-- tests do): every row of a stand-in design takes each input at the middle of its
-- parameters (a uniform's mid-point, a constant's value).
function M.design(kind, samples, dists)
  local per = kind == "saltelli" and #dists + 2 or kind == "morris" and #dists + 1 or 1
  local rows, achieved, probabilities = {}, {}, {}
  for r = 1, samples * per do
    local row = {}
    for j, d in ipairs(dists) do
      local p = d.p or d.values
      row[j] = #p >= 2 and (p[1] + p[#p]) / 2 or p[1]
      probabilities[#probabilities + 1] = 0.5
    end
    rows[r] = row
  end
  for i = 1, #dists * #dists do achieved[i] = (i - 1) % (#dists + 1) == 0 and 1.0 or 0.0 end
  return rows, achieved, probabilities
end

local function finite(x) return x == x and x ~= math.huge and x ~= -math.huge end

function M.dist_check(kind, a, b, c)
  if not (finite(a) and finite(b) and finite(c)) then return "parameters must be finite numbers" end
  local rules = {
    constant = function() end,
    uniform = function() return a <= b or "lo must be <= hi" end,
    exponential = function() return a > 0 or "mean must be > 0" end,
    normal = function() return b > 0 or "sd must be > 0" end,
    lognormal = function() return b > 0 or "sigma must be > 0" end,
    gamma = function() return a > 0 and b > 0 or "shape and scale must be > 0" end,
    beta = function() return a > 0 and b > 0 or "a and b must be > 0" end,
    poisson = function() return a >= 0 or "mean must be >= 0" end,
    pareto = function() return a > 0 and b > 0 or "xm and alpha must be > 0" end,
    weibull = function() return a > 0 and b > 0 or "shape and scale must be > 0" end,
    triangular = function() return a <= b and b <= c and a < c or "need lo <= mode <= hi, lo < hi" end,
  }
  if not rules[kind] then return "unknown distribution" end
  local r = rules[kind]()
  return r ~= true and r or nil
end

return M
