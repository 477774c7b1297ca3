/*
** config.h -- the model's configuration as plain C structs: what a
** scenario describes, resolved for one sweep point (defaults filled,
** dates as hours since the start, names resolved to 0-based indices).
** Built by sim/luacfg.c from Lua (lua/neo/CONTRACT.md); the model never
** sees Lua.  Money in US dollars, times in hours, rates per year unless
** a name says otherwise.
*/
#ifndef NEOSIM_CONFIG_H
#define NEOSIM_CONFIG_H

#include <stddef.h>

#include "dist.h"
#include "process.h"

typedef struct sku_cfg {
  char *name;
  int gpus_per_node;
  double node_price;        /* $ per node (supplier price at the start) */
  double node_kw;           /* all-in facility kW per node, before PUE */
  double idle_kw;           /* kW of a node installed and idle (node_kw when busy or leased) */
  double perf;              /* relative throughput: a job runs its job_hours / perf here */
  double mtbf_gpu_hours;    /* INFINITY: no failures; a node fails gpus_per_node times as often */
  double failure_shape;     /* Weibull shape k of a GPU's time to failure (1: exponential) */
  dist repair_hours;        /* a crew's time to repair a failed node, drawn per repair */
  double life_years;        /* straight-line depreciation from install */
  double release_h;         /* -INFINITY when not given */
  double resale_fraction;   /* of node_price, when sold or at end of life */
  double resale_rent_share; /* > 0: market value = this x rent at the index over life left */
} sku_cfg;

/* MW online at a site: from t_h on, mw in total (a step schedule). */
typedef struct online_step {
  double t_h, mw;
} online_step;

/* Building capacity at a site (the build action): absent unless on. */
typedef struct build_cfg {
  int on;
  double cost_per_mw; /* $ per MW built */
  dist months;        /* construction time, drawn per build (below 0: 0) */
  int at_end;         /* paid at completion; else month by month as it is built */
  double life_h;      /* straight-line depreciation from completion */
} build_cfg;

/* A power purchase agreement: share of a site's energy at a fixed price
** from start_h for term_h (share 0: none). */
typedef struct ppa_cfg {
  double share, price_mwh, start_h, term_h;
} ppa_cfg;

/* Site outages (power, cooling, network): Poisson starts at rate_per_year
** (0: none), each taking every working node of the site down with
** probability fraction, together, for a duration of `days` drawn per outage. */
typedef struct outage_cfg {
  double rate_per_year, fraction;
  dist days;
} outage_cfg;

typedef struct site_cfg {
  char *name;
  double power_mw; /* online from the start unless `online` is given */
  double pue;
  process_cfg power_price_mwh; /* $ per MWh */
  double colo_kw_month;        /* $ per kW-month of node_kw (IT load) */
  double colo_committed_kw;    /* colocation paid on at least this many kW, used or not */
  int repair;                  /* 0: failed nodes are lost (orbital) */
  double repair_crews;         /* repairs at once; more wait, FIFO (INFINITY: no queue) */
  outage_cfg outage;
  double install_hours; /* from delivery to in service */
  online_step *online;  /* ascending; empty: power_mw from the start */
  size_t nonline;
  build_cfg build;
  ppa_cfg ppa;
} site_cfg;

typedef struct fleet_cfg {
  int site, sku;
  long nodes;
  double installed_h; /* <= 0; depreciation and failures count from here */
  int bought;         /* 1: bought at the start (capex at t = 0), 0: already owned */
  double lease_month; /* > 0: leased in (operating lease), $ per node-month; 0: owned */
  double lease_end_h; /* leased in: returned then (installed + the lease's term) */
} fleet_cfg;

typedef enum tenant_kind {
  TENANT_RESERVED = 0, /* dedicated nodes under contract */
  TENANT_ON_DEMAND,    /* jobs, rejected or queued */
  TENANT_SPOT,         /* jobs, preempted when paying work needs the nodes */
  TENANT_INTERNAL,     /* the operator's own use, valued, not billed */
  TENANT_NKINDS
} tenant_kind;

/* A line of a reserved contract: nodes of a SKU at a site (-1: any) at a
** price.  A tenant's lines of one SKU share one site. */
typedef struct ct_line {
  int sku, site;
  long nodes;
  double price; /* $ per GPU-hour */
} ct_line;

/* The most lines a contract has. */
#define CT_MAX_LINES 16

