/*
** model.c -- one replication: set-up from the configuration, dispatch,
** policy calls, the run and its run-level metrics.
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

/* The stream "prefix.name.what", hashed piece by piece: a name of any
** length counts whole (cut to a buffer, two long names could share one). */
int model_take(model *m, double bytes, const char *what, ...) {
  if (m->mem.used + bytes <= m->mem.limit) {
    m->mem.used += bytes;
    return 0;
  }
  char desc[256], err[ERR_LEN];
  va_list ap;
  va_start(ap, what);
  vsnprintf(desc, sizeof desc, what, ap);
  va_end(ap);
  mem_take(&m->mem, bytes, err, sizeof err, "%s", desc);
  model_fail(m, "%s", err);
  return -1;
}

int model_take_results(model *m) {
  double held = m->out ? (double)results_bytes(m->out) : 0;
  if (held <= m->results_taken) return 0;
  if (model_take(m, held - m->results_taken, "its results (%zu series samples, %zu events)",
                 m->out->ns, m->out->nev))
    return -1;
  m->results_taken = held;
  return 0;
}

void model_stream(const model *m, rng *r, const char *prefix, const char *name, const char *what) {
  const char *parts[] = {prefix, ".", name, ".", what};
  uint64_t h = RNG_FNV_BASIS;
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) h = rng_fnv1a64_more(h, parts[i]);
  rng_derive_hash(r, m->seed, m->rep, h);
}

double model_ratio(double a, double b) { return b > 0 ? a / b : (double)NAN; }

void model_note(model *m, const char *kind, const char *subject, const char *detail) {
  if (m->out && results_event(m->out, hours_to_days(engine_now(m->e)), kind, subject, detail))
    model_fail(m, "out of memory recording events");
  model_take_results(m);
}

static void vevent(model *m, const char *kind, const char *subject, const char *fmt, va_list ap) {
  char detail[256];
  vsnprintf(detail, sizeof detail, fmt, ap);
  model_note(m, kind, subject, detail);
}

void model_event(model *m, const char *kind, const char *subject, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vevent(m, kind, subject, fmt, ap);
  va_end(ap);
}

int model_tracing(const model *m) { return m->hooks.trace; }

void model_trace(model *m, const char *kind, const char *subject, const char *fmt, ...) {
  if (!m->hooks.trace) return; /* frequent events: recorded only when tracing */
  va_list ap;
  va_start(ap, fmt);
  vevent(m, kind, subject, fmt, ap);
  va_end(ap);
}

typedef struct ranked {
  int priority;
  uint32_t index;
} ranked;

static int by_rank(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->priority != y->priority) return x->priority < y->priority ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Allocation order: by priority, then scenario order; and per SKU.  A sort
** of (priority, index) pairs: O(n log n), as a scenario may have thousands
** of tenants and a policy may reorder them at every review. */
void model_sort_tenants(model *m) {
  size_t n = m->cfg->ntenants;
  ranked *r = malloc((n ? n : 1) * sizeof *r);
  if (!r) {
    model_fail(m, "out of memory ordering tenants");
    return;
  }
  for (size_t i = 0; i < n; i++)
    r[i] = (ranked){.priority = m->tenants[i].priority, .index = (uint32_t)i};
  qsort(r, n, sizeof *r, by_rank);
  for (size_t i = 0; i < n; i++) m->order[i] = r[i].index;
  free(r);
  for (size_t s = 0; s < m->cfg->nskus; s++) m->by_sku[s].n = 0;
  for (size_t k = 0; k < n; k++)
    for (size_t s = 0; s < m->cfg->nskus; s++) {
      uint32_t pos, t = m->order[k];
      if (tenant_uses(&m->cfg->tenants[t], (int)s) && idset_add(&m->by_sku[s], t, &pos))
        model_fail(m, "out of memory ordering tenants");
    }
}

void model_call_policies(model *m, policy_reason why) {
  const policy_cfg *p = &m->cfg->policies;
  const int on[POLICY_NKINDS] = {[POLICY_PROCUREMENT] = p->procurement,
                                 [POLICY_PRICING] = p->pricing,
                                 [POLICY_ALLOCATION] = p->allocation};
  if (!m->hooks.policy || m->in_policy || m->failed || m->ended) return;
  m->in_policy = 1;
  for (int k = 0; k < POLICY_NKINDS && !m->failed; k++) {
    char err[ERR_LEN];
    if (on[k] && m->hooks.policy(m->hooks.ctx, m, (policy_kind)k, why, err, sizeof err))
      model_fail(m, "%s", err);
  }
  m->in_policy = 0;
  double now = engine_now(m->e);
  m->busy_review = integral_at(&m->use.busy_all, now);
  m->installed_review = integral_at(&m->use.installed_all, now);
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
  integral_restart(&m->use.busy, t);
  integral_restart(&m->use.installed, t);
  od_on_warmup(m, t);
  repair_on_warmup(m, t);
}

