/*
** luacfg.c -- resolved Lua point -> model_cfg.  Every reader takes the
** table at stack index t (absolute) and a key, and records the first
** error.  Reads are raw and every number that becomes a C integer is
** range-checked: the library that built the table runs in the scenario's
** own state, where scenario code may have changed it, so nothing here
** relies on its checks for memory safety.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "design.h"
#include "err.h"
#include "luacfg.h"

typedef struct rd rd;
typedef void (*elem_fn)(rd *r, int et, void *elem, const model_cfg *c);

struct rd {
  lua_State *L;
  char *err;
  size_t errlen;
  int bad;
  const char *where; /* e.g. "tenants[2]" */
};

static void bad(rd *r, const char *key, const char *what) {
  if (r->bad++) return;
  snprintf(r->err, r->errlen, "resolved scenario: %s.%s: %s", r->where, key, what);
}

/* Push t[key], no metamethods; its type. */
static int getraw(lua_State *L, int t, const char *key) {
  lua_pushstring(L, key);
  return lua_rawget(L, t);
}

/* Push t[key]; check its type (or nil when optional). */
static int field(rd *r, int t, const char *key, int type) {
  int got = getraw(r->L, t, key);
  if (got == type) return 1;
  lua_pop(r->L, 1);
  char msg[ERR_LEN];
  snprintf(msg, sizeof msg, "expected a %s, got %s", lua_typename(r->L, type),
           lua_typename(r->L, got));
  bad(r, key, msg);
  return 0;
}

static double num(rd *r, int t, const char *key) {
  if (!field(r, t, key, LUA_TNUMBER)) return NAN;
  double v = lua_tonumber(r->L, -1);
  lua_pop(r->L, 1);
  return v;
}

static int boolean(rd *r, int t, const char *key) {
  if (!field(r, t, key, LUA_TBOOLEAN)) return 0;
  int v = lua_toboolean(r->L, -1);
  lua_pop(r->L, 1);
  return v;
}

/* A copy of the string at idx, or NULL (an error) when it holds a NUL: C
** would read it cut there, and "a\0b" as "a" (the validator refuses such
** strings; this is the backstop of a library scenario code changed). */
static char *whole(rd *r, int idx, const char *key) {
  size_t len;
  const char *v = lua_tolstring(r->L, idx, &len);
  char *s = strlen(v) == len ? strdup(v) : NULL;
  if (!s) bad(r, key, strlen(v) == len ? "out of memory" : "a string with a NUL byte");
  return s;
}

static char *str(rd *r, int t, const char *key) {
  if (!field(r, t, key, LUA_TSTRING)) return NULL;
  char *s = whole(r, -1, key);
  lua_pop(r->L, 1);
  return s;
}

/* An integer in [lo, hi] (lo after an error). */
static long integer(rd *r, int t, const char *key, double lo, double hi) {
  double v = num(r, t, key);
  if (v >= lo && v <= hi && v == floor(v)) return (long)v;
  if (!isnan(v)) bad(r, key, "integer out of range");
  return (long)lo;
}

/* An index into an array of n (1-based in Lua, 0-based here). */
static int index_of(rd *r, int t, const char *key, size_t n) {
  double v = num(r, t, key);
  if (!(v >= 1 && v <= (double)n)) {
    bad(r, key, "index out of range");
    return 0;
  }
  return (int)v - 1;
}

/* A numeric array t[key] into a fresh C array; *n its length. */
static double *numbers(rd *r, int t, const char *key, size_t *n) {
  if (!field(r, t, key, LUA_TTABLE)) return NULL;
  lua_State *L = r->L;
  size_t len = lua_rawlen(L, -1);
  double *a = malloc((len ? len : 1) * sizeof *a);
  for (size_t i = 0; a && i < len; i++) {
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TNUMBER) bad(r, key, "expected numbers");
    a[i] = lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (!a) bad(r, key, "out of memory");
  *n = len;
  return a;
}

