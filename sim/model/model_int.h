/*
** model_int.h -- the model's state, shared by its parts:
**   model.c      set-up, dispatch, run, metrics
**   fleet.c      nodes and pools: states, install, power caps, failures,
**                repairs, end of life, allocation and preemption
**   supply.c     orders, monthly caps, lead times, deliveries, capex
**   ondemand.c   on-demand and spot jobs: arrivals, queues, service
**   contracts.c  reserved contracts and internal use
**   market.c     rental price index, shocks
**   ledger.c     daily books, months, debt, covenants, default
*/
#ifndef NEOSIM_MODEL_INT_H
#define NEOSIM_MODEL_INT_H

#include "engine.h"
#include "model.h"
#include "rng.h"

#define NONE UINT32_MAX
#define HOURS_PER_YEAR 8766.0
#define MONTH_HOURS (HOURS_PER_YEAR / 12.0)

enum {
  EV_ARRIVAL = 0, /* id = tenant */
  EV_DEPART,      /* id = job */
  EV_ABANDON,     /* id = job */
  EV_DAY,
  EV_WARMUP,
  EV_FAILURE,     /* id = pool: the next failure among its working nodes */
  EV_REPAIRED,    /* id = node */
  EV_INSTALLED,   /* id = node */
  EV_DELIVERY,    /* id = shipment */
  EV_END_OF_LIFE, /* id = node */
  EV_CONTRACT,    /* id = tenant, arg = contract event (CT_*) */
  EV_POWER,       /* id = site: a step of its MW schedule */
  EV_RELEASE,     /* id = sku: a newer SKU is released (obsolescence) */
  EV_SHOCK,       /* id = shock, arg 1: hit, 0: end */
  EV_REVIEW,      /* policy review tick */
};

enum { CT_START = 0, CT_END, CT_DEFAULT, CT_NOTICE };

/* A quantity integrated over time: total += rate * dt, piecewise. */
typedef struct integral {
  double rate, since, total;
} integral;

static inline void integral_set(integral *g, double t, double rate) {
  g->total += g->rate * (t - g->since);
  g->since = t, g->rate = rate;
}
static inline void integral_add(integral *g, double t, double d) { integral_set(g, t, g->rate + d); }
static inline double integral_at(const integral *g, double t) {
  return g->total + g->rate * (t - g->since);
}

/* A growable array of node or job indices with O(1) removal (the
** element's position is kept by its owner). */
typedef struct idset {
  uint32_t *a;
  size_t n, cap;
} idset;

typedef struct node {
  uint32_t pool;
  uint8_t state;      /* model.h node_state */
  uint8_t eol;        /* past its useful life: retire when free */
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
  idset idle;         /* idle nodes */
  idset up;           /* installed and working nodes (failure candidates) */
  long count[NODE_NSTATES];
  engine_handle failure; /* next failure event */
  idset spot_jobs;    /* running spot jobs (preemption victims) */
} pool;

typedef struct job {
  uint32_t tenant;
  uint32_t pool;
  uint32_t nnodes;
  uint32_t node0;      /* the node of a one-node job */
  uint32_t *nodes;     /* nnodes > 1 */
  double arrived, hours, started;
  double rate;         /* $ per hour while it runs */
  engine_handle abandon, depart;
  uint32_t spot_pos;   /* position in the pool's spot_jobs */
  uint32_t next_free;
  int8_t waiting;      /* 1 queued, 0 running, -1 abandoned (tombstone in the queue) */
} job;

/* A FIFO of job indices (ring buffer). */
typedef struct jobq {
  uint32_t *a;
  size_t head, n, cap;
} jobq;

