/*
** policy.c -- Lua policies called by the model: the read-only state
** table they see, and the actions they return turned into model_act_*
** calls.  The state and action shapes are in lua/neo/CONTRACT.md.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "calendar.h"
#include "err.h"
#include "luacore.h"
#include "path.h"
#include "policy.h"
#include "sandbox.h"
#include "text.h"
#include "units.h"

struct policy_ctx {
  lua_State *L;
  int fn[POLICY_NKINDS];          /* registry refs, LUA_NOREF when absent */
  char where[POLICY_NKINDS][300]; /* "scenarios/x.lua:42" */
  int params, check;              /* refs: policies.params, neo._check_actions */
  const scenario_point *pt;
};

/* ---- read-only tables ---- */
static int ro_newindex(lua_State *L) {
  return luaL_error(L, "the policy state is read-only (cannot set '%s')",
                    luaL_tolstring(L, 2, NULL));
}
/* Push the real table behind the proxy at index 1: its metatable's
** __index (C functions, not closures, so that a proxy allocates less). */
static void push_real(lua_State *L) {
  if (!lua_getmetatable(L, 1)) luaL_error(L, "not a read-only table of the policy state");
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_remove(L, -2);
}
static int ro_len(lua_State *L) {
  push_real(L);
  lua_pushinteger(L, (lua_Integer)luaL_len(L, -1));
  return 1;
}
static int ro_pairs(lua_State *L) {
  lua_getglobal(L, "next");
  push_real(L);
  lua_pushnil(L);
  return 3;
}

/* Replace the table on top of the stack by its read-only proxy, deeply.
** memo (a stack index) maps each table frozen so far to its proxy, so a
** table reached twice (skus[i] and skus_by_name[name]) is one proxy, made
** once.  A table with a metatable is a proxy already (the state's own
** tables have none; policies.params is frozen when loaded). */
static void freeze_in(lua_State *L, int memo) {
  int real = lua_gettop(L);
  if (lua_getmetatable(L, real)) {
    lua_pop(L, 1);
    return;
  }
  lua_pushvalue(L, real);
  if (lua_rawget(L, memo) != LUA_TNIL) {
    lua_replace(L, real);
    return;
  }
  lua_pop(L, 1);
  lua_pushnil(L);
  while (lua_next(L, real)) {
    if (lua_istable(L, -1)) {
      freeze_in(L, memo);
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, real);
    } else {
      lua_pop(L, 1);
    }
  }
  lua_newtable(L); /* the proxy */
  lua_createtable(L, 0, 5);
  lua_pushvalue(L, real);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, ro_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, ro_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, ro_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, real);
  lua_pushvalue(L, -2);
  lua_rawset(L, memo); /* memo[real] = proxy */
  lua_replace(L, real);
}

static void freeze(lua_State *L) {
  lua_newtable(L);
  lua_insert(L, -2); /* memo, table */
  freeze_in(L, lua_gettop(L) - 1);
  lua_remove(L, -2);
}

