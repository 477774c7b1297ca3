---@meta neo
-- types.lua -- LuaLS (lua-language-server) annotations of the neo library, so editors
-- complete and check scenario keys.  Never loaded at run time.  Keep in step with
-- neo/schema.lua (tests/lua/test_types.lua checks every schema key has its @field).

---@alias neo.Date string  ISO date "YYYY-MM-DD"
---@alias neo.DistValue number|neo.Dist  a number x means neo.dist.constant{x}
---@alias neo.ProcessValue number|neo.Process  a number x means neo.process.constant{x}

---@class neo.Dist
---@field dist "constant"|"uniform"|"exponential"|"normal"|"lognormal"|"gamma"|"beta"|"poisson"|"pareto"|"weibull"|"triangular"|"discrete"
---@field p? number[] parameters in sim/dist.h order
---@field values? number[] discrete: the values
---@field weights? number[] discrete: their weights

---@class neo.Process
---@field process "constant"|"path"|"seasonal"|"mean_reverting"|"gbm"|"regime"|"product"

---@class neo.Sku
---@field gpus_per_node? integer GPUs in one node (default 8)
---@field node_price? number $ purchase price of one node (default 0)
---@field node_kw number kW all-in facility power of one node, before PUE (required)
---@field perf? number relative throughput (default 1)
---@field mtbf_gpu_hours? number hours between failures of one GPU; math.huge: none (default)
---@field repair_hours? number hours to repair a failed node (default 24)
---@field life_years? number straight-line depreciation life (default 6)
---@field release? neo.Date date the SKU ships (default: long available)
---@field resale_fraction? number 0..1 of the node price recovered at retirement (default 0)

---@class neo.Site
---@field power_mw number MW power capacity; the initial fleet must fit (required)
---@field pue? number power usage effectiveness >= 1 (default 1.3)
---@field power_price_mwh? neo.ProcessValue $/MWh electricity price (default 0)
---@field colo_kw_month? number $ per kW (node_kw x pue) per month (default 0)
---@field repair? boolean failed nodes are repaired; false: lost (default true)

---@class neo.FleetEntry
---@field site string name of a site (required)
---@field sku string name of a SKU (required)
---@field nodes integer number of nodes >= 0 (required)
---@field installed? neo.Date installation date, not after start (default start)

---@class neo.Queue
---@field patience_hours number|neo.Dist hours a job waits before leaving; math.huge: forever

---@class neo.Tenant
---@field kind "on_demand"|"reserved"|"spot"|"internal" kind of tenant (only on_demand so far)
---@field sku? string SKU rented (default: the only SKU when there is one)
---@field arrivals_per_hour neo.ProcessValue jobs per hour, > 0 (required)
---@field job_nodes? integer|neo.Dist nodes per job >= 1 (default 1)
---@field job_hours neo.DistValue job duration in hours, > 0 (required)
---@field queue? "reject"|neo.Queue "reject" (default): lost when no nodes are free; or wait
---@field price_gpu_hour number $ per GPU-hour (required)

---@class neo.Finance
---@field cash? number $ at the start (default 0)
---@field discount_rate? number per year, for the NPV (default 0.10)
---@field staff_month? number $ per month (default 0)

---@class neo.Scenario
---@field name string scenario name: letters, digits, '_', '.', '-' (required)
---@field description? string what the scenario asks
---@field start neo.Date first day simulated (required)
---@field horizon_days number days simulated, > 0 (required)
---@field warmup_days? number days before statistics start, < horizon_days (default 0)
---@field seed? integer base random seed >= 0 (default 1)
---@field replications? integer runs per sweep point >= 1 (default 1)
---@field skus table<string, neo.Sku> GPU node types by name (required, at least one)
---@field sites table<string, neo.Site> data centers by name (required, at least one)
---@field fleet neo.FleetEntry[] nodes installed at the start (required, may be empty)
---@field tenants? table<string, neo.Tenant> customers by name
---@field finance? neo.Finance money
---@field sweep? table<string, any[]>|neo.SweepPoints key path -> values (grid), or neo.sweep.points{...}

---@class neo.SweepPoints: table<string, any>[]

---@class neo.RegimeState
---@field name string
---@field level number multiplier of base in this state, >= 0
---@field mean_days number mean time in the state, > 0

---@class neo
local neo = {}

---Check a whole scenario at once (errors name FILE:LINE and the key path) and return it.
---@param t neo.Scenario
---@return neo.Scenario
function neo.scenario(t) end

---@param t any
---@return boolean
function neo.is_scenario(t) end

neo.dist = {}
---@param t { value: number }|number[]
---@return neo.Dist
function neo.dist.constant(t) end
---@param t { lo: number, hi: number }|number[]
---@return neo.Dist
function neo.dist.uniform(t) end
---@param t { mean?: number, rate?: number }|number[]
---@return neo.Dist
function neo.dist.exponential(t) end
---@param t { mean: number, sd: number }|number[]
---@return neo.Dist
function neo.dist.normal(t) end
---@param t { mu?: number, sigma?: number, mean?: number, sd?: number }|number[] mu/sigma of the log, or mean/sd of the values
---@return neo.Dist
function neo.dist.lognormal(t) end
---@param t { shape?: number, scale?: number, mean?: number, cv?: number }|number[]
---@return neo.Dist
function neo.dist.gamma(t) end
---@param t { a: number, b: number }|number[]
---@return neo.Dist
function neo.dist.beta(t) end
---@param t { mean: number }|number[]
---@return neo.Dist
function neo.dist.poisson(t) end
---@param t { xm: number, alpha: number }|number[]
---@return neo.Dist
function neo.dist.pareto(t) end
---@param t { shape: number, scale: number }|number[]
---@return neo.Dist
function neo.dist.weibull(t) end
---@param t { lo: number, mode: number, hi: number }|number[]
---@return neo.Dist
function neo.dist.triangular(t) end
---@param t { values: number[], weights?: number[] }
---@return neo.Dist
function neo.dist.discrete(t) end
---@param t number[]|{ samples: number[] } samples, each equally likely
---@return neo.Dist
function neo.dist.empirical(t) end

neo.process = {}
---@param t { value: number }|number[]
---@return neo.Process
function neo.process.constant(t) end
---@param t { [integer]: [neo.Date, number], interp?: "linear"|"step" }
---@return neo.Process
function neo.process.path(t) end
---@param t { at: neo.Date, before: number, after: number }
---@return neo.Process
function neo.process.step(t) end
---@param t { base: number, amplitude: number, period_days?: number, peak?: neo.Date, trend?: number }
---@return neo.Process
function neo.process.seasonal(t) end
---@param t { start: number, mean: number, speed: number, vol: number, jump_rate?: number, jump_mean?: number, jump_sd?: number, step_days?: number }
---@return neo.Process
function neo.process.mean_reverting(t) end
---@param t { start: number, drift: number, vol: number, step_days?: number }
---@return neo.Process
function neo.process.gbm(t) end
---@param t { base?: number, states: neo.RegimeState[], initial?: string }
---@return neo.Process
function neo.process.regime(t) end
---@param t (number|neo.Process)[]
---@return neo.Process
function neo.process.product(t) end

neo.date = {}
---@param s neo.Date
---@return integer days since 1970-01-01
function neo.date.parse(s) end
---@param s neo.Date
---@param n integer months (may be negative; the day is clamped to the month's end)
---@return neo.Date
function neo.date.add_months(s, n) end
---@param a neo.Date
---@param b neo.Date
---@return integer days a - b
function neo.date.diff_days(a, b) end
---@param s neo.Date
---@param start neo.Date
---@return number hours from start to s
function neo.date.hours(s, start) end

neo.sweep = {}
---@param t table<string, any[]>
---@return table<string, any[]>
function neo.sweep.grid(t) end
---@param list table<string, any>[]
---@return neo.SweepPoints
function neo.sweep.points(list) end
---@param from number
---@param to number
---@param step? number default 1
---@return number[]
function neo.sweep.range(from, to, step) end

return neo
