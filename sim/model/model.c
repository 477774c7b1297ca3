/*
** model.c -- one replication: set-up from the configuration, dispatch,
** policy calls, run-level metrics, and the accessors and actions that
** policies use.
*/
#include <inttypes.h>
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

void model_stream(const model *m, rng *r, const char *prefix, const char *name, const char *what) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s.%s.%s", prefix, name, what);
  rng_derive(r, m->seed, m->rep, buf);
}

static void vevent(model *m, const char *kind, const char *subject, const char *fmt, va_list ap) {
  char detail[256];
  vsnprintf(detail, sizeof detail, fmt, ap);
  if (m->out && results_event(m->out, engine_now(m->e) / 24.0, kind, subject, detail))
    model_fail(m, "out of memory recording events");
}

void model_event(model *m, const char *kind, const char *subject, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vevent(m, kind, subject, fmt, ap);
  va_end(ap);
}

int model_tracing(const model *m) { return m->hooks.trace; }

void model_note(model *m, const char *kind, const char *subject, const char *detail) {
  if (m->out && results_event(m->out, engine_now(m->e) / 24.0, kind, subject, detail))
    model_fail(m, "out of memory recording events");
}

void model_trace(model *m, const char *kind, const char *subject, const char *fmt, ...) {
  if (!m->hooks.trace) return; /* frequent events: recorded only when tracing */
  va_list ap;
  va_start(ap, fmt);
  vevent(m, kind, subject, fmt, ap);
  va_end(ap);
}

/* Allocation order: by priority, then scenario order; and per SKU. */
static void sort_order(model *m) {
  size_t n = m->cfg->ntenants;
  for (size_t i = 0; i < n; i++) m->order[i] = (uint32_t)i;
  for (size_t i = 1; i < n; i++) /* insertion sort: stable, n is small */
    for (size_t k = i; k > 0 && m->tenants[m->order[k - 1]].priority > m->tenants[m->order[k]].priority; k--) {
      uint32_t x = m->order[k];
      m->order[k] = m->order[k - 1], m->order[k - 1] = x;
    }
  for (size_t s = 0; s < m->cfg->nskus; s++) m->by_sku[s].n = 0;
  for (size_t k = 0; k < n; k++) {
    uint32_t pos, t = m->order[k];
    if (idset_add(&m->by_sku[m->cfg->tenants[t].sku], t, &pos)) model_fail(m, "out of memory ordering tenants");
  }
}

void model_call_policies(model *m, policy_reason why) {
  const policy_cfg *p = &m->cfg->policies;
  int on[POLICY_NKINDS] = {p->procurement, p->pricing, p->allocation};
  if (!m->hooks.policy || m->in_policy || m->failed || m->ended) return;
  m->in_policy = 1;
  for (int k = 0; k < POLICY_NKINDS && !m->failed; k++) {
    char err[512];
    if (on[k] && m->hooks.policy(m->hooks.ctx, m, (policy_kind)k, why, err, sizeof err)) model_fail(m, "%s", err);
  }
  m->in_policy = 0;
  double now = engine_now(m->e);
  m->busy_review = integral_at(&m->busy_all, now), m->installed_review = integral_at(&m->installed_all, now);
  m->t_review = now;
}

static void on_review(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double next = engine_now(e) + m->cfg->policies.review_every_h;
  (void)ev;
  model_call_policies(m, REASON_REVIEW);
  if (next <= m->cfg->horizon_h) engine_at(e, next, EV_REVIEW, 0, 0);
}

static void on_warmup(engine *e, const engine_event *ev, void *ctx) {
  model *m = ctx;
  double t = engine_now(e);
  (void)ev;
  integral_set(&m->busy, t, m->busy.rate);
  m->busy.total = 0;
  integral_set(&m->installed, t, m->installed.rate);
  m->installed.total = 0;
  od_on_warmup(m, t);
}

static char *fmt_name(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 2;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s.%s", a, b);
  return s;
}

