/*
** model_int.h -- the model's state, in the parts each file owns, and
** what the files ask of each other:
**   model.c     set-up, dispatch, policy calls, the run and its metrics
**   actions.c   what policies see (accessors) and do (model_act_*)
**   tenant.c    the tenant kinds (tenant_ops) and the tenant metrics
**   sets.c      sets and queues of node and job indices
**   fleet.c     nodes and pools: states, power, failures, end of life,
**               allocation between tenants and preemption
**   repair.c    repairs of failed nodes by a site's crews, and their queue
**   outage.c    site outages that take nodes down together
**   supply.c    orders, monthly caps, lead times, deliveries, capex
**   ondemand.c  on-demand and spot tenants: jobs, queues, service
**   hold.c      the nodes a reserved or internal tenant holds
**   reserved.c  reserved contracts: start, bills, renewal, default
**   internal.c  the operator's own use
**   market.c    rental price index, supplier, power and interest rates, shocks
**   ledger.c    daily books, months, cash flows, default
**   debt.c      debt tranches: draws, interest, fees, schedules, repayments
**   books.c     the double-entry books beside the model's own figures
**   equity.c    equity raised, dividends, buy-backs; the owners' share
**   covenant.c  covenants: trailing figures, tests, breaches, cures
**   tax.c       income tax: assessed monthly, paid at year ends
**   build.c     building capacity: construction, its payments, MW online
** A part's struct is written by its file only; others read it.
*/
#ifndef NEOSIM_MODEL_INT_H
#define NEOSIM_MODEL_INT_H

#include "engine.h"
#include "err.h"
#include "finance.h"
#include "journal.h"
#include "membudget.h"
#include "model.h"
#include "rng.h"
#include "units.h"

#define NONE UINT32_MAX

enum {
  EV_ARRIVAL = 0, /* id = tenant */
  EV_DEPART,      /* id = job */
  EV_ABANDON,     /* id = job */
  EV_DAY,
  EV_WARMUP,
  EV_FAILURE,      /* id = pool: the next failure among its working nodes */
  EV_REPAIRED,     /* id = node */
  EV_INSTALLED,    /* id = node */
  EV_DELIVERY,     /* id = shipment */
  EV_END_OF_LIFE,  /* id = node */
  EV_CONTRACT,     /* id = tenant, arg = contract event (CT_*) */
  EV_POWER,        /* id = site: a step of its MW schedule */
  EV_RELEASE,      /* id = sku: a newer SKU is released (obsolescence) */
  EV_SHOCK,        /* id = shock, arg 1: hit, 0: end */
  EV_REVIEW,       /* policy review tick */
  EV_BUILT,        /* id = build: construction done */
  EV_FINANCED,     /* t = 0: the fleet bought at the start financed */
  EV_LEASE_END,    /* id = initial fleet entry: its nodes leased in go back */
  EV_NODE_FAILURE, /* id = node: its age-dependent failure */
  EV_OUTAGE,       /* id = site: an outage starts there */
  EV_OUTAGE_END,   /* id = outage (outage.c's record) */
  EV_NKINDS
};

enum { CT_START = 0, CT_END, CT_DEFAULT, CT_NOTICE, CT_STEP };

/* A quantity integrated over time: total += rate * dt, piecewise. */
typedef struct integral {
  double rate, since, total;
} integral;

static inline void integral_set(integral *g, double t, double rate) {
  g->total += g->rate * (t - g->since);
  g->since = t;
  g->rate = rate;
}
static inline void integral_add(integral *g, double t, double d) {
  integral_set(g, t, g->rate + d);
}
static inline double integral_at(const integral *g, double t) {
  return g->total + g->rate * (t - g->since);
}
/* Start counting afresh at t (the warm-up's end), the rate unchanged. */
static inline void integral_restart(integral *g, double t) {
  integral_set(g, t, g->rate);
  g->total = 0;
}

/* A growable array of node or job indices with O(1) removal (the
** element's position is kept by its owner). */
typedef struct idset {
  uint32_t *a;
  size_t n, cap;
} idset;

/* idset: add id, storing its position; take the element at pos (< n) out
** by moving the last one there, returning the moved id (NONE if none). */
int idset_grow(idset *s); /* room for one more: 0, or -1 out of memory */
static inline int idset_add(idset *s, uint32_t id, uint32_t *pos) {
  if (s->n == s->cap && idset_grow(s)) return -1;
  *pos = (uint32_t)s->n;
  s->a[s->n++] = id;
  return 0;
}
uint32_t idset_take(idset *s, uint32_t pos);

/* A FIFO of job or node indices (ring buffer). */
typedef struct fifo {
  uint32_t *a;
  size_t head, n, cap;
} fifo;

/* Append x, growing by doubling what the memory budget takes ("a queue of
** N <what>"): 0, or -1 (out of memory or budget; the run failed for the budget). */
int fifo_push(model *m, fifo *q, uint32_t x, const char *what);
static inline uint32_t fifo_front(const fifo *q) { return q->n ? q->a[q->head] : NONE; }
static inline void fifo_pop(fifo *q) {
  q->head = (q->head + 1) % q->cap;
  q->n--;
}