/* ---- the state ---- */
static void setnum(lua_State *L, const char *k, double v) {
  if (isnan(v)) return; /* absent, as nil */
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

/* A count: an integer in Lua (5, not 5.0). */
static void setint(lua_State *L, const char *k, long v) {
  lua_pushinteger(L, (lua_Integer)v);
  lua_setfield(L, -2, k);
}

/* Node counts by state of one SKU at one site (-1: all sites). */
static void push_states(lua_State *L, model *m, int sku, int site) {
  lua_createtable(L, 0, NODE_NSTATES);
  for (int s = 0; s < NODE_NSTATES; s++)
    setint(L, node_state_name((node_state)s), model_nodes(m, sku, site, (node_state)s));
}

static void push_skus(lua_State *L, model *m) {
  const model_cfg *c = model_config(m);
  lua_createtable(L, (int)c->nskus, 0);
  lua_createtable(L, 0, (int)c->nskus);
  for (size_t k = 0; k < c->nskus; k++) {
    lua_createtable(L, 0, 10);
    lua_pushstring(L, c->skus[k].name);
    lua_setfield(L, -2, "name");
    setnum(L, "gpus_per_node", c->skus[k].gpus_per_node);
    setnum(L, "node_kw", c->skus[k].node_kw);
    setnum(L, "supplier_price", model_supplier_price(m, (int)k));
    setnum(L, "market_price", model_market_price(m, (int)k));
    setnum(L, "utilization", model_utilization(m, (int)k));
    setint(L, "pending_orders", model_pending_orders(m, (int)k));
    push_states(L, m, (int)k, -1);
    lua_setfield(L, -2, "nodes");
    lua_pushvalue(L, -1);
    lua_rawseti(L, -4, (lua_Integer)k + 1);
    lua_setfield(L, -2, c->skus[k].name);
  }
  lua_setfield(L, -3, "skus_by_name");
  lua_setfield(L, -2, "skus");
}

static void push_sites(lua_State *L, model *m) {
  const model_cfg *c = model_config(m);
  lua_createtable(L, (int)c->nsites, 0);
  lua_createtable(L, 0, (int)c->nsites);
  for (size_t s = 0; s < c->nsites; s++) {
    lua_createtable(L, 0, 4);
    lua_pushstring(L, c->sites[s].name);
    lua_setfield(L, -2, "name");
    setnum(L, "power_mw", model_site_mw(m, (int)s));
    setnum(L, "mw_used", model_site_mw_used(m, (int)s));
    setnum(L, "mw_building", model_site_mw_building(m, (int)s));
    lua_createtable(L, 0, (int)c->nskus);
    for (size_t k = 0; k < c->nskus; k++) {
      push_states(L, m, (int)k, (int)s);
      lua_setfield(L, -2, c->skus[k].name);
    }
    lua_setfield(L, -2, "nodes");
    lua_pushvalue(L, -1);
    lua_rawseti(L, -4, (lua_Integer)s + 1);
    lua_setfield(L, -2, c->sites[s].name);
  }
  lua_setfield(L, -3, "sites_by_name");
  lua_setfield(L, -2, "sites");
}

static void push_tenants(lua_State *L, model *m) {
  const model_cfg *c = model_config(m);
  lua_createtable(L, (int)c->ntenants, 0);
  lua_createtable(L, 0, (int)c->ntenants);
  for (size_t i = 0; i < c->ntenants; i++) {
    const tenant_cfg *tc = &c->tenants[i];
    lua_createtable(L, 0, 9);
    lua_pushstring(L, tc->name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, tenant_kind_name(tc->kind));
    lua_setfield(L, -2, "kind");
    lua_pushstring(L, c->skus[tc->sku].name);
    lua_setfield(L, -2, "sku");
    if (tc->site >= 0) {
      lua_pushstring(L, c->sites[tc->site].name);
      lua_setfield(L, -2, "site");
    }
    setnum(L, "price_gpu_hour", model_tenant_price(m, (int)i));
    setint(L, "nodes", model_tenant_nodes(m, (int)i));
    lua_pushboolean(L, model_tenant_active(m, (int)i));
    lua_setfield(L, -2, "active");
    setint(L, "backlog", model_tenant_backlog(m, (int)i));
    setnum(L, "contract_end_days", hours_to_days(model_tenant_contract_end(m, (int)i)));
    lua_pushvalue(L, -1);
    lua_rawseti(L, -4, (lua_Integer)i + 1);
    lua_setfield(L, -2, c->tenants[i].name);
  }
  lua_setfield(L, -3, "tenants_by_name");
  lua_setfield(L, -2, "tenants");
}

static void push_state(policy_ctx *p, model *m, policy_reason why) {
  lua_State *L = p->L;
  const model_cfg *c = model_config(m);
  double t = model_now(m);
  char date[16];
  cal_format(c->start_days + (long)floor(hours_to_days(t)), date, sizeof date);
  lua_createtable(L, 0, 16);
  setnum(L, "t_hours", t);
  setnum(L, "t_days", hours_to_days(t));
  lua_pushstring(L, date);
  lua_setfield(L, -2, "date");
  lua_pushstring(L, policy_reason_name(why));
  lua_setfield(L, -2, "reason");
  setnum(L, "cash", model_cash(m));
  setnum(L, "debt", model_debt(m));
  setnum(L, "facility_left", model_facility_left(m));
  setnum(L, "utilization", model_utilization(m, -1));
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->params);
  lua_setfield(L, -2, "params");
  push_skus(L, m);
  push_sites(L, m);
  push_tenants(L, m);
  freeze(L);
}

/* ---- actions ---- */

/* A Lua string as C reads it: the bytes and their length, NULs included
** ("od\0x" is no tenant, not "od"); s is NULL when it is no string. */
typedef struct lstr {
  const char *s;
  size_t len;
} lstr;