/* Metric names of a tenant, in the order tenant_metrics() writes them. */
static const char *const tenant_metric[] = {"revenue", "jobs", "served", "blocked_fraction", "abandoned_fraction",
                                            "wait_mean_hours", "queue_mean", "gpu_hours", "preempted",
                                            "interrupted", "sla_credits", "value"};
#define NTM (sizeof tenant_metric / sizeof tenant_metric[0])

static int name_metrics(model *m) {
  for (size_t i = 0; i < m->cfg->ntenants; i++)
    for (size_t k = 0; k < NTM; k++)
      if (!(m->tenants[i].m_name[k] = fmt_name(m->cfg->tenants[i].name, tenant_metric[k]))) return -1;
  for (size_t k = 0; k < m->cfg->nskus; k++)
    if (!(m->m_market[k] = fmt_name("market", m->cfg->skus[k].name))) return -1;
  for (size_t k = 0; k < m->cfg->finance.ndebt; k++)
    if (!(m->m_debt[k] = fmt_name("debt", m->cfg->finance.debt[k].name))) return -1;
  return 0;
}

static const engine_handler handlers[] = {
    [EV_ARRIVAL] = od_on_arrival,        [EV_DEPART] = od_on_depart,          [EV_ABANDON] = od_on_abandon,
    [EV_DAY] = ledger_on_day,            [EV_WARMUP] = on_warmup,             [EV_FAILURE] = fleet_on_failure,
    [EV_REPAIRED] = fleet_on_repaired,   [EV_INSTALLED] = fleet_on_installed, [EV_DELIVERY] = supply_on_delivery,
    [EV_END_OF_LIFE] = fleet_on_end_of_life, [EV_CONTRACT] = ct_on_event,  [EV_POWER] = fleet_on_power,
    [EV_RELEASE] = market_on_release,    [EV_SHOCK] = market_on_shock,       [EV_REVIEW] = on_review,
};

static int setup(model *m) {
  const model_cfg *c = m->cfg;
  size_t nt = c->ntenants ? c->ntenants : 1;
  m->e = engine_new(PQ_AUTO);
  if (m->e) engine_set_max_events(m->e, m->hooks.max_events ? m->hooks.max_events : MODEL_MAX_EVENTS);
  m->tenants = calloc(nt, sizeof *m->tenants);
  m->order = calloc(nt, sizeof *m->order);
  m->m_market = calloc(c->nskus ? c->nskus : 1, sizeof *m->m_market);
  m->m_debt = calloc(c->finance.ndebt ? c->finance.ndebt : 1, sizeof *m->m_debt);
  m->by_sku = calloc(c->nskus ? c->nskus : 1, sizeof *m->by_sku);
  if (!m->e || !m->tenants || !m->order || !m->m_market || !m->m_debt || !m->by_sku) return -1;
  for (uint32_t k = 0; k < sizeof handlers / sizeof handlers[0]; k++) engine_on(m->e, k, handlers[k], m);
  for (size_t i = 0; i < c->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    tn->cfg = &c->tenants[i];
    tn->priority = tn->cfg->priority;
    tn->gpus_per_node = c->skus[tn->cfg->sku].gpus_per_node;
    tn->contract_end = NAN;
    tn->contract_price = tn->cfg->kind == TENANT_INTERNAL ? 0 : tn->cfg->price_gpu_hour;
  }
  sort_order(m);
  if (name_metrics(m)) return -1;
  if (c->warmup_h > 0) engine_at(m->e, c->warmup_h, EV_WARMUP, 0, 0);
  if (isfinite(c->policies.review_every_h) && c->policies.review_every_h <= c->horizon_h)
    engine_at(m->e, 0.0, EV_REVIEW, 0, 0);
  if (market_init(m) || ledger_init(m) || supply_init(m) || fleet_init(m)) return -1;
  if (ct_init(m) || od_init(m)) return -1;
  return m->failed ? -1 : 0;
}

