/*
** model.c -- one replication: set-up from the configuration, dispatch,
** run-level metrics.  The parts: ondemand.c (jobs), ledger.c (books).
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

void model_fail(model *m, const char *fmt, ...) {
  if (m->failed) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(m->err, sizeof m->err, fmt, ap);
  va_end(ap);
  m->failed = 1;
  engine_stop(m->e);
}

void model_stream(const model *m, rng *r, const char *name, const char *what) {
  char buf[512];
  snprintf(buf, sizeof buf, "tenants.%s.%s", name, what);
  rng_derive(r, m->seed, m->rep, buf);
}

double model_revenue_at(const model *m, double t) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) s += integral_at(&m->tenants[i].revenue, t);
  return s;
}

static char *fmt_name(const char *who, const char *what) {
  size_t n = strlen(who) + strlen(what) + 2;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s.%s", who, what);
  return s;
}

static int name_metrics(tenant *t) {
  const char *nm = t->cfg->name;
  t->m_revenue = fmt_name(nm, "revenue"), t->m_jobs = fmt_name(nm, "jobs");
  t->m_served = fmt_name(nm, "served"), t->m_blocked = fmt_name(nm, "blocked_fraction");
  t->m_abandoned = fmt_name(nm, "abandoned_fraction"), t->m_wait = fmt_name(nm, "wait_mean_hours");
  t->m_queue = fmt_name(nm, "queue_mean"), t->m_gpuh = fmt_name(nm, "gpu_hours");
  return t->m_revenue && t->m_jobs && t->m_served && t->m_blocked && t->m_abandoned && t->m_wait &&
                 t->m_queue && t->m_gpuh ? 0 : -1;
}

/* One pool per (site, sku) present in the fleet, in fleet order. */
static int build_pools(model *m) {
  const model_cfg *c = m->cfg;
  m->pools = calloc(c->nfleet ? c->nfleet : 1, sizeof *m->pools);
  if (!m->pools) return -1;
  for (size_t i = 0; i < c->nfleet; i++) {
    const fleet_cfg *f = &c->fleet[i];
    size_t p = 0;
    while (p < m->npools && (m->pools[p].site != f->site || m->pools[p].sku != f->sku)) p++;
    if (p == m->npools) m->pools[m->npools++] = (pool){f->site, f->sku, 0, 0};
    m->pools[p].nodes += f->nodes;
    m->nodes_total += f->nodes;
  }
  return 0;
}

static void on_warmup(engine *e, const engine_event *ev, void *ctx) {
  (void)ev;
  od_on_warmup(ctx, engine_now(e));
}

static int setup(model *m) {
  const model_cfg *c = m->cfg;
  m->e = engine_new(PQ_HEAP4);
  m->tenants = calloc(c->ntenants ? c->ntenants : 1, sizeof *m->tenants);
  if (!m->e || !m->tenants || build_pools(m)) return -1;
  engine_on(m->e, EV_ARRIVAL, od_on_arrival, m);
  engine_on(m->e, EV_DEPART, od_on_depart, m);
  engine_on(m->e, EV_ABANDON, od_on_abandon, m);
  engine_on(m->e, EV_DAY, ledger_on_day, m);
  engine_on(m->e, EV_WARMUP, on_warmup, m);
  for (size_t i = 0; i < c->ntenants; i++) {
    m->tenants[i].cfg = &c->tenants[i];
    if (name_metrics(&m->tenants[i])) return -1;
  }
  if (c->warmup_h > 0) engine_at(m->e, c->warmup_h, EV_WARMUP, 0, 0);
  return ledger_init(m) || od_init(m) ? -1 : 0;
}

model *model_new(const model_cfg *cfg, uint64_t seed, uint64_t rep, char *err, size_t errlen) {
  model *m = calloc(1, sizeof *m);
  if (!m) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  m->cfg = cfg, m->seed = seed, m->rep = rep;
  m->free_job = UINT32_MAX;
  if (setup(m)) {
    snprintf(err, errlen, "%s", m->err[0] ? m->err : "out of memory setting up the model");
    model_free(m);
    return NULL;
  }
  return m;
}

void model_free(model *m) {
  if (!m) return;
  od_free(m);
  for (size_t i = 0; m->tenants && i < m->cfg->ntenants; i++) {
    tenant *t = &m->tenants[i];
    free(t->m_revenue), free(t->m_jobs), free(t->m_served), free(t->m_blocked);
    free(t->m_abandoned), free(t->m_wait), free(t->m_queue), free(t->m_gpuh);
  }
  for (size_t s = 0; m->power_price && s < m->cfg->nsites; s++) process_free(m->power_price[s]);
  free(m->power_price), free(m->tenants), free(m->pools), free(m->jobs), free(m->cf), free(m->cf_t);
  engine_free(m->e);
  free(m);
}

static double ratio(double a, double b) { return b > 0 ? a / b : (double)NAN; }

static int tenant_metrics(model *m, double t) {
  double span = t - m->cfg->warmup_h;
  int bad = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    bad |= results_metric(m->out, tn->m_revenue, integral_at(&tn->revenue, t)) |
           results_metric(m->out, tn->m_jobs, tn->jobs) | results_metric(m->out, tn->m_served, tn->served) |
           results_metric(m->out, tn->m_blocked, ratio(tn->blocked, tn->jobs)) |
           results_metric(m->out, tn->m_abandoned, ratio(tn->abandoned, tn->jobs)) |
           results_metric(m->out, tn->m_wait, ratio(tn->wait_sum, tn->served)) |
           results_metric(m->out, tn->m_queue, ratio(integral_at(&tn->queue_len, t), span)) |
           results_metric(m->out, tn->m_gpuh, integral_at(&tn->gpu_hours, t));
  }
  return bad;
}

int model_run(model *m, results *out, char *err, size_t errlen) {
  double h = m->cfg->horizon_h;
  m->out = out;
  engine_status st = engine_run(m->e, h);
  if (m->failed || (st != ENGINE_OK && st != ENGINE_STOPPED)) {
    snprintf(err, errlen, "%s", m->failed ? m->err : engine_strerror(st));
    return -1;
  }
  double span = h - m->cfg->warmup_h;
  int bad = ledger_finish(m, h) | tenant_metrics(m, h) |
            results_metric(out, "utilization_mean",
                           ratio(integral_at(&m->busy, h), (double)m->nodes_total * span)) |
            results_metric(out, "nodes", (double)m->nodes_total);
  if (bad || m->failed) {
    snprintf(err, errlen, "%s", m->failed ? m->err : "out of memory recording results");
    return -1;
  }
  return 0;
}

uint64_t model_events(const model *m) { return engine_events(m->e); }