/* A list of 1-based indices into n entries, as 0-based ints (*len of them). */
static int *indices(rd *r, int t, const char *key, size_t n, size_t *len) {
  size_t k = 0;
  double *v = numbers(r, t, key, &k);
  int *a = calloc(k ? k : 1, sizeof *a);
  *len = 0;
  if (!a) bad(r, key, "out of memory");
  for (size_t i = 0; v && a && i < k; i++) {
    if (!(v[i] >= 1 && v[i] <= (double)n)) bad(r, key, "index out of range");
    else a[(*len)++] = (int)v[i] - 1;
  }
  free(v);
  return a;
}

/* A string field naming a kind: parse(name) (config.h), 0 if none. */
static int choice(rd *r, int t, const char *key, int (*parse)(const char *)) {
  char *v = str(r, t, key);
  int k = v ? parse(v) : -1;
  if (v && k < 0) bad(r, key, "unknown value");
  free(v);
  return k < 0 ? 0 : k;
}

/* An optional 1-based index where 0 means "none": -1, else 0-based. */
static int opt_index(rd *r, int t, const char *key, size_t n) {
  double v = num(r, t, key);
  if (!(v >= 0 && v <= (double)n)) bad(r, key, "index out of range");
  return v >= 1 && v <= (double)n ? (int)v - 1 : -1;
}

static void read_dist(rd *r, int t, const char *key, dist *d) {
  memset(d, 0, sizeof *d);
  if (!field(r, t, key, LUA_TTABLE)) return;
  int dt = lua_gettop(r->L);
  char *kind = str(r, dt, "dist");
  int k = kind ? dist_kind_parse(kind) : -1;
  free(kind);
  if (k < 0) bad(r, key, "unknown distribution");
  else if (k == DIST_DISCRETE) {
    size_t n = 0, nw = 0;
    double *v = numbers(r, dt, "values", &n), *w = numbers(r, dt, "weights", &nw);
    if (v && w && (n != nw || dist_discrete(d, v, w, n))) bad(r, key, "bad discrete distribution");
    free(v);
    free(w);
  } else {
    size_t n = 0;
    double *p = numbers(r, dt, "p", &n);
    d->kind = (dist_kind)k;
    for (size_t i = 0; p && i < n && i < 3; i++) d->p[i] = p[i];
    free(p);
    const char *why = dist_check(d);
    if (why) bad(r, key, why);
  }
  lua_pop(r->L, 1);
}

int luacfg_dist(lua_State *L, int t, const char *key, dist *d, char *err, size_t errlen) {
  rd r = {.L = L, .err = err, .errlen = errlen, .where = "uncertain.inputs"};
  read_dist(&r, lua_absindex(L, t), key, d);
  return r.bad ? -1 : 0;
}

static void read_process_at(rd *r, int pt, const char *key, process_cfg *c);

static void read_process(rd *r, int t, const char *key, process_cfg *c) {
  memset(c, 0, sizeof *c);
  if (!field(r, t, key, LUA_TTABLE)) return;
  read_process_at(r, lua_gettop(r->L), key, c);
  lua_pop(r->L, 1);
}

static void read_factors(rd *r, int pt, process_cfg *c, const char *key) {
  if (!field(r, pt, "factors", LUA_TTABLE)) return;
  c->n = lua_rawlen(r->L, -1);
  c->factors = calloc(c->n ? c->n : 1, sizeof *c->factors);
  if (!c->factors) {
    c->n = 0;
    bad(r, key, "out of memory");
  }
  for (size_t i = 0; i < c->n; i++) {
    if (lua_rawgeti(r->L, -1, (lua_Integer)i + 1) == LUA_TTABLE)
      read_process_at(r, lua_gettop(r->L), key, &c->factors[i]);
    else bad(r, key, "factors must be processes");
    lua_pop(r->L, 1);
  }
  lua_pop(r->L, 1);
}

