--[[
schema.lua -- every scenario key, as data: the single source of truth for validation
(neo/validate.lua), the resolved form C reads (lua/neo/CONTRACT.md) and the generated
scenario reference.  Adding a key is adding an entry here (plus, for a new type or a
named check, a function in validate.lua).

A node (a key, or the element of a map or list) has:
  key          the key name (fields of a record)
  type         a type name of S.types, or a list of them: the value may be any one
               (told apart by the Lua type of the value: at most one per Lua type)
  doc          one line for the reference (every node, the elements of maps and lists too);
               a doc ending in "[text]" gives the default in words where the data has none
  unit         unit of the numbers a key takes ("$", "kW", "days", "nodes", ...): every node
               whose type admits a number (number, integer, dist, process, steps) has one;
               "1" marks a unit-less number (a ratio, factor, probability, index or seed)
  example      Lua source of an example value (every key; tests/lua/test_reference.lua
               checks that each parses and validates in a scenario)
  required     true: must be given (else `default` applies)
  default      value when absent (tables are copied)
  min, max     inclusive bounds of numbers;  gt, lt  exclusive bounds
  inf          true: math.huge is allowed (otherwise numbers must be finite)
  unbounded    true: finite numbers of any size (otherwise at most 10^15 in magnitude on
               each side the node does not bound itself, validate.lua's MAX_MAGNITUDE)
  pattern      Lua pattern a string must match (anchored), described by pattern_doc
  one_of       allowed strings (enum);  unsupported: known strings not accepted yet
  ref          name type: the root map whose entry this names ("skus")
  fields       record: the list of its key nodes
  of           map or list: the node of each element
  names, names_doc  map: pattern of entry names and its description
  names_label  map: how the reference writes an entry's name ("sku": skus.<sku>; else <name>)
  min_entries  map or list: least number of entries
Cross-key constraints (checked once every key is valid):
  lt_key       number must be < the root key of that name
  not_after    date must not be after the root date key of that name
  default_key  default is the value of that root key
  after        steps: each date must be after the root date key of that name
  default_single  name type: default is the only entry of `ref` when it has exactly one
  check        name of a check function in validate.lua (described in doc); on a record
               it runs once the record's keys are checked
  precheck     record: name of a check function run before its keys' cross-key checks
Resolution (the form C reads, see CONTRACT.md):
  out          resolved key name (dates with `out` become hours since the start)
  scale        resolved value = value * scale
  absent       resolved value when absent and without default
  resolve      name of a special resolution in validate.lua
  post         record: name of a step of validate.lua's POST run once it is resolved
Numeric bounds also apply to a constant distribution or process and to the values of
a path process.

S.dists and S.processes document the library's constructors (neo.dist.*, neo.process.*)
for the reference; docs/scenario-reference.md is generated from this file by `make docs`
(neo/refdoc.lua).
]]

local S = {}

S.types = {
  string = "text",
  number = "a finite number, at most 10^15 in magnitude unless its bounds say otherwise (math.huge only where allowed)",
  integer = "an integer, at most 10^15 in magnitude unless its bounds say otherwise",
  seed = "an integer from 0 to 2^64-1; above 2^63-1 (beyond Lua's integers) the string of its decimal digits",
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
  design = "{ design, samples, inputs, correlations }: a design of uncertain inputs",
  steps = "a list of { date, value } pairs",
  ["function"] = "a Lua function",
}

local IDENT, IDENT_DOC = "[%a_][%w_]*", "letters, digits and _, not starting with a digit"

S.sku = {
  { key = "gpus_per_node", type = "integer", unit = "GPUs", min = 1, max = 1e6, default = 8, doc = "GPUs in one node",
    example = "8" },
  { key = "node_price", type = "number", unit = "$", min = 0, default = 0,
    doc = "purchase price of one node", example = "250000" },
  { key = "node_kw", type = "number", unit = "kW", gt = 0, required = true,
    doc = "all-in facility power of one node, before PUE", example = "10.2" },
  { key = "idle_kw", type = "number", unit = "kW", min = 0, resolve = "idle_kw",
    doc = "power of a node installed and idle (a busy or leased node draws node_kw; a node in repair "
      .. "idle_kw) [node_kw]", example = "4.0" },
  { key = "perf", type = "number", unit = "1", gt = 0, default = 1, doc = "relative throughput: a job's job_hours are hours on a perf-1 node, so on this SKU it runs job_hours / perf", example = "2.0" },
  { key = "mtbf_gpu_hours", type = "number", unit = "hours", gt = 0, inf = true, default = math.huge,
    doc = "mean hours between failures of one GPU (a node is down while any GPU is); math.huge: none",
    example = "50000" },
  { key = "failure_shape", type = "number", unit = "1", min = 0.1, max = 20, default = 1,
    doc = "Weibull shape k of each GPU's time to failure, with mean mtbf_gpu_hours and a hazard on the node's "
      .. "age since install (a repair does not renew it): 1 exponential (memoryless), < 1 infant mortality, "
      .. "> 1 wear-out", example = "0.7" },
  { key = "repair_hours", type = { "number", "dist" }, unit = "hours", min = 0, default = 24,
    doc = "a crew's time to repair a failed node, drawn per repair (a draw below 0 counts as 0)",
    example = "neo.dist.exponential { mean = 24 }" },
  { key = "life_years", type = "number", unit = "years", min = 0.001, default = 6,
    doc = "useful life: straight-line depreciation, and a node past it is retired (sold at resale_fraction) once free",
    example = "5" },
  { key = "release", type = "date", out = "release_hours", absent = -math.huge,
    doc = "date the SKU ships (absent: long available)", example = '"2026-06-01"' },
  { key = "resale_fraction", type = "number", unit = "1", min = 0, max = 1, default = 0,
    doc = "fraction of the node price recovered at retirement", example = "0.1" },
  { key = "resale_rent_share", type = "number", unit = "1", min = 0, max = 1, default = 0,
    doc = "market resale value of a node: this share of the rent at the SKU's market index over the life it "
      .. "has left (gpus_per_node x index x hours left); a node sold gets the larger of it and resale_fraction "
      .. "x its price, and at each month end a node in service whose value is below its book value is written "
      .. "down to it (an impairment, in is.write_off); needs market.<sku>", example = "0.35" },
}

S.build = {
  { key = "cost_per_mw", type = "number", unit = "$/MW", min = 0, required = true,
    doc = "cost of building one MW (of power_mw: the capacity's MW, PUE included); counted in capex_total",
    example = "1.07e7" },
  { key = "months", type = { "number", "dist" }, unit = "months", gt = 0, required = true,
    doc = "construction time from the build action to the MW online, drawn per build (delay risk; a draw "
      .. "below 0 counts as 0); a month is 730.5 hours", example = "neo.dist.triangular { lo = 12, mode = 18, hi = 30 }" },
  { key = "payments", type = "enum", one_of = { "monthly", "at_end" }, default = "monthly",
    doc = "monthly: the cost is paid at month ends in proportion to the construction time elapsed (the "
      .. "rest at completion); at_end: all of it at completion", example = '"at_end"' },
  { key = "life_years", type = "number", unit = "years", min = 0.001, default = 20,
    doc = "useful life of what is built: straight-line depreciation from completion", example = "20" },
}

S.ppa = {
  { key = "share", type = "number", unit = "1", gt = 0, max = 1, required = true,
    doc = "share of the site's energy bought at price_mwh while the agreement lasts", example = "0.6" },
  { key = "price_mwh", type = "number", unit = "$/MWh", min = 0, required = true,
    doc = "fixed price of that share (the rest at power_price_mwh, shocks included)", example = "45" },
  { key = "start", type = "date", default_key = "start", doc = "when it begins", example = '"2026-01-01"' },
  { key = "term_months", type = "number", unit = "months", gt = 0, max = 12000, required = true,
    doc = "how long it lasts (a month is 730.5 hours)", example = "120" },
}

S.outages = {
  { key = "rate_per_year", type = "number", unit = "1/year", min = 0, max = 1e4, required = true,
    doc = "outages per year (Poisson starts; a new one may begin while one runs)", example = "2" },
  { key = "days", type = { "number", "dist" }, unit = "days", gt = 0, required = true,
    doc = "how long an outage lasts, drawn per outage (a draw below 0 counts as 0)",
    example = "neo.dist.exponential { mean = 1.5 }" },
  { key = "fraction", type = "number", unit = "1", gt = 0, max = 1, default = 1,
    doc = "each working node of the site is taken down with this probability", example = "0.25" },
}

S.site = {
  { key = "power_mw", type = "number", unit = "MW", min = 0, required = true,
    doc = "power capacity at the start (0: none yet, e.g. a site to be built); the initial fleet's nodes x "
      .. "node_kw x pue must fit", example = "50" },
  { key = "pue", type = "number", unit = "1", min = 1, default = 1.3, doc = "power usage effectiveness", example = "1.2" },
  { key = "power_price_mwh", type = { "number", "process" }, unit = "$/MWh", min = 0, default = 0,
    doc = "electricity price", example = "neo.process.seasonal { base = 60, amplitude = 0.2 }" },
  { key = "colo_kw_month", type = "number", unit = "$/kW-month", min = 0, default = 0,
    doc = "colocation fee per kW of node_kw (IT load) per month", example = "150" },
  { key = "colo_committed_kw", type = "number", unit = "kW", min = 0, default = 0,
    doc = "colocation committed: paid on this many kW of IT load whether used or not (more when used)",
    example = "8000" },
  { key = "repair", type = "boolean", default = true,
    doc = "failed nodes are repaired (false: lost, e.g. an orbital site)", example = "false" },
  { key = "repair_crews", type = "integer", unit = "crews", min = 1, max = 1e9, absent = math.huge,
    doc = "repairs under way at once: a failed node waits for a free crew, first failed first repaired, "
      .. "across the site's SKUs (absent: every failed node repaired at once)", example = "4" },
  { key = "outages", type = "record", fields = S.outages, resolve = "outages",
    doc = "site outages (power, cooling, network) that take nodes down together: each takes every working "
      .. "node of the site down with probability fraction until it ends; a node down does not fail and "
      .. "needs no crew", example = "{ rate_per_year = 2, days = 1.5, fraction = 0.5 }" },
  { key = "install_days", type = "number", unit = "days", min = 0, default = 7, out = "install_hours", scale = 24,
    doc = "from delivery to in service", example = "14" },
  { key = "online", type = "steps", unit = "MW", min = 0, default = {}, resolve = "online", after = "start",
    doc = "total MW online from each date (power_mw is what is online at the start); dates ascending, after start",
    example = '{ { "2026-06-01", 150 }, { "2027-01-01", 300 } }' },
  { key = "build", type = "record", fields = S.build, resolve = "build",
    doc = "terms of building capacity here: a policy action { build = SITE, mw = X } starts X MW, paid into "
      .. "construction in progress and online (added to power_mw and online's steps) when done",
    example = '{ cost_per_mw = 1.07e7, months = 18, payments = "monthly", life_years = 20 }' },
  { key = "ppa", type = "record", fields = S.ppa, resolve = "ppa",
    doc = "a power purchase agreement: a share of the site's energy at a fixed price for a term; each day "
      .. "is priced at the terms of its start", example = '{ share = 0.6, price_mwh = 45, term_months = 120 }' },
}

S.lease_in = {
  { key = "payment_month", type = "number", unit = "$/node-month", min = 0, required = true,
    doc = "payment per node per month (730.5 hours), accrued by the hour", example = "45000" },
  { key = "term_months", type = "number", unit = "months", gt = 0, max = 12000, required = true,
    doc = "term from the entry's installed date: the nodes are returned at its end", example = "36" },
}

S.fleet_entry = {
  { key = "site", type = "name", ref = "sites", required = true, doc = "site the nodes are in", example = '"dc1"' },
  { key = "sku", type = "name", ref = "skus", required = true, doc = "SKU of the nodes", example = '"h100"' },
  { key = "nodes", type = "integer", unit = "nodes", min = 0, max = 1e9, required = true, doc = "number of nodes",
    example = "10" },
  { key = "installed", type = "date", default_key = "start", not_after = "start", out = "installed_hours",
    doc = "installation date (book value is depreciated from it); not after start", example = '"2025-06-01"' },
  { key = "bought", type = "boolean", default = false,
    doc = "true: bought at the start (capex at t = 0); false: already owned", example = "true" },
  { key = "lease", type = "record", fields = S.lease_in, resolve = "lease_in",
    doc = "leased in (an operating lease), not owned: no capex and no book value, a monthly payment per node "
      .. "(opex, lease_cost_total) from the installed date for term_months, then returned (a tenant holding "
      .. "one loses it)", example = "{ payment_month = 45000, term_months = 36 }" },
}

S.queue = {
  { key = "patience_hours", type = { "number", "dist" }, unit = "hours", gt = 0, inf = true, required = true,
    doc = "how long a job waits before leaving; math.huge: forever", example = "math.huge" },
}

S.contract_line = {
  { key = "sku", type = "name", ref = "skus", required = true, doc = "SKU of the line's nodes", example = '"b200"' },
  { key = "site", type = "name", ref = "sites", absent = 0,
    doc = "site of its nodes (absent: any); a tenant's lines of one SKU name the same site", example = '"dc1"' },
  { key = "nodes", type = "integer", unit = "nodes", min = 0, max = 1e9, required = true,
    doc = "nodes contracted on the line", example = "1000" },
  { key = "price_gpu_hour", type = "number", unit = "$/GPU-hour", min = 0,
    doc = "the line's price (absent: the tenant's price_gpu_hour)", example = "2.6" },
}

S.tenant = {
  { key = "kind", type = "enum", one_of = { "reserved", "on_demand", "spot", "internal" },
    required = true, doc = "kind of tenant (keys below say which kinds they apply to)", example = '"on_demand"' },
  { key = "sku", type = "name", ref = "skus", default_single = true,
    doc = "SKU the tenant uses (default: the only SKU when there is one)", example = '"h100"' },
  { key = "site", type = "name", ref = "sites", absent = 0,
    doc = "site it uses (absent: any)", example = '"dc1"' },
  { key = "priority", type = "integer", unit = "1", min = -1e6, max = 1e6,
    doc = "allocation order, lower first (a tenant may preempt internal use and spot jobs of lower priority)",
    example = "1" },
  { key = "arrivals_per_hour", type = { "number", "process" }, unit = "jobs/hour", gt = 0,
    doc = "job arrival rate (Poisson; a process makes it vary over time)", example = "7.0" },
  { key = "job_nodes", type = { "integer", "dist" }, unit = "nodes", min = 1,
    doc = "nodes per job (a distribution is rounded to an integer >= 1)", example = "1" },
  { key = "job_hours", type = { "number", "dist" }, unit = "hours", gt = 0,
    doc = "job duration", example = "neo.dist.exponential { mean = 1.0 }" },
  { key = "queue", type = { "enum", "record" }, one_of = { "reject" }, fields = S.queue, resolve = "queue",
    doc = '"reject" (a job finding no free nodes is lost) or { patience_hours = ... } (it waits)',
    example = "{ patience_hours = math.huge }" },
  { key = "price_gpu_hour", type = { "number", "enum" }, one_of = { "market" }, unit = "$/GPU-hour", min = 0,
    resolve = "price",
    doc = 'price per GPU-hour; on_demand, spot: or "market" (the market index x price_factor)', example = "2.0" },
  { key = "price_factor", type = "number", unit = "1", gt = 0,
    doc = 'multiplier of the market index when price_gpu_hour is "market"',
    example = "0.3" },
  { key = "skus", type = "list", of = { type = "name", ref = "skus", doc = "a SKU" }, min_entries = 1,
    resolve = "sku_list",
    doc = "on_demand, spot: the SKUs its jobs may run on, preferred first (instead of sku): a job takes the first "
      .. "with room; on a SKU of perf p it runs job_hours / p", example = '{ "b200", "h100" }' },
  { key = "price_per_perf", type = "boolean",
    doc = "on_demand, spot: the price is per GPU-hour of perf 1, so a GPU-hour on a SKU of perf p costs p x "
      .. "the price (a job costs the same wherever it runs); with \"market\", the first SKU's index x "
      .. "price_factor / its perf", example = "true" },
  { key = "elasticity", type = "number", unit = "1", min = 0,
    doc = "price elasticity of demand: on_demand, spot: arrivals x (price / market index)^-elasticity; "
      .. "reserved: a renewal or an offer is accepted with probability renew_prob x min(1, (index / price)"
      .. "^elasticity), the ratio over the contract's lines weighted by their GPUs (a line without an index "
      .. "counts at 1)", example = "0.8" },
  { key = "nodes", type = { "integer", "process" }, min = 0, max = 1e9, unit = "nodes", resolve = "tenant_nodes",
    doc = "reserved: nodes contracted (0: no contract; or lines); internal: nodes wanted, a number or a process "
      .. "(its value each day, rounded: own demand that changes)", example = "1000" },
  { key = "lines", type = "list", of = { type = "record", fields = S.contract_line, doc = "a line of the contract" },
    min_entries = 1,
    doc = "reserved: one contract over several SKUs and sites, a line each (at most 16), instead of sku, site and "
      .. "nodes: one notice, one default, one renewal for all of it",
    example = '{ { sku = "h100", nodes = 1000, price_gpu_hour = 2.2 }, { sku = "b200", nodes = 500, price_gpu_hour = 3.4 } }' },
  { key = "ramp_months", type = "number", unit = "months", min = 0, max = 1200,
    doc = "reserved: each contract's nodes come in equal monthly tranches over this many months from its start "
      .. "(ceil(nodes x k / ramp_months) in month k; 0: all at the start); bills and SLA credits follow the tranches "
      .. "due", example = "6" },
  { key = "escalator", type = "number", unit = "1/year", min = -0.5, max = 1,
    doc = "reserved: each contract's prices x (1 + escalator) at each anniversary of its term's start",
    example = "0.03" },
  { key = "recall_penalty_months", type = "number", unit = "months", min = 0, max = 1200,
    doc = "reserved: what the operator pays when it recalls a contract (the recall action): this many months of "
      .. "the contract's bills at full delivery, paid at the notice (an operating expense)", example = "3" },
  { key = "start", type = "date", out = "start_hours",
    doc = "contract start (may be before the scenario start; after the horizon it never starts)",
    example = '"2026-06-01"' },
  { key = "term_months", type = "number", unit = "months", gt = 0, max = 12000,
    doc = "contract term (at most 12000: 1000 years, the longest horizon)", example = "36" },
  { key = "take_or_pay", type = "boolean", doc = "every contracted node is billed, used or not", example = "true" },
  { key = "usage", type = "number", unit = "1", min = 0, max = 1,
    doc = "without take-or-pay: fraction of the delivered nodes billed", example = "0.8" },
  { key = "renew_prob", type = { "number", "process" }, unit = "1", min = 0, max = 1, resolve = "renew_prob",
    doc = "probability of renewal at term end (for another term); a process: its value then (clamped to 0..1)",
    example = "0.7" },
  { key = "renew_factor", type = "number", unit = "1", gt = 0,
    doc = "renewal price = market index x renew_factor (without a market index: the old price)",
    example = "0.95" },
  { key = "default_prob_year", type = { "number", "process" }, unit = "per year", min = 0,
    resolve = "default_prob_year",
    doc = "hazard of tenant default (revenue stops, bills not collected are lost); a process: the hazard "
      .. "at each time (e.g. a common factor's, so defaults cluster in a bust)",
    example = "neo.process.path { { \"2026-01-01\", 0.02 }, { \"2027-01-01\", 0.2 } }" },
  { key = "terminate_prob_year", type = { "number", "process" }, unit = "per year", min = 0,
    resolve = "terminate_prob_year",
    doc = "hazard of an early termination notice; a process: the hazard at each time", example = "0.1" },
  { key = "notice_days", type = "number", unit = "days", min = 0,
    doc = "notice either side gives: a termination by the tenant or a recall by the operator ends the contract "
      .. "this many days after the notice, and it is not renewed", example = "90" },
  { key = "prepay_fraction", type = "number", unit = "1", min = 0, max = 1,
    doc = "share of the contract value paid at the start", example = "0.2" },
  { key = "sla_credit", type = "number", unit = "1", min = 0,
    doc = "credit per undelivered GPU-hour, as a multiple of the price", example = "1.0" },
  { key = "value_gpu_hour", type = { "number", "process" }, unit = "$/GPU-hour", min = 0,
    resolve = "value_gpu_hour",
    doc = "value of a GPU-hour of own use (economic, not cash); a process: its value each day",
    example = "neo.process.path { { \"2026-01-01\", 4 }, { \"2028-01-01\", 1 } }" },
}

-- Which tenant keys apply to which kind (besides kind, sku, site, priority), which are
-- required, the defaults of the optional ones, and default_keys: optional keys whose
-- default is the value of a root key.  validate.lua checks them and fills the defaults in
-- the normalised scenario (so they are in `params`); keys that do not apply to the kind
-- resolve to neutral values (CONTRACT.md).
S.tenant_kinds = {
  on_demand = { required = { "arrivals_per_hour", "job_hours", "price_gpu_hour" },
                keys = { "arrivals_per_hour", "job_nodes", "job_hours", "queue", "price_gpu_hour",
                         "price_factor", "elasticity", "skus", "price_per_perf" },
                defaults = { priority = 1, job_nodes = 1, queue = "reject", price_factor = 1, elasticity = 0,
                             price_per_perf = false } },
  spot = { required = { "arrivals_per_hour", "job_hours", "price_gpu_hour" },
           keys = { "arrivals_per_hour", "job_nodes", "job_hours", "queue", "price_gpu_hour",
                    "price_factor", "elasticity", "skus", "price_per_perf" },
           defaults = { priority = 2, job_nodes = 1, queue = "reject", price_factor = 1, elasticity = 0,
                        price_per_perf = false } },
  reserved = { required = { "term_months" }, -- and nodes or lines, and prices (CHECKS.tenant)
               keys = { "nodes", "lines", "price_gpu_hour", "start", "term_months", "take_or_pay", "usage",
                        "renew_prob", "renew_factor", "elasticity", "default_prob_year", "terminate_prob_year",
                        "notice_days", "prepay_fraction", "sla_credit", "ramp_months", "escalator",
                        "recall_penalty_months" },
               default_keys = { start = "start" },
               defaults = { priority = 0, take_or_pay = true, usage = 1, renew_prob = 0, renew_factor = 1,
                            elasticity = 1, default_prob_year = 0, terminate_prob_year = 0, notice_days = 90,
                            prepay_fraction = 0, sla_credit = 1, ramp_months = 0, escalator = 0,
                            recall_penalty_months = 0 } },
  internal = { required = { "nodes", "value_gpu_hour" }, keys = { "nodes", "value_gpu_hour" },
               defaults = { priority = 3 } },
}

S.market_entry = {
  { key = "price_gpu_hour", type = { "number", "process" }, unit = "$/GPU-hour", gt = 0, required = true,
    doc = "the rental price index", example = "neo.process.path { { \"2026-01-01\", 2.35 } }" },
  { key = "obsolescence", type = "number", unit = "1", gt = 0, max = 1, default = 1,
    doc = "factor applied to the index each time a newer SKU is released", example = "0.8" },
}

S.supplier = {
  { key = "lead_time_days", type = { "number", "dist" }, unit = "days", gt = 0, default = 90,
    doc = "from shipping to delivery (shipping waits for the monthly cap)", example = "neo.dist.triangular { lo = 60, mode = 90, hi = 180 }" },
  { key = "node_price", type = "map", of = { type = { "number", "process" }, unit = "$", min = 0,
    doc = "price of one node of this SKU when ordered" }, names = IDENT, names_doc = IDENT_DOC, names_label = "sku",
    default = {},
    doc = "price of a node by SKU over time (a SKU not listed: its skus.<name>.node_price)", example = "{ b200 = 420000 }" },
  { key = "monthly_cap", type = "map", of = { type = "number", unit = "nodes", min = 0, inf = true,
    doc = "nodes of this SKU shipped per calendar month" }, names = IDENT, names_doc = IDENT_DOC, names_label = "sku",
    default = {},
    doc = "nodes shipped per calendar month by SKU (a SKU not listed: unlimited)", example = "{ b200 = 500 }" },
  { key = "pay_on", type = "enum", one_of = { "order", "delivery" }, default = "delivery",
    doc = "when capex is paid", example = '"order"' },
  { key = "deposit", type = "number", unit = "1", min = 0, max = 1, default = 0,
    doc = "with pay_on = \"delivery\": the share of the price paid when ordered (an order deposit, a "
      .. "milestone), the rest on delivery", example = "0.3" },
}

S.shock = {
  { key = "kind", type = "enum", one_of = { "gpu_price", "power_price", "lead_time", "supply_cut", "demand",
    "market_price" }, required = true, doc = "what the shock scales", example = '"lead_time"' },
  { key = "name", type = "string", doc = "name in the events table [shocks[i]]", example = '"hbm_shortage"' },
  { key = "sku", type = "name", ref = "skus", doc = "SKU hit by a gpu_price, supply_cut or market_price shock [all]",
    example = '"b200"' },
  { key = "site", type = "name", ref = "sites", doc = "site hit by a power_price shock [all]", example = '"dc1"' },
  { key = "tenant", type = "name", ref = "tenants", doc = "on_demand or spot tenant hit by a demand shock [all]",
    example = '"od"' },
  { key = "at", type = "date",
    doc = "date it hits (or rate_per_year); not before start (after the horizon it never hits)",
    example = '"2027-03-01"' },
  { key = "rate_per_year", type = "number", unit = "per year", gt = 0, max = 8766,
    doc = "random shocks: Poisson rate (or at); at most 8766, one an hour (each calls the policies)",
    example = "0.5" },
  { key = "factor", type = "number", unit = "1", min = 0, required = true,
    doc = "multiplier while it lasts (several shocks on one target multiply)", example = "2.0" },
  { key = "days", type = "number", unit = "days", gt = 0, inf = true, default = math.huge,
    doc = "how long it lasts (math.huge: for good)", example = "180" },
}

S.floating_rate = {
  { key = "base", type = { "number", "process" }, unit = "per year", required = true,
    doc = "base rate (e.g. SOFR), a process sampled each day", example = "neo.process.path { { \"2026-01-01\", 0.043 }, { \"2027-01-01\", 0.035 } }" },
  { key = "spread", type = "number", unit = "per year", default = 0, doc = "margin over the base", example = "0.04" },
}

S.borrowing_base = {
  { key = "advance_rate", type = "number", unit = "1", gt = 0, max = 1, required = true,
    doc = "share of the collateral lent: each purchase of nodes draws advance_rate x its price, while the "
      .. "balance stays within advance_rate x the collateral", example = "0.8" },
  { key = "sku", type = "name", ref = "skus", doc = "the SKU whose purchases it finances [every SKU]",
    example = '"h100"' },
  { key = "contracts", type = "list", of = { type = "name", ref = "tenants", doc = "a reserved tenant" },
    doc = "collateral: the revenue still contracted of these reserved tenants (nodes x GPUs x price x hours "
      .. "left of the term) [the book value of the nodes it financed]", example = '{ "anchor" }' },
  { key = "amortize_from", type = "date", required = true,
    doc = "draws end and the balance amortises (by amortization) over the term's months left", example = '"2027-01-01"' },
}

S.refinance = {
  { key = "term_months", type = "number", unit = "months", gt = 0, max = 12000, required = true,
    doc = "term of the new loan, amortised as the tranche is", example = "36" },
  { key = "spread", type = { "number", "process" }, unit = "per year", required = true,
    doc = "the spread over the base rate the market asks at maturity (a process: its value then)",
    example = "neo.process.mean_reverting { start = 0.04, mean = 0.045, speed = 1, vol = 0.3 }" },
}

S.covenant = {
  { key = "kind", type = "enum", one_of = { "dscr", "leverage", "interest_cover", "ltv", "min_cash" }, required = true,
    doc = "what is tested: dscr = EBITDA / (interest + scheduled principal), interest_cover = EBITDA / "
      .. "interest, both over the last 12 months (min); leverage = debt / EBITDA of the last 12 months (max); "
      .. "ltv = the tranche's balance / book value of its collateral (max); min_cash = cash (min)",
    example = '"dscr"' },
  { key = "min", type = "number", unit = "1 ($ for min_cash)", inf = true,
    doc = "least value that holds (dscr, interest_cover, min_cash) [required for those kinds]", example = "1.25" },
  { key = "max", type = "number", unit = "1", min = 0, inf = true,
    doc = "largest value that holds (leverage, ltv) [required for those kinds]", example = "4.0" },
  { key = "test", type = "enum", one_of = { "monthly", "quarterly", "daily" }, default = "monthly",
    doc = "when it is tested: at month ends, at the ends of March, June, September and December, or every day "
      .. "(trailing figures change at month ends only)", example = '"quarterly"' },
  { key = "cure_days", type = "number", unit = "days", min = 0, max = 3650, default = 0, out = "cure_hours", scale = 24,
    doc = "days a breach has to be cured: tested again when they end, and if it still fails, on_breach applies",
    example = "30" },
  { key = "on_breach", type = "enum", one_of = { "event", "sweep", "step_up", "accelerate" }, default = "event",
    doc = "what a breach not cured does: record it only; sweep cash above keep_cash to principal at once and "
      .. "at each month end while it lasts; raise the rate by step_up while it lasts; make the whole "
      .. "principal due (a default when cash and facilities cannot pay it)", example = '"accelerate"' },
  { key = "step_up", type = "number", unit = "per year", gt = 0,
    doc = "rate added while an uncured breach lasts [required with on_breach = \"step_up\"]", example = "0.02" },
  { key = "keep_cash", type = "number", unit = "$", min = 0, default = 0,
    doc = "cash a sweep leaves", example = "5e7" },
}

S.debt = {
  { key = "name", type = "string", pattern = "[%w_.%-]+", pattern_doc = "letters, digits, '_', '.', '-'",
    doc = "name of the tranche [debt[i]]", example = '"ddtl"' },
  { key = "principal", type = "number", unit = "$", gt = 0, required = true,
    doc = "amount drawn (a facility: its limit)", example = "5e8" },
  { key = "rate", type = { "number", "record" }, fields = S.floating_rate, unit = "per year", min = 0, required = true,
    resolve = "rate",
    doc = "yearly interest rate: accrues by the hour on the balance (rate / 8766 an hour, at the day's rate), "
      .. "paid at month ends; fixed (a number) or floating ({ base = PROCESS, spread = X })",
    example = "{ base = neo.process.mean_reverting { start = 0.043, mean = 0.035, speed = 0.5, vol = 0.15 }, spread = 0.04 }" },
  { key = "term_months", type = "number", unit = "months", gt = 0, max = 12000, required = true,
    doc = "term (at most 12000: 1000 years, the longest horizon)", example = "60" },
  { key = "interest_only_months", type = "integer", unit = "months", min = 0, max = 12000, default = 0,
    doc = "the first months pay interest only; the amortization then repays over the months left "
      .. "(all of them: a bullet at the end)", example = "12" },
  { key = "upfront_fee", type = "number", unit = "1", min = 0, max = 1, default = 0,
    doc = "fee x principal paid to the lenders when drawn (a facility: when it opens), an interest expense",
    example = "0.01" },
  { key = "commitment_fee", type = "number", unit = "per year", min = 0, max = 1, absent = 0,
    doc = "a facility's fee on its undrawn limit while open, accrued by the hour and paid with the interest [0]",
    example = "0.005" },
  { key = "draw", type = "date", default_key = "start", out = "draw_hours",
    doc = "date drawn (a facility: opened); before the start: the loan is mid-schedule there",
    example = '"2026-06-01"' },
  { key = "amortization", type = "enum", one_of = { "annuity", "linear", "bullet" }, default = "annuity",
    doc = "repayment: equal payments, equal principal, or all at the end", example = '"bullet"' },
  { key = "min_cash", type = "number", unit = "$", inf = true, default = -math.huge,
    doc = "covenant: cash below this is a breach, tested every day (the covenant { kind = \"min_cash\", "
      .. "min = X, test = \"daily\" })", example = "1e8" },
  { key = "borrowing_base", type = "record", fields = S.borrowing_base, resolve = "borrowing_base",
    doc = "a GPU-backed delayed-draw loan: principal is its commitment, drawn as nodes are paid for from its "
      .. "draw date, within a borrowing base; a balance above the base is repaid at the month end",
    example = '{ advance_rate = 0.8, sku = "h100", amortize_from = "2027-01-01" }' },
  { key = "refinance", type = "record", fields = S.refinance, resolve = "refinance",
    doc = "at maturity, rolled (once) into a new loan of its balance if none of its covenants is in breach "
      .. "(else the balance is due from cash); the new loan's maturity is repaid", example = "{ term_months = 36, spread = 0.05 }" },
  { key = "covenants", type = "list", of = { type = "record", fields = S.covenant, check = "covenant",
      post = "covenant", doc = "a covenant" }, default = {},
    doc = "covenants, tested while the tranche has a balance; breaches count in covenant_breaches",
    example = '{ { kind = "dscr", min = 1.25, test = "quarterly", cure_days = 30, on_breach = "accelerate" } }' },
  { key = "facility", type = "boolean", default = false,
    doc = "a facility: drawn when cash would go below 0 (or by policy), repaid at term end",
    example = "true" },
  { key = "revolving", type = "boolean", absent = false,
    doc = "a facility repaid at each month end from the cash above repay_above, and drawn again up to its limit [false]",
    example = "true" },
  { key = "repay_above", type = "number", unit = "$", min = 0, absent = 0,
    doc = "a revolving facility keeps this much cash when it repays [0]", example = "5e7" },
}

S.policies = {
  { key = "review_every_days", type = "number", unit = "days", min = 0.01, inf = true, default = 30,
    out = "review_every_hours", scale = 24,
    doc = "policies are called this often, from day 0 (and on shocks and contract ends); longer than "
      .. "the horizon, or math.huge: never at review ticks",
    example = "14" },
  { key = "params", type = "map", of = { type = { "number", "boolean", "string" }, unit = "as the policy reads it",
    inf = true, unbounded = true, doc = "one value" }, names = IDENT,
    names_doc = IDENT_DOC, default = {}, resolve = "params",
    doc = "values the policies read as state.params (sweepable: policies.params.x)", example = "{ above = 0.85 }" },
  { key = "procurement", type = "function", resolve = "present", doc = "function(state) -> actions: buy, sell",
    example = "neo.policies.order_when_utilization { sku = \"h100\", site = \"dc1\", above = 0.85, nodes = 100 }" },
  { key = "pricing", type = "function", resolve = "present", doc = "function(state) -> actions: prices",
    example = "neo.policies.price_at_market { tenant = \"od\", minus = 0.1 }" },
  { key = "allocation", type = "function", resolve = "present", doc = "function(state) -> actions: internal use, priority",
    example = "neo.policies.keep_internal { tenant = \"train\", fraction = 0.2 }" },
}

S.tax = {
  { key = "rate", type = "number", unit = "1", min = 0, max = 1, default = 0,
    doc = "tax on a calendar year's profit after depreciation and interest, paid at the year's end "
      .. "(and at the run's end for its last part year)", example = "0.21" },
  { key = "loss_carryforward", type = "boolean", default = true,
    doc = "a year's loss offsets the profits of the years after it until used up", example = "false" },
}

S.finance = {
  { key = "cash", type = "number", unit = "$", default = 0, doc = "cash at the start", example = "5e8" },
  { key = "discount_rate", type = "number", unit = "per year", min = 0, default = 0.10,
    doc = "discount rate of npv (the equity's) and npv_unlevered (the project's)", example = "0.12" },
  { key = "staff_month", type = "number", unit = "$/month", min = 0, default = 0,
    doc = "staff cost", example = "400000" },
  { key = "terminal", type = "enum", one_of = { "none", "book" }, default = "none", resolve = "terminal",
    doc = 'whether the NPVs count the fleet\'s book value at the end ("book") or not ("none")',
    example = '"book"' },
  { key = "tax", type = "record", fields = S.tax, default = {},
    doc = "income tax (none unless rate is given)", example = "{ rate = 0.21 }" },
  { key = "debt", type = "list", of = { type = "record", fields = S.debt, post = "debt", check = "debt",
      doc = "a debt tranche" },
    default = {},
    doc = "debt tranches", example = "{ { principal = 5e8, rate = 0.11, term_months = 60 } }" },
}

S.root = {
  type = "record",
  check = "root",
  fields = {
    { key = "name", type = "string", required = true, pattern = "[%w_.%-]+",
      pattern_doc = "letters, digits, '_', '.', '-'", doc = "scenario name, stored with every run",
      example = '"erlang-b-check"' },
    { key = "description", type = "string", default = "", doc = "what the scenario asks",
      example = '"Blocking of on-demand jobs vs Erlang B"' },
    { key = "start", type = "date", required = true, doc = "first day simulated", example = '"2026-01-01"' },
    { key = "horizon_days", type = "number", unit = "days", gt = 0, max = 365250, required = true, out = "horizon_hours",
      scale = 24, doc = "length of the simulation", example = "3650" },
    { key = "warmup_days", type = "number", unit = "days", min = 0, default = 0, lt_key = "horizon_days",
      out = "warmup_hours", scale = 24, doc = "statistics start after this (< horizon_days)", example = "30" },
    { key = "seed", type = "seed", unit = "1", default = 1,
      doc = "base random seed (as --seed: 0 to 2^64-1; above 2^63-1 a string of digits)", example = "42" },
    { key = "replications", type = "integer", unit = "runs", min = 1, max = 1e8, default = 1,
      doc = "independent runs per sweep point (as --reps: 1 to 10^8)", example = "20" },
    { key = "skus", type = "map", of = { type = "record", fields = S.sku, doc = "a GPU node type (SKU)" }, names = IDENT,
      names_doc = IDENT_DOC,
      min_entries = 1, required = true, doc = "GPU node types by name",
      example = "{ h100 = { node_kw = 10.2, node_price = 250000 } }" },
    { key = "sites", type = "map", of = { type = "record", fields = S.site, doc = "a data center" }, names = IDENT,
      names_doc = IDENT_DOC, min_entries = 1, required = true, doc = "data centers by name",
      example = "{ dc1 = { power_mw = 50, pue = 1.2 } }" },
    { key = "fleet", type = "list", of = { type = "record", fields = S.fleet_entry, check = "site_power",
      doc = "identical nodes of one SKU at one site" },
      required = true, doc = "nodes installed at the start (may be empty); per site, the sum of "
        .. "nodes x node_kw x pue must not exceed power_mw; at most 10^9 nodes in all", example = '{ { site = "dc1", sku = "h100", nodes = 10 } }' },
    { key = "tenants", type = "map", of = { type = "record", fields = S.tenant, precheck = "tenant_keys", check = "tenant",
      post = "tenant", doc = "a customer, or the operator's own use (kind internal)" }, names = IDENT,
      names_doc = IDENT_DOC, default = {}, doc = "customers by name",
      example = '{ od = { kind = "on_demand", arrivals_per_hour = 7, job_hours = 1, price_gpu_hour = 2 } }' },
    { key = "factors", type = "map", of = { type = "process", unit = "as used (a level, a multiplier)",
      doc = "a common factor: a process of the market" },
      names = IDENT, names_doc = IDENT_DOC, names_label = "factor", default = {}, resolve = "factors",
      doc = "common factors: named processes drawn once per run (from the stream factors.<name>) and used "
        .. "wherever a process is through neo.factor(\"name\") (or neo.factor(\"name\", { state = level, ... }) "
        .. "for a regime's states), so demand, prices and hazards can move together",
      example = '{ cycle = neo.process.regime { states = { { name = "normal", level = 1, mean_days = 720 }, '
        .. '{ name = "bust", level = 0.5, mean_days = 240 } } } }' },
    { key = "market", type = "map", of = { type = { "number", "process", "record" }, fields = S.market_entry, gt = 0,
      unit = "$/GPU-hour", doc = "the rental price index of one SKU: a number, a process or a table of the keys below" },
      names = IDENT, names_doc = IDENT_DOC, names_label = "sku", default = {}, resolve = "markets",
      doc = "rental price index by SKU ($/GPU-hour): a number, a process or { price_gpu_hour, obsolescence }",
      example = "{ h100 = neo.process.path { { \"2026-01-01\", 2.35 }, { \"2027-01-01\", 1.8 } } }" },
    { key = "supplier", type = "record", fields = S.supplier, default = {}, resolve = "supplier",
      doc = "buying nodes: lead times, prices, monthly caps", example = "{ lead_time_days = 120 }" },
    { key = "shocks", type = "list", of = { type = "record", fields = S.shock, check = "shock",
      doc = "one shock: dated (at) or random (rate_per_year), scaling one kind of quantity" }, default = {},
      resolve = "shocks", doc = "dated or random shocks", example = '{ { kind = "lead_time", at = "2027-03-01", factor = 2, days = 180 } }' },
    { key = "finance", type = "record", fields = S.finance, default = {}, doc = "money", example = "{ cash = 1e9 }" },
    { key = "policies", type = "record", fields = S.policies, default = {},
      doc = "Lua policies called at review ticks, shocks and contract ends", example = "{ review_every_days = 30 }" },
    { key = "uncertain", type = "design",
      doc = "uncertain inputs: a design (\"random\", \"lhs\", \"saltelli\" for Sobol indices, \"morris\"; "
        .. "default \"lhs\"), its samples (default 64: rows of random and lhs, base samples N of saltelli, "
        .. "N(k+2) points, trajectories of morris, N(k+1) points), inputs (key path -> neo.dist.*: any "
        .. "numeric key a --set reaches, a process's numbers too) and rank correlations "
        .. "({ INPUT, INPUT, RHO }, random and lhs only, imposed by Iman-Conover); each design row is a "
        .. "point (with every sweep point), run for the scenario's replications",
      example = '{ design = "lhs", samples = 32, inputs = { ["tenants.od.arrivals_per_hour"] = '
        .. 'neo.dist.uniform { 5, 9 } } }' },
    { key = "sweep", type = "sweep",
      doc = "parameter sweep: key path -> list of values (grid, last path varying fastest), "
        .. "or neo.sweep.points{...}",
      example = '{ ["tenants.od.arrivals_per_hour"] = { 5, 7, 9 } }' },
  },
}

-- The library's constructors, for the reference.  A distribution: its forms (the names
-- of its parameters; with positional = true the first form may also be written as a
-- list, neo.dist.uniform { 1, 3 }), each parameter's doc, unit and bounds (gt, min:
-- checked by sim/core/dist.c's dist_check, `rule` says the checks between parameters) and
-- examples: one per form, in the order of the forms, then any others.  A process: `kind` names its entry of validate.lua's PROCESS
-- table, which holds the bounds, defaults and required flags of its parameters (here
-- only their doc and unit); a constructor without `kind` (step) gives them itself.
-- tests/lua/test_reference.lua checks both lists against neo.dist and neo.process.
S.dists = {
  { name = "constant", doc = "always the same value", positional = true,
    forms = { { "value" } }, params = { value = { doc = "the value (finite)", unit = "value" } },
    examples = { "neo.dist.constant { value = 4 }" } },
  { name = "uniform", doc = "uniform between lo and hi", positional = true, rule = "lo <= hi",
    forms = { { "lo", "hi" } },
    params = { lo = { doc = "smallest value", unit = "value" }, hi = { doc = "largest value", unit = "value" } },
    examples = { "neo.dist.uniform { lo = 1, hi = 3 }" } },
  { name = "exponential", doc = "exponential (memoryless): Poisson inter-arrival times, M/M/c job lengths",
    positional = true, forms = { { "mean" }, { "rate" } },
    params = { mean = { doc = "mean", unit = "value", gt = 0 },
               rate = { doc = "rate, 1 / mean", unit = "per unit of the value", gt = 0 } },
    examples = { "neo.dist.exponential { mean = 1.0 }", "neo.dist.exponential { rate = 0.5 }" } },
  { name = "normal", doc = "normal (Gaussian); values may be negative", positional = true,
    forms = { { "mean", "sd" } },
    params = { mean = { doc = "mean", unit = "value" }, sd = { doc = "standard deviation", unit = "value", gt = 0 } },
    examples = { "neo.dist.normal { mean = 100, sd = 15 }" } },
  { name = "lognormal", doc = "lognormal: exp of a normal; given by the log's parameters or by the values' mean and sd",
    positional = true, forms = { { "mu", "sigma" }, { "mean", "sd" } },
    params = { mu = { doc = "mean of the log", unit = "log of the value" },
               sigma = { doc = "standard deviation of the log", unit = "1", gt = 0 },
               mean = { doc = "mean of the values", unit = "value", gt = 0 },
               sd = { doc = "standard deviation of the values", unit = "value", gt = 0 } },
    examples = { "neo.dist.lognormal { mu = 2.5, sigma = 0.9 }", "neo.dist.lognormal { mean = 24, sd = 30 }" } },
  { name = "gamma", doc = "gamma: by shape and scale, or by mean and coefficient of variation",
    positional = true, forms = { { "shape", "scale" }, { "mean", "cv" } },
    params = { shape = { doc = "shape k", unit = "1", gt = 0 }, scale = { doc = "scale theta", unit = "value", gt = 0 },
               mean = { doc = "mean (shape x scale)", unit = "value", gt = 0 },
               cv = { doc = "coefficient of variation, sd / mean", unit = "1", gt = 0 } },
    examples = { "neo.dist.gamma { shape = 2, scale = 5 }", "neo.dist.gamma { mean = 10, cv = 0.5 }" } },
  { name = "beta", doc = "beta, between 0 and 1", positional = true, forms = { { "a", "b" } },
    params = { a = { doc = "shape alpha", unit = "1", gt = 0 }, b = { doc = "shape beta", unit = "1", gt = 0 } },
    examples = { "neo.dist.beta { a = 2, b = 5 }" } },
  { name = "poisson", doc = "Poisson counts (whole numbers)", positional = true, forms = { { "mean" } },
    params = { mean = { doc = "mean count", unit = "value", min = 0 } },
    examples = { "neo.dist.poisson { mean = 3 }" } },
  { name = "pareto", doc = "Pareto: heavy tail from xm up (infinite mean when alpha <= 1)", positional = true,
    forms = { { "xm", "alpha" } },
    params = { xm = { doc = "minimum value", unit = "value", gt = 0 }, alpha = { doc = "tail index", unit = "1", gt = 0 } },
    examples = { "neo.dist.pareto { xm = 1, alpha = 2.5 }" } },
  { name = "weibull", doc = "Weibull: shape < 1 early failures, > 1 wear-out", positional = true,
    forms = { { "shape", "scale" } },
    params = { shape = { doc = "shape k", unit = "1", gt = 0 }, scale = { doc = "scale lambda", unit = "value", gt = 0 } },
    examples = { "neo.dist.weibull { shape = 1.5, scale = 100 }" } },
  { name = "triangular", doc = "triangular between lo and hi, most likely at mode", positional = true,
    rule = "lo <= mode <= hi, lo < hi", forms = { { "lo", "mode", "hi" } },
    params = { lo = { doc = "smallest value", unit = "value" }, mode = { doc = "most likely value", unit = "value" },
               hi = { doc = "largest value", unit = "value" } },
    examples = { "neo.dist.triangular { lo = 60, mode = 90, hi = 180 }" } },
  { name = "discrete", doc = "one of a few values, with weights", rule = "as many weights as values, >= 0, not all 0",
    forms = { { "values" }, { "values", "weights" } },
    params = { values = { doc = "the values (a list of numbers)", unit = "value" },
               weights = { doc = "their relative weights (a list of numbers; default: equal)", unit = "1" } },
    examples = { "neo.dist.discrete { values = { 1, 2, 4, 8 } }",
                 "neo.dist.discrete { values = { 1, 2, 4, 8 }, weights = { 4, 3, 2, 1 } }" } },
  { name = "empirical", doc = "resampling: each of the given samples equally likely",
    forms = { { "samples" } }, list = "samples",
    params = { samples = { doc = "the samples (a list of numbers)", unit = "value" } },
    examples = { "neo.dist.empirical { samples = { 3.5, 4.0, 7.5, 12 } }", "neo.dist.empirical { 3.5, 4.0, 7.5, 12 }" } },
}