/* The index of the entry named name among n entries whose name is the
** first field of each of stride bytes at base, or -1. */
static int find_name(lstr name, size_t n, const void *base, size_t stride) {
  for (size_t i = 0; i < n; i++) {
    const char *e = *(char *const *)(const void *)((const char *)base + i * stride);
    if (strlen(e) == name.len && memcmp(e, name.s, name.len) == 0) return (int)i;
  }
  return -1;
}

typedef struct act {
  lua_State *L;
  int t; /* the action table */
  model *m;
  char *err;
  size_t errlen;
} act;

/* Actions are read raw (metamethods are not run), so what C reads is what
** neo._check_actions saw, whatever a metatable would answer the second time. */
static int getraw(act *a, const char *k) {
  lua_pushstring(a->L, k);
  return lua_rawget(a->L, a->t);
}

/* A string field, or s NULL: numbers are not names (an offer's numeric
** `price` must not read as a price action). */
static lstr sfield(act *a, const char *k) {
  lstr v = {NULL, 0};
  if (getraw(a, k) == LUA_TSTRING) v.s = lua_tolstring(a->L, -1, &v.len);
  lua_pop(a->L, 1);
  return v; /* kept alive by the action table */
}

static double nfield(act *a, const char *k) {
  double v = getraw(a, k) == LUA_TNUMBER ? lua_tonumber(a->L, -1) : (double)NAN;
  lua_pop(a->L, 1);
  return v;
}

/* A count field as a C long: NaN, huge or fractional ones become -1, which
** model_act_order, _offer and _internal refuse (sell and retire: below). */
static long cfield(act *a, const char *k) {
  double v = nfield(a, k);
  return v >= 0 && v <= 1e15 && v == floor(v) ? (long)v : -1;
}

static int named(act *a, const char *what, lstr name, int i) {
  char shown[256];
  if (i >= 0) return i;
  text_escape(shown, sizeof shown, name.s ? name.s : "?", name.s ? name.len : 1, TEXT_LINE);
  snprintf(a->err, a->errlen, "unknown %s '%s'", what, shown);
  return i;
}

#define SKU(n) named(a, "sku", n, n.s ? find_name(n, c->nskus, c->skus, sizeof *c->skus) : -1)
#define SITE(n) named(a, "site", n, n.s ? find_name(n, c->nsites, c->sites, sizeof *c->sites) : -1)
#define TENANT(n) \
  named(a, "tenant", n, n.s ? find_name(n, c->ntenants, c->tenants, sizeof *c->tenants) : -1)

static int apply_priority(act *a, const model_cfg *c) {
  getraw(a, "priority");
  size_t n = lua_rawlen(a->L, -1);
  int *ts = malloc((n ? n : 1) * sizeof *ts), rc = ts ? 0 : -1;
  for (size_t i = 0; i < n && rc == 0; i++) {
    lstr name = {NULL, 0};
    if (lua_rawgeti(a->L, -1, (lua_Integer)i + 1) == LUA_TSTRING)
      name.s = lua_tolstring(a->L, -1, &name.len);
    if ((ts[i] = TENANT(name)) < 0) rc = -1;
    lua_pop(a->L, 1);
  }
  lua_pop(a->L, 1);
  if (rc == 0) rc = model_act_priority(a->m, ts, n, a->err, a->errlen);
  free(ts);
  return rc;
}

