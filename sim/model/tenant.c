/*
** tenant.c -- the tenant kinds and the tenant metrics.  Each kind's
** operations (tenant_ops) live in the file that implements it; this file
** maps a kind to them, and declares every per-tenant metric once: its
** name, the kinds it applies to and how it is computed.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "invariant.h"
#include "model_int.h"

static const tenant_ops *const kinds[] = {
    [TENANT_RESERVED] = &reserved_ops,
    [TENANT_ON_DEMAND] = &on_demand_ops,
    [TENANT_SPOT] = &spot_ops,
    [TENANT_INTERNAL] = &internal_ops,
};
_Static_assert(sizeof kinds / sizeof *kinds == TENANT_NKINDS, "one tenant_ops per tenant kind");

const tenant_ops *tenant_ops_of(tenant_kind k) {
  NEO_ASSERT((unsigned)k < TENANT_NKINDS);
  return kinds[k];
}

int tenant_uses(const tenant_cfg *c, int sku) {
  if (c->sku == sku) return 1;
  for (size_t l = 0; l < c->nlines; l++)
    if (c->lines[l].sku == sku) return 1;
  for (size_t k = 0; k < c->nprefs; k++)
    if (c->prefs[k] == sku) return 1;
  return 0;
}

void tenant_note_waits(model *m, tenant *tn) {
  int w = tenant_waits(tn);
  if (w == tn->waits_noted) return;
  tn->waits_noted = w;
  for (size_t s = 0; s < m->cfg->nskus; s++)
    if (tenant_uses(tn->cfg, (int)s)) m->waiting[s] += w ? 1 : -1;
}

double tenant_income(const tenant *tn, double t) {
  return tn->ops->billed ? tenant_revenue(tn, t) : internal_value(tn, t);
}

/* ---- metrics ------------------------------------------------------------- */

#define KIND(k) (1u << (k))
#define JOBS (KIND(TENANT_ON_DEMAND) | KIND(TENANT_SPOT))
#define HOLDS (KIND(TENANT_RESERVED) | KIND(TENANT_INTERNAL))
#define ALL (JOBS | HOLDS)

/* When a metric is taken: at t, over span hours since the warm-up (time
** averages and job statistics start there). */
typedef struct when {
  double t, span;
} when;
typedef double (*metric_fn)(const tenant *tn, const when *w);

static double revenue(const tenant *tn, const when *w) { return tenant_revenue(tn, w->t); }
static double gpu_hours(const tenant *tn, const when *w) {
  return integral_at(&tn->gpu_hours, w->t);
}
static double sla_credits(const tenant *tn, const when *w) {
  return integral_at(&tn->credit, w->t);
}
static double value(const tenant *tn, const when *w) {
  return tn->ops->billed ? 0 : tenant_income(tn, w->t);
}
static double queue_mean(const tenant *tn, const when *w) {
  return model_ratio(integral_at(&tn->jobs.queue_len, w->t), w->span);
}
static double jobs(const tenant *tn, const when *w) {
  (void)w;
  return tn->jobs.jobs;
}
static double served(const tenant *tn, const when *w) {
  (void)w;
  return tn->jobs.served;
}
static double blocked(const tenant *tn, const when *w) {
  (void)w;
  return model_ratio(tn->jobs.blocked, tn->jobs.jobs);
}
static double abandoned(const tenant *tn, const when *w) {
  (void)w;
  return model_ratio(tn->jobs.abandoned, tn->jobs.jobs);
}
static double wait_mean(const tenant *tn, const when *w) {
  (void)w;
  return model_ratio(tn->jobs.wait_sum, tn->jobs.served);
}
static double preempted(const tenant *tn, const when *w) {
  (void)w;
  return tn->jobs.preempted;
}
static double interrupted(const tenant *tn, const when *w) {
  (void)w;
  return tn->jobs.interrupted;
}

static const struct tenant_metric {
  const char *name; /* the metric is "<tenant>.<name>" */
  unsigned kinds;   /* KIND() bits of the kinds that have it */
  metric_fn value;
} metrics[] = {
    {"revenue", ALL, revenue}, /* $ accrued (0 for own use) */
    {"jobs", JOBS, jobs},      /* jobs that arrived after the warm-up */
    {"served", JOBS, served},  /* of them, started */
    {"blocked_fraction", JOBS, blocked},
    {"abandoned_fraction", JOBS, abandoned},
    {"wait_mean_hours", JOBS, wait_mean}, /* from arrival to start, of those served */
    {"queue_mean", JOBS, queue_mean},     /* jobs waiting, time average */
    {"gpu_hours", ALL, gpu_hours},        /* served or held */
    {"preempted", JOBS, preempted},
    {"interrupted", JOBS, interrupted}, /* by a node failure */
    {"sla_credits", HOLDS, sla_credits},
    {"value", HOLDS, value}, /* own use: gpu_hours x value_gpu_hour */
};
#define NMETRICS (sizeof metrics / sizeof *metrics)

int tenant_name_metrics(model *m, tenant *tn) {
  (void)m;
  if (!(tn->metric_names = calloc(NMETRICS, sizeof *tn->metric_names))) return -1;
  for (size_t k = 0; k < NMETRICS; k++) {
    size_t n = strlen(tn->cfg->name) + strlen(metrics[k].name) + 2;
    if (!(tn->metric_names[k] = malloc(n))) return -1;
    snprintf(tn->metric_names[k], n, "%s.%s", tn->cfg->name, metrics[k].name);
  }
  return 0;
}

int tenant_metrics(model *m, double t) {
  when w = {.t = t, .span = t - m->cfg->warmup_h};
  int bad = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    const tenant *tn = &m->tenants[i];
    for (size_t k = 0; k < NMETRICS; k++)
      if (metrics[k].kinds & KIND(tn->cfg->kind))
        bad |= results_metric(m->out, tn->metric_names[k], metrics[k].value(tn, &w));
  }
  return bad;
}

void tenant_free_names(tenant *tn) {
  for (size_t k = 0; tn->metric_names && k < NMETRICS; k++) free(tn->metric_names[k]);
  free(tn->metric_names);
  tn->metric_names = NULL;
}