/* ---- fleet.c ------------------------------------------------------------ */

/* What the memory budget takes for a node, at most: its record (40 bytes)
** in an array grown by doubling (80), its places in its pool's idle and
** working sets, a holder's set, a job's and a site's waiting list (4 bytes
** each, doubled: 40) and its pending end-of-life or repair event (64). */
#define NODE_BYTES 184.0
/* The most nodes a run may create: node ids are 32-bit, NONE excluded. */
#define MODEL_MAX_NODES 4294967294.0

typedef struct node {
  uint32_t pool;
  uint8_t state;      /* model.h node_state */
  uint8_t eol;        /* past its useful life: retire when free */
  int16_t lender;     /* the debt tranche it secures (a borrowing base), -1 none */
  int32_t tenant;     /* holder (leased, busy), -1 none */
  uint32_t job;       /* job it runs, NONE */
  uint32_t pos;       /* position in the idset that holds it (idle or a holder's) */
  uint32_t up_pos;    /* position in its pool's working set, NONE when not working */
  double installed_h; /* NAN until installed */
  double price;       /* what it cost */
} node;

/* Nodes of one SKU at one site. */
typedef struct pool {
  int site, sku;
  idset idle; /* idle nodes */
  idset up;   /* installed and working nodes (failure candidates) */
  long count[NODE_NSTATES];
  engine_handle failure; /* next failure event */
  idset spot_jobs;       /* running jobs of preemptible tenants (ondemand.c) */
  integral installed;    /* installed nodes (idle, busy, leased, in repair) */
  integral busy;         /* busy or leased nodes */
  double busy_billed_h;  /* of billed_h, busy or leased node-hours */
  double billed_h;       /* node-hours installed that power and colocation are paid for */
} pool;

typedef struct fleet_part {
  node *nodes;
  uint32_t nnodes, capnodes;
  pool *pools;
  size_t npools, cappools;
  int32_t *pool_index; /* pools by (site, sku): fleet.c's hash table, pool_cap slots */
  size_t pool_cap;
  double *site_kw;     /* per site: kW drawn (node_kw x pue) by installed nodes */
  double *site_mw;     /* per site: MW online now */
  double *site_built;  /* per site: MW online by builds (build.c), on top of the schedule */
  idset *site_waiting; /* per site: delivered nodes waiting for power */
  rng failures;
  double failures_n;
  integral dep_rate; /* depreciation $/h of nodes in service */
  double impairment; /* book value written down to market values */
  long nodes_total;  /* installed, not retired */
} fleet_part;

/* How much of the fleet is in use, integrated over time (fleet.c keeps it
** in step with node states; the warm-up restarts the first two). */
typedef struct usage_part {
  integral busy;                    /* busy + leased nodes (after warm-up) */
  integral installed;               /* installed nodes (after warm-up) */
  integral busy_all, installed_all; /* the same over the whole run */
  integral repairing;               /* nodes in repair: downtime */
} usage_part;

int fleet_init(model *m);
/* Room for n more nodes (what: printf-style, "an order of 10 nodes"): the
** memory budget takes them (NODE_BYTES each) and node ids stay 32-bit.  0,
** or -1 with why in err (nothing taken). */
int fleet_room(model *m, double n, char *err, size_t errlen, const char *what, ...)
    __attribute__((format(printf, 5, 6)));
uint32_t fleet_new_node(model *m, int sku, int site, node_state state, double price);
void fleet_delivered(model *m, uint32_t id);
void fleet_set_state(model *m, uint32_t id, node_state state);
uint32_t fleet_take_idle(model *m, uint32_t pool);
void fleet_release(model *m, uint32_t id);
/* A job's nodes, as one step: k idle nodes of the pool (it has them) made
** busy for job j of the tenant, into ids[] in the order fleet_take_idle()
** gives them; and ids[] (but keep) released as fleet_release() does each,
** in order.  The same states, sets and integrals as node by node. */
void fleet_take_idle_for(model *m, uint32_t pool, uint32_t k, int32_t holder, uint32_t j,
                         uint32_t *ids);