static void read_process_at(rd *r, int pt, const char *key, process_cfg *c) {
  char *kind = str(r, pt, "process");
  int k = kind ? process_kind_parse(kind) : -1;
  free(kind);
  if (k < 0) {
    bad(r, key, "unknown process kind");
    return;
  }
  c->kind = (proc_kind)k;
  if (getraw(r->L, pt, "stream") == LUA_TSTRING) c->stream = whole(r, -1, key);
  lua_pop(r->L, 1);
  for (int i = 0; i < PROCESS_MAX_PARAMS && process_param_keys[k][i]; i++)
    c->p[i] = num(r, pt, process_param_keys[k][i]);
  int step = process_step_param(c->kind);
  if (step >= 0 && !(c->p[step] >= LUACFG_MIN_STEP_HOURS))
    bad(r, key, "step_hours out of range"); /* a path of horizon / step points */
  size_t n2 = 0;
  switch (c->kind) {
  case PROC_PATH:
    c->t = numbers(r, pt, "t_hours", &c->n);
    c->v = numbers(r, pt, "values", &n2);
    c->step = getraw(r->L, pt, "interp") == LUA_TSTRING && lua_rawlen(r->L, -1) == 4 &&
              strcmp(lua_tostring(r->L, -1), "step") == 0;
    lua_pop(r->L, 1);
    if (c->n != n2 || c->n == 0) bad(r, key, "path needs as many times as values, at least one");
    break;
  case PROC_REGIME:
    c->t = numbers(r, pt, "mean_hours", &c->n);
    c->v = numbers(r, pt, "levels", &n2);
    c->initial = (int)integer(r, pt, "initial", 1, 1e6) - 1;
    if (c->n != n2 || c->n == 0 || c->initial < 0 || (size_t)c->initial >= c->n)
      bad(r, key, "bad regime states");
    break;
  case PROC_PRODUCT: read_factors(r, pt, c, key); break;
  default: break;
  }
}

/* Iterate array t[key]: calloc n elements of size sz, call fn for each
** element table (at the stack top) with where = "key[i]". */
static void *read_array(rd *r, int t, const char *key, size_t sz, size_t *n, elem_fn fn,
                        const model_cfg *c) {
  *n = 0;
  if (!field(r, t, key, LUA_TTABLE)) return NULL;
  lua_State *L = r->L;
  size_t len = lua_rawlen(L, -1);
  char *a = calloc(len ? len : 1, sz);
  if (!a) {
    bad(r, key, "out of memory");
    lua_pop(L, 1);
    return NULL;
  }
  char where[64];
  const char *outer = r->where;
  for (size_t i = 0; i < len; i++) {
    snprintf(where, sizeof where, "%s[%zu]", key, i + 1);
    r->where = where;
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) == LUA_TTABLE) fn(r, lua_gettop(L), a + i * sz, c);
    else bad(r, "", "expected a table");
    lua_pop(L, 1);
    *n = i + 1;
  }
  r->where = outer;
  lua_pop(L, 1);
  return a;
}

static void read_sku(rd *r, int t, void *elem, const model_cfg *c) {
  sku_cfg *s = elem;
  (void)c;
  s->name = str(r, t, "name");
  s->gpus_per_node = (int)integer(r, t, "gpus_per_node", 1, LUACFG_MAX_GPUS_PER_NODE);
  s->node_price = num(r, t, "node_price");
  s->node_kw = num(r, t, "node_kw");
  s->idle_kw = num(r, t, "idle_kw");
  s->perf = num(r, t, "perf");
  s->mtbf_gpu_hours = num(r, t, "mtbf_gpu_hours");
  s->failure_shape = num(r, t, "failure_shape");
  read_dist(r, t, "repair_hours", &s->repair_hours);
  s->life_years = num(r, t, "life_years");
  s->release_h = num(r, t, "release_hours");
  s->resale_fraction = num(r, t, "resale_fraction");
  s->resale_rent_share = num(r, t, "resale_rent_share");
}