typedef struct tenant_cfg {
  char *name;
  tenant_kind kind;
  int sku;
  int site;     /* -1: any site */
  int priority; /* allocation order, lower first (reserved 0 .. internal 3) */
  /* on_demand and spot */
  process_cfg arrivals_per_hour;
  dist job_nodes; /* rounded to an integer >= 1 */
  dist job_hours;
  int reject;            /* 1: Erlang loss; 0: queue with patience */
  dist patience_hours;   /* constant INFINITY: never abandon */
  double price_gpu_hour; /* $; used when !price_market */
  int price_market;      /* 1: price = market index x price_factor */
  double price_factor;   /* e.g. 0.3 for spot at 70% off the index */
  double elasticity;     /* arrivals x (price / market)^-elasticity; 0: none (reserved: of
                            renewals and offers, x min(1, (market / price)^elasticity)) */
  int *prefs;            /* on_demand, spot: the SKUs a job may run on, preferred first */
  size_t nprefs;
  int price_per_perf; /* the price is per GPU-hour of perf 1: x the SKU's perf */
  /* reserved */
  long nodes; /* reserved: contracted nodes; internal: wanted nodes */
  double start_h, term_months;
  int take_or_pay;            /* 1: billed whether used or not */
  double usage;               /* fraction used when not take-or-pay */
  double renew_prob;          /* at term end, renewed at the then market price */
  double renew_factor;        /* renewal price = market index x renew_factor */
  double default_prob_year;   /* hazard of tenant default */
  double terminate_prob_year; /* hazard of early termination notice */
  process_cfg renew_process, default_process, terminate_process; /* the three as processes */
  double notice_days;     /* notice before an early termination takes effect */
  double prepay_fraction; /* of the contract value, paid at start */
  double sla_credit;      /* credit per undelivered GPU-hour, as a multiple of price */
  ct_line *lines;         /* its contract's lines (1 .. CT_MAX_LINES; one of sku, site, nodes) */
  size_t nlines;
  double ramp_months;           /* nodes come in equal monthly tranches over this (0: at once) */
  double escalator;             /* prices x (1 + escalator) at each anniversary */
  double recall_penalty_months; /* a recall costs the operator this many months of billing */
  /* internal */
  double value_gpu_hour;     /* $ value of a GPU-hour of own use (not cash) */
  process_cfg value_process; /* internal: the value, sampled daily (constant: value_gpu_hour) */
  process_cfg nodes_process; /* internal: nodes wanted, sampled daily (constant: nodes) */
} tenant_cfg;

/* The rental price index of one SKU. */
typedef struct market_cfg {
  int defined; /* 0: no index for this SKU */
  process_cfg price_gpu_hour;
  double obsolescence; /* x this factor when each newer SKU is released (1: none) */
} market_cfg;

typedef struct supplier_cfg {
  dist lead_time_days;     /* order to delivery */
  process_cfg *node_price; /* per SKU: $ per node over time */
  double *monthly_cap;     /* per SKU: nodes shipped per calendar month (INFINITY) */
  double deposit;          /* share of a node's price paid when ordered (1: pay_on order), the
                           ** rest on delivery */
} supplier_cfg;

typedef enum shock_kind {
  SHOCK_GPU_PRICE = 0, /* supplier node price x factor (target sku or all) */
  SHOCK_POWER_PRICE,   /* site power price x factor (target site or all) */
  SHOCK_LEAD_TIME,     /* lead times x factor (HBM shortage) */
  SHOCK_SUPPLY_CUT,    /* monthly caps x factor (export control; 0 stops) */
  SHOCK_DEMAND,        /* arrival rates x factor (target tenant or all) */
  SHOCK_MARKET_PRICE,  /* market index x factor (target sku or all) */
  SHOCK_NKINDS
} shock_kind;

typedef struct shock_cfg {
  char *name; /* for the record: "shocks[2]" or its name key */
  shock_kind kind;
  int target;           /* sku, site or tenant index by kind; -1: all */
  double at_h;          /* dated shock; NAN when random */
  double rate_per_year; /* random shocks: Poisson rate */
  double factor;
  double days; /* duration; INFINITY: permanent */
} shock_cfg;

typedef enum amort_kind { AMORT_ANNUITY = 0, AMORT_LINEAR, AMORT_BULLET, AMORT_NKINDS } amort_kind;

typedef enum covenant_kind {
  COV_DSCR = 0,       /* EBITDA / (interest + scheduled principal), last 12 months: min */
  COV_LEVERAGE,       /* debt / EBITDA of the last 12 months: max */
  COV_INTEREST_COVER, /* EBITDA / interest, last 12 months: min */
  COV_LTV,            /* the tranche's balance / its collateral's book value: max */
  COV_MIN_CASH,       /* cash: min */
  COV_NKINDS
} covenant_kind;