void fleet_release_job(model *m, const uint32_t *ids, uint32_t k, uint32_t keep);
void fleet_rebalance(model *m, int sku);
long fleet_free_for(model *m, uint32_t pool, int priority, long want);
long fleet_working(const model *m);
void fleet_on_failure(engine *e, const engine_event *ev, void *ctx);
void fleet_on_node_failure(engine *e, const engine_event *ev, void *ctx);
void fleet_on_repaired(engine *e, const engine_event *ev, void *ctx);
void fleet_on_installed(engine *e, const engine_event *ev, void *ctx);
void fleet_on_end_of_life(engine *e, const engine_event *ev, void *ctx);
void fleet_on_power(engine *e, const engine_event *ev, void *ctx);
void fleet_add_mw(model *m, int site, double mw); /* a build done: its MW online */
/* At t = 0, after the contracts that start then: the fleet bought at the
** start financed by a borrowing-base loan (contracts may be its collateral). */
void fleet_on_financed(engine *e, const engine_event *ev, void *ctx);
void fleet_on_lease_end(engine *e, const engine_event *ev, void *ctx);
/* Take working node id down (an outage): its holder loses it, it is in
** repair (NODE_REPAIRING) until fleet_release() brings it back -- or retires
** it, past its life; an age-dependent failure it has pending stays pending. */
void fleet_down(model *m, uint32_t id);
/* A month end at t: nodes in service worth less on the market than their
** book value are written down to it (skus.<name>.resale_rent_share). */
void fleet_impair(model *m, double t);
double fleet_book_value(const model *m, double t);
/* Of the nodes that secure tranche lender (fleet_pledge). */
double fleet_book_value_of(const model *m, double t, int lender);
/* Nodes first .. first + n - 1 secure tranche lender. */
void fleet_pledge(model *m, uint32_t first, long n, int lender);
long fleet_count(const model *m, int sku, int site, node_state state);
int fleet_sell(model *m, int sku, int site, long n, int sell, char *err, size_t errlen);
void fleet_free(model *m);

/* ---- repair.c ----------------------------------------------------------- */

typedef struct repair_part {
  double *busy;     /* per site: crews at work */
  fifo *queue;      /* per site: failed nodes waiting for a crew */
  integral waiting; /* nodes waiting for a crew, all sites (from the warm-up's end) */
  double entered;   /* failed nodes that came for repair (from the warm-up's end) */
  int crews;        /* some site has repair_crews: the wait is a metric */
  rng times;
} repair_part;

int repair_init(model *m);
void repair_free(model *m);
/* Failed node id (NODE_REPAIRING) comes for repair: a free crew starts on it, or it waits. */
void repair_start(model *m, uint32_t id);
/* A repair of a node at site ended: its crew takes the next node waiting. */
void repair_done(model *m, int site);
void repair_on_warmup(model *m, double t);
int repair_metrics(model *m, double t);

/* ---- outage.c ----------------------------------------------------------- */

typedef struct outage {
  uint32_t *nodes; /* the nodes it took down */
  size_t n;
  uint32_t next_free; /* in the free list of records */
} outage;

typedef struct outage_part {
  outage *o; /* records, reused once an outage ends */
  size_t n, cap;
  uint32_t free_head;
  rng *r;        /* per site: its outages' times, durations and nodes */
  integral down; /* nodes down in an outage */
  double hit;    /* outages so far */
  int on;        /* some site has outages: they are metrics */
} outage_part;

int outage_init(model *m);
void outage_free(model *m);
void outage_on_start(engine *e, const engine_event *ev, void *ctx);
void outage_on_end(engine *e, const engine_event *ev, void *ctx);
int outage_metrics(model *m, double t);

/* ---- supply.c ----------------------------------------------------------- */

typedef struct order {
  int sku, site;
  long nodes;     /* still to ship */
  uint32_t first; /* first node of the order (contiguous ids) */
  long shipped;
} order;

typedef struct shipment {
  uint32_t first; /* node ids first .. first+nodes-1 */
  long nodes;
} shipment;

typedef struct supply_part {
  order *orders;
  size_t norders, caporders, order_head;
  shipment *ships;
  size_t nships, capships;
  double *shipped_month; /* per SKU, this calendar month */
  rng lead;
} supply_part;

int supply_init(model *m);
int supply_order(model *m, int sku, int site, long n, char *err, size_t errlen);
void supply_month(model *m);
void supply_ship(model *m); /* ship what this month's caps allow now */
void supply_on_delivery(engine *e, const engine_event *ev, void *ctx);
double supply_price(const model *m, int sku, double t);
long supply_pending(const model *m, int sku);
void supply_free(model *m);

/* ---- tenants (tenant.c, ondemand.c, hold.c, reserved.c, internal.c) ----- */

typedef struct tenant tenant;

/*
** What a tenant kind does: the fleet, the books and the policies ask a
** tenant through these, never by testing its kind.  A NULL operation is
** one the kind does not have.
*/
typedef struct tenant_ops {
  node_state holds_as; /* the state of a node it uses */
  int billed;          /* 0: own use, valued at value_gpu_hour, never billed */
  int paid_daily;      /* 1: its revenue is cash the day it accrues; 0: collected month by month */
  int contracted;      /* 1: active only while a contract runs (model_tenant_active) */
  /* At the start: streams, first events, nodes held from the start. */
  int (*init)(model *m, tenant *tn);
  /* Idle nodes of its SKU may be free: take what it wants. */
  void (*serve)(model *m, tenant *tn);
  /* Node `node`, which it used, failed: it no longer has it. */
  void (*lose)(model *m, tenant *tn, uint32_t node);
  /* Free up to `count` of its nodes in the pool for a tenant of higher
  ** priority (NULL: it is never preempted). */
  void (*give_back)(model *m, tenant *tn, uint32_t pool, long count);
  /* What it holds changed at `now`: its bills follow (NULL: not billed by the node). */
  void (*bill)(model *m, tenant *tn, double now);
  /* A calendar month ends: collect its bills (NULL: nothing to do). */
  void (*month_end)(model *m, tenant *tn);
  /* Its price ($ per GPU-hour) and nodes now, as policies see them. */
  double (*price)(const model *m, const tenant *tn);
  long (*nodes)(const model *m, const tenant *tn);
  /* Policy actions the kind takes (NULL: refused); 0 or -1 with why. */
  int (*set_price)(model *m, tenant *tn, double gpu_hour, char *err, size_t errlen);
  int (*offer)(model *m, tenant *tn, int sku, long nodes, double price, double term_months,
               char *err, size_t errlen);
  int (*set_nodes)(model *m, tenant *tn, long nodes, char *err, size_t errlen);
  void (*free)(model *m, tenant *tn);
} tenant_ops;