static void read_online(rd *r, int t, void *elem, const model_cfg *c) {
  online_step *o = elem;
  (void)c;
  o->t_h = num(r, t, "t_hours");
  o->mw = num(r, t, "mw");
}

static void read_site(rd *r, int t, void *elem, const model_cfg *c) {
  site_cfg *s = elem;
  s->name = str(r, t, "name");
  s->power_mw = num(r, t, "power_mw");
  s->pue = num(r, t, "pue");
  read_process(r, t, "power_price_mwh", &s->power_price_mwh);
  s->colo_kw_month = num(r, t, "colo_kw_month");
  s->colo_committed_kw = num(r, t, "colo_committed_kw");
  s->repair = boolean(r, t, "repair");
  s->repair_crews = num(r, t, "repair_crews");
  s->outage.rate_per_year = num(r, t, "outage_rate_per_year");
  s->outage.fraction = num(r, t, "outage_fraction");
  read_dist(r, t, "outage_days", &s->outage.days);
  s->install_hours = num(r, t, "install_hours");
  s->online = read_array(r, t, "online", sizeof *s->online, &s->nonline, read_online, c);
  s->build.on = boolean(r, t, "build_on");
  s->build.cost_per_mw = num(r, t, "build_cost_per_mw");
  read_dist(r, t, "build_months", &s->build.months);
  s->build.at_end = boolean(r, t, "build_at_end");
  s->build.life_h = num(r, t, "build_life_hours");
  s->ppa.share = num(r, t, "ppa_share");
  s->ppa.price_mwh = num(r, t, "ppa_price_mwh");
  s->ppa.start_h = num(r, t, "ppa_start_hours");
  s->ppa.term_h = num(r, t, "ppa_term_hours");
}

static void read_fleet(rd *r, int t, void *elem, const model_cfg *c) {
  fleet_cfg *f = elem;
  f->site = index_of(r, t, "site", c->nsites);
  f->sku = index_of(r, t, "sku", c->nskus);
  f->nodes = integer(r, t, "nodes", 0, LUACFG_MAX_NODES);
  f->installed_h = num(r, t, "installed_hours");
  f->bought = boolean(r, t, "bought");
  f->lease_month = num(r, t, "lease_payment_month");
  f->lease_end_h = num(r, t, "lease_end_hours");
}

static void read_line(rd *r, int t, void *elem, const model_cfg *c) {
  ct_line *l = elem;
  l->sku = index_of(r, t, "sku", c->nskus);
  l->site = opt_index(r, t, "site", c->nsites);
  l->nodes = integer(r, t, "nodes", 0, LUACFG_MAX_NODES);
  l->price = num(r, t, "price_gpu_hour");
}

