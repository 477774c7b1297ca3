-- expect: ^neosim: tests/e2e/hostile/name_escape\.lua:4: name: must be letters, digits, '_', '\.', '-', got '\\x1b\]0;pwned\\x07x'$
-- a scenario named with an escape sequence: refused, and the message shows it escaped
local neo = require("neo")
return neo.scenario { name = "\27]0;pwned\7x", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } } }
