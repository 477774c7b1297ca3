---@meta neo
-- types.lua -- LuaLS (lua-language-server) annotations of the neo library, so editors
-- complete and check scenario keys.  Never loaded at run time.  Keep in step with
-- neo/schema.lua (tests/lua/test_types.lua checks every schema key has its @field).

---@alias neo.Date string  ISO date "YYYY-MM-DD"
---@alias neo.DistValue number|neo.Dist  a number x means neo.dist.constant{x}
---@alias neo.ProcessValue number|neo.Process  a number x means neo.process.constant{x}

---@class neo.Dist
---@field dist "constant"|"uniform"|"exponential"|"normal"|"lognormal"|"gamma"|"beta"|"poisson"|"pareto"|"weibull"|"triangular"|"discrete"
---@field p? number[] parameters in sim/core/dist.h order
---@field values? number[] discrete: the values
---@field weights? number[] discrete: their weights

---@class neo.Process
---@field process "constant"|"path"|"seasonal"|"mean_reverting"|"gbm"|"regime"|"product"|"factor"

---@class neo.Sku
---@field gpus_per_node? integer GPUs in one node (default 8)
---@field node_price? number $ purchase price of one node (default 0)
---@field node_kw number kW all-in facility power of one node, before PUE (required)
---@field idle_kw? number kW of a node installed and idle (default node_kw)
---@field perf? number relative throughput (default 1)
---@field mtbf_gpu_hours? number hours between failures of one GPU; math.huge: none (default)
---@field failure_shape? number Weibull shape k of a GPU's time to failure on the node's age, same mean; 1 exponential, < 1 infant mortality, > 1 wear-out (default 1)
---@field repair_hours? neo.DistValue hours a crew takes to repair a failed node, drawn per repair (default 24)
---@field life_years? number straight-line depreciation life (default 6)
---@field release? neo.Date date the SKU ships (default: long available)
---@field resale_fraction? number 0..1 of the node price recovered at retirement (default 0)
---@field resale_rent_share? number 0..1: market value = this x gpus x index x hours of life left; sales at the larger, impairments below book (default 0: none)

---@class neo.Site
---@field power_mw number MW power capacity at the start, 0 or more; the initial fleet must fit (required)
---@field pue? number power usage effectiveness >= 1 (default 1.3)
---@field power_price_mwh? neo.ProcessValue $/MWh electricity price (default 0)
---@field colo_kw_month? number $ per kW of node_kw (IT load) per month (default 0)
---@field colo_committed_kw? number kW of colocation paid whether used or not (default 0)
---@field repair? boolean failed nodes are repaired; false: lost (default true)
---@field repair_crews? integer repairs under way at once, >= 1; more wait, first failed first repaired (default: no limit)
---@field outages? neo.Outages site outages that take nodes down together (default: none)
---@field install_days? number days from delivery to in service (default 7)
---@field online? [neo.Date, number][] { { DATE, MW }, ... }: total MW online from each date, dates ascending and after start; power_mw is what is online at the start (default: power_mw throughout)
---@field build? neo.SiteBuild terms of building capacity here (the build action; default: none)
---@field ppa? neo.Ppa a power purchase agreement (default: none)

---@class neo.Outages site outages: Poisson starts, each taking every working node down with probability fraction
---@field rate_per_year number outages per year, >= 0 (required)
---@field days neo.DistValue how long one lasts, drawn per outage (required)
---@field fraction? number 0 < fraction <= 1 (default 1)

---@class neo.Ppa a share of a site's energy at a fixed price for a term
---@field share number 0 < share <= 1 (required)
---@field price_mwh number $/MWh of that share, >= 0 (required)
---@field start? neo.Date when it begins (default start)
---@field term_months number > 0 (required)

---@class neo.SiteBuild terms of building capacity at a site
---@field cost_per_mw number $ per MW built, >= 0 (required)
---@field months neo.DistValue construction time in months, > 0, drawn per build (required)
---@field payments? "monthly"|"at_end" paid at month ends as built, or all at completion (default "monthly")
---@field life_years? number straight-line depreciation from completion (default 20)

---@class neo.FleetEntry
---@field site string name of a site (required)
---@field sku string name of a SKU (required)
---@field nodes integer number of nodes >= 0 (required)
---@field installed? neo.Date installation date, not after start (default start)
---@field bought? boolean true: bought at the start (capex at t = 0); false: already owned (default false)
---@field lease? neo.LeaseIn leased in (an operating lease), not owned (default: owned)