static void read_tenant(rd *r, int t, void *elem, const model_cfg *c) {
  tenant_cfg *tc = elem;
  tc->name = str(r, t, "name");
  tc->kind = (tenant_kind)choice(r, t, "kind", tenant_kind_parse);
  tc->sku = index_of(r, t, "sku", c->nskus);
  tc->site = opt_index(r, t, "site", c->nsites);
  tc->priority = (int)integer(r, t, "priority", -LUACFG_MAX_PRIORITY, LUACFG_MAX_PRIORITY);
  read_process(r, t, "arrivals_per_hour", &tc->arrivals_per_hour);
  read_dist(r, t, "job_nodes", &tc->job_nodes);
  read_dist(r, t, "job_hours", &tc->job_hours);
  tc->reject = boolean(r, t, "reject");
  read_dist(r, t, "patience_hours", &tc->patience_hours);
  tc->price_gpu_hour = num(r, t, "price_gpu_hour");
  tc->price_market = boolean(r, t, "price_market");
  tc->price_factor = num(r, t, "price_factor");
  tc->elasticity = num(r, t, "elasticity");
  tc->prefs = indices(r, t, "skus", c->nskus, &tc->nprefs);
  tc->price_per_perf = boolean(r, t, "price_per_perf");
  tc->nodes = integer(r, t, "nodes", 0, LUACFG_MAX_NODES);
  tc->start_h = num(r, t, "start_hours");
  tc->term_months = num(r, t, "term_months");
  tc->take_or_pay = boolean(r, t, "take_or_pay");
  tc->usage = num(r, t, "usage");
  tc->renew_prob = num(r, t, "renew_prob");
  tc->renew_factor = num(r, t, "renew_factor");
  tc->default_prob_year = num(r, t, "default_prob_year");
  tc->terminate_prob_year = num(r, t, "terminate_prob_year");
  tc->notice_days = num(r, t, "notice_days");
  tc->prepay_fraction = num(r, t, "prepay_fraction");
  tc->sla_credit = num(r, t, "sla_credit");
  tc->lines = read_array(r, t, "lines", sizeof *tc->lines, &tc->nlines, read_line, c);
  if (tc->nlines > CT_MAX_LINES) bad(r, "lines", "more lines than a contract has");
  tc->ramp_months = num(r, t, "ramp_months");
  tc->escalator = num(r, t, "escalator");
  tc->recall_penalty_months = num(r, t, "recall_penalty_months");
  tc->value_gpu_hour = num(r, t, "value_gpu_hour");
  read_process(r, t, "value_process", &tc->value_process);
  read_process(r, t, "renew_process", &tc->renew_process);
  read_process(r, t, "default_process", &tc->default_process);
  read_process(r, t, "terminate_process", &tc->terminate_process);
  read_process(r, t, "nodes_process", &tc->nodes_process);
}

static void read_market(rd *r, int t, void *elem, const model_cfg *c) {
  market_cfg *mk = elem;
  (void)c;
  mk->defined = boolean(r, t, "defined");
  read_process(r, t, "price_gpu_hour", &mk->price_gpu_hour);
  mk->obsolescence = num(r, t, "obsolescence");
}

static void read_price(rd *r, int t, void *elem, const model_cfg *c) {
  (void)c;
  read_process_at(r, t, "node_price", elem);
}

static void read_supplier(rd *r, int t, model_cfg *c) {
  supplier_cfg *s = &c->supplier;
  if (!field(r, t, "supplier", LUA_TTABLE)) return;
  int st = lua_gettop(r->L);
  size_t n1 = 0, n2 = 0;
  r->where = "supplier";
  read_dist(r, st, "lead_time_days", &s->lead_time_days);
  s->node_price = read_array(r, st, "node_price", sizeof *s->node_price, &n1, read_price, c);
  s->monthly_cap = numbers(r, st, "monthly_cap", &n2);
  s->deposit = num(r, st, "deposit");
  if (n1 != c->nskus || n2 != c->nskus) bad(r, "node_price", "needs one entry per SKU");
  lua_pop(r->L, 1);
}

static void read_shock(rd *r, int t, void *elem, const model_cfg *c) {
  shock_cfg *s = elem;
  s->name = str(r, t, "name");
  s->kind = (shock_kind)choice(r, t, "kind", shock_kind_parse);
  size_t n = s->kind == SHOCK_POWER_PRICE ? c->nsites
             : s->kind == SHOCK_DEMAND    ? c->ntenants
                                          : c->nskus;
  s->target = opt_index(r, t, "target", n);
  s->at_h = boolean(r, t, "random") ? (double)NAN : num(r, t, "at_hours");
  s->rate_per_year = num(r, t, "rate_per_year");
  s->factor = num(r, t, "factor");
  s->days = num(r, t, "days");
}