typedef struct tenant {
  const tenant_cfg *cfg;
  int priority;
  long gpus_per_node;
  double price;          /* on-demand/spot: current price per GPU-hour (unless market-priced) */
  double elastic_const;  /* market-priced: the demand multiplier price_factor^-elasticity */
  /* jobs (on-demand, spot) */
  process *rate;
  double rate_max, bound; /* rate bound and the thinning bound in force */
  engine_handle next_arrival;
  rng arrivals, sizes, durations, patience, events;
  jobq queue;
  double jobs, served, blocked, abandoned, preempted, interrupted, wait_sum;
  integral queue_len;
  /* nodes held (reserved, internal): per pool */
  idset *held;
  size_t nheld_pools;
  long nheld;
  /* reserved contracts and internal use */
  long want;             /* nodes wanted (contracted / internal target) */
  int active;            /* contract running */
  int defaulted, renew_blocked;
  long renewals;
  double contract_price, contract_start, contract_end;
  engine_handle ev_end, ev_default, ev_notice;
  double billed;         /* revenue accrued and collected (or written off) */
  double prepaid;        /* prepayment not yet consumed by bills */
  double bad_debt;       /* bills lost to a default */
  integral revenue;      /* $ accrued (whole run) */
  integral gpu_hours;    /* GPU-hours served or held */
  integral credit;       /* SLA credits accrued */
  double revenue_month;
  double default_day;
  char *m_name[12];      /* metric names: see tenant_metric in model.c */
} tenant;

typedef struct order {
  int sku, site;
  long nodes;           /* still to ship */
  uint32_t first;       /* first node of the order (contiguous ids) */
  long shipped;
} order;

typedef struct shipment {
  uint32_t first;       /* node ids first .. first+nodes-1 */
  long nodes;
} shipment;

struct model {
  const model_cfg *cfg;
  model_hooks hooks;
  int in_policy;
  uint32_t *order;      /* tenants in allocation order */
  idset *by_sku;        /* per SKU: its tenants in allocation order */
  char **m_market;      /* series names "market.<sku>" */
  char **m_debt;        /* series names "debt.<tranche>" */
  engine *e;
  uint64_t seed, rep;
  /* fleet */
  node *nodes;
  uint32_t nnodes, capnodes;
  pool *pools;
  size_t npools;
  double *site_kw;      /* kW drawn (node_kw x pue) by installed nodes */
  double *site_mw;      /* MW online now */
  size_t *site_power_step;
  idset *site_waiting;  /* delivered nodes waiting for power, per site */
  rng failures, repairs;
  long nodes_installed;
  double failures_n, downtime;
  integral dep_rate;    /* depreciation $/h of nodes in service */
  /* supply */
  order *orders;
  size_t norders, caporders, order_head;
  shipment *ships;
  size_t nships, capships;
  double *shipped_month; /* per SKU, this calendar month */
  rng lead;
  /* jobs */
  tenant *tenants;
  job *jobs;
  uint32_t njobs, capjobs, free_job;
  /* market and shocks */
  process **market;     /* per SKU, NULL when undefined */
  process **node_price; /* per SKU */
  process **power_price;/* per site */
  int *releases;        /* per SKU: newer SKUs released so far */
  double *mult_gpu, *mult_power, *mult_cap, *mult_demand, *mult_market;
  double mult_lead;
  int *shock_active;    /* per shock: hits in force */
  rng shock_rng;
  long shocks_hit;
  /* utilisation */
  long nodes_total;     /* installed, not retired */
  integral busy;        /* busy + leased nodes (after warm-up) */
  integral installed;   /* installed nodes (after warm-up) */
  integral busy_all, installed_all; /* whole run */
  integral repairing;   /* nodes in repair: downtime */
  double busy_review, installed_review, t_review; /* for utilisation since the last policy call */
  /* ledger */
  long month_end_day;
  double power_cost, colo_cost, staff_cost, depreciation, capex, proceeds, interest, repaid;
  double revenue_cash;  /* customer receipts so far */
  double jobs_revenue_seen; /* on-demand and spot revenue taken into cash */
  double cash, cash_min, internal_value;
  double *debt_balance; /* per tranche */
  double *debt_drawn;
  int *debt_month;      /* months of repayment done */
  long breaches;
  double first_breach_day, default_day;
  int in_breach;
  double month_revenue0, month_opex0, month_capex0, month_busy0, month_inst0, month_start_h;
  double month_cash0, month_proceeds0, month_interest0;
  double month_kind0[TENANT_NKINDS];
  double *cf, *cf_t, *cf_internal; /* monthly operating cash flow, time (years), own-use value */
  size_t ncf, capcf;
  double internal_month0;
  results *out;
  int failed, ended;
  char err[512];
};