static int apply_one(act *a) {
  model *m = a->m;
  const model_cfg *c = model_config(m);
  lstr v;
  int i, j;
  double x;
  if ((v = sfield(a, "order")).s)
    return (i = SKU(v)) < 0 || (j = SITE(sfield(a, "site"))) < 0
               ? -1
               : model_act_order(m, i, j, cfield(a, "nodes"), a->err, a->errlen);
  if ((v = sfield(a, "price")).s)
    return (i = TENANT(v)) < 0 ? -1
                               : model_act_price(m, i, nfield(a, "gpu_hour"), a->err, a->errlen);
  if ((v = sfield(a, "sell")).s || (v = sfield(a, "retire")).s) {
    int sell = sfield(a, "sell").s != NULL;
    if ((i = SKU(v)) < 0 || (j = SITE(sfield(a, "site"))) < 0) return -1;
    long n = cfield(a, "nodes");
    if (n < 0)
      return err_set(a->err, a->errlen, "%s: nodes must be an integer >= 0",
                     sell ? "sell" : "retire");
    return sell ? model_act_sell(m, i, j, n, a->err, a->errlen)
                : model_act_retire(m, i, j, n, a->err, a->errlen);
  }
  if ((v = sfield(a, "build")).s)
    return (i = SITE(v)) < 0 ? -1 : model_act_build(m, i, nfield(a, "mw"), a->err, a->errlen);
  if ((v = sfield(a, "draw")).s) {
    i = named(a, "debt", v,
              find_name(v, c->finance.ndebt, c->finance.debt, sizeof *c->finance.debt));
    return i < 0 ? -1 : model_act_draw(m, i, nfield(a, "amount"), a->err, a->errlen);
  }
  if ((v = sfield(a, "repay")).s) {
    i = named(a, "debt", v,
              find_name(v, c->finance.ndebt, c->finance.debt, sizeof *c->finance.debt));
    return i < 0 ? -1 : model_act_repay(m, i, nfield(a, "amount"), a->err, a->errlen);
  }
  if ((v = sfield(a, "refinance")).s) {
    i = named(a, "debt", v,
              find_name(v, c->finance.ndebt, c->finance.debt, sizeof *c->finance.debt));
    return i < 0 ? -1
                 : model_act_refinance(m, i, nfield(a, "term_months"), nfield(a, "spread"), a->err,
                                       a->errlen);
  }
  if (!isnan(x = nfield(a, "raise")))
    return model_act_raise(m, x, nfield(a, "valuation"), a->err, a->errlen);
  if (!isnan(x = nfield(a, "dividend"))) return model_act_dividend(m, x, a->err, a->errlen);
  if (!isnan(x = nfield(a, "buyback"))) return model_act_buyback(m, x, a->err, a->errlen);
  if ((v = sfield(a, "offer")).s) {
    lstr sku = sfield(a, "sku");
    if ((i = TENANT(v)) < 0 || (sku.s && (j = SKU(sku)) < 0)) return -1;
    return model_act_offer(m, i, sku.s ? j : -1, cfield(a, "nodes"), nfield(a, "price"),
                           nfield(a, "term_months"), a->err, a->errlen);
  }
  if ((v = sfield(a, "recall")).s) { /* contract K (1-based), absent: every one (-1) */
    long k = isnan(nfield(a, "contract")) ? 0 : cfield(a, "contract");
    if (k < 0 || k > 1000000000 || (k == 0 && !isnan(nfield(a, "contract"))))
      return err_set(a->err, a->errlen, "recall: contract must be an integer from 1");
    return (i = TENANT(v)) < 0 ? -1 : model_act_recall(m, i, (int)k - 1, a->err, a->errlen);
  }
  if ((v = sfield(a, "internal")).s)
    return (i = TENANT(v)) < 0 ? -1
                               : model_act_internal(m, i, cfield(a, "nodes"), a->err, a->errlen);
  int has = getraw(a, "priority") == LUA_TTABLE;
  lua_pop(a->L, 1);
  if (has) return apply_priority(a, c);
  snprintf(a->err, a->errlen,
           "not an action (order, price, sell, retire, build, draw, repay, refinance, offer, "
           "recall, internal, priority, raise, dividend, buyback)");
  return -1;
}

/* Check the shape with neo._check_actions, then apply each action. */
static int apply(policy_ctx *p, model *m, int res, char *err, size_t errlen) {
  lua_State *L = p->L;
  if (lua_isnil(L, res)) return 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->check);
  lua_pushvalue(L, res);
  lua_call(L, 1, 1);
  if (!lua_isnil(L, -1)) {
    size_t len = 11;
    const char *why = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "bad actions";
    text_escape(err, errlen, why, len, TEXT_LINE); /* it quotes the actions' strings */
    return -1;
  }
  lua_pop(L, 1);
  size_t n = lua_type(L, res) == LUA_TTABLE ? lua_rawlen(L, res) : 0;
  for (size_t k = 0; k < n; k++) {
    char why[ERR_LEN] = "";
    if (lua_rawgeti(L, res, (lua_Integer)k + 1) != LUA_TTABLE)
      return err_set(err, errlen, "action %zu: not a table", k + 1);
    act a = {.L = L, .t = lua_gettop(L), .m = m, .err = why, .errlen = sizeof why};
    int rc = apply_one(&a);
    lua_pop(L, 1);
    if (rc) {
      snprintf(err, errlen, "action %zu: %s", k + 1, why);
      return -1;
    }
  }
  return 0;
}

