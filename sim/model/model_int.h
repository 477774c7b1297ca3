/*
** model_int.h -- the model's state, shared by its parts: model.c (set-up,
** dispatch, metrics), ondemand.c (arrivals, queues, service), ledger.c
** (daily accounting, months, cash).
*/
#ifndef NEOSIM_MODEL_INT_H
#define NEOSIM_MODEL_INT_H

#include "engine.h"
#include "model.h"
#include "rng.h"

enum { EV_ARRIVAL = 0, EV_DEPART, EV_ABANDON, EV_DAY, EV_WARMUP };

/* A quantity integrated over time: total += rate * dt, piecewise. */
typedef struct integral {
  double rate, since, total;
} integral;

static inline void integral_set(integral *g, double t, double rate) {
  g->total += g->rate * (t - g->since);
  g->since = t, g->rate = rate;
}
static inline double integral_at(const integral *g, double t) {
  return g->total + g->rate * (t - g->since);
}

/* Nodes of one SKU at one site. */
typedef struct pool {
  int site, sku;
  long nodes, busy;
} pool;

typedef struct job {
  int tenant;
  int pool;            /* while running */
  long nodes;
  double arrived, hours;
  engine_handle abandon;
  uint32_t next_free;
} job;

/* A FIFO of job indices (ring buffer). */
typedef struct jobq {
  uint32_t *a;
  size_t head, n, cap;
} jobq;

typedef struct tenant {
  const tenant_cfg *cfg;
  process *rate;        /* arrivals per hour */
  double rate_max;      /* thinning bound */
  rng arrivals, sizes, durations, patience;
  jobq queue;
  long gpus_per_node;
  /* statistics after warm-up */
  double jobs, served, blocked, abandoned, wait_sum, waited;
  integral queue_len;
  integral revenue;     /* $ accrued (whole run) */
  integral gpu_hours;   /* GPU-hours served (whole run) */
  double revenue_month; /* at the last month end */
  char *m_revenue, *m_jobs, *m_served, *m_blocked, *m_abandoned, *m_wait, *m_queue, *m_gpuh;
} tenant;

struct model {
  const model_cfg *cfg;
  engine *e;
  uint64_t seed, rep;
  pool *pools;
  size_t npools;
  tenant *tenants;
  job *jobs;
  uint32_t njobs, capjobs, free_job; /* free_job: head of the free list, UINT32_MAX if none */
  process **power_price; /* per site */
  long nodes_total;
  integral busy;         /* busy nodes (after warm-up) */
  integral busy_all;     /* busy nodes (whole run) */
  /* ledger */
  double day;            /* index of the next day tick */
  long month_end_day;    /* day number (calendar) of the next month start */
  double power_cost, colo_cost, staff_cost, depreciation, cash, cash_min;
  double revenue_seen;   /* revenue accrued up to the last tick */
  double month_revenue0, month_opex0, month_busy0; /* totals at the last month end */
  double month_start_h;
  double *cf, *cf_t;     /* monthly net cash flows and their times (years) */
  size_t ncf, capcf;
  results *out;
  int failed;
  char err[256];
};

/* ondemand.c */
int od_init(model *m);
void od_on_arrival(engine *e, const engine_event *ev, void *ctx);
void od_on_depart(engine *e, const engine_event *ev, void *ctx);
void od_on_abandon(engine *e, const engine_event *ev, void *ctx);
void od_on_warmup(model *m, double t);
void od_finish(model *m, double t);
void od_free(model *m);

/* ledger.c */
int ledger_init(model *m);
void ledger_on_day(engine *e, const engine_event *ev, void *ctx);
int ledger_finish(model *m, double t);

/* model.c: record a failure of the run (first message wins) and stop. */
void model_fail(model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
double model_revenue_at(const model *m, double t);
/* The stream of process "tenants.<name>.<what>" (or any prefix.name.what). */
void model_stream(const model *m, rng *r, const char *name, const char *what);

#endif
