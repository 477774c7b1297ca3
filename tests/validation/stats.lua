-- tests/validation/stats.lua -- analytic queueing values and confidence
-- intervals for the validation tests.
--   lua5.4 stats.lua erlang_b C A          blocking probability B(c, a)
--   lua5.4 stats.lua erlang_c_wq C LAMBDA MU   mean wait in queue of M/M/c
--   lua5.4 stats.lua inside TARGET LABEL < values
--       reads one number per line (one per replication), prints the mean,
--       the 95% Student-t half-width and the target; exit 0 when the target
--       lies inside mean +- half-width, 1 when not.

local function erlang_b(c, a)
  local b = 1.0
  for k = 1, c do b = a * b / (k + a * b) end
  return b
end

local function erlang_c_wq(c, lambda, mu)
  local a = lambda / mu
  local b = erlang_b(c, a)
  local pw = c * b / (c - a * (1 - b)) -- probability of waiting, Erlang C
  return pw / (c * mu - lambda)
end

-- t quantile 0.975 for df degrees of freedom (table; 1.96 beyond 120)
local T975 = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074,
  2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042 }
local function t975(df)
  if df <= 30 then return T975[df] end
  if df <= 40 then return 2.021 elseif df <= 60 then return 2.000 elseif df <= 120 then return 1.980 end
  return 1.960
end

local function inside(target, label)
  local xs = {}
  for line in io.lines() do
    local x = tonumber(line)
    if x then xs[#xs + 1] = x end
  end
  local n = #xs
  if n < 2 then
    print(string.format("%s: only %d values", label, n))
    return false
  end
  local s = 0
  for _, x in ipairs(xs) do s = s + x end
  local mean, ss = s / n, 0
  for _, x in ipairs(xs) do ss = ss + (x - mean) ^ 2 end
  local hw = t975(n - 1) * math.sqrt(ss / (n - 1) / n)
  local ok = math.abs(mean - target) <= hw
  print(string.format("%-40s n=%d mean=%.6g +- %.3g (95%% CI) analytic=%.6g %s", label, n, mean, hw,
    target, ok and "inside" or "OUTSIDE"))
  return ok
end

local cmd = arg[1]
if cmd == "erlang_b" then
  print(string.format("%.12g", erlang_b(tonumber(arg[2]), tonumber(arg[3]))))
elseif cmd == "erlang_c_wq" then
  print(string.format("%.12g", erlang_c_wq(tonumber(arg[2]), tonumber(arg[3]), tonumber(arg[4]))))
elseif cmd == "inside" then
  os.exit(inside(tonumber(arg[2]), arg[3] or "") and 0 or 1)
else
  io.stderr:write("usage: stats.lua erlang_b C A | erlang_c_wq C LAMBDA MU | inside TARGET LABEL\n")
  os.exit(2)
end
