-- test_process.lua -- neo.process constructors and their resolved form (hours since start).
local T = require("testlib")
local neo = require("neo")
local P = neo.process

T.test("constructors: defaults filled, user units kept until resolution", function()
  T.eq(P.constant { 5 }, { process = "constant", value = 5 })
  T.eq(P.path { { "2026-01-01", 5 }, { "2027-01-01", 7 } },
    { process = "path", points = { { "2026-01-01", 5 }, { "2027-01-01", 7 } }, interp = "linear" })
  T.eq(P.step { at = "2026-07-01", before = 1, after = 2 },
    { process = "path", points = { { "2026-07-01", 1 }, { "2026-07-01", 2 } }, interp = "step" })
  T.eq(P.seasonal { base = 60, amplitude = 0.2 },
    { process = "seasonal", base = 60, amplitude = 0.2, period_days = 365.25, trend = 0 })
  T.eq(P.mean_reverting { start = 50, mean = 60, speed = 2, vol = 0.3 },
    { process = "mean_reverting", start = 50, mean = 60, speed = 2, vol = 0.3, jump_rate = 0, jump_mean = 0,
      jump_sd = 0, step_days = 1 })
  T.eq(P.gbm { start = 8, drift = -0.3, vol = 0.2, step_days = 7 },
    { process = "gbm", start = 8, drift = -0.3, vol = 0.2, step_days = 7 })
  T.eq(P.regime { base = 10, states = { { name = "boom", level = 1.5, mean_days = 200 },
                                       { name = "bust", level = 0.5, mean_days = 100 } }, initial = "bust" },
    { process = "regime", base = 10, initial = "bust",
      states = { { name = "boom", level = 1.5, mean_days = 200 }, { name = "bust", level = 0.5, mean_days = 100 } } })
  T.eq(P.product { P.constant { 2 }, 3 }.factors,
    { { process = "constant", value = 2 }, { process = "constant", value = 3 } })
end)

T.test("resolved: dates to hours since the start, days to hours, streams, regime indices", function()
  -- the power price of a minimal scenario starting 2026-01-01, resolved
  local function res(p)
    local t = { name = "p", start = "2026-01-01", horizon_days = 100, fleet = {},
                skus = { h = { node_kw = 1 } }, sites = { s = { power_mw = 1, power_price_mwh = p } } }
    return neo._resolve(t, {})[1].sites[1].power_price_mwh
  end
  T.eq(res(P.path { { "2025-12-31", 5 }, { "2026-01-02", 7 }, interp = "step" }),
    { process = "path", stream = "sites.s.power_price_mwh", t_hours = { -24, 24 }, values = { 5, 7 }, interp = "step" })
  T.eq(res(P.seasonal { base = 60, amplitude = 0.2, period_days = 10, peak = "2026-01-03", trend = 0.1 }),
    { process = "seasonal", stream = "sites.s.power_price_mwh", base = 60, amplitude = 0.2, period_hours = 240,
      peak_hours = 48, trend = 0.1 })
  T.eq(res(P.seasonal { base = 60, amplitude = 0.2 }).peak_hours, 0)
  T.eq(res(P.mean_reverting { start = 50, mean = 60, speed = 2, vol = 0.3, jump_rate = 1, jump_mean = 0.1,
                              jump_sd = 0.05, step_days = 0.5 }),
    { process = "mean_reverting", stream = "sites.s.power_price_mwh", start = 50, mean = 60, speed = 2, vol = 0.3,
      jump_rate = 1, jump_mean = 0.1, jump_sd = 0.05, step_hours = 12 })
  T.eq(res(P.gbm { start = 8, drift = 0, vol = 0.2 }),
    { process = "gbm", stream = "sites.s.power_price_mwh", start = 8, drift = 0, vol = 0.2, step_hours = 24 })
  T.eq(res(P.regime { states = { { name = "a", level = 1, mean_days = 2 }, { name = "b", level = 3, mean_days = 4 } },
                      initial = "b" }),
    { process = "regime", stream = "sites.s.power_price_mwh", base = 1, levels = { 1, 3 }, mean_hours = { 48, 96 },
      names = { "a", "b" }, initial = 2 })
  T.eq(res(P.product { 2, P.gbm { start = 1, drift = 0, vol = 0.1 } }),
    { process = "product", stream = "sites.s.power_price_mwh", factors = {
      { process = "constant", stream = "sites.s.power_price_mwh.1", value = 2 },
      { process = "gbm", stream = "sites.s.power_price_mwh.2", start = 1, drift = 0, vol = 0.1, step_hours = 24 } } })
  T.eq(res(70), { process = "constant", stream = "sites.s.power_price_mwh", value = 70 })
end)

T.test("errors name the constructor and the broken argument", function()
  T.raises_msg("neo.process.seasonal: amplitude must be <= 1, got 2", P.seasonal, { base = 1, amplitude = 2 })
  T.raises_msg("neo.process.seasonal: peak must be a date YYYY-MM-DD, got '2026-7-1'", P.seasonal,
    { base = 1, amplitude = 0.1, peak = "2026-7-1" })
  T.raises_msg("neo.process.seasonal: unknown parameter 'period' (did you mean period_days?)", P.seasonal,
    { base = 1, amplitude = 0.1, period = 3 })
  T.raises_msg("neo.process.gbm: vol is required", P.gbm, { start = 1, drift = 0 })
  T.raises_msg("neo.process.gbm: start must be > 0, got 0", P.gbm, { start = 0, drift = 0, vol = 1 })
  T.raises_msg("neo.process.path: points must be a non-empty list", P.path, {})
  T.raises_msg("neo.process.path: points[2]: date '2026-02-30' is not a real date", P.path,
    { { "2026-01-01", 1 }, { "2026-02-30", 2 } })
  T.raises_msg("neo.process.path: points must be in date order: 2026-01-01 comes after 2027-01-01", P.path,
    { { "2027-01-01", 1 }, { "2026-01-01", 2 } })
  T.raises_msg("neo.process.path: points[1] must be { DATE, VALUE }", P.path, { { "2026-01-01" } })
  T.raises_msg('neo.process.path: interp must be one of "linear", "step", got \'cubic\'', P.path,
    { { "2026-01-01", 1 }, interp = "cubic" })
  T.raises_msg("neo.process.step: after is required", P.step, { at = "2026-01-01", before = 1 })
  T.raises_msg("neo.process.regime: initial 'x' is not a state", P.regime,
    { states = { { name = "a", level = 1, mean_days = 1 } }, initial = "x" })
  T.raises_msg("neo.process.regime: states[2]: name 'a' used twice", P.regime,
    { states = { { name = "a", level = 1, mean_days = 1 }, { name = "a", level = 2, mean_days = 1 } } })
  T.raises_msg("neo.process.regime: states[1].mean_days must be > 0, got 0", P.regime,
    { states = { { name = "a", level = 1, mean_days = 0 } } })
  T.raises_msg("neo.process.product: factor 1: unknown process kind 'gbn' (did you mean gbm?)", P.product,
    { { process = "gbn" } })
  T.raises_msg("neo.process.product: needs at least one factor", P.product, {})
  T.raises_msg("neo.process.mean_reverting: jump_sd must be >= 0, got -1", P.mean_reverting,
    { start = 1, mean = 1, speed = 1, vol = 1, jump_sd = -1 })
end)
