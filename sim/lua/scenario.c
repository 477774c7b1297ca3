/*
** scenario.c -- scenario file -> validated sweep points: the sandbox
** runs the file, the Lua library validates and resolves it, luacfg.c
** turns each point into a model configuration.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "err.h"
#include "luacfg.h"
#include "luacore.h"
#include "path.h"
#include "sandbox.h"
#include "scenario.h"
#include "sha256.h"
#include "units.h"

/* The loading stages: C functions run by sandbox_ccall, each with its own
** budget (as each is a call into scenario code). */

/* (scenario) -> require("neo")._resolve, with neo.core registered */
static int push_resolver(lua_State *L) {
  const scenario *s = lua_touserdata(L, 1);
  luacore_register(L, s->path);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "neo");
  lua_call(L, 1, 1);
  if (lua_type(L, -1) == LUA_TTABLE && lua_getfield(L, -1, "_resolve") == LUA_TFUNCTION) return 1;
  char *lib = sandbox_lib_dir();
  lua_pushstring(L, lib ? lib : "?");
  free(lib);
  return luaL_error(L, "the neosim Lua library (%s) has no neo._resolve", lua_tostring(L, -1));
}

/* (scenario) -> what the scenario file returns */
static int run_file(lua_State *L) {
  const scenario *s = lua_touserdata(L, 1);
  char err[ERR_LEN];
  if (sandbox_loadfile(L, s->path, err, sizeof err)) {
    lua_pushstring(L, err);
    return lua_error(L);
  }
  lua_call(L, 0, 1);
  return 1;
}

typedef struct sets_arg {
  const scenario_set *sets;
  size_t n;
} sets_arg;

/* (resolve, scenario table, sets_arg) -> resolve(scenario table, sets) */
static int call_resolver(lua_State *L) {
  const sets_arg *a = lua_touserdata(L, 3);
  lua_settop(L, 2);
  lua_createtable(L, (int)a->n, 0);
  for (size_t i = 0; i < a->n; i++) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, a->sets[i].path);
    lua_setfield(L, -2, "path");
    lua_pushstring(L, a->sets[i].value);
    lua_setfield(L, -2, "value");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_call(L, 2, 1);
  return 1;
}

/* Run the file and resolve it: leaves the array of points on the stack. */
static int resolve(lua_State *L, scenario *s, const scenario_set *sets, size_t nsets, char *err,
                   size_t errlen) {
  sets_arg a = {sets, nsets};
  lua_pushlightuserdata(L, s);
  int rc = sandbox_ccall(L, push_resolver, 1, 1, err, errlen);
  if (rc == 0) {
    lua_pushlightuserdata(L, s);
    rc = sandbox_ccall(L, run_file, 1, 1, err, errlen);
  }
  if (rc == 0) {
    lua_pushlightuserdata(L, &a);
    rc = sandbox_ccall(L, call_resolver, 3, 1, err, errlen);
  }
  if (rc == -2) { /* no line: name the file */
    char why[ERR_LEN];
    snprintf(why, sizeof why, "%s", err);
    snprintf(err, errlen, "%s: %s", s->path, why);
  }
  if (rc) {
    lua_settop(L, 0);
    return -1;
  }
  return 0;
}

/* The reader never runs scenario code: raw accesses only (a resolved
** table with metamethods reads as the plain table it is). */
static void rawfield(lua_State *L, int t, const char *k) {
  lua_pushstring(L, k);
  lua_rawget(L, t);
}

/* The keys every point has (name, seed, replications, horizon), from point
** 1; the validator has checked them, so an error here names the key of a
** broken (or tampered) library. */
static int read_header(lua_State *L, scenario *s, int t, char *err, size_t errlen) {
  const char *bad = NULL;
  rawfield(L, t, "name");
  rawfield(L, t, "seed");
  rawfield(L, t, "replications");
  rawfield(L, t, "horizon_hours");
  size_t len = 0;
  const char *name = lua_type(L, -4) == LUA_TSTRING ? lua_tolstring(L, -4, &len) : NULL;
  if (!name) bad = "name: expected a string";
  else if (strlen(name) != len) bad = "name: a string with a NUL byte";
  else if (luacore_seed(L, -3, &s->seed)) bad = "seed: expected an integer from 0 to 2^64-1";
  else if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1 ||
           lua_tointeger(L, -2) > SCENARIO_MAX_REPLICATIONS)
    bad = "replications: expected an integer from 1 to 100000000";
  else if (lua_type(L, -1) != LUA_TNUMBER) bad = "horizon_hours: expected a number";
  if (!bad) {
    s->name = strdup(name);
    s->replications = (long)lua_tointeger(L, -2);
    s->horizon_days = hours_to_days(lua_tonumber(L, -1));
  }
  lua_pop(L, 4);
  if (bad) err_set(err, errlen, "%s: resolved scenario: %s", s->path, bad);
  else if (!s->name) err_set(err, errlen, "out of memory");
  return bad || !s->name ? -1 : 0;
}

