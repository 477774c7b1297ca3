--[[
schema.lua -- every scenario key, as data: the single source of truth for validation
(neo/validate.lua), the resolved form C reads (lua/neo/CONTRACT.md) and the generated
scenario reference.  Adding a key is adding an entry here (plus, for a new type or a
named check, a function in validate.lua).

A node (a key, or the element of a map or list) has:
  key          the key name (fields of a record)
  type         a type name of S.types, or a list of them: the value may be any one
               (told apart by the Lua type of the value: at most one per Lua type)
  doc          one line for the reference
  unit         unit of numbers ("$", "kW", "days", ...)
  example      Lua source of an example value
  required     true: must be given (else `default` applies)
  default      value when absent (tables are copied)
  min, max     inclusive bounds of numbers;  gt, lt  exclusive bounds
  inf          true: math.huge is allowed (otherwise numbers must be finite)
  pattern      Lua pattern a string must match (anchored), described by pattern_doc
  one_of       allowed strings (enum);  unsupported: known strings not accepted yet
  ref          name type: the root map whose entry this names ("skus")
  fields       record: the list of its key nodes
  of           map or list: the node of each element
  names, names_doc  map: pattern of entry names and its description
  min_entries  map or list: least number of entries
Cross-key constraints (checked once every key is valid):
  lt_key       number must be < the root key of that name
  not_after    date must not be after the root date key of that name
  default_key  default is the value of that root key
  default_single  name type: default is the only entry of `ref` when it has exactly one
  check        name of a check function in validate.lua (described in doc); on a record
               it runs once the record's keys are checked
Resolution (the form C reads, see CONTRACT.md):
  out          resolved key name (dates with `out` become hours since the start)
  scale        resolved value = value * scale
  absent       resolved value when absent and without default
  resolve      name of a special resolution in validate.lua
Numeric bounds also apply to a constant distribution or process and to the values of
a path process.
]]

local S = {}

S.types = {
  string = "text",
  number = "a number",
  integer = "an integer",
  boolean = "true or false",
  date = 'a date, "YYYY-MM-DD"',
  name = "the name of an entry of another map",
  enum = "one of a few strings",
  dist = "a distribution (neo.dist.*); a number x means neo.dist.constant{x}",
  process = "a value over time (neo.process.*); a number x means neo.process.constant{x}",
  record = "a table of the keys listed",
  map = "a table from names to entries",
  list = "a list of entries",
  sweep = "a grid (path -> list of values) or neo.sweep.points{...}",
}

local IDENT, IDENT_DOC = "[%a_][%w_]*", "letters, digits and _, not starting with a digit"

S.sku = {
  { key = "gpus_per_node", type = "integer", min = 1, default = 8, doc = "GPUs in one node", example = "8" },
  { key = "node_price", type = "number", unit = "$", min = 0, default = 0,
    doc = "purchase price of one node", example = "250000" },
  { key = "node_kw", type = "number", unit = "kW", gt = 0, required = true,
    doc = "all-in facility power of one node, before PUE", example = "10.2" },
  { key = "perf", type = "number", gt = 0, default = 1, doc = "relative throughput", example = "1.0" },
  { key = "mtbf_gpu_hours", type = "number", unit = "hours", gt = 0, inf = true, default = math.huge,
    doc = "mean hours between failures of one GPU (a node is down while any GPU is); math.huge: none",
    example = "50000" },
  { key = "repair_hours", type = "number", unit = "hours", min = 0, default = 24,
    doc = "time to repair a failed node", example = "48" },
  { key = "life_years", type = "number", unit = "years", gt = 0, default = 6,
    doc = "straight-line depreciation life", example = "5" },
  { key = "release", type = "date", out = "release_hours", absent = -math.huge,
    doc = "date the SKU ships (absent: long available)", example = '"2026-06-01"' },
  { key = "resale_fraction", type = "number", min = 0, max = 1, default = 0,
    doc = "fraction of the node price recovered at retirement", example = "0.1" },
}

S.site = {
  { key = "power_mw", type = "number", unit = "MW", gt = 0, required = true,
    doc = "power capacity; the initial fleet's nodes x node_kw x pue must fit", example = "50" },
  { key = "pue", type = "number", min = 1, default = 1.3, doc = "power usage effectiveness", example = "1.2" },
  { key = "power_price_mwh", type = { "number", "process" }, unit = "$/MWh", min = 0, default = 0,
    doc = "electricity price", example = "neo.process.seasonal { base = 60, amplitude = 0.2 }" },
  { key = "colo_kw_month", type = "number", unit = "$/kW-month", min = 0, default = 0,
    doc = "colocation fee per kW (node_kw x pue) per month", example = "150" },
  { key = "repair", type = "boolean", default = true,
    doc = "failed nodes are repaired (false: lost, e.g. an orbital site)", example = "false" },
}