S.processes = {
  { name = "constant", kind = "constant", doc = "the same value at all times (what a plain number means)",
    params = { value = { doc = "the value", unit = "value" } }, example = "neo.process.constant { value = 66 }" },
  { name = "path", kind = "path", list = "points",
    doc = "dated points, interpolated; before the first point the first value holds, after the last the last",
    params = { points = { doc = "{ DATE, VALUE } pairs in date order (a repeated date is a jump)" },
               interp = { doc = "between points: linear, or step (hold the earlier value)" } },
    example = 'neo.process.path { { "2026-01-01", 2.35 }, { "2027-01-01", 1.80 }, interp = "linear" }' },
  { name = "step", doc = "one value before a date, another from it on (a path with interp = \"step\")",
    params = { { key = "at", type = "date", required = true, doc = "date of the change" },
               { key = "before", required = true, doc = "value before at", unit = "value" },
               { key = "after", required = true, doc = "value from at on", unit = "value" } },
    example = 'neo.process.step { at = "2027-01-01", before = 5, after = 8 }' },
  { name = "seasonal", kind = "seasonal",
    doc = "a yearly (or other) cycle on a trend: base x (1 + trend)^years x (1 + amplitude x cos(2 pi (t - peak) / period))",
    params = { base = { doc = "level at the start, without the cycle", unit = "value" },
               amplitude = { doc = "relative swing of the cycle", unit = "1" },
               period_days = { doc = "length of one cycle", unit = "days" },
               peak = { doc = "a date the cycle peaks (default: the scenario start)" },
               trend = { doc = "growth per year (compounded; -0.1 is a 10% decline a year)", unit = "per year" } },
    example = 'neo.process.seasonal { base = 60, amplitude = 0.2, peak = "2026-07-15", trend = 0.03 }' },
  { name = "mean_reverting", kind = "mean_reverting",
    doc = "log Ornstein-Uhlenbeck with jumps: the log drifts back to log(mean) at `speed`; drawn on a grid of step_days",
    params = { start = { doc = "value at the start", unit = "value" },
               mean = { doc = "long-run level it reverts to", unit = "value" },
               speed = { doc = "rate of reversion of the log", unit = "per year" },
               vol = { doc = "volatility of the log", unit = "per square root of a year" },
               jump_rate = { doc = "jumps per year (Poisson)", unit = "per year" },
               jump_mean = { doc = "mean of a jump of the log (0.3: about +35%)", unit = "1" },
               jump_sd = { doc = "standard deviation of a jump of the log", unit = "1" },
               step_days = { doc = "time step of the path (held between steps)", unit = "days" } },
    example = "neo.process.mean_reverting { start = 66, mean = 66, speed = 2, vol = 0.25, jump_rate = 1, jump_mean = 0.3, jump_sd = 0.2 }" },
  { name = "gbm", kind = "gbm", doc = "geometric Brownian motion, drawn on a grid of step_days",
    params = { start = { doc = "value at the start", unit = "value" },
               drift = { doc = "expected growth rate (of the value, per year)", unit = "per year" },
               vol = { doc = "volatility of the log", unit = "per square root of a year" },
               step_days = { doc = "time step of the path (held between steps)", unit = "days" } },
    example = "neo.process.gbm { start = 3.4, drift = -0.08, vol = 0.25 }" },
  { name = "regime", kind = "regime",
    doc = "base x the level of the current state; states last an exponential time, then switch to another at random",
    params = { base = { doc = "level multiplied by the states' levels", unit = "value" },
               states = { doc = "a list of { name = TEXT, level = x >= 0 (multiplier), mean_days = d > 0 (mean time in the state) }" },
               initial = { doc = "name of the state at the start (default: the first)" } },
    example = 'neo.process.regime { base = 22, initial = "normal", states = { { name = "normal", level = 1.0, mean_days = 240 }, '
      .. '{ name = "boom", level = 1.8, mean_days = 180 }, { name = "bust", level = 0.6, mean_days = 120 } } }' },
  { name = "product", kind = "product", list = "factors",
    doc = "the product of processes, e.g. a seasonal cycle times boom/bust regimes",
    params = { factors = { doc = "processes, or numbers (constants)" } },
    example = "neo.process.product { neo.process.seasonal { base = 6, amplitude = 0.1 }, neo.process.gbm { start = 1, drift = 0.2, vol = 0.3 } }" },
}

return S