typedef struct read_arg {
  scenario *s;
  char *err;
  size_t errlen;
  int rc;
} read_arg;

/* (points, read_arg) -> nothing; the outcome in read_arg.rc */
static int read_points(lua_State *L) {
  read_arg *a = lua_touserdata(L, 2);
  scenario *s = a->s;
  size_t n = lua_type(L, 1) == LUA_TTABLE ? lua_rawlen(L, 1) : 0;
  a->rc = -1;
  if (n < 1) {
    snprintf(a->err, a->errlen, "%s: the scenario resolved to no sweep point", s->path);
    return 0;
  }
  if (!(s->points = calloc(n, sizeof *s->points))) {
    snprintf(a->err, a->errlen, "out of memory");
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    s->npoints = i + 1;
    if (lua_rawgeti(L, 1, (lua_Integer)i + 1) != LUA_TTABLE) {
      snprintf(a->err, a->errlen, "%s: resolved sweep point %zu is not a table", s->path, i + 1);
      return 0;
    }
    if ((i == 0 && read_header(L, s, 3, a->err, a->errlen)) ||
        luacfg_point(L, 3, &s->points[i], a->err, a->errlen))
      return 0;
    lua_pop(L, 1);
  }
  if (luacfg_design(L, 1, &s->design, a->err, a->errlen)) return 0;
  if (s->design && s->design->npoints * s->design->rows != n) {
    snprintf(a->err, a->errlen, "%s: resolved scenario: design.rows: not the points' count",
             s->path);
    return 0;
  }
  const char *src = sandbox_source(L, lua_pushfstring(L, "@%s", s->path));
  if (!(s->source = strdup(src ? src : ""))) {
    snprintf(a->err, a->errlen, "out of memory");
    return 0;
  }
  a->rc = 0;
  return 0;
}

static int read_all(lua_State *L, scenario *s, char *err, size_t errlen) {
  read_arg a = {.s = s, .err = err, .errlen = errlen, .rc = -1};
  lua_pushlightuserdata(L, &a);
  int rc = sandbox_ccall(L, read_points, 2, 0, err, errlen);
  lua_settop(L, 0);
  return rc ? -1 : a.rc;
}

/* "KEY=VALUE\n" per override, in the order given ("" for none). */
static char *overrides_text(const scenario_set *sets, size_t n) {
  size_t len = 1;
  for (size_t i = 0; i < n; i++) len += strlen(sets[i].path) + strlen(sets[i].value) + 2;
  char *t = malloc(len), *p = t;
  for (size_t i = 0; t && i < n; i++) p += sprintf(p, "%s=%s\n", sets[i].path, sets[i].value);
  if (t) *p = '\0';
  return t;
}

/* The version's identity (results/schema.sql, scenarios.sha256). */
static int version_sha(scenario *s) {
  static const char mark[] = "\n-- neosim --set\n";
  if (!s->overrides[0]) {
    sha256_hex(s->source, strlen(s->source), s->sha256);
    return 0;
  }
  size_t a = strlen(s->source), b = strlen(s->overrides);
  char *all = malloc(a + sizeof mark - 1 + b);
  if (!all) return -1;
  memcpy(all, s->source, a);
  memcpy(all + a, mark, sizeof mark - 1);
  memcpy(all + a + sizeof mark - 1, s->overrides, b);
  sha256_hex(all, a + sizeof mark - 1 + b, s->sha256);
  free(all);
  return 0;
}

scenario *scenario_load(const char *path, const scenario_set *sets, size_t nsets,
                        const sandbox_limits *lim, char *err, size_t errlen) {
  scenario *s = calloc(1, sizeof *s);
  char *dir = path_folder(path);
  if (!s || !dir || !(s->path = strdup(path))) {
    snprintf(err, errlen, "out of memory");
    free(dir);
    scenario_free(s);
    return NULL;
  }
  if (lim) s->limits = *lim;
  char *lib = sandbox_lib_dir();
  lua_State *L = lib ? sandbox_new(lib, dir, lim) : NULL;
  free(lib);
  free(dir);
  if (!L) {
    snprintf(err, errlen, "cannot create the Lua state (out of memory)");
    scenario_free(s);
    return NULL;
  }
  int bad = resolve(L, s, sets, nsets, err, errlen) || read_all(L, s, err, errlen);
  sandbox_close(L);
  if (bad) {
    scenario_free(s);
    return NULL;
  }
  s->overrides = overrides_text(sets, nsets);
  if (!s->source || !s->overrides || version_sha(s)) {
    snprintf(err, errlen, "out of memory");
    scenario_free(s);
    return NULL;
  }
  return s;
}

void scenario_free(scenario *s) {
  if (!s) return;
  for (size_t i = 0; s->points && i < s->npoints; i++) luacfg_point_clear(&s->points[i]);
  free(s->points);
  luacfg_design_free(s->design);
  free(s->path);
  free(s->name);
  free(s->source);
  free(s->overrides);
  free(s);
}