extern const tenant_ops reserved_ops, on_demand_ops, spot_ops, internal_ops;
const tenant_ops *tenant_ops_of(tenant_kind k);

/* A job of an on-demand or spot tenant.  Its nodes are kept in the
** record up to this many (no allocation a job for most jobs). */
#define JOB_INLINE_NODES 8
typedef struct job {
  uint32_t tenant;
  uint32_t pool;
  uint32_t nnodes;
  union {
    uint32_t in[JOB_INLINE_NODES]; /* nnodes <= JOB_INLINE_NODES */
    uint32_t *out;                 /* more, allocated (NULL until it starts) */
  } nodes;
  double arrived, hours, started; /* hours: on a perf-1 node */
  double rate;                    /* $ per hour while it runs */
  engine_handle abandon, depart;
  uint32_t spot_pos; /* position in the pool's spot_jobs */
  uint32_t next_free;
  int8_t waiting; /* 1 queued, 0 running, -1 abandoned (tombstone in the queue) */
} job;

/* On-demand and spot (ondemand.c). */
typedef struct tenant_jobs {
  double price;         /* current price per GPU-hour (unless market-priced) */
  double elastic_const; /* market-priced: the demand multiplier price_factor^-elasticity */
  process *rate;        /* arrivals per hour */
  double rate_max;
  double win_t0, win_t1, win_lo, win_hi; /* rate within [win_lo, win_hi] over [win_t0, win_t1] */
  engine_handle next_arrival;
  rng arrivals, sizes, durations, patience;
  fifo queue;
  double jobs, served, blocked, abandoned, preempted, interrupted, wait_sum;
  long nodes; /* held by its running jobs */
  integral queue_len;
} tenant_jobs;

/* What a tenant holds of one SKU (hold.c): nodes at a site (-1: any). */
typedef struct hold_group {
  int sku, site;
  long want, n; /* nodes wanted and held */
} hold_group;

/* Reserved and internal (hold.c): the nodes held, per pool, and per SKU. */
typedef struct tenant_hold {
  idset *held;
  size_t npools;
  hold_group *g; /* the SKUs it holds, a site each */
  size_t ng;
  long n;    /* nodes held, over the groups */
  long want; /* nodes wanted (contracted, or the internal target) */
} tenant_hold;

/* A reserved tenant's contract (reserved.c): lines of nodes of a SKU at a
** price, for a term; its own bills, prepayment and notice. */
typedef struct contract {
  uint32_t id;       /* its events carry it */
  int renew_blocked; /* notice given (by the tenant 1, the operator 2): not renewed */
  int ramped;        /* every tranche due (a renewal's nodes are there) */
  double start, end; /* the term's, hours */
  double term_months;
  size_t nlines;
  int group[CT_MAX_LINES];                  /* per line: the tenant's hold group (its SKU) */
  long nodes[CT_MAX_LINES];                 /* per line: nodes contracted */
  double price[CT_MAX_LINES];               /* per line: $ per GPU-hour at the term's start */
  integral revenue, credit;                 /* its bills and SLA credits */
  double billed, prepaid;                   /* collected; prepayment not yet consumed */
  engine_handle ev_end, ev_notice, ev_step; /* step: a tranche due or an escalation */
} contract;

/* Reserved (reserved.c): its contracts, oldest first (nodes held go to the
** oldest first), and what they share: the tenant's default and totals. */
typedef struct tenant_contract {
  contract *c;
  size_t n, cap;
  uint32_t next_id;
  int active; /* a contract runs */
  int defaulted;
  long renewals;
  double price, end;    /* of the latest contract started ($ per GPU-hour); the next end (hours) */
  double default_until; /* the default hazard is drawn to here */
  engine_handle ev_default;
  rng events;
  process *renew_p, *default_p, *terminate_p; /* time-varying (NULL: the cfg's numbers) */
  double billed;                              /* revenue accrued and collected (or written off) */
  double prepaid;                             /* prepayment not yet consumed by bills */
  double bad_debt;                            /* bills lost to a default */
  double forfeited; /* prepayment never consumed, earned when a contract ended */
  double penalties; /* paid by the operator for recalls */
  double default_day;
} tenant_contract;