/* ---- tracing ---- */

/* The string on top of L as the event's detail shows it (text.h). */
static void put_string(lua_State *L, FILE *f) {
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  text_write(f, s, len, TEXT_LINE, SIZE_MAX);
}

/* An action as "key=value ..." in a fixed key order (a table's own order
** is not), e.g. "order=h100 site=dc1 nodes=100". */
static void describe(lua_State *L, int t, FILE *f) {
  static const char *const keys[] = {"order",       "offer",    "price",    "sell",     "retire",
                                     "build",       "mw",       "draw",     "repay",    "refinance",
                                     "spread",      "raise",    "dividend", "buyback",  "internal",
                                     "site",        "nodes",    "gpu_hour", "amount",   "valuation",
                                     "term_months", "priority", "recall",   "contract", "sku"};
  const char *sep = "";
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    lua_pushstring(L, keys[i]);
    int ty = lua_rawget(L, t);
    if (ty != LUA_TNIL) {
      fprintf(f, "%s%s=", sep, keys[i]);
      sep = " ";
      if (ty == LUA_TNUMBER) fprintf(f, "%.10g", lua_tonumber(L, -1));
      else if (ty == LUA_TSTRING) put_string(L, f);
      else if (ty == LUA_TTABLE) { /* priority: a list of tenant names */
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer k = 1; k <= n; k++) {
          lua_rawgeti(L, -1, k);
          if (k > 1) fputc(',', f);
          if (lua_type(L, -1) == LUA_TSTRING) put_string(L, f);
          else fputc('?', f);
          lua_pop(L, 1);
        }
      }
    }
    lua_pop(L, 1);
  }
}

/* A traced run records each policy call: "REASON: action; action" or
** "REASON: no action".  Out of memory, the call goes unrecorded (the
** trace is a convenience, the run is not failed for it). */
static void trace_call(lua_State *L, model *m, policy_kind k, policy_reason why, int res) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  if (!f) return;
  size_t n = lua_istable(L, res) ? (size_t)lua_rawlen(L, res) : 0;
  fprintf(f, "%s: %s", policy_reason_name(why), n ? "" : "no action");
  for (size_t i = 0; i < n; i++) {
    if (i) fputs("; ", f);
    lua_rawgeti(L, res, (lua_Integer)i + 1);
    describe(L, lua_gettop(L), f);
    lua_pop(L, 1);
  }
  if (fclose(f) == 0) model_note(m, "policy", policy_kind_name(k), text);
  free(text);
}

typedef struct step_arg {
  policy_ctx *p;
  model *m;
  policy_kind k;
  policy_reason why;
  char *err;
  size_t errlen;
  int rc;
} step_arg;

/* (step_arg) -> nothing: one policy call, from the state it is given to
** its actions applied, protected and under one budget; a refusal of the
** model in step_arg.rc and err. */
static int step(lua_State *L) {
  step_arg *a = lua_touserdata(L, 1);
  lua_settop(L, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, a->p->fn[a->k]);
  push_state(a->p, a->m, a->why);
  lua_call(L, 1, 1);
  a->rc = apply(a->p, a->m, 1, a->err, a->errlen);
  if (a->rc == 0 && model_tracing(a->m)) trace_call(L, a->m, a->k, a->why, 1);
  return 0;
}

static int call(void *ctx, model *m, policy_kind k, policy_reason why, char *err, size_t errlen) {
  policy_ctx *p = ctx;
  lua_State *L = p->L;
  char msg[ERR_LEN];
  if (p->fn[k] == LUA_NOREF) return 0;
  step_arg a = {.p = p, .m = m, .k = k, .why = why, .err = msg, .errlen = sizeof msg};
  lua_settop(L, 0);
  lua_pushlightuserdata(L, &a);
  int rc = sandbox_ccall(L, step, 1, 0, msg, sizeof msg);
  if (rc == 0) rc = a.rc;
  if (rc) snprintf(err, errlen, "policy %s (%s): %s", policy_kind_name(k), p->where[k], msg);
  lua_settop(L, 0);
  return rc;
}

model_hooks policy_hooks(policy_ctx *p) { return (model_hooks){.policy = call, .ctx = p}; }

