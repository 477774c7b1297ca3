-- expect: done
-- neosim: run
-- no Lua at all: a mean-reverting power price with 1e13 jumps a year (2.7e10 a daily step)
-- drew each jump in a loop for ever; more than 1000 in a step are drawn as their sum
local neo = require("neo")
return {
  name = "jumps-flood", start = "2026-01-01", horizon_days = 365, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2,
                    power_price_mwh = neo.process.mean_reverting { start = 60, mean = 60, speed = 1, vol = 0.1,
                                                                   jump_rate = 1e13, jump_mean = 0, jump_sd = 1e-7 } } },
  fleet = { { site = "dc1", sku = "h100", nodes = 10 } },
}