struct tenant {
  const tenant_cfg *cfg;
  const tenant_ops *ops;
  int priority;
  integral revenue;      /* $ accrued (whole run) */
  integral gpu_hours;    /* GPU-hours served or held */
  integral credit;       /* SLA credits accrued */
  double income_sampled; /* tenant_income() at the last sample */
  /* internal with a process for its value or nodes (internal.c): the value
  ** accrued, the processes (NULL: constant), the value of today */
  integral value;
  process *value_p, *nodes_p;
  double value_now;
  char **metric_names; /* "<tenant>.<metric>", one per tenant_metric (tenant.c) */
  tenant_jobs jobs;
  tenant_hold hold;
  tenant_contract ct;
  int waits_noted; /* tenant_waits() when last noted in model.waiting */
};

/* Each day at t: an internal tenant's value and nodes wanted follow their
** processes. */
void internal_day(model *m, double t);
/* The own-use value of an internal tenant accrued to t. */
double internal_value(const tenant *tn, double t);

/* Whether serving the tenant could change anything: it has jobs queued, or
** holds fewer nodes than it wants (serve() of every kind does nothing
** otherwise; the fleet asks this first, as it asks every tenant of a SKU
** each time nodes come free). */
static inline int tenant_waits(const tenant *tn) {
  return tn->jobs.queue.n > 0 || tn->hold.n < tn->hold.want;
}
/* After a change of its queue or of the nodes it holds or wants: count it
** among the waiting tenants of each SKU it uses, or no longer (the fleet
** skips a SKU none of whose tenants waits). */
void tenant_note_waits(model *m, tenant *tn);

/* Revenue accrued by t: the accrual, and prepayments forfeited. */
static inline double tenant_revenue(const tenant *tn, double t) {
  return integral_at(&tn->revenue, t) + tn->ct.forfeited;
}

/* Does the tenant use the SKU (its own, a contract line's)? */
int tenant_uses(const tenant_cfg *c, int sku);
/* Revenue, or for own use its value, accrued by t. */
double tenant_income(const tenant *tn, double t);
/* The tenant metrics: name them (once), then write those of each tenant's kind. */
int tenant_name_metrics(model *m, tenant *tn);
int tenant_metrics(model *m, double t);
void tenant_free_names(tenant *tn);

/* ondemand.c */
void od_on_arrival(engine *e, const engine_event *ev, void *ctx);
void od_on_depart(engine *e, const engine_event *ev, void *ctx);
void od_on_abandon(engine *e, const engine_event *ev, void *ctx);
void od_on_warmup(model *m, double t);
void od_reschedule_arrivals(model *m);
void od_free(model *m); /* the job table */

typedef struct jobs_part {
  job *jobs;
  uint32_t njobs, capjobs, free_job;
  uint32_t *tenants; /* the on-demand and spot tenants, in scenario order */
  size_t ntenants;
} jobs_part;

/* hold.c: take, give back and lose held nodes; each ends with the
** tenant's rates (gpu-hours, and a reserved tenant's bills) in step. */
/* Its groups: a reserved tenant's lines' SKUs, or its own SKU and site. 0, or -1. */
int hold_init(model *m, tenant *tn);
int hold_group_of(const tenant *tn, int sku); /* -1: none */
void hold_want(model *m, tenant *tn, int group, long want);
void hold_fill(model *m, tenant *tn);
void hold_trim(model *m, tenant *tn); /* give back what a group holds beyond its want */
void hold_give_back(model *m, tenant *tn, uint32_t pool, long count);
void hold_lose(model *m, tenant *tn, uint32_t node);
void hold_update(model *m, tenant *tn);
long hold_nodes(const model *m, const tenant *tn);
void hold_free(model *m, tenant *tn);

/* reserved.c */
void ct_on_event(engine *e, const engine_event *ev, void *ctx);
/* The bills still contracted at t over the tenant's contracts: nodes x GPUs
** x price over the terms' hours left (0 without a contract running); a
** borrowing base's collateral. */
double reserved_backlog(const model *m, const tenant *tn, double t);
/* The recall action: the operator gives notice on the tenant's contract k
** (0-based among those running, oldest first; -1: all), paying its penalty.
** 0, or -1 with err. */
int reserved_recall(model *m, tenant *tn, int k, char *err, size_t errlen);

/* ---- market.c ----------------------------------------------------------- */

typedef struct market_part {
  process **index;       /* per SKU: rental price index, NULL when undefined */
  process **node_price;  /* per SKU: supplier price */
  process **power_price; /* per site */
  process **rate;        /* per debt tranche: its base rate */
  process **refi_spread; /* and the spread it would be refinanced at */
  int *releases;         /* per SKU: newer SKUs released so far */
  double *obsolete;      /* per SKU: obsolescence ^ releases, the index's factor */
  double *mult_gpu, *mult_power, *mult_cap, *mult_demand, *mult_market; /* shocks in force */
  /* per site: the power multiplier before its last change (scratch), at the
  ** start of the day of that change, and the change's time */
  double *power_before, *power_day, *power_since;
  double mult_lead;
  int *shock_active; /* per shock: hits in force */
  rng shock_rng;
  long shocks_hit;
} market_part;

