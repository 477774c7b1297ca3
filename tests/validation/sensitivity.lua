-- Sobol indices end to end (tests/validation/sensitivity.sh): the revenue of
-- a fleet fully leased to one reserved tenant is nodes x 8 GPUs x hours x
-- price, a product of two independent uncertain inputs, whose variance shares
-- follow by hand.  nodes takes 50, 75 or 100 (E 75, Var 1250/3), the price is
-- uniform on [1.5, 3.5] (E 2.5, Var 1/3); for Y = c X P:
--   V_X = E[P]^2 Var X = 2604.17, V_P = E[X]^2 Var P = 1875,
--   V_XP = Var X Var P = 138.89, V = 4618.06 (each times c^2):
--   S1(nodes) = 0.5639, S1(price) = 0.4060,
--   ST(nodes) = 1 - S1(price) = 0.5940, ST(price) = 1 - S1(nodes) = 0.4361.
-- No costs, no failures, no randomness: one replication per point.
local neo = require("neo")
return neo.scenario {
  name = "validation-sensitivity", start = "2026-01-01", horizon_days = 30, seed = 11, replications = 1,
  skus = { h100 = { gpus_per_node = 8, node_price = 0, node_kw = 1 } },
  sites = { dc = { power_mw = 10, pue = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 100 } },
  market = { h100 = 2 },
  tenants = {
    anchor = { kind = "reserved", nodes = 100, price_gpu_hour = 2.5, term_months = 12 },
  },
  uncertain = {
    design = "saltelli", samples = 512,
    inputs = {
      ["tenants.anchor.nodes"] = neo.dist.discrete { values = { 50, 75, 100 } },
      ["tenants.anchor.price_gpu_hour"] = neo.dist.uniform { lo = 1.5, hi = 3.5 },
    },
  },
}
