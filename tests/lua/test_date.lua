-- test_date.lua -- neo.date.
local T = require("testlib")
local neo = require("neo")

T.test("parse, add_months (clamped), diff_days, hours", function()
  T.eq(neo.date.parse("1970-01-01"), 0)
  T.eq(neo.date.parse("2026-01-01"), 20454)
  T.eq(neo.date.add_months("2026-01-31", 1), "2026-02-28")
  T.eq(neo.date.add_months("2024-01-31", 1), "2024-02-29")
  T.eq(neo.date.add_months("2026-03-15", -15), "2024-12-15")
  T.eq(neo.date.add_months("2026-12-01", 1), "2027-01-01")
  T.eq(neo.date.add_months("2026-05-31", 0), "2026-05-31")
  T.eq(neo.date.diff_days("2027-01-01", "2026-01-01"), 365)
  T.eq(neo.date.diff_days("2024-02-28", "2024-03-01"), -2)
  T.eq(neo.date.hours("2026-01-02", "2026-01-01"), 24)
end)

T.test("bad dates raise", function()
  T.raises_msg("neo.date: '2026-02-29' is not a real date", neo.date.parse, "2026-02-29")
  T.raises_msg("neo.date: must be a date YYYY-MM-DD, got '26-1-1'", neo.date.parse, "26-1-1")
  T.raises_msg('neo.date: must be a date "YYYY-MM-DD", got number', neo.date.parse, 5)
  T.raises_msg("neo.date.add_months: n must be an integer", neo.date.add_months, "2026-01-01", 1.5)
end)

T.test("date errors point at the scenario line", function()
  T.expect_error('local neo = require("neo")\n\nlocal h = neo.date.hours("2026-13-01", "2026-01-01")\nreturn h',
    "3: neo.date: '2026-13-01' is not a real date")
end)
