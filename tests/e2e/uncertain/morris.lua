-- morris.lua -- tests/e2e/uncertain.sh: a morris design, 4 trajectories of 3 inputs.
local neo = require("neo")
return require("base")("uncertain-morris", {
  design = "morris", samples = 4,
  inputs = {
    ["tenants.od.arrivals_per_hour"] = neo.dist.uniform { lo = 5, hi = 9 },
    ["fleet.1.nodes"] = neo.dist.triangular { lo = 8, mode = 10, hi = 12 },
    ["market.h100.start"] = neo.dist.lognormal { mu = 0.7, sigma = 0.3 },
  },
})
