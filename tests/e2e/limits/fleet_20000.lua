-- A fleet list of 20,000 entries, built in a loop: validation is linear in its
-- length (each entry's site-power check once, not a sum over the entries before it).
local fleet = {}
for i = 1, 20000 do fleet[i] = { site = "dc1", sku = "h100", nodes = 1 } end
return {
  name = "fleet-20000", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = fleet,
}