int market_init(model *m);
double market_price(const model *m, int sku, double t);
void market_on_release(engine *e, const engine_event *ev, void *ctx);
void market_on_shock(engine *e, const engine_event *ev, void *ctx);
/* A process of the run (its own streams); NULL after failing the run. */
process *market_process(model *m, const process_cfg *c);
/* A process that varies, realised into *p (NULL when it is a constant, which
** callers read from the cfg's number): 0, or -1 after failing the run. */
int market_varying(model *m, const process_cfg *c, process **p);
/* A site's power price multiplier in force at t0, the start of a day being
** accrued (a shock during the day counts from the next). */
double market_power_mult(const model *m, int site, double t0);
void market_free(model *m);

/* ---- ledger.c ----------------------------------------------------------- */

/* Running totals at the start of the month being closed. */
typedef struct month_mark {
  double revenue, opex, capex, busy, installed, start_h, cash, proceeds, interest, financing, tax;
  double kind[TENANT_NKINDS];
} month_mark;

/* The fixed accounts of the model's books (books.c); then one per debt
** tranche and one of revenue per tenant. */
enum {
  A_CASH = 0,
  A_RECEIVABLES,
  A_DEPOSITS,
  A_EQUIPMENT,
  A_ACCUM_DEP,
  A_CONTRACT_LIAB,
  A_ACCRUED_INTEREST,
  A_EQUITY,
  A_RETAINED,
  A_SLA_CREDITS,
  A_GAIN_ON_SALE,
  A_BAD_DEBT,
  A_POWER,
  A_COLO,
  A_STAFF,
  A_DEPRECIATION,
  A_WRITE_OFF,
  A_INTEREST,
  A_TAX,
  A_TAX_PAYABLE,
  A_FEES,
  A_CONSTRUCTION,
  A_SITES,
  A_SITES_DEP,
  A_LEASES,
  A_PENALTIES,
  A_NFIXED
};

/* What of a tenant's revenue and credits the books hold (books.c). */
typedef struct posted {
  double net, credit;
} posted;

typedef struct books_part {
  journal *j;             /* the double-entry books */
  int *acct_debt;         /* per tranche: its account */
  int *acct_revenue;      /* per tenant: its revenue account */
  posted *posted;         /* per tenant: revenue and credits in the books */
  double dep_posted;      /* depreciation in the books */
  double site_dep_posted; /* the sites' depreciation in the books */
  long month_end_day;
  double power_cost, colo_cost, staff_cost, lease_cost, penalty_cost, capex, proceeds;
  double revenue_cash;      /* customer receipts so far */
  double jobs_revenue_seen; /* revenue paid as accrued, taken into cash */
  double cash, cash_min;
  double default_day;
  double equity_marked; /* equity.c's flow at the last statements */
  double *site_kwh;     /* per site: IT kWh of the day being accrued (colocation committed) */
  month_mark month;
  double *cf, *cf_t, *cf_internal; /* monthly operating cash flow, time (years), own-use value */
  double *cf_lenders;              /* monthly flows from (+) and to (-) the lenders */
  size_t ncf, capcf;
  double internal_month0;
  double flow_at_start; /* operating flows at t = 0 (capex of the first fleet, prepayments) */
  char **m_market;      /* series names "market.<sku>" */
  char **m_debt;        /* series names "debt.<tranche>" */
  char **m_site_util;   /* series names "utilization.<site>" */
  char *m_state[NODE_NSTATES]; /* series names "nodes.<state>" */
  double *site_use; /* per site, busy then installed node-hours: [0, 2n) at the month's start,
                       [2n, 4n) now */
} books_part;

int ledger_init(model *m);
void ledger_on_day(engine *e, const engine_event *ev, void *ctx);
void ledger_pay(model *m, double capex, double proceeds);
void ledger_receive(model *m, double amount);
void ledger_free(model *m);
int ledger_finish(model *m, double t);
void ledger_cash(model *m, double delta); /* cash moved by another part (its entry is its own) */
void ledger_penalty(model *m, double amount); /* a recall's penalty, paid now (opex) */
double ledger_cash_now(const model *m);
double internal_value_at(const model *m, double t); /* own use, $ so far */

/* ---- books.c: the double-entry books, beside the model's own figures --- */

