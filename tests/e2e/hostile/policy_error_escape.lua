-- expect: ^policy procurement \(tests/e2e/hostile/policy_error_escape\.lua:9\): \\x1b\]0;pwned\\x07\\x1b\[2J\\x00after the NUL$
-- neosim: run
-- a policy's error with escapes and a NUL: stored and printed escaped, whole
local neo = require("neo")
return neo.scenario {
  name = "hostile-policy_error_escape", start = "2026-01-01", horizon_days = 30, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 2 } },
  policies = { review_every_days = 7, procurement = function(state) error("\27]0;pwned\7\27[2J\0after the NUL", 0) end },
}