static void read_covenant(rd *r, int t, void *elem, const model_cfg *c) {
  covenant_cfg *v = elem;
  (void)c;
  v->kind = (covenant_kind)choice(r, t, "kind", covenant_kind_parse);
  v->limit = num(r, t, "limit");
  v->test = (covenant_test)choice(r, t, "test", covenant_test_parse);
  v->cure_h = num(r, t, "cure_hours");
  v->on_breach = (breach_action)choice(r, t, "on_breach", breach_action_parse);
  v->step_up = num(r, t, "step_up");
  v->keep_cash = num(r, t, "keep_cash");
}

static void read_debt(rd *r, int t, void *elem, const model_cfg *c) {
  debt_cfg *d = elem;
  d->name = str(r, t, "name");
  d->principal = num(r, t, "principal");
  read_process(r, t, "rate_base", &d->rate_base);
  d->spread = num(r, t, "spread");
  d->term_months = num(r, t, "term_months");
  d->interest_only_months = (int)integer(r, t, "interest_only_months", 0, 12000);
  d->draw_h = num(r, t, "draw_hours");
  d->amort = (amort_kind)choice(r, t, "amortization", amort_kind_parse);
  d->upfront_fee = num(r, t, "upfront_fee");
  d->commitment_fee = num(r, t, "commitment_fee");
  d->facility = boolean(r, t, "facility");
  d->revolving = boolean(r, t, "revolving");
  d->repay_above = num(r, t, "repay_above");
  d->advance_rate = num(r, t, "advance_rate");
  d->sku = opt_index(r, t, "bb_sku", c->nskus);
  d->amortize_h = num(r, t, "amortize_hours");
  d->refi_term_months = num(r, t, "refi_term_months");
  read_process(r, t, "refi_spread", &d->refi_spread);
  d->contracts = indices(r, t, "bb_contracts", c->ntenants, &d->ncontracts);
  d->covenants =
      read_array(r, t, "covenants", sizeof *d->covenants, &d->ncovenants, read_covenant, c);
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const scenario_value *)a)->name, ((const scenario_value *)b)->name);
}