model *model_new(const model_cfg *cfg, const model_hooks *hooks, uint64_t seed, uint64_t rep, char *err,
                 size_t errlen) {
  model *m = calloc(1, sizeof *m);
  if (!m) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  m->cfg = cfg, m->seed = seed, m->rep = rep;
  if (hooks) m->hooks = *hooks;
  m->free_job = NONE;
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
  ct_free(m);
  for (size_t i = 0; m->tenants && i < m->cfg->ntenants; i++)
    for (size_t k = 0; k < NTM; k++) free(m->tenants[i].m_name[k]);
  for (size_t k = 0; m->m_market && k < m->cfg->nskus; k++) free(m->m_market[k]);
  for (size_t k = 0; m->m_debt && k < m->cfg->finance.ndebt; k++) free(m->m_debt[k]);
  free(m->m_debt);
  for (size_t k = 0; m->by_sku && k < m->cfg->nskus; k++) free(m->by_sku[k].a);
  free(m->by_sku);
  market_free(m);
  supply_free(m);
  ledger_free(m);
  fleet_free(m);
  free(m->m_market), free(m->order), free(m->tenants), free(m->jobs);
  engine_free(m->e);
  free(m);
}

static double ratio(double a, double b) { return b > 0 ? a / b : (double)NAN; }

static int tenant_metrics(model *m, double t) {
  double span = t - m->cfg->warmup_h;
  int bad = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    double gpuh = integral_at(&tn->gpu_hours, t);
    double v[NTM] = {tn->cfg->kind == TENANT_INTERNAL ? 0 : integral_at(&tn->revenue, t), tn->jobs, tn->served,
                     ratio(tn->blocked, tn->jobs), ratio(tn->abandoned, tn->jobs), ratio(tn->wait_sum, tn->served),
                     ratio(integral_at(&tn->queue_len, t), span), gpuh, tn->preempted, tn->interrupted,
                     integral_at(&tn->credit, t), tn->cfg->kind == TENANT_INTERNAL ? gpuh * tn->cfg->value_gpu_hour : 0};
    int jobs = tn->cfg->kind == TENANT_ON_DEMAND || tn->cfg->kind == TENANT_SPOT;
    for (size_t k = 0; k < NTM; k++) {
      int applies = k == 0 || k == 7 || (jobs ? k < 10 : k >= 10);
      if (applies) bad |= results_metric(m->out, tn->m_name[k], v[k]);
    }
  }
  return bad;
}

static double credits(const model *m, double t) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) s += integral_at(&m->tenants[i].credit, t);
  return s;
}

static double bad_debt(const model *m) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) s += m->tenants[i].bad_debt;
  return s;
}

int model_run(model *m, results *out, char *err, size_t errlen) {
  m->out = out;
  engine_status st = engine_run(m->e, m->cfg->horizon_h);
  double t = m->ended ? engine_now(m->e) : m->cfg->horizon_h;
  if (st == ENGINE_BUDGET && !m->failed) {
    snprintf(err, errlen,
             "the run's event budget (%" PRIu64 " events, --max-events) is spent on day %.1f of %.0f: "
             "rates such as tenants.<name>.arrivals_per_hour make events faster than time passes; "
             "give a larger --max-events if the run is meant to be this large",
             engine_events(m->e), engine_now(m->e) / 24.0, m->cfg->horizon_h / 24.0);
    return -1;
  }
  if (m->failed || (st != ENGINE_OK && st != ENGINE_STOPPED)) {
    snprintf(err, errlen, "%s", m->failed ? m->err : engine_strerror(st));
    return -1;
  }
  struct { const char *name; double v; } mt[] = {
      {"utilization_mean", ratio(integral_at(&m->busy, t), integral_at(&m->installed, t))},
      {"nodes", (double)fleet_working(m)}, {"failures", m->failures_n},
      {"downtime_node_hours", integral_at(&m->repairing, t)},
      {"nodes_lost", (double)fleet_count(m, -1, -1, NODE_FAILED)}, {"internal_value_total", internal_value_at(m, t)},
      {"sla_credits_total", credits(m, t)}, {"bad_debt_total", bad_debt(m)},
      {"shocks", (double)m->shocks_hit}, {"horizon_days_run", t / 24.0},
  };
  int bad = ledger_finish(m, t) | tenant_metrics(m, t);
  for (size_t i = 0; i < sizeof mt / sizeof mt[0]; i++) bad |= results_metric(out, mt[i].name, mt[i].v);
  if (bad || m->failed) {
    snprintf(err, errlen, "%s", m->failed ? m->err : "out of memory recording results");
    return -1;
  }
  return 0;
}