S.fleet_entry = {
  { key = "site", type = "name", ref = "sites", required = true, doc = "site the nodes are in", example = '"dc1"' },
  { key = "sku", type = "name", ref = "skus", required = true, doc = "SKU of the nodes", example = '"h100"' },
  { key = "nodes", type = "integer", min = 0, required = true, doc = "number of nodes", example = "10" },
  { key = "installed", type = "date", default_key = "start", not_after = "start", out = "installed_hours",
    doc = "installation date (book value is depreciated from it); not after start", example = '"2025-06-01"' },
}

S.queue = {
  { key = "patience_hours", type = { "number", "dist" }, unit = "hours", gt = 0, inf = true, required = true,
    doc = "how long a job waits before leaving; math.huge: forever", example = "math.huge" },
}

S.tenant = {
  { key = "kind", type = "enum", one_of = { "on_demand" }, unsupported = { "reserved", "spot", "internal" },
    required = true, doc = "kind of tenant", example = '"on_demand"' },
  { key = "sku", type = "name", ref = "skus", default_single = true,
    doc = "SKU the tenant rents (default: the only SKU when there is one)", example = '"h100"' },
  { key = "arrivals_per_hour", type = { "number", "process" }, unit = "jobs/hour", gt = 0, required = true,
    doc = "job arrival rate (Poisson; a process makes it vary over time)", example = "7.0" },
  { key = "job_nodes", type = { "integer", "dist" }, unit = "nodes", min = 1, default = 1,
    doc = "nodes per job (a distribution is rounded to an integer >= 1)", example = "1" },
  { key = "job_hours", type = { "number", "dist" }, unit = "hours", gt = 0, required = true,
    doc = "job duration", example = "neo.dist.exponential { mean = 1.0 }" },
  { key = "queue", type = { "enum", "record" }, one_of = { "reject" }, fields = S.queue, default = "reject",
    resolve = "queue",
    doc = '"reject" (a job finding no free nodes is lost) or { patience_hours = ... } (it waits)',
    example = "{ patience_hours = math.huge }" },
  { key = "price_gpu_hour", type = "number", unit = "$/GPU-hour", min = 0, required = true,
    doc = "price paid per GPU-hour", example = "2.0" },
}

S.finance = {
  { key = "cash", type = "number", unit = "$", default = 0, doc = "cash at the start", example = "5e8" },
  { key = "discount_rate", type = "number", unit = "per year", min = 0, default = 0.10,
    doc = "discount rate for the NPV", example = "0.12" },
  { key = "staff_month", type = "number", unit = "$/month", min = 0, default = 0,
    doc = "staff cost", example = "400000" },
}

S.root = {
  type = "record",
  fields = {
    { key = "name", type = "string", required = true, pattern = "[%w_.%-]+",
      pattern_doc = "letters, digits, '_', '.', '-'", doc = "scenario name, stored with every run",
      example = '"erlang-b-check"' },
    { key = "description", type = "string", default = "", doc = "what the scenario asks",
      example = '"Blocking of on-demand jobs vs Erlang B"' },
    { key = "start", type = "date", required = true, doc = "first day simulated", example = '"2026-01-01"' },
    { key = "horizon_days", type = "number", unit = "days", gt = 0, required = true, out = "horizon_hours",
      scale = 24, doc = "length of the simulation", example = "3650" },
    { key = "warmup_days", type = "number", unit = "days", min = 0, default = 0, lt_key = "horizon_days",
      out = "warmup_hours", scale = 24, doc = "statistics start after this (< horizon_days)", example = "30" },
    { key = "seed", type = "integer", min = 0, default = 1, doc = "base random seed", example = "42" },
    { key = "replications", type = "integer", min = 1, default = 1,
      doc = "independent runs per sweep point", example = "20" },
    { key = "skus", type = "map", of = { type = "record", fields = S.sku }, names = IDENT, names_doc = IDENT_DOC,
      min_entries = 1, required = true, doc = "GPU node types by name",
      example = "{ h100 = { node_kw = 10.2, node_price = 250000 } }" },
    { key = "sites", type = "map", of = { type = "record", fields = S.site }, names = IDENT,
      names_doc = IDENT_DOC, min_entries = 1, required = true, doc = "data centers by name",
      example = "{ dc1 = { power_mw = 50, pue = 1.2 } }" },
    { key = "fleet", type = "list", of = { type = "record", fields = S.fleet_entry, check = "site_power" },
      required = true, doc = "nodes installed at the start (may be empty); per site, the sum of "
        .. "nodes x node_kw x pue must not exceed power_mw", example = '{ { site = "dc1", sku = "h100", nodes = 10 } }' },
    { key = "tenants", type = "map", of = { type = "record", fields = S.tenant }, names = IDENT,
      names_doc = IDENT_DOC, default = {}, doc = "customers by name",
      example = '{ od = { kind = "on_demand", arrivals_per_hour = 7, job_hours = 1, price_gpu_hour = 2 } }' },
    { key = "finance", type = "record", fields = S.finance, default = {}, doc = "money", example = "{ cash = 1e9 }" },
    { key = "sweep", type = "sweep",
      doc = "parameter sweep: key path -> list of values (grid, last path varying fastest), "
        .. "or neo.sweep.points{...}",
      example = '{ ["tenants.od.arrivals_per_hour"] = { 5, 7, 9 } }' },
  },
}

return S