/* policies.params: scalars by name, sorted (deterministic order). */
static void read_params(rd *r, int pt, scenario_point *sp) {
  if (!field(r, pt, "params", LUA_TTABLE)) return;
  lua_State *L = r->L;
  int t = lua_gettop(L);
  size_t n = 0, cap = 0;
  scenario_value *v = NULL, *grown;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    int ty = lua_type(L, -1);
    if (lua_type(L, -2) != LUA_TSTRING ||
        (ty != LUA_TNUMBER && ty != LUA_TBOOLEAN && ty != LUA_TSTRING)) {
      bad(r, "params", "must map names to numbers, booleans or strings");
    } else if (n == cap && !(grown = realloc(v, (cap ? 2 * cap : 8) * sizeof *v))) {
      bad(r, "params", "out of memory");
      lua_pop(L, 2);
      break;
    } else {
      if (n == cap) {
        v = grown;
        cap = cap ? 2 * cap : 8;
      }
      scenario_value *e = &v[n++];
      e->name = whole(r, -2, "params");
      e->type = ty == LUA_TBOOLEAN  ? SCENARIO_BOOLEAN
                : ty == LUA_TNUMBER ? SCENARIO_NUMBER
                                    : SCENARIO_STRING;
      e->num = ty == LUA_TBOOLEAN  ? lua_toboolean(L, -1)
               : ty == LUA_TNUMBER ? lua_tonumber(L, -1)
                                   : 0;
      e->str = ty == LUA_TSTRING ? whole(r, -1, "params") : NULL;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (v && !r->bad) qsort(v, n, sizeof *v, by_name);
  sp->policy_params = v;
  sp->npolicy_params = n;
}

static void read_policies(rd *r, int t, policy_cfg *p, scenario_point *sp) {
  if (!field(r, t, "policies", LUA_TTABLE)) return;
  int pt = lua_gettop(r->L);
  r->where = "policies";
  p->review_every_h = num(r, pt, "review_every_hours");
  p->procurement = boolean(r, pt, "procurement");
  p->pricing = boolean(r, pt, "pricing");
  p->allocation = boolean(r, pt, "allocation");
  read_params(r, pt, sp);
  lua_pop(r->L, 1);
}

static void read_tax(rd *r, int ft, finance_cfg *f) {
  if (!field(r, ft, "tax", LUA_TTABLE)) return;
  int tt = lua_gettop(r->L);
  f->tax_rate = num(r, tt, "rate");
  f->tax_carryforward = boolean(r, tt, "loss_carryforward");
  lua_pop(r->L, 1);
}

static void read_finance(rd *r, int t, finance_cfg *f, const model_cfg *c) {
  if (!field(r, t, "finance", LUA_TTABLE)) return;
  int ft = lua_gettop(r->L);
  r->where = "finance";
  f->cash = num(r, ft, "cash");
  f->discount_rate = num(r, ft, "discount_rate");
  f->staff_month = num(r, ft, "staff_month");
  f->terminal_book = boolean(r, ft, "terminal_book");
  read_tax(r, ft, f);
  f->debt = read_array(r, ft, "debt", sizeof *f->debt, &f->ndebt, read_debt, c);
  lua_pop(r->L, 1);
}

static void read_param(rd *r, int t, void *elem, const model_cfg *c) {
  scenario_param *p = elem;
  (void)c;
  p->name = str(r, t, "name");
  p->value = str(r, t, "value");
  p->swept = getraw(r->L, t, "swept") == LUA_TBOOLEAN && lua_toboolean(r->L, -1);
  lua_pop(r->L, 1);
}

int luacfg_point(lua_State *L, int idx, scenario_point *pt, char *err, size_t errlen) {
  rd r = {.L = L, .err = err, .errlen = errlen, .where = "point"};
  int t = lua_absindex(L, idx);
  model_cfg *c = pt->cfg = calloc(1, sizeof *c);
  if (!c) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  c->start_days = integer(&r, t, "start_days", -1e8, 1e8);
  c->horizon_h = num(&r, t, "horizon_hours");
  c->warmup_h = num(&r, t, "warmup_hours");
  c->skus = read_array(&r, t, "skus", sizeof *c->skus, &c->nskus, read_sku, c);
  c->sites = read_array(&r, t, "sites", sizeof *c->sites, &c->nsites, read_site, c);
  c->fleet = read_array(&r, t, "fleet", sizeof *c->fleet, &c->nfleet, read_fleet, c);
  c->tenants = read_array(&r, t, "tenants", sizeof *c->tenants, &c->ntenants, read_tenant, c);
  size_t nm = 0;
  c->markets = read_array(&r, t, "markets", sizeof *c->markets, &nm, read_market, c);
  if (nm != c->nskus) bad(&r, "markets", "needs one entry per SKU");
  read_supplier(&r, t, c);
  c->shocks = read_array(&r, t, "shocks", sizeof *c->shocks, &c->nshocks, read_shock, c);
  read_finance(&r, t, &c->finance, c);
  read_policies(&r, t, &c->policies, pt);
  r.where = "point";
  pt->params = read_array(&r, t, "params", sizeof *pt->params, &pt->nparams, read_param, c);
  if (!(c->horizon_h > 0 && c->horizon_h <= LUACFG_MAX_HORIZON_HOURS))
    bad(&r, "horizon_hours", "out of range");
  return r.bad ? -1 : 0;
}

void luacfg_point_clear(scenario_point *pt) {
  model_cfg_free(pt->cfg);
  for (size_t i = 0; pt->params && i < pt->nparams; i++) {
    free(pt->params[i].name);
    free(pt->params[i].value);
  }
  for (size_t i = 0; pt->policy_params && i < pt->npolicy_params; i++) {
    free(pt->policy_params[i].name);
    free(pt->policy_params[i].str);
  }
  free(pt->params);
  free(pt->policy_params);
  memset(pt, 0, sizeof *pt);
}

/* ---- the design of uncertain inputs (the points' field design) ---------- */

static void read_input(rd *r, int t, void *elem, const model_cfg *c) {
  scenario_input *in = elem;
  (void)c;
  in->name = str(r, t, "name");
  in->dist = str(r, t, "dist");
}

static void read_corr(rd *r, int t, void *elem, const model_cfg *c) {
  scenario_corr *x = elem;
  (void)c;
  x->a = (size_t)integer(r, t, "a", 1, DESIGN_MAX_INPUTS) - 1;
  x->b = (size_t)integer(r, t, "b", 1, DESIGN_MAX_INPUTS) - 1;
  x->target = num(r, t, "target");
  x->achieved = num(r, t, "achieved");
  if (x->a >= x->b) bad(r, "b", "not after a");
  if (!(fabs(x->target) <= 1 && fabs(x->achieved) <= 1)) bad(r, "target", "out of range");
}

/* The design's shape: its kind's rows, a correlation for every pair of
** inputs, a probability in (0, 1) for every row and input. */
static void check_design(rd *r, const scenario_design *d, size_t np) {
  int kind = d->kind ? design_kind_parse(d->kind) : -1;
  size_t k = d->ninputs;
  if (kind < 0) bad(r, "design", "unknown value");
  else if (k == 0 || design_rows((design_kind)kind, (size_t)d->samples, k) != d->rows)
    bad(r, "rows", "not the rows of the design");
  if (d->ncorr != k * (k - 1) / 2) bad(r, "correlations", "not one per pair of inputs");
  for (size_t i = 0; i < d->ncorr; i++)
    if (d->corr[i].b >= k) bad(r, "correlations", "index out of range");
  if (np != d->rows * k) bad(r, "probabilities", "not one per row and input");
  for (size_t i = 0; d->p && i < np; i++)
    if (!(d->p[i] > 0 && d->p[i] < 1)) bad(r, "probabilities", "out of (0, 1)");
}

int luacfg_design(lua_State *L, int idx, scenario_design **out, char *err, size_t errlen) {
  rd r = {.L = L, .err = err, .errlen = errlen, .where = "point"};
  int t = lua_absindex(L, idx);
  *out = NULL;
  int type = getraw(L, t, "design");
  lua_pop(L, 1);
  if (type == LUA_TNIL) return 0;
  scenario_design *d = calloc(1, sizeof *d);
  if (!d) return err_set(err, errlen, "out of memory");
  if (field(&r, t, "design", LUA_TTABLE)) {
    int dt = lua_gettop(L);
    size_t np = 0;
    r.where = "design";
    d->kind = str(&r, dt, "design");
    d->samples = integer(&r, dt, "samples", 1, DESIGN_MAX_ROWS);
    d->rows = (size_t)integer(&r, dt, "rows", 1, DESIGN_MAX_ROWS);
    d->npoints = (size_t)integer(&r, dt, "sweep_points", 1, DESIGN_MAX_ROWS);
    d->inputs = read_array(&r, dt, "inputs", sizeof *d->inputs, &d->ninputs, read_input, NULL);
    r.where = "design";
    d->corr = read_array(&r, dt, "correlations", sizeof *d->corr, &d->ncorr, read_corr, NULL);
    r.where = "design";
    d->p = numbers(&r, dt, "probabilities", &np);
    if (!r.bad) check_design(&r, d, np);
    lua_pop(L, 1);
  }
  if (r.bad) {
    luacfg_design_free(d);
    return -1;
  }
  *out = d;
  return 0;
}

void luacfg_design_free(scenario_design *d) {
  if (!d) return;
  for (size_t i = 0; d->inputs && i < d->ninputs; i++) {
    free(d->inputs[i].name);
    free(d->inputs[i].dist);
  }
  free(d->inputs);
  free(d->corr);
  free(d->p);
  free(d->kind);
  free(d);
}