---@class neo.LeaseIn an operating lease of the entry's nodes
---@field payment_month number $ per node per month, >= 0 (required)
---@field term_months number > 0, from the installed date; then returned (required)

---@class neo.Queue
---@field patience_hours number|neo.Dist hours a job waits before leaving; math.huge: forever

---@class neo.Tenant
---@field kind "reserved"|"on_demand"|"spot"|"internal" kind of tenant (required)
---@field sku? string SKU used (default: the only SKU when there is one)
---@field site? string site used (default: any)
---@field priority? integer allocation order, lower first (default: reserved 0, on_demand 1, spot 2, internal 3)
---@field arrivals_per_hour? neo.ProcessValue on_demand, spot: jobs per hour, > 0 (required for them)
---@field job_nodes? integer|neo.Dist on_demand, spot: nodes per job >= 1 (default 1)
---@field job_hours? neo.DistValue on_demand, spot: job duration in hours, > 0 (required for them)
---@field queue? "reject"|neo.Queue on_demand, spot: "reject" (default), or wait with patience
---@field price_gpu_hour? number|"market" $ per GPU-hour; on_demand, spot: or "market" (required but internal)
---@field price_factor? number on_demand, spot: x the market index when "market" (default 1)
---@field skus? string[] on_demand, spot: the SKUs its jobs may run on, preferred first, instead of sku
---@field price_per_perf? boolean on_demand, spot: the price is per perf-1 GPU-hour, x the SKU's perf (default false)
---@field elasticity? number on_demand, spot: arrivals x (price/market)^-elasticity (default 0); reserved: renewals and offers accepted with renew_prob x min(1, (market/price)^elasticity) (default 1)
---@field nodes? integer|neo.Process reserved: nodes contracted (0: no contract), or lines; internal: nodes wanted, a number or a process sampled each day (required for them)
---@field lines? neo.ContractLine[] reserved: one contract over several SKUs and sites, instead of sku, site and nodes (at most 16)
---@field ramp_months? number reserved: nodes come in equal monthly tranches over this many months (default 0: at once)
---@field escalator? number reserved: prices x (1 + escalator) at each anniversary (default 0)
---@field recall_penalty_months? number reserved: months of bills the operator pays to recall a contract (default 0)
---@field start? neo.Date reserved: contract start (default: scenario start)
---@field term_months? number reserved: contract term (required for it)
---@field take_or_pay? boolean reserved: billed whether used or not (default true)
---@field usage? number reserved without take-or-pay: fraction billed (default 1)
---@field renew_prob? neo.ProcessValue reserved: probability of renewal at term end, a number or a process (default 0)
---@field renew_factor? number reserved: renewal price = market index x this (default 1)
---@field default_prob_year? neo.ProcessValue reserved: hazard of tenant default per year, a number or a process (default 0)
---@field terminate_prob_year? neo.ProcessValue reserved: hazard of early termination per year, a number or a process (default 0)
---@field notice_days? number reserved: notice either side gives, a termination or a recall (default 90)
---@field prepay_fraction? number reserved: share of the contract value paid at start (default 0)
---@field sla_credit? number reserved: credit per undelivered GPU-hour, x price (default 1)
---@field value_gpu_hour? neo.ProcessValue internal: $ value of a GPU-hour of own use, a number or a process sampled each day (required for it)