static const engine_handler handlers[] = {
    [EV_ARRIVAL] = od_on_arrival,
    [EV_DEPART] = od_on_depart,
    [EV_ABANDON] = od_on_abandon,
    [EV_DAY] = ledger_on_day,
    [EV_WARMUP] = on_warmup,
    [EV_FAILURE] = fleet_on_failure,
    [EV_REPAIRED] = fleet_on_repaired,
    [EV_INSTALLED] = fleet_on_installed,
    [EV_DELIVERY] = supply_on_delivery,
    [EV_END_OF_LIFE] = fleet_on_end_of_life,
    [EV_CONTRACT] = ct_on_event,
    [EV_POWER] = fleet_on_power,
    [EV_RELEASE] = market_on_release,
    [EV_SHOCK] = market_on_shock,
    [EV_REVIEW] = on_review,
    [EV_BUILT] = build_on_done,
    [EV_FINANCED] = fleet_on_financed,
    [EV_LEASE_END] = fleet_on_lease_end,
    [EV_NODE_FAILURE] = fleet_on_node_failure,
    [EV_OUTAGE] = outage_on_start,
    [EV_OUTAGE_END] = outage_on_end,
};
_Static_assert(sizeof handlers / sizeof *handlers == EV_NKINDS, "a handler per event kind");
_Static_assert(EV_NKINDS <= ENGINE_MAX_KINDS, "the engine has room for every event kind");

static int setup_tenants(model *m) {
  const model_cfg *c = m->cfg;
  for (size_t i = 0; i < c->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    tn->cfg = &c->tenants[i];
    tn->ops = tenant_ops_of(tn->cfg->kind);
    tn->priority = tn->cfg->priority;
    tn->ct.end = NAN;
    if (tenant_name_metrics(m, tn)) return -1;
  }
  model_sort_tenants(m);
  return 0;
}

static int setup(model *m) {
  const model_cfg *c = m->cfg;
  size_t nt = c->ntenants ? c->ntenants : 1;
  m->e = engine_new(PQ_AUTO);
  if (m->e)
    engine_set_max_events(m->e, m->hooks.max_events ? m->hooks.max_events : MODEL_MAX_EVENTS);
  m->tenants = calloc(nt, sizeof *m->tenants);
  m->order = calloc(nt, sizeof *m->order);
  m->by_sku = calloc(c->nskus ? c->nskus : 1, sizeof *m->by_sku);
  m->waiting = calloc(c->nskus ? c->nskus : 1, sizeof *m->waiting);
  if (!m->e || !m->tenants || !m->order || !m->by_sku || !m->waiting) return -1;
  for (uint32_t k = 0; k < EV_NKINDS; k++) engine_on(m->e, k, handlers[k], m);
  if (setup_tenants(m)) return -1;
  if (c->warmup_h > 0) engine_at(m->e, c->warmup_h, EV_WARMUP, 0, 0);
  if (market_init(m) || build_init(m) || ledger_init(m) || supply_init(m) || fleet_init(m) ||
      repair_init(m) || outage_init(m))
    return -1;
  for (size_t i = 0; i < c->ntenants && !m->failed; i++)
    if (m->tenants[i].ops->init(m, &m->tenants[i])) return -1;
  engine_at(m->e, 0.0, EV_FINANCED, 0, 0); /* after the contracts' starts on day 0 */
  /* the first review after everything else of day 0: the contracts that
  ** start on day 0 have started when the policies first look */
  if (isfinite(c->policies.review_every_h) && c->policies.review_every_h <= c->horizon_h)
    engine_at(m->e, 0.0, EV_REVIEW, 0, 0);
  return m->failed ? -1 : 0;
}

model *model_new(const model_cfg *cfg, const model_hooks *hooks, uint64_t seed, uint64_t rep,
                 char *err, size_t errlen) {
  model *m = calloc(1, sizeof *m);
  if (!m) {
    err_set(err, errlen, "out of memory");
    return NULL;
  }
  m->cfg = cfg;
  m->seed = seed;
  m->rep = rep;
  if (hooks) m->hooks = *hooks;
  m->mem.limit =
      m->hooks.max_memory ? (double)m->hooks.max_memory : MODEL_MAX_MEMORY_MB * 1024.0 * 1024.0;
  m->jobs.free_job = NONE;
  if (setup(m)) {
    err_set(err, errlen, "%s", m->err[0] ? m->err : "out of memory setting up the model");
    model_free(m);
    return NULL;
  }
  return m;
}

