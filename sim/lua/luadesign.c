/*
** luadesign.c -- core.design: arguments from Lua, the design (design.c),
** its probabilities through dist_quantile, the values back to Lua.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "design.h"
#include "dist.h"
#include "err.h"
#include "luacfg.h"
#include "luacore.h"
#include "luadesign.h"

typedef struct args {
  design d;
  dist *dists;
  double *target;
  size_t k;
} args;

static void args_free(args *a) {
  for (size_t j = 0; a->dists && j < a->k; j++) dist_clear(&a->dists[j]);
  free(a->dists);
  free(a->target);
  design_clear(&a->d);
}

/* The distributions of the list at index 3 into a->dists. */
static void read_dists(lua_State *L, args *a) {
  a->k = lua_rawlen(L, 3);
  if (a->k == 0 || a->k > DESIGN_MAX_INPUTS)
    luaL_error(L, "core.design: 1 to %d inputs", DESIGN_MAX_INPUTS);
  if (!(a->dists = calloc(a->k, sizeof *a->dists))) luaL_error(L, "out of memory");
  for (size_t j = 0; j < a->k; j++) {
    char err[ERR_LEN];
    lua_createtable(L, 0, 1); /* { d = dists[j] }: the reader takes a keyed field */
    lua_rawgeti(L, 3, (lua_Integer)j + 1);
    lua_setfield(L, -2, "d");
    if (luacfg_dist(L, -1, "d", &a->dists[j], err, sizeof err))
      luaL_error(L, "core.design: %s", err);
    lua_pop(L, 1);
  }
}

/* The flat k*k target at index 4 into a->target (NULL for nil). */
static void read_target(lua_State *L, args *a) {
  if (lua_isnoneornil(L, 4)) return;
  luaL_checktype(L, 4, LUA_TTABLE);
  size_t kk = a->k * a->k;
  if (lua_rawlen(L, 4) != kk) luaL_error(L, "core.design: the target needs %d entries", (int)kk);
  if (!(a->target = malloc(kk * sizeof *a->target))) luaL_error(L, "out of memory");
  for (size_t i = 0; i < kk; i++) {
    lua_rawgeti(L, 4, (lua_Integer)i + 1);
    a->target[i] = luaL_checknumber(L, -1);
    lua_pop(L, 1);
  }
}