int books_open(model *m); /* the chart of accounts and the opening equity */
void books_free(model *m);
void books_accrue(model *m, double t); /* reserved bills, credits, depreciation to t */
void books_revenue_paid(model *m, const tenant *tn, double amount);
void books_prepay(model *m, double amount);
void books_opening_prepaid(model *m, double amount);
void books_collect(model *m, double due, double from_prepaid);
void books_bad_debt(model *m, double amount);
void books_forfeit(model *m, const tenant *tn, double amount);
void books_opex(model *m, double power, double colo, double staff, double leases);
void books_penalty(model *m, double amount); /* paid to a tenant (opex) */
void books_buy(model *m, double amount, int delivered);
void books_deliver(model *m, double cost);
void books_opening_fleet(model *m, double cost, double age_depreciation, int bought);
void books_dispose(model *m, double cost, double accumulated, double proceeds);
void books_lose(model *m, double cost, double accumulated);
/* A node's cost cut by cut, its depreciation age share a: the book value
** written down by cut x (1 - a), an impairment. */
void books_impair(model *m, double cut, double a);
void books_build_pay(model *m, double amount); /* into construction in progress */
void books_build_done(model *m, double cost);  /* to the site's assets */
void books_draw(model *m, int tranche, double amount);
void books_opening_debt(model *m, int tranche, double balance, double accrued);
void books_interest(model *m, double amount); /* accrued */
void books_fee(model *m, double amount);      /* a lender's fee, accrued */
/* Cash from (+) or to (-) the owners: contributed equity, or retained
** earnings (a dividend, retained = 1). */
void books_equity(model *m, double amount, int retained);
void books_pay_interest(model *m, double amount); /* paid from cash */
void books_repay(model *m, int tranche, double amount);
void books_tax(model *m, double expense);    /* assessed: expense against tax payable */
void books_pay_tax(model *m, double amount); /* paid from cash */
/* The run's profit before tax so far, from the books (accrued to their last post). */
double books_pretax_income(const model *m);
/* The EBITDA and interest expense of the month so far (since the last statements). */
void books_month_income(const model *m, double *ebitda, double *interest);
/* The books against the model's figures at t: 0, or -1 after model_fail. */
int books_check(model *m, double t);
/* The statements of the month ending at t (series), then a new period. */
int books_sample(model *m, double t);
/* The statements of the whole run (metrics). */
int books_metrics(model *m);

/* ---- debt.c ------------------------------------------------------------- */

typedef struct debt_part {
  double *balance, *drawn;         /* per tranche: owed; drawn in all */
  int *month;                      /* months of the schedule done */
  double *interest_due;            /* interest and fees accrued, not yet paid */
  double *interest_since;          /* accrued up to this hour */
  double *auto_drawn, *auto_since; /* automatic draws not yet in an event, since day */
  long *auto_draws;
  int *opened, *closed;          /* drawn or opened at its date; accelerated */
  double interest, fees, repaid; /* so far: interest and fees accrued, principal repaid */
  double scheduled;              /* principal the schedules repaid so far */
  double financing;              /* draws - interest and fees paid - repayments so far */
  double at_start;               /* the lenders' flows at t = 0 */
  fin_loan *loan;                /* the schedule it repays by (set anew when it is rolled
                                    over, or a borrowing base begins to amortise) */
  double *spread;                /* the spread now (refinancing changes it) */
  int *rolled;                   /* times refinanced */
} debt_part;

int debt_init(model *m);
void debt_free(model *m);
double debt_total(const model *m); /* every tranche's balance */
double debt_owed(const model *m);  /* and the interest accrued on it */
double debt_facility_left(const model *m);
double debt_rate(const model *m, int tranche, double t); /* base + spread + step-ups */
void debt_accrue(model *m, int tranche);                 /* up to now, before a change */
void debt_accrue_all(model *m, double now);
/* Term loans drawn and facilities opened by now, with their upfront fees. */
void debt_draw_due(model *m, double now);
int debt_draw(model *m, int tranche, double amount, char *err, size_t errlen);
void debt_cover(model *m);       /* draw facilities while cash is below zero */
void debt_flush_draws(model *m); /* one event per tranche for its automatic draws */
/* A month end: interest and fees paid, the schedules' repayments. */
void debt_service(model *m);
void debt_repay_revolvers(model *m); /* from the cash above repay_above */
/* Nodes first .. first + n - 1 of a SKU paid for (amount): a borrowing-base
** loan open for them draws on them and takes them as collateral. */
void debt_finance(model *m, int sku, uint32_t first, long n, double amount);
/* The book value or contracted revenue securing tranche i (a borrowing
** base), else the fleet's book value. */
double debt_collateral(const model *m, int tranche, double t);
/* Repay amount (at most the balance) of a tranche's principal before its schedule. */
void debt_prepay(model *m, int tranche, double amount);
/* A policy's refinancing of a term loan (spread NAN: the market's or its own):
** 0, or -1 with err. */
int debt_refinance(model *m, int i, double term_months, double spread, char *err, size_t errlen);
/* The whole balance and its interest due now, the tranche closed; the
** cash may go below zero (the solvency check then draws or defaults). */
void debt_accelerate(model *m, int tranche);

/* ---- equity.c ----------------------------------------------------------- */

typedef struct equity_part {
  double raised, dividends, buybacks;
  double flow;      /* raised - dividends - buybacks so far: cf.equity */
  double ownership; /* the share the owners at the start still hold */
} equity_part;