uint64_t model_events(const model *m) { return engine_events(m->e); }

/* ---- accessors ---- */
const model_cfg *model_config(const model *m) { return m->cfg; }
double model_now(const model *m) { return engine_now(m->e); }
double model_cash(const model *m) { return m->cash; }
double model_debt(const model *m) { return ledger_debt(m); }
double model_facility_left(const model *m) { return ledger_facility_left(m); }
long model_nodes(const model *m, int sku, int site, node_state s) { return fleet_count(m, sku, site, (int)s); }
long model_pending_orders(const model *m, int sku) { return supply_pending(m, sku); }
double model_supplier_price(const model *m, int sku) { return supply_price(m, sku, engine_now(m->e)); }
double model_market_price(const model *m, int sku) { return market_price(m, sku, engine_now(m->e)); }
double model_site_mw(const model *m, int site) { return m->site_mw[site]; }
double model_site_mw_used(const model *m, int site) { return m->site_kw[site] / 1000.0; }

double model_utilization(const model *m, int sku) {
  double now = engine_now(m->e);
  if (sku < 0) {
    double inst = integral_at(&m->installed_all, now) - m->installed_review;
    return inst > 0 ? (integral_at(&m->busy_all, now) - m->busy_review) / inst
                    : ratio((double)(fleet_count(m, -1, -1, NODE_LEASED) + fleet_count(m, -1, -1, NODE_BUSY)),
                            (double)m->nodes_total);
  }
  long used = fleet_count(m, sku, -1, NODE_LEASED) + fleet_count(m, sku, -1, NODE_BUSY);
  long all = used + fleet_count(m, sku, -1, NODE_IDLE) + fleet_count(m, sku, -1, NODE_REPAIRING);
  return all > 0 ? (double)used / (double)all : 0; /* now, per SKU */
}

double model_tenant_price(const model *m, int t) {
  const tenant *tn = &m->tenants[t];
  switch (tn->cfg->kind) {
  case TENANT_RESERVED: return tn->contract_price;
  case TENANT_INTERNAL: return tn->cfg->value_gpu_hour;
  default: return tenant_price(m, tn, engine_now(m->e));
  }
}

long model_tenant_nodes(const model *m, int t) {
  const tenant *tn = &m->tenants[t];
  return tn->cfg->kind == TENANT_RESERVED || tn->cfg->kind == TENANT_INTERNAL
             ? tn->want
             : (long)(tn->gpu_hours.rate / (double)tn->gpus_per_node);
}

int model_tenant_active(const model *m, int t) {
  const tenant *tn = &m->tenants[t];
  return tn->cfg->kind == TENANT_RESERVED ? tn->active : !tn->defaulted;
}

long model_tenant_backlog(const model *m, int t) { return (long)m->tenants[t].queue_len.rate; }
double model_tenant_contract_end(const model *m, int t) {
  return m->tenants[t].active ? m->tenants[t].contract_end : (double)NAN;
}

/* ---- actions ---- */
static int bad_index(int i, size_t n, const char *what, char *err, size_t errlen) {
  if (i >= 0 && (size_t)i < n) return 0;
  snprintf(err, errlen, "no %s number %d", what, i);
  return 1;
}

int model_act_order(model *m, int sku, int site, long nodes, char *err, size_t errlen) {
  if (bad_index(sku, m->cfg->nskus, "sku", err, errlen) || bad_index(site, m->cfg->nsites, "site", err, errlen))
    return -1;
  return supply_order(m, sku, site, nodes, err, errlen);
}