/* model.c */
void model_fail(model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void model_stream(const model *m, rng *r, const char *prefix, const char *name, const char *what);
void model_event(model *m, const char *kind, const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void model_trace(model *m, const char *kind, const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void model_call_policies(model *m, policy_reason why);
/* idset: add id, storing its position; take the element at pos out by
** moving the last one there, returning the moved id (NONE if none). */
int idset_add(idset *s, uint32_t id, uint32_t *pos);
uint32_t idset_take(idset *s, uint32_t pos);

/* fleet.c */
int fleet_init(model *m);
uint32_t fleet_new_node(model *m, int sku, int site, int state, double price);
void fleet_delivered(model *m, uint32_t id);
void fleet_set_state(model *m, uint32_t id, int state);
uint32_t fleet_take_idle(model *m, uint32_t pool);
void fleet_release(model *m, uint32_t id);
void fleet_rebalance(model *m, int sku);
long fleet_free_for(model *m, uint32_t pool, int priority, long want);
long fleet_working(const model *m);
void fleet_on_failure(engine *e, const engine_event *ev, void *ctx);
void fleet_on_repaired(engine *e, const engine_event *ev, void *ctx);
void fleet_on_installed(engine *e, const engine_event *ev, void *ctx);
void fleet_on_end_of_life(engine *e, const engine_event *ev, void *ctx);
void fleet_on_power(engine *e, const engine_event *ev, void *ctx);
void fleet_resample_failures(model *m, uint32_t pool);
double fleet_book_value(const model *m, double t);
long fleet_count(const model *m, int sku, int site, int state);
int fleet_sell(model *m, int sku, int site, long n, int sell, char *err, size_t errlen);
void fleet_free(model *m);

/* supply.c */
int supply_init(model *m);
int supply_order(model *m, int sku, int site, long n, char *err, size_t errlen);
void supply_month(model *m);
void supply_on_delivery(engine *e, const engine_event *ev, void *ctx);
double supply_price(const model *m, int sku, double t);
long supply_pending(const model *m, int sku);
void supply_free(model *m);

/* ondemand.c */
int od_init(model *m);
void od_on_arrival(engine *e, const engine_event *ev, void *ctx);
void od_on_depart(engine *e, const engine_event *ev, void *ctx);
void od_on_abandon(engine *e, const engine_event *ev, void *ctx);
void od_on_warmup(model *m, double t);
int od_serve(model *m, tenant *tn);
void od_node_failed(model *m, uint32_t job_id, uint32_t failed_node);
void od_preempt_in(model *m, tenant *tn, uint32_t pool, long need);
void od_reschedule_arrivals(model *m);
void od_free(model *m);

/* contracts.c */
int ct_init(model *m);
void ct_on_event(engine *e, const engine_event *ev, void *ctx);
void ct_node_lost(model *m, tenant *tn, uint32_t node);
void ct_fill(model *m, tenant *tn);
void ct_trim(model *m, tenant *tn);
void ct_give_back(model *m, tenant *tn, uint32_t pool, long count);
void ct_update_rates(model *m, tenant *tn);
int ct_offer(model *m, int t, long nodes, double price, double term_months, char *err, size_t errlen);
void ct_settle(model *m, tenant *tn);
void ct_month_close(model *m);
void ct_free(model *m);

/* market.c */
int market_init(model *m);
double market_price(const model *m, int sku, double t);
void market_on_release(engine *e, const engine_event *ev, void *ctx);
void market_on_shock(engine *e, const engine_event *ev, void *ctx);
double tenant_price(const model *m, const tenant *tn, double t);
void market_free(model *m);

/* ledger.c */
int ledger_init(model *m);
void ledger_on_day(engine *e, const engine_event *ev, void *ctx);
void ledger_pay(model *m, double capex, double proceeds);
void ledger_receive(model *m, double amount);
void ledger_free(model *m);
int ledger_draw(model *m, int tranche, double amount, char *err, size_t errlen);
int ledger_finish(model *m, double t);
double model_revenue_at(const model *m, double t);
double ledger_debt(const model *m);
double ledger_facility_left(const model *m);
double internal_value_at(const model *m, double t); /* own use, $ so far */

#endif