int equity_raise(model *m, double amount, double valuation, char *err, size_t errlen);
int equity_pay(model *m, double amount, int buyback, char *err, size_t errlen);
int equity_metrics(model *m);

/* ---- covenant.c --------------------------------------------------------- */

#define COV_TRAILING_MONTHS 12

typedef struct cov_state {
  int in_breach, acted; /* a breach began; it was acted on (not cured in time) */
  double deadline_h;    /* its cure period ends */
} cov_state;

typedef struct covenant_part {
  cov_state **state; /* per tranche, per covenant */
  double *step_up;   /* per tranche: rate added by uncured step_up breaches */
  double ebitda[COV_TRAILING_MONTHS], interest[COV_TRAILING_MONTHS];
  double principal[COV_TRAILING_MONTHS]; /* the last months, a ring */
  int nmonths, head;
  double scheduled_seen;
  long breaches, by_kind[COV_NKINDS];
  double first_breach_day;
} covenant_part;

int covenant_init(model *m);
void covenant_free(model *m);
double covenant_step_up(const model *m, int tranche);
int covenant_in_breach(const model *m, int tranche); /* any of its covenants */
/* At a month end (month_closed 1..12): keep its trailing figures, test the
** monthly and quarterly covenants, sweep while sweeps last. */
void covenant_month(model *m, int month_closed);
/* At every solvency check: the daily tests and the cure periods ending. */
void covenant_day(model *m);
int covenant_metrics(model *m);

/* ---- tax.c -------------------------------------------------------------- */

typedef struct tax_part {
  double payable;      /* assessed this year, not yet paid */
  double paid;         /* paid so far: an operating outflow */
  double loss_carried; /* losses of past years not yet offset */
  double pretax_year0; /* the run's profit before tax at the tax year's start */
  double year_posted;  /* the tax year's expense posted so far */
} tax_part;

/* At a month end: assess the tax year so far and post the change; at a
** year's end (or the run's) pay the year's tax and carry its loss. */
void tax_month(model *m, int year_end);

/* ---- build.c ------------------------------------------------------------ */

/* A construction at a site: its cost paid into construction in progress,
** then (done) the site's assets, depreciated from end_h. */
typedef struct build {
  int site, done;
  double mw, cost, start_h, end_h;
  double paid; /* so far */
} build;

typedef struct build_part {
  build *b; /* in the order started */
  size_t n, cap;
  rng *months;        /* per site with build terms: its construction times */
  double capex;       /* paid so far (in books.capex too) */
  double in_progress; /* paid for builds not done */
  double mw_built;    /* MW online by builds */
} build_part;

int build_init(model *m);
void build_free(model *m);
/* The build action: 0, or -1 with err (no build terms, a bad mw). */
int build_start(model *m, int site, double mw, char *err, size_t errlen);
void build_on_done(engine *e, const engine_event *ev, void *ctx);
void build_month(model *m, double t);                /* a month end: monthly payments up to t */
double build_depreciation(const model *m, double t); /* of what is built, to t */
double build_book_value(const model *m, double t);   /* in progress + built - depreciation */
double build_mw_building(const model *m, int site);  /* under construction */
int build_metrics(model *m, double t);

/* ---- model.c ------------------------------------------------------------ */

struct model {
  const model_cfg *cfg;
  model_hooks hooks;
  engine *e;
  uint64_t seed, rep;
  results *out;
  int failed, ended;
  char err[ERR_LEN];
  mem_budget mem;       /* what grows with the scenario, taken before it is allocated */
  double results_taken; /* of it, the bytes out held when last taken */
  /* tenants, and the order they are served in */
  tenant *tenants;
  uint32_t *order; /* tenants in allocation order */
  idset *by_sku;   /* per SKU: its tenants in allocation order */
  long *waiting;   /* per SKU: how many of them wait (tenant_note_waits) */
  /* policy calls */
  int in_policy;
  double busy_review, installed_review; /* usage at the last call */
  /* the parts */
  fleet_part fleet;
  repair_part repair;
  outage_part outage;
  usage_part use;
  supply_part supply;
  jobs_part jobs;
  market_part market;
  books_part books;
  debt_part debt;
  equity_part equity;
  covenant_part cov;
  tax_part tax;
  build_part build;
};

void model_fail(model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Take bytes from the run's memory budget for what (printf-style): 0, or -1
** after failing the run with the budget's message. */
int model_take(model *m, double bytes, const char *what, ...) __attribute__((format(printf, 3, 4)));
/* What the model's results (series, events) hold beyond what was taken:
** take the difference; 0, or -1 after failing the run. */
int model_take_results(model *m);
void model_stream(const model *m, rng *r, const char *prefix, const char *name, const char *what);
void model_event(model *m, const char *kind, const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void model_trace(model *m, const char *kind, const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void model_call_policies(model *m, policy_reason why);
void model_sort_tenants(model *m);
double model_ratio(double a, double b); /* a / b, NaN unless b > 0 */

#endif