typedef enum covenant_test {
  TEST_MONTHLY = 0,
  TEST_QUARTERLY,
  TEST_DAILY,
  TEST_NKINDS
} covenant_test;

typedef enum breach_action {
  BREACH_EVENT = 0,  /* record only */
  BREACH_SWEEP,      /* cash above keep_cash repays principal */
  BREACH_STEP_UP,    /* the rate rises by step_up while it lasts */
  BREACH_ACCELERATE, /* the whole principal is due now */
  BREACH_NKINDS
} breach_action;

typedef struct covenant_cfg {
  covenant_kind kind;
  double limit; /* the min of dscr, interest_cover, min_cash; the max of leverage, ltv */
  covenant_test test;
  double cure_h; /* a breach still failing this long after it began is acted on */
  breach_action on_breach;
  double step_up;   /* per year */
  double keep_cash; /* $ a sweep leaves */
} covenant_cfg;

typedef struct debt_cfg {
  char *name;
  double principal;      /* $ drawn at draw_h (a facility: the limit) */
  process_cfg rate_base; /* per year: the rate is this process plus spread (fixed: a constant) */
  double spread;
  double term_months;
  int interest_only_months; /* the first months pay interest only */
  double draw_h;
  amort_kind amort;
  double upfront_fee;    /* x principal, paid when drawn (a facility: when it opens) */
  double commitment_fee; /* per year on a facility's undrawn limit while it is open */
  int facility;          /* 1: a limit drawn when cash would go below 0 or by policy */
  int revolving;         /* a facility repaid from cash above repay_above at month ends, redrawn */
  double repay_above;
  covenant_cfg *covenants;
  size_t ncovenants;
  /* A delayed-draw loan on a borrowing base (advance_rate > 0): drawn as
  ** nodes are paid for, up to principal and advance_rate x its collateral,
  ** from draw_h to amortize_h, then amortised over the term left. */
  double advance_rate; /* 0: not a borrowing-base loan */
  int sku;             /* the SKU it finances, -1 all */
  int *contracts;      /* collateral: these reserved tenants' contracts; none: its nodes */
  size_t ncontracts;
  double amortize_h;
  /* At maturity a term loan whose covenants hold is rolled into a new one
  ** of refi_term_months (0: repaid) at its base rate plus the then value of
  ** refi_spread. */
  double refi_term_months;
  process_cfg refi_spread;
} debt_cfg;

typedef struct finance_cfg {
  double cash;          /* $ at the start (equity) */
  double discount_rate; /* per year, for npv */
  double staff_month;   /* $ per month */
  int terminal_book;    /* 1: npv adds the fleet's book value at the horizon */
  double tax_rate;      /* of a tax year's profit before tax (0: no tax) */
  int tax_carryforward; /* 1: a year's loss offsets the profits of later years */
  debt_cfg *debt;
  size_t ndebt;
} finance_cfg;

typedef struct policy_cfg {
  double review_every_h;                /* INFINITY: no review ticks */
  int procurement, pricing, allocation; /* which policies the scenario defines */
} policy_cfg;

typedef struct model_cfg {
  long start_days; /* day number of the start date (calendar.h) */
  double horizon_h;
  double warmup_h; /* time averages and job statistics start here */
  size_t nskus, nsites, nfleet, ntenants, nshocks;
  sku_cfg *skus;
  site_cfg *sites;
  fleet_cfg *fleet;
  tenant_cfg *tenants;
  market_cfg *markets; /* one per SKU */
  supplier_cfg supplier;
  shock_cfg *shocks;
  finance_cfg finance;
  policy_cfg policies;
} model_cfg;

/* Free everything a model_cfg owns (the struct itself too); NULL no-op. */
void model_cfg_free(model_cfg *c);

/* The names of the kinds, as scenarios spell them; parse: the kind, or -1. */
const char *tenant_kind_name(tenant_kind k);
const char *shock_kind_name(shock_kind k);
const char *amort_kind_name(amort_kind k);
int tenant_kind_parse(const char *name);
int shock_kind_parse(const char *name);
int amort_kind_parse(const char *name);
const char *covenant_kind_name(covenant_kind k);
int covenant_kind_parse(const char *name);
int covenant_test_parse(const char *name);
int breach_action_parse(const char *name);

#endif