---@class neo.ContractLine nodes of one SKU in a reserved contract
---@field sku string SKU of its nodes (required)
---@field site? string site of its nodes (default any; a tenant's lines of one SKU name one site)
---@field nodes integer nodes contracted, >= 0 (required)
---@field price_gpu_hour? number $ per GPU-hour (default: the tenant's price_gpu_hour)

---@class neo.MarketEntry
---@field price_gpu_hour neo.ProcessValue the rental price index, $ per GPU-hour (required)
---@field obsolescence? number x this each time a newer SKU is released (default 1)

---@class neo.Supplier
---@field lead_time_days? neo.DistValue days from shipping to delivery (default 90)
---@field node_price? table<string, neo.ProcessValue> $ per node by SKU (default: each SKU's node_price)
---@field monthly_cap? table<string, number> nodes shipped per month by SKU (default unlimited)
---@field pay_on? "order"|"delivery" when capex is paid (default "delivery")
---@field deposit? number with pay_on "delivery": share 0..1 of the price paid when ordered, the rest on delivery (default 0)

---@class neo.Shock
---@field kind "gpu_price"|"power_price"|"lead_time"|"supply_cut"|"demand"|"market_price" what it scales (required)
---@field name? string name in the events table (default shocks[i])
---@field sku? string gpu_price, supply_cut, market_price: SKU hit (default all)
---@field site? string power_price: site hit (default all)
---@field tenant? string demand: on_demand or spot tenant hit (default all)
---@field at? neo.Date date it hits (or rate_per_year)
---@field rate_per_year? number random shocks per year (or at)
---@field factor number multiplier while it lasts (required)
---@field days? number duration; math.huge: for good (default)

---@class neo.Debt
---@field name? string name of the tranche (default debt[i])
---@field principal number $ drawn (a facility: its limit) (required)
---@field rate number|neo.FloatingRate interest per year, fixed or floating (required)
---@field term_months number term (required)
---@field draw? neo.Date date drawn (default start)
---@field amortization? "annuity"|"linear"|"bullet" repayment (default "annuity")
---@field min_cash? number covenant: cash below it is a breach (default none)
---@field facility? boolean a revolving facility, drawn when cash would go below 0 (default false)
---@field covenants? neo.Covenant[] covenants tested while the tranche has a balance
---@field refinance? neo.Refinance rolled into a new loan at maturity if its covenants hold
---@field borrowing_base? neo.BorrowingBase a GPU-backed delayed-draw loan (principal: its commitment)
---@field interest_only_months? integer months of interest only at the start (default 0)
---@field upfront_fee? number x principal, paid when drawn or opened (default 0)
---@field commitment_fee? number per year on a facility's undrawn limit (default 0)
---@field revolving? boolean a facility repaid from spare cash at month ends and drawn again (default false)
---@field repay_above? number $ a revolving facility keeps when it repays (default 0)

---@class neo.Refinance
---@field term_months number term of the new loan (required)
---@field spread number|neo.Process spread over the base asked at maturity (required)

---@class neo.BorrowingBase
---@field advance_rate number share of the collateral lent, 0 to 1 (required)
---@field sku? string the SKU whose purchases it finances (default all)
---@field contracts? string[] reserved tenants whose contracted revenue is the collateral (default: its nodes)
---@field amortize_from neo.Date draws end and the balance amortises over the term left (required)

---@class neo.FloatingRate
---@field base number|neo.Process base rate per year, sampled each day (required)
---@field spread? number margin over the base per year (default 0)

---@class neo.Covenant
---@field kind "dscr"|"leverage"|"interest_cover"|"ltv"|"min_cash" what is tested (required)
---@field min? number least value that holds (dscr, interest_cover, min_cash)
---@field max? number largest value that holds (leverage, ltv)
---@field test? "monthly"|"quarterly"|"daily" when it is tested (default "monthly")
---@field cure_days? number days a breach has to be cured (default 0)
---@field on_breach? "event"|"sweep"|"step_up"|"accelerate" what a breach not cured does (default "event")
---@field step_up? number rate added while an uncured breach lasts (on_breach = "step_up")
---@field keep_cash? number $ a sweep leaves (default 0)

---@class neo.Policies
---@field review_every_days? number days between policy calls (default 30)
---@field params? table<string, number|boolean|string> values policies read as state.params
---@field procurement? fun(state: neo.PolicyState): neo.Action[]? buy and sell nodes
---@field pricing? fun(state: neo.PolicyState): neo.Action[]? set prices
---@field allocation? fun(state: neo.PolicyState): neo.Action[]? internal use, allocation order

---@class neo.PolicyState The state a policy sees (read-only: writing raises). Arrays are sorted by name: iterate them with ipairs, never pairs over the *_by_name maps (their order varies between processes).
---@field t_hours number hours since the scenario start
---@field t_days number days since the scenario start
---@field date string "YYYY-MM-DD" of the current day
---@field reason "review"|"shock"|"contract_end" why the policy is called
---@field cash number $
---@field debt number outstanding principal, $
---@field facility_left number undrawn limits of the facilities, $
---@field utilization number all nodes: busy or leased node-hours / node-hours in service, since the previous call
---@field params table<string, number|boolean|string> policies.params (swept like any key)
---@field skus neo.PolicySku[] by name
---@field skus_by_name table<string, neo.PolicySku>
---@field sites neo.PolicySite[] by name
---@field sites_by_name table<string, neo.PolicySite>
---@field tenants neo.PolicyTenant[] by name
---@field tenants_by_name table<string, neo.PolicyTenant>

---@class neo.PolicySku
---@field name string
---@field gpus_per_node integer
---@field node_kw number
---@field supplier_price number $ per node from the supplier now
---@field market_price? number $ per GPU-hour, the market index now (nil: no index)
---@field utilization number (leased + busy) / (idle + leased + busy + repairing), now
---@field pending_orders integer nodes ordered or in transit (not yet delivered)
---@field nodes neo.PolicyNodes nodes of this SKU by state, all sites

---@class neo.PolicyNodes
---@field ordered integer bought, waiting for the supplier to ship (monthly cap)
---@field in_transit integer shipped, lead time running
---@field installing integer delivered: being installed, or waiting for power
---@field idle integer
---@field leased integer held by reserved tenants
---@field busy integer running jobs or in internal use
---@field failed integer lost (a site without repair)
---@field repairing integer
---@field retired integer sold or retired

---@class neo.PolicySite
---@field name string
---@field power_mw number MW online now
---@field mw_used number MW drawn by installed nodes (node_kw x pue)
---@field mw_building number MW under construction (build actions not done)
---@field nodes table<string, neo.PolicyNodes> nodes at this site by SKU name, by state

---@class neo.PolicyTenant
---@field name string
---@field kind "reserved"|"on_demand"|"spot"|"internal"
---@field sku? string name of its SKU
---@field site? string name of its site (nil: any)
---@field price_gpu_hour number $ per GPU-hour now: reserved the contract price, internal value_gpu_hour
---@field nodes integer reserved: contracted; internal: target; on_demand, spot: nodes running its jobs
---@field active boolean reserved: under contract now; others: not defaulted
---@field backlog integer jobs waiting
---@field contract_end_days? number reserved under contract: day (since start) the term ends

---@alias neo.Action neo.ActionOrder|neo.ActionSell|neo.ActionRetire|neo.ActionPrice|neo.ActionBuild|neo.ActionDraw|neo.ActionRepay|neo.ActionRefinance|neo.ActionRaise|neo.ActionDividend|neo.ActionBuyback|neo.ActionOffer|neo.ActionRecall|neo.ActionInternal|neo.ActionPriority

---@class neo.ActionOrder buy nodes (capex when ordered or on delivery: supplier.pay_on)
---@field order string SKU
---@field site string site they are installed at
---@field nodes integer >= 1

---@class neo.ActionSell sell idle nodes for resale_fraction x node_price each
---@field sell string SKU
---@field site string
---@field nodes integer >= 1

---@class neo.ActionRetire retire idle nodes (no proceeds)
---@field retire string SKU
---@field site string
---@field nodes integer >= 1

---@class neo.ActionPrice set an on_demand or spot tenant's price (one with a number price, not "market")
---@field price string tenant
---@field gpu_hour number $ per GPU-hour, >= 0

---@class neo.ActionDraw draw on a facility
---@field draw string debt tranche name (facility = true)
---@field amount number $ > 0

---@class neo.ActionBuild start building capacity at a site with build terms; its MW come online when done
---@field build string site
---@field mw number MW > 0

---@class neo.ActionRepay repay a tranche's principal from cash before its schedule
---@field repay string debt tranche name
---@field amount? number $ > 0 (default: all it owes)

---@class neo.ActionRefinance roll a term loan's balance into a new loan now (its first payment at the next month end)
---@field refinance string debt tranche name (a term loan, amortising)
---@field term_months number months of the new loan, 1 to 12000
---@field spread? number over the base rate, >= 0 (default: the refinance terms' spread now, else the tranche's)

---@class neo.ActionRaise raise equity: cash and contributed equity rise; the owners' share is diluted
---@field raise number $ > 0
---@field valuation number pre-money valuation, $ > 0

---@class neo.ActionDividend pay the owners from cash (at most the cash there is)
---@field dividend number $ > 0

---@class neo.ActionBuyback buy shares back pro rata from cash (at most the cash there is)
---@field buyback number $ > 0

---@class neo.ActionOffer offer a reserved tenant one more contract, accepted with probability renew_prob x min(1, (market / price)^elasticity)
---@field offer string reserved tenant
---@field nodes integer >= 1
---@field price number $ per GPU-hour, >= 0
---@field term_months number > 0
---@field sku? string a SKU of the tenant's lines (default: its first line's)

---@class neo.ActionRecall the operator gives notice on a reserved tenant's contract, paying recall_penalty_months of its bills
---@field recall string reserved tenant
---@field contract? integer the K-th running contract, oldest first (default: every one without notice)

---@class neo.ActionInternal set an internal tenant's target nodes
---@field internal string internal tenant
---@field nodes integer >= 0

---@class neo.ActionPriority allocation order, first served first
---@field priority string[] tenant names, each once

---@class neo.Finance
---@field cash? number $ at the start (default 0)
---@field discount_rate? number per year, for the NPV (default 0.10)
---@field staff_month? number $ per month (default 0)
---@field terminal? "none"|"book" npv adds the fleet's book value at the horizon (default "none")
---@field tax? neo.Tax income tax (default none)
---@field debt? neo.Debt[] debt tranches

---@class neo.Tax
---@field rate? number of a calendar year's profit before tax, 0 to 1 (default 0)
---@field loss_carryforward? boolean losses offset later years' profits (default true)

---@class neo.Scenario
---@field name string scenario name: letters, digits, '_', '.', '-' (required)
---@field description? string what the scenario asks
---@field start neo.Date first day simulated (required)
---@field horizon_days number days simulated, > 0 and <= 365250 (required)
---@field warmup_days? number days before statistics start, < horizon_days (default 0)
---@field seed? integer|string base random seed, 0 to 2^64-1 (above 2^63-1 a string of digits; default 1)
---@field replications? integer runs per sweep point >= 1 (default 1)
---@field skus table<string, neo.Sku> GPU node types by name (required, at least one)
---@field sites table<string, neo.Site> data centers by name (required, at least one)
---@field fleet neo.FleetEntry[] nodes installed at the start (required, may be empty)
---@field tenants? table<string, neo.Tenant> customers by name
---@field factors? table<string, neo.Process> common factors by name, used through neo.factor(name [, levels]) wherever a process is (default {})
---@field market? table<string, neo.ProcessValue|neo.MarketEntry> rental price index by SKU
---@field supplier? neo.Supplier buying nodes
---@field shocks? neo.Shock[] dated or random shocks
---@field finance? neo.Finance money
---@field policies? neo.Policies Lua policies
---@field uncertain? neo.Uncertain a design of uncertain inputs
---@field sweep? table<string, any[]>|neo.SweepPoints key path -> values (grid), or neo.sweep.points{...}

---@class neo.Uncertain
---@field design? "random"|"lhs"|"saltelli"|"morris" the design (default "lhs")
---@field samples? integer rows (random, lhs), base samples (saltelli) or trajectories (morris); default 64
---@field inputs table<string, neo.Dist> key path -> its distribution
---@field correlations? { [1]: string, [2]: string, [3]: number }[] rank correlations { INPUT, INPUT, RHO }

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

--- The common factor `name` of the scenario's factors, where a process is accepted; levels map a
--- regime factor's states to values.
---@param name string
---@param levels? table<string, number>
---@return neo.Process
function neo.factor(name, levels) end

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

neo.policies = {}
---Order `nodes` of `sku` for `site` when the SKU's utilization is above `above` and fewer
---than `max_pending` nodes are bought but not in service (pending_orders + nodes.installing).
---@param t { sku: string, site: string, nodes: integer, above?: number, max_pending?: number } above default 0.85, max_pending default nodes
---@return fun(state: neo.PolicyState): neo.Action[]?
function neo.policies.order_when_utilization(t) end
---Set an on_demand or spot tenant's price to the market index x (1 - minus), not below
---min_price; the index of `sku`, else of the tenant's SKU, else of the only SKU with one.
---No index: no action.
---@param t { tenant: string, minus?: number, min_price?: number, sku?: string } minus default 0.1, min_price default 0
---@return fun(state: neo.PolicyState): neo.Action[]?
function neo.policies.price_at_market(t) end
---Set the internal tenant's target to floor(fraction x nodes of `sku` in service: idle,
---leased, busy, repairing); without sku the tenant's SKU, else all SKUs.
---@param t { tenant: string, fraction?: number, sku?: string } fraction default 0.2
---@return fun(state: neo.PolicyState): neo.Action[]?
function neo.policies.keep_internal(t) end
---A policy running the given ones in order and returning all their actions.
---@param ... fun(state: neo.PolicyState): neo.Action[]?
---@return fun(state: neo.PolicyState): neo.Action[]
function neo.policies.combine(...) end
---nil when actions is nil or a list of well-formed actions, else "action K: what is wrong".
---@param actions any
---@return string?
function neo.policies.check_actions(actions) end

---For C (sim/lua/policy.c): neo.policies.check_actions.
---@param actions any
---@return string?
function neo._check_actions(actions) end

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