void model_free(model *m) {
  if (!m) return;
  for (size_t i = 0; m->tenants && i < m->cfg->ntenants; i++) {
    tenant *tn = &m->tenants[i];
    if (tn->ops) tn->ops->free(m, tn);
    tenant_free_names(tn);
  }
  for (size_t k = 0; m->by_sku && k < m->cfg->nskus; k++) free(m->by_sku[k].a);
  free(m->by_sku);
  free(m->waiting);
  market_free(m);
  build_free(m);
  supply_free(m);
  ledger_free(m);
  fleet_free(m);
  repair_free(m);
  outage_free(m);
  od_free(m);
  free(m->order);
  free(m->tenants);
  engine_free(m->e);
  free(m);
}

static double credits(const model *m, double t) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) s += integral_at(&m->tenants[i].credit, t);
  return s;
}

static double bad_debt(const model *m) {
  double s = 0;
  for (size_t i = 0; i < m->cfg->ntenants; i++) s += m->tenants[i].ct.bad_debt;
  return s;
}

/* The run's end: 0, or -1 with why in err. */
static int run_status(model *m, engine_status st, char *err, size_t errlen) {
  if (st == ENGINE_BUDGET && !m->failed)
    return err_set(
        err, errlen,
        "the run's event budget (%" PRIu64 " events, --max-events) is spent on day %.1f of %.0f: "
        "rates such as tenants.<name>.arrivals_per_hour make events faster than time passes; "
        "give a larger --max-events if the run is meant to be this large",
        engine_budget(m->e), hours_to_days(engine_now(m->e)), hours_to_days(m->cfg->horizon_h));
  if (m->failed || (st != ENGINE_OK && st != ENGINE_STOPPED))
    return err_set(err, errlen, "%s", m->failed ? m->err : engine_strerror(st));
  return 0;
}

int model_run(model *m, results *out, char *err, size_t errlen) {
  m->out = out;
  m->results_taken = 0;
  model_take_results(m); /* what out holds already */
  engine_status st = engine_run(m->e, m->cfg->horizon_h);
  double t = m->ended ? engine_now(m->e) : m->cfg->horizon_h;
  if (run_status(m, st, err, errlen)) return -1;
  const struct {
    const char *name;
    double v;
  } mt[] = {
      {"utilization_mean",
       model_ratio(integral_at(&m->use.busy, t), integral_at(&m->use.installed, t))},
      {"nodes", (double)fleet_working(m)},
      {"failures", m->fleet.failures_n},
      {"downtime_node_hours", integral_at(&m->use.repairing, t)},
      {"nodes_lost", (double)fleet_count(m, -1, -1, NODE_FAILED)},
      {"internal_value_total", internal_value_at(m, t)},
      {"sla_credits_total", credits(m, t)},
      {"bad_debt_total", bad_debt(m)},
      {"shocks", (double)m->market.shocks_hit},
      {"horizon_days_run", hours_to_days(t)},
  };
  int bad =
      ledger_finish(m, t) | tenant_metrics(m, t) | repair_metrics(m, t) | outage_metrics(m, t);
  for (size_t i = 0; i < sizeof mt / sizeof mt[0]; i++)
    bad |= results_metric(out, mt[i].name, mt[i].v);
  model_take_results(m);
  if (bad || m->failed)
    return err_set(err, errlen, "%s", m->failed ? m->err : "out of memory recording results");
  return 0;
}

uint64_t model_events(const model *m) { return engine_events(m->e); }

static const char *const state_names[] = {
    [NODE_ORDERED] = "ordered", [NODE_TRANSIT] = "in_transit",  [NODE_INSTALLING] = "installing",
    [NODE_IDLE] = "idle",       [NODE_LEASED] = "leased",       [NODE_BUSY] = "busy",
    [NODE_FAILED] = "failed",   [NODE_REPAIRING] = "repairing", [NODE_RETIRED] = "retired",
};
_Static_assert(sizeof state_names / sizeof *state_names == NODE_NSTATES, "a name per node state");
const char *node_state_name(node_state s) {
  return (unsigned)s < NODE_NSTATES ? state_names[s] : "?";
}

static const char *const policy_names[] = {[POLICY_PROCUREMENT] = "procurement",
                                           [POLICY_PRICING] = "pricing",
                                           [POLICY_ALLOCATION] = "allocation"};
_Static_assert(sizeof policy_names / sizeof *policy_names == POLICY_NKINDS, "a name per policy");
const char *policy_kind_name(policy_kind k) {
  return (unsigned)k < POLICY_NKINDS ? policy_names[k] : "?";
}

const char *policy_reason_name(policy_reason r) {
  return r == REASON_REVIEW ? "review" : r == REASON_SHOCK ? "shock" : "contract_end";
}
