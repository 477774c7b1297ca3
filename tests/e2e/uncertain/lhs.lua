-- lhs.lua -- tests/e2e/uncertain.sh: a Latin hypercube of three inputs
-- (an integer key, a process's number, a rate), two of them rank-
-- correlated, crossed with a sweep of two prices.
local neo = require("neo")
return require("base")("uncertain-lhs", {
  design = "lhs", samples = 40,
  inputs = {
    ["tenants.od.arrivals_per_hour"] = neo.dist.uniform { lo = 5, hi = 9 },
    ["fleet.1.nodes"] = neo.dist.triangular { lo = 8, mode = 10, hi = 12 },
    ["market.h100.start"] = neo.dist.lognormal { mu = 0.7, sigma = 0.3 },
  },
  correlations = { { "tenants.od.arrivals_per_hour", "market.h100.start", 0.6 } },
}, { ["tenants.od.price_gpu_hour"] = { 2.0, 2.5 } })
