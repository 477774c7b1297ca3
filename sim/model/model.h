/*
** model.h -- one replication of the neocloud model: build it from a
** resolved configuration, run it to the horizon, read its results.
** Plain C: no Lua, no SQL.  Policies are called through a hook; they
** read the model with the accessors below and act with the model_act_*
** functions, which check their arguments and explain a refusal.
*/
#ifndef NEOSIM_MODEL_H
#define NEOSIM_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "results.h"

typedef struct model model;

/* The life of a node. */
typedef enum node_state {
  NODE_ORDERED = 0, /* bought, waiting for the supplier to ship */
  NODE_TRANSIT,     /* shipped, lead time running */
  NODE_INSTALLING,  /* at the site: being installed, or waiting for power */
  NODE_IDLE,
  NODE_LEASED, /* held by a reserved tenant */
  NODE_BUSY,   /* running a job, or in internal use */
  NODE_FAILED, /* lost (a site without repair) */
  NODE_REPAIRING,
  NODE_RETIRED, /* sold or retired */
  NODE_NSTATES
} node_state;

const char *node_state_name(node_state s);

typedef enum policy_kind {
  POLICY_PROCUREMENT = 0,
  POLICY_PRICING,
  POLICY_ALLOCATION,
  POLICY_NKINDS
} policy_kind;
typedef enum policy_reason { REASON_REVIEW = 0, REASON_SHOCK, REASON_CONTRACT_END } policy_reason;

const char *policy_kind_name(policy_kind k);
const char *policy_reason_name(policy_reason r);

/* Called for each policy the scenario defines (cfg->policies), at review
** ticks, after shocks and when contracts end.  Return 0, or -1 with a
** message in err: the run then fails with it. */
typedef struct model_hooks {
  int (*policy)(void *ctx, model *m, policy_kind which, policy_reason why, char *err,
                size_t errlen);
  void *ctx;
  int trace;           /* 1: also record frequent events (shipments, deliveries,
                          installs, failures, repairs, retirements, policy calls) */
  uint64_t max_events; /* events a run may dispatch, counting each candidate arrival a
                          thinning draws (ondemand.c); 0 = MODEL_MAX_EVENTS */
  uint64_t max_memory; /* bytes the model may take for what grows with the scenario
                          (membudget.h); 0 = MODEL_MAX_MEMORY_MB */
} model_hooks;

/* The default event budget of a run: 1e9 events, minutes of work, against
** 3.4 million for a replication of reference_100k.lua. */
#define MODEL_MAX_EVENTS UINT64_C(1000000000)

/* The default memory budget of a run's model, in MB: what its nodes, process
** paths, orders, jobs, queues and results may take.  A replication of the
** largest shipped scenario, coreweave_2025.lua (31,250 nodes), takes under
** 6 MB of it (the whole process peaks at 7.7 MB of RSS, Lua and SQLite
** included); 4096 MB is a fleet of 23 million nodes, 700 times that, and
** leaves a run per CPU of a 2-core machine with 8 GB (-j 2) within it. */
#define MODEL_MAX_MEMORY_MB 4096

/* Build the model of replication rep with base seed seed.  cfg is
** borrowed and must outlive the model; hooks may be NULL.  NULL on
** failure with a message in err. */
model *model_new(const model_cfg *cfg, const model_hooks *hooks, uint64_t seed, uint64_t rep,
                 char *err, size_t errlen);
void model_free(model *m); /* NULL is a no-op */

/* Run to the horizon (or to a default) and append metrics, series and
** events to out.  0, or -1 with a message in err. */
int model_run(model *m, results *out, char *err, size_t errlen);

/* Events dispatched so far. */
uint64_t model_events(const model *m);

/* Tracing: whether this run records every business event (hooks.trace),
** and record one now (kind, subject, detail as in the events table). */
int model_tracing(const model *m);
void model_note(model *m, const char *kind, const char *subject, const char *detail);

/* ---- what policies see ---- */
const model_cfg *model_config(const model *m);
double model_now(const model *m); /* hours since the start */
double model_cash(const model *m);
double model_debt(const model *m);                 /* outstanding principal */
double model_facility_left(const model *m);        /* undrawn facility limits */
double model_utilization(const model *m, int sku); /* since the last policy call; sku -1: all */
long model_nodes(const model *m, int sku, int site, node_state s); /* -1: any sku / site */
long model_pending_orders(const model *m, int sku);
double model_supplier_price(const model *m, int sku);    /* $ per node now */
double model_market_price(const model *m, int sku);      /* $ per GPU-hour now, NAN if none */
double model_site_mw(const model *m, int site);          /* online now */
double model_site_mw_used(const model *m, int site);     /* drawn by installed nodes */
double model_site_mw_building(const model *m, int site); /* under construction */
/* Tenant i: its current price ($/GPU-hour), nodes (contracted, internal
** target, or held by its running jobs), whether a contract runs, jobs
** waiting, and the contract end (hours, NAN if none). */
double model_tenant_price(const model *m, int t);
long model_tenant_nodes(const model *m, int t);
int model_tenant_active(const model *m, int t);
long model_tenant_backlog(const model *m, int t);
double model_tenant_contract_end(const model *m, int t);

/* ---- what policies do: 0, or -1 with why in err ---- */
int model_act_order(model *m, int sku, int site, long nodes, char *err, size_t errlen);
int model_act_price(model *m, int tenant, double gpu_hour, char *err, size_t errlen);
int model_act_sell(model *m, int sku, int site, long nodes, char *err, size_t errlen);
int model_act_retire(model *m, int sku, int site, long nodes, char *err, size_t errlen);
/* Start building mw MW at a site with build terms (sites.<name>.build). */
int model_act_build(model *m, int site, double mw, char *err, size_t errlen);
int model_act_draw(model *m, int tranche, double amount, char *err, size_t errlen);
/* Repay amount (NaN: all) of a tranche from cash, before its schedule. */
int model_act_repay(model *m, int tranche, double amount, char *err, size_t errlen);
/* Equity: raise amount at a pre-money valuation; a dividend; a buy-back. */
/* Roll a term loan's balance into a new loan over term_months at its base
** rate plus spread (NAN: the refinancing market's spread now, else its own). */
int model_act_refinance(model *m, int tranche, double term_months, double spread, char *err,
                        size_t errlen);
int model_act_raise(model *m, double amount, double valuation, char *err, size_t errlen);
int model_act_dividend(model *m, double amount, char *err, size_t errlen);
int model_act_buyback(model *m, double amount, char *err, size_t errlen);
/* One more contract for a reserved tenant: one line of nodes of a SKU its
** lines name (-1: its first line's) at price for term_months. */
int model_act_offer(model *m, int tenant, int sku, long nodes, double price, double term_months,
                    char *err, size_t errlen);
/* The operator gives notice on a reserved tenant's running contract k
** (0-based, oldest first; -1: every one without notice), paying its penalty. */
int model_act_recall(model *m, int tenant, int k, char *err, size_t errlen);
int model_act_internal(model *m, int tenant, long nodes, char *err, size_t errlen);
/* Allocation order: tenants listed first are served first (n <= ntenants). */
int model_act_priority(model *m, const int *tenants, size_t n, char *err, size_t errlen);

#endif