int model_act_price(model *m, int t, double gpu_hour, char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  tenant *tn = &m->tenants[t];
  if (tn->cfg->kind != TENANT_ON_DEMAND && tn->cfg->kind != TENANT_SPOT)
    return snprintf(err, errlen, "price: tenant %s is %s; only on_demand and spot prices can be set", tn->cfg->name,
                    tenant_kind_name(tn->cfg->kind)), -1;
  if (!(gpu_hour >= 0) || !isfinite(gpu_hour)) return snprintf(err, errlen, "price: gpu_hour must be a number >= 0"), -1;
  if (tn->cfg->price_market) return snprintf(err, errlen, "price: tenant %s follows the market price", tn->cfg->name), -1;
  tn->price = gpu_hour;
  od_reschedule_arrivals(m);
  return 0;
}

int model_act_sell(model *m, int sku, int site, long nodes, char *err, size_t errlen) {
  if (bad_index(sku, m->cfg->nskus, "sku", err, errlen) || bad_index(site, m->cfg->nsites, "site", err, errlen))
    return -1;
  return fleet_sell(m, sku, site, nodes, 1, err, errlen);
}

int model_act_retire(model *m, int sku, int site, long nodes, char *err, size_t errlen) {
  if (bad_index(sku, m->cfg->nskus, "sku", err, errlen) || bad_index(site, m->cfg->nsites, "site", err, errlen))
    return -1;
  return fleet_sell(m, sku, site, nodes, 0, err, errlen);
}

int model_act_draw(model *m, int tranche, double amount, char *err, size_t errlen) {
  if (bad_index(tranche, m->cfg->finance.ndebt, "debt tranche", err, errlen)) return -1;
  return ledger_draw(m, tranche, amount, err, errlen);
}

int model_act_offer(model *m, int t, long nodes, double price, double term_months, char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  return ct_offer(m, t, nodes, price, term_months, err, errlen);
}

int model_act_internal(model *m, int t, long nodes, char *err, size_t errlen) {
  if (bad_index(t, m->cfg->ntenants, "tenant", err, errlen)) return -1;
  tenant *tn = &m->tenants[t];
  if (tn->cfg->kind != TENANT_INTERNAL)
    return snprintf(err, errlen, "internal: tenant %s is not an internal tenant", tn->cfg->name), -1;
  if (nodes < 0) return snprintf(err, errlen, "internal: nodes must be >= 0"), -1;
  tn->want = nodes;
  ct_trim(m, tn);
  ct_fill(m, tn);
  fleet_rebalance(m, tn->cfg->sku);
  return 0;
}

int model_act_priority(model *m, const int *ts, size_t n, char *err, size_t errlen) {
  size_t nt = m->cfg->ntenants;
  int *seen = calloc(nt ? nt : 1, sizeof *seen);
  if (!seen) return snprintf(err, errlen, "out of memory"), -1;
  int rc = 0;
  for (size_t i = 0; i < n && !rc; i++) {
    if (bad_index(ts[i], nt, "tenant", err, errlen)) rc = -1;
    else if (seen[ts[i]]++) {
      snprintf(err, errlen, "priority: tenant %s listed twice", m->cfg->tenants[ts[i]].name);
      rc = -1;
    }
  }
  if (!rc) {
    for (size_t i = 0; i < n; i++) m->tenants[ts[i]].priority = -1000000 + (int)i; /* before all unlisted */
    sort_order(m);
    for (size_t k = 0; k < m->cfg->nskus; k++) fleet_rebalance(m, (int)k);
  }
  free(seen);
  return rc;
}

static const char *const state_names[NODE_NSTATES] = {"ordered", "in_transit", "installing", "idle",   "leased",
                                                      "busy",    "failed",     "repairing",  "retired"};
const char *node_state_name(node_state s) { return (unsigned)s < NODE_NSTATES ? state_names[s] : "?"; }

static const char *const policy_names[POLICY_NKINDS] = {"procurement", "pricing", "allocation"};
const char *policy_kind_name(policy_kind k) { return (unsigned)k < POLICY_NKINDS ? policy_names[k] : "?"; }

const char *policy_reason_name(policy_reason r) {
  return r == REASON_REVIEW ? "review" : r == REASON_SHOCK ? "shock" : "contract_end";
}