/* ---- loading ---- */
static int fetch(policy_ctx *p, int pol, policy_kind k) {
  lua_State *L = p->L;
  p->fn[k] = LUA_NOREF;
  if (lua_getfield(L, pol, policy_kind_name(k)) != LUA_TFUNCTION) {
    lua_pop(L, 1);
    return 0;
  }
  lua_Debug ar;
  lua_pushvalue(L, -1);
  lua_getinfo(L, ">S", &ar);
  snprintf(p->where[k], sizeof p->where[k], "%s:%d", ar.short_src, ar.linedefined);
  p->fn[k] = luaL_ref(L, LUA_REGISTRYINDEX);
  return 1;
}

static void push_params(lua_State *L, const scenario_point *pt) {
  lua_createtable(L, 0, (int)pt->npolicy_params);
  for (size_t i = 0; i < pt->npolicy_params; i++) {
    const scenario_value *v = &pt->policy_params[i];
    if (v->type == SCENARIO_NUMBER) lua_pushnumber(L, v->num);
    else if (v->type == SCENARIO_BOOLEAN) lua_pushboolean(L, v->num != 0);
    else lua_pushstring(L, v->str);
    lua_setfield(L, -2, v->name);
  }
  freeze(L);
}

typedef struct load_arg {
  policy_ctx *p;
  const scenario *s;
  int any; /* some policy found */
} load_arg;

/* (load_arg) -> nothing: neo.core, and neo._check_actions kept. */
static int load_lib(lua_State *L) {
  load_arg *a = lua_touserdata(L, 1);
  luacore_register(L, a->s->path);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "neo");
  lua_call(L, 1, 1);
  if (!lua_istable(L, -1) || lua_getfield(L, -1, "_check_actions") != LUA_TFUNCTION)
    return luaL_error(L, "the neosim Lua library has no neo._check_actions");
  lua_pushboolean(L, 1); /* neo.scenario: checked when the scenario was loaded, not again */
  lua_setfield(L, -3, "_policies_only");
  a->p->check = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

/* (load_arg) -> nothing: the scenario run again, its policies kept. */
static int load_policies(lua_State *L) {
  load_arg *a = lua_touserdata(L, 1);
  policy_ctx *p = a->p;
  char err[ERR_LEN];
  if (sandbox_loadfile(L, a->s->path, err, sizeof err)) {
    lua_pushstring(L, err);
    return lua_error(L);
  }
  lua_call(L, 0, 1);
  if (!lua_istable(L, -1) || lua_getfield(L, -1, "policies") != LUA_TTABLE) return 0;
  int pol = lua_gettop(L);
  for (int k = 0; k < POLICY_NKINDS; k++) a->any |= fetch(p, pol, (policy_kind)k);
  push_params(L, p->pt);
  p->params = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

static int load(policy_ctx *p, const scenario *s, int *any, char *err, size_t errlen) {
  lua_State *L = p->L;
  load_arg a = {p, s, 0};
  lua_pushlightuserdata(L, &a);
  int rc = sandbox_ccall(L, load_lib, 1, 0, err, errlen);
  if (rc == 0) {
    lua_pushlightuserdata(L, &a);
    rc = sandbox_ccall(L, load_policies, 1, 0, err, errlen);
  }
  lua_settop(L, 0);
  *any = a.any;
  if (rc == -2) { /* no line: name the file */
    char why[ERR_LEN];
    snprintf(why, sizeof why, "%s", err);
    snprintf(err, errlen, "%s: %s", s->path, why);
  }
  return rc ? -1 : 0;
}

policy_ctx *policy_new(const scenario *s, size_t point, int *none, char *err, size_t errlen) {
  const policy_cfg *pc = &s->points[point].cfg->policies;
  *none = !(pc->procurement || pc->pricing || pc->allocation);
  err[0] = '\0';
  if (*none) return NULL;
  policy_ctx *p = calloc(1, sizeof *p);
  char *dir = p ? path_folder(s->path) : NULL;
  if (!p || !dir) {
    free(p);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  p->pt = &s->points[point];
  char *lib = sandbox_lib_dir();
  p->L = lib ? sandbox_new(lib, dir, &s->limits) : NULL;
  free(lib);
  free(dir);
  int any = 0;
  if (!p->L || load(p, s, &any, err, errlen) || !any) {
    if (!err[0]) snprintf(err, errlen, "%s: the policies could not be loaded", s->path);
    policy_free(p);
    return NULL;
  }
  return p;
}

void policy_free(policy_ctx *p) {
  if (!p) return;
  sandbox_close(p->L);
  free(p);
}
