-- A procurement policy that orders one node at each call: the orders count the calls.
return {
  name = "review", start = "2026-01-01", horizon_days = 30,
  skus = { h100 = { gpus_per_node = 8, node_price = 1, node_kw = 1 } },
  sites = { dc1 = { power_mw = 50, pue = 1.2 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 1 } },
  tenants = {
    od = { kind = "on_demand", arrivals_per_hour = 1, job_hours = 1, price_gpu_hour = 2 },
  },
  policies = {
    review_every_days = 10,
    procurement = function(state) return { { order = "h100", site = "dc1", nodes = 1 } } end,
  },
}
