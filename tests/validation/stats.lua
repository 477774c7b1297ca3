-- tests/validation/stats.lua -- analytic queueing values and confidence
-- intervals for the validation tests.
--   lua5.4 stats.lua erlang_b C A          blocking probability B(c, a)
--   lua5.4 stats.lua erlang_c_wq C LAMBDA MU   mean wait in queue of M/M/c
--   lua5.4 stats.lua machine_repair_wq N LAMBDA MU C
--       mean wait for a crew of the finite-source repair queue M/M/c//N: N
--       machines failing at LAMBDA each while up, C crews repairing at MU
--       (Erlang C is its limit as N grows with N x LAMBDA fixed)
--   lua5.4 stats.lua ordered_loss C1 MU1 C2 MU2 LAMBDA
--       a loss system of two pools hunted in order (C1 servers at rate MU1
--       first, then C2 at MU2), Poisson arrivals at LAMBDA: its CTMC solved
--       by uniformisation; prints the blocking probability and the mean
--       busy servers of each pool
--   lua5.4 stats.lua inside TARGET LABEL < values
--       reads one number per line (one per replication), prints the mean,
--       the 95% Student-t half-width and the target; exit 0 when the target
--       lies inside mean +- half-width, 1 when not.
--   lua5.4 stats.lua corr < pairs
--       reads "x y" pairs and prints n, Pearson's r and its 95% interval
--       (Fisher's z).
--   lua5.4 stats.lua paired < pairs
--       reads "baseline point" value pairs (one replication per line) and
--       prints n, the mean of point - baseline, its 95% half-width, and the
--       half-width of the same difference from independent samples.

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

-- The machine-repair model's stationary law: p(n down) is proportional to
-- p(n - 1) (N - n + 1) r / min(n, c), r = lambda / mu; the mean wait is
-- Lq over the failure rate lambda E[N - n] (Little's law).
local function machine_repair_wq(N, lambda, mu, c)
  local r, p, sum = lambda / mu, { [0] = 1 }, 1
  for n = 1, N do
    p[n] = p[n - 1] * (N - n + 1) * r / math.min(n, c)
    sum = sum + p[n]
  end
  local lq, up = 0, 0
  for n = 0, N do
    if n > c then lq = lq + (n - c) * p[n] / sum end
    up = up + (N - n) * p[n] / sum
  end
  return lq / (lambda * up)
end

-- The ordered-hunting loss system's stationary law: states (i, j) busy in
-- pool 1 and 2; an arrival takes pool 1 while i < c1, else pool 2 while
-- j < c2, else is lost (PASTA: blocking = P(i = c1, j = c2)).  Power
-- iteration of the uniformised chain to a change below 1e-15.
local function ordered_loss(c1, mu1, c2, mu2, lambda)
  local u = lambda + c1 * mu1 + c2 * mu2
  local function id(i, j) return i * (c2 + 1) + j + 1 end
  local p = {}
  for k = 1, (c1 + 1) * (c2 + 1) do p[k] = 0 end
  p[1] = 1
  for _ = 1, 1000000 do
    local q, diff = {}, 0
    for k = 1, #p do q[k] = 0 end
    for i = 0, c1 do
      for j = 0, c2 do
        local x, stay = p[id(i, j)], u
        if i < c1 then q[id(i + 1, j)] = q[id(i + 1, j)] + x * lambda / u; stay = stay - lambda
        elseif j < c2 then q[id(i, j + 1)] = q[id(i, j + 1)] + x * lambda / u; stay = stay - lambda end
        if i > 0 then q[id(i - 1, j)] = q[id(i - 1, j)] + x * i * mu1 / u; stay = stay - i * mu1 end
        if j > 0 then q[id(i, j - 1)] = q[id(i, j - 1)] + x * j * mu2 / u; stay = stay - j * mu2 end
        q[id(i, j)] = q[id(i, j)] + x * stay / u
      end
    end
    for k = 1, #p do diff = math.max(diff, math.abs(q[k] - p[k])) end
    p = q
    if diff < 1e-15 then break end
  end
  local b1, b2 = 0, 0
  for i = 0, c1 do for j = 0, c2 do b1, b2 = b1 + i * p[id(i, j)], b2 + j * p[id(i, j)] end end
  return p[id(c1, c2)], b1, b2
end

-- t quantile 0.975 for df degrees of freedom (table as results/schema.sql's
-- student_t; the next smaller tabled df beyond 30, conservative)
local T975 = { 12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
  2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816,
  2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529,
  2.051831, 2.048407, 2.045230, 2.042272 }
local function t975(df)
  if df <= 30 then return T975[df] end
  if df < 40 then return 2.042272 elseif df < 50 then return 2.021075 elseif df < 60 then return 2.008559
  elseif df < 80 then return 2.000298 elseif df < 100 then return 1.990063 elseif df < 120 then return 1.983972
  elseif df < 200 then return 1.979930 elseif df < 500 then return 1.971896 elseif df < 1000 then return 1.964720 end
  return 1.962339
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

local function mean_var(xs)
  local n, s, ss = #xs, 0, 0
  for _, x in ipairs(xs) do s = s + x end
  local mean = s / n
  for _, x in ipairs(xs) do ss = ss + (x - mean) ^ 2 end
  return mean, ss / (n - 1)
end

local function paired()
  local b, p, d = {}, {}, {}
  for line in io.lines() do
    local x, y = line:match("^(%S+)%s+(%S+)$")
    if x then b[#b + 1], p[#p + 1], d[#d + 1] = tonumber(x), tonumber(y), tonumber(y) - tonumber(x) end
  end
  local n = #d
  local md, vd = mean_var(d)
  local _, vb = mean_var(b)
  local _, vp = mean_var(p)
  print(string.format("%d %.17g %.17g %.17g", n, md, t975(n - 1) * math.sqrt(vd / n), t975(n - 1) * math.sqrt((vb + vp) / n)))
end

-- Pearson correlation of "x y" pairs and its 95% interval by Fisher's z
-- (atanh r +- 1.96 / sqrt(n - 3)).
local function corr()
  local xs, ys = {}, {}
  for line in io.lines() do
    local x, y = line:match("^(%S+)%s+(%S+)$")
    if x then xs[#xs + 1], ys[#ys + 1] = tonumber(x), tonumber(y) end
  end
  local n = #xs
  local mx, vx = mean_var(xs)
  local my, vy = mean_var(ys)
  local sxy = 0
  for i = 1, n do sxy = sxy + (xs[i] - mx) * (ys[i] - my) end
  local r = sxy / (n - 1) / math.sqrt(vx * vy)
  local z, h = 0.5 * math.log((1 + r) / (1 - r)), 1.959964 / math.sqrt(n - 3)
  local function tanh(u) return (math.exp(2 * u) - 1) / (math.exp(2 * u) + 1) end
  print(string.format("%d %.6f %.6f %.6f", n, r, tanh(z - h), tanh(z + h)))
end

local cmd = arg[1]
if cmd == "erlang_b" then
  print(string.format("%.12g", erlang_b(tonumber(arg[2]), tonumber(arg[3]))))
elseif cmd == "erlang_c_wq" then
  print(string.format("%.12g", erlang_c_wq(tonumber(arg[2]), tonumber(arg[3]), tonumber(arg[4]))))
elseif cmd == "machine_repair_wq" then
  print(string.format("%.12g", machine_repair_wq(tonumber(arg[2]), tonumber(arg[3]), tonumber(arg[4]),
    tonumber(arg[5]))))
elseif cmd == "ordered_loss" then
  local a = {}
  for k = 2, 6 do a[#a + 1] = tonumber(arg[k]) end
  print(string.format("%.12g %.12g %.12g", ordered_loss(table.unpack(a))))
elseif cmd == "paired" then
  paired()
elseif cmd == "corr" then
  corr()
elseif cmd == "inside" then
  os.exit(inside(tonumber(arg[2]), arg[3] or "") and 0 or 1)
else
  io.stderr:write("usage: stats.lua erlang_b C A | erlang_c_wq C LAMBDA MU | machine_repair_wq N LAMBDA MU C | ordered_loss C1 MU1 C2 MU2 LAMBDA | inside TARGET LABEL | paired | corr\n")
  os.exit(2)
end
