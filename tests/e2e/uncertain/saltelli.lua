-- saltelli.lua -- tests/e2e/uncertain.sh: a saltelli design, 3 base samples of 3 inputs.
local neo = require("neo")
return require("base")("uncertain-saltelli", {
  design = "saltelli", samples = 3,
  inputs = {
    ["tenants.od.arrivals_per_hour"] = neo.dist.uniform { lo = 5, hi = 9 },
    ["fleet.1.nodes"] = neo.dist.triangular { lo = 8, mode = 10, hi = 12 },
    ["market.h100.start"] = neo.dist.lognormal { mu = 0.7, sigma = 0.3 },
  },
})