/* The call itself, free to raise Lua errors: what it allocates hangs off
** the args of its upvalue, whose __gc frees it. */
static int make(lua_State *L) {
  args *a = lua_touserdata(L, lua_upvalueindex(1));
  const char *kind = luaL_checkstring(L, 1);
  lua_Integer samples = luaL_checkinteger(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  uint64_t seed;
  int dk = design_kind_parse(kind);
  if (dk < 0) return luaL_error(L, "core.design: no design '%s'", kind);
  if (samples < 1 || samples > DESIGN_MAX_ROWS)
    return luaL_error(L, "core.design: samples out of range");
  if (luacore_seed(L, 5, &seed)) return luaL_error(L, "core.design: bad seed");
  read_dists(L, a);
  read_target(L, a);
  char err[ERR_LEN];
  if (design_make(&a->d, (design_kind)dk, (size_t)samples, a->k, a->target, seed, err,
                  sizeof err)) {
    luaL_pushfail(L);
    lua_pushstring(L, err);
    lua_pushnil(L);
    return 3;
  }
  size_t k = a->k;
  lua_createtable(L, (int)a->d.rows, 0);
  for (size_t r = 0; r < a->d.rows; r++) {
    lua_createtable(L, (int)k, 0);
    for (size_t j = 0; j < k; j++) {
      lua_pushnumber(L, dist_quantile(&a->dists[j], a->d.u[r * k + j]));
      lua_rawseti(L, -2, (lua_Integer)j + 1);
    }
    lua_rawseti(L, -2, (lua_Integer)r + 1);
  }
  lua_createtable(L, (int)(k * k), 0);
  for (size_t i = 0; i < k * k; i++) {
    lua_pushnumber(L, a->d.achieved[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_createtable(L, (int)(a->d.rows * k), 0);
  for (size_t i = 0; i < a->d.rows * k; i++) {
    lua_pushnumber(L, a->d.u[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 3;
}

static int args_gc(lua_State *L) {
  args_free(lua_touserdata(L, 1));
  return 0;
}

int luadesign_make(lua_State *L) {
  /* the C memory rides in a userdata whose __gc frees it, so a Lua error
  ** (a bad argument, out of memory) part way leaks nothing */
  args *a = lua_newuserdatauv(L, sizeof *a, 0);
  *a = (args){0};
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, args_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  int n = lua_gettop(L) - 1;
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, make, 1);
  lua_rotate(L, 1, 1); /* make, args..., userdata */
  lua_pop(L, 1);
  lua_call(L, n, 3);
  args_free(a); /* at once, not at the next collection */
  *a = (args){0};
  return 3;
}

/* Reading the resolved design: raw reads, every type checked (scenario
** code may have changed the library's tables). */

static int get(lua_State *L, int t, const char *key) {
  lua_pushstring(L, key);
  return lua_rawget(L, t);
}

/* A string t[key], copied; NULL (and *bad set) when it is none. */
static char *text(lua_State *L, int t, const char *key, const char **bad) {
  char *s = NULL;
  size_t len;
  if (get(L, t, key) == LUA_TSTRING) {
    const char *v = lua_tolstring(L, -1, &len);
    s = strlen(v) == len ? strdup(v) : NULL;
  }
  if (!s && !*bad) *bad = key;
  lua_pop(L, 1);
  return s;
}

/* A number t[key] in [lo, hi]; lo (and *bad set) when it is not. */
static double number(lua_State *L, int t, const char *key, double lo, double hi, const char **bad) {
  double v = get(L, t, key) == LUA_TNUMBER ? lua_tonumber(L, -1) : (double)NAN;
  lua_pop(L, 1);
  if (v >= lo && v <= hi) return v;
  if (!*bad) *bad = key;
  return lo;
}

static void read_inputs(lua_State *L, int t, scenario_design *d, const char **bad) {
  if (get(L, t, "inputs") != LUA_TTABLE) {
    *bad = "inputs";
    lua_pop(L, 1);
    return;
  }
  size_t n = lua_rawlen(L, -1);
  if (n == 0 || n > DESIGN_MAX_INPUTS || !(d->inputs = calloc(n, sizeof *d->inputs)))
    *bad = "inputs";
  for (size_t i = 0; !*bad && i < n; i++) {
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE) *bad = "inputs";
    else {
      int e = lua_gettop(L);
      d->inputs[i].name = text(L, e, "name", bad);
      d->inputs[i].dist = text(L, e, "dist", bad);
      d->ninputs = i + 1;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void read_corr(lua_State *L, int t, scenario_design *d, const char **bad) {
  size_t k = d->ninputs, n = k * (k - 1) / 2;
  if (get(L, t, "correlations") != LUA_TTABLE || lua_rawlen(L, -1) != n) *bad = "correlations";
  else if (n > 0 && !(d->corr = calloc(n, sizeof *d->corr))) *bad = "correlations";
  for (size_t i = 0; !*bad && i < n; i++) {
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE) *bad = "correlations";
    else {
      int e = lua_gettop(L);
      scenario_corr *c = &d->corr[i];
      c->a = (size_t)number(L, e, "a", 1, (double)k, bad) - 1;
      c->b = (size_t)number(L, e, "b", 1, (double)k, bad) - 1;
      c->target = number(L, e, "target", -1, 1, bad);
      c->achieved = number(L, e, "achieved", -1, 1, bad);
      if (!*bad && c->a >= c->b) *bad = "correlations";
      d->ncorr = i + 1;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static void read_probabilities(lua_State *L, int t, scenario_design *d, const char **bad) {
  size_t n = d->rows * d->ninputs;
  if (get(L, t, "probabilities") != LUA_TTABLE || lua_rawlen(L, -1) != n ||
      !(d->p = malloc(n * sizeof *d->p)))
    *bad = "probabilities";
  for (size_t i = 0; !*bad && i < n; i++) {
    double v = lua_rawgeti(L, -1, (lua_Integer)i + 1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
    if (!(v > 0 && v < 1)) *bad = "probabilities";
    d->p[i] = v;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

int luadesign_read(lua_State *L, int idx, scenario_design **out, char *err, size_t errlen) {
  int t = lua_absindex(L, idx);
  *out = NULL;
  if (get(L, t, "design") == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  const char *bad = lua_type(L, -1) == LUA_TTABLE ? NULL : "design";
  scenario_design *d = calloc(1, sizeof *d);
  int dt = lua_gettop(L);
  if (!d) return err_set(err, errlen, "out of memory");
  if (!bad) {
    d->kind = text(L, dt, "design", &bad);
    d->samples = (long)number(L, dt, "samples", 1, DESIGN_MAX_ROWS, &bad);
    d->rows = (size_t)number(L, dt, "rows", 1, DESIGN_MAX_ROWS, &bad);
    d->npoints = (size_t)number(L, dt, "sweep_points", 1, DESIGN_MAX_ROWS, &bad);
    read_inputs(L, dt, d, &bad);
  }
  if (!bad) read_corr(L, dt, d, &bad);
  if (!bad) read_probabilities(L, dt, d, &bad);
  if (!bad &&
      (design_kind_parse(d->kind) < 0 || design_rows((design_kind)design_kind_parse(d->kind),
                                                     (size_t)d->samples, d->ninputs) != d->rows))
    bad = "rows";
  lua_settop(L, dt - 1);
  if (bad) {
    luadesign_free(d);
    return err_set(err, errlen, "resolved scenario: design.%s: missing or out of range", bad);
  }
  *out = d;
  return 0;
}

void luadesign_free(scenario_design *d) {
  if (!d) return;
  for (size_t i = 0; i < d->ninputs; i++) {
    free(d->inputs[i].name);
    free(d->inputs[i].dist);
  }
  free(d->inputs);
  free(d->corr);
  free(d->p);
  free(d->kind);
  free(d);
}
