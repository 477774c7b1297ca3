/*
** scenario.c -- scenario file -> validated sweep points: the sandbox
** runs the file, the Lua library validates and resolves it, luacfg.c
** turns each point into a model configuration.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "luacfg.h"
#include "luacore.h"
#include "scenario.h"
#include "sha256.h"

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return strdup(".");
  if (slash == path) return strdup("/");
  return strndup(path, (size_t)(slash - path));
}

/* Push require("neo")._resolve. */
static int push_resolver(lua_State *L, char *err, size_t errlen) {
  lua_getglobal(L, "require");
  lua_pushliteral(L, "neo");
  if (sandbox_pcall(L, 1, 1, err, errlen)) return -1;
  if (lua_type(L, -1) != LUA_TTABLE || lua_getfield(L, -1, "_resolve") != LUA_TFUNCTION) {
    snprintf(err, errlen, "the neosim Lua library (%s) has no neo._resolve", sandbox_lib_dir());
    lua_settop(L, 0);
    return -1;
  }
  lua_remove(L, -2);
  return 0;
}

static void push_sets(lua_State *L, const scenario_set *sets, size_t n) {
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, sets[i].path), lua_setfield(L, -2, "path");
    lua_pushstring(L, sets[i].value), lua_setfield(L, -2, "value");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* Run the file and resolve it: leaves the array of points on the stack. */
static int resolve(scenario *s, const scenario_set *sets, size_t nsets, char *err, size_t errlen) {
  lua_State *L = s->L;
  if (push_resolver(L, err, errlen)) return -1;
  int rc = sandbox_loadfile(L, s->path, err, errlen);
  if (rc == 0) rc = sandbox_pcall(L, 0, 1, err, errlen);
  if (rc == 0) push_sets(L, sets, nsets), rc = sandbox_pcall(L, 2, 1, err, errlen);
  if (rc == -2) { /* no line: name the file */
    char why[256];
    snprintf(why, sizeof why, "%s", err);
    snprintf(err, errlen, "%s: %s", s->path, why);
  }
  if (rc) {
    lua_settop(L, 0);
    return -1;
  }
  if (lua_type(L, -1) != LUA_TTABLE || luaL_len(L, -1) < 1) {
    snprintf(err, errlen, "%s: the scenario resolved to no sweep point", s->path);
    return -1;
  }
  return 0;
}

static int read_header(scenario *s, int t, char *err, size_t errlen) {
  lua_State *L = s->L;
  lua_getfield(L, t, "name");
  lua_getfield(L, t, "seed");
  lua_getfield(L, t, "replications");
  lua_getfield(L, t, "horizon_hours");
  int ok = lua_type(L, -4) == LUA_TSTRING && lua_isinteger(L, -3) && lua_isinteger(L, -2) &&
           lua_type(L, -1) == LUA_TNUMBER;
  if (ok) {
    s->name = strdup(lua_tostring(L, -4));
    s->seed = (uint64_t)lua_tointeger(L, -3);
    s->replications = (long)lua_tointeger(L, -2);
    s->horizon_days = lua_tonumber(L, -1) / 24.0;
  }
  lua_pop(L, 4);
  if (!ok) snprintf(err, errlen, "%s: resolved scenario lacks name, seed, replications or horizon_hours", s->path);
  return ok && s->name ? 0 : -1;
}

static int read_points(scenario *s, char *err, size_t errlen) {
  lua_State *L = s->L;
  int arr = lua_gettop(L);
  size_t n = (size_t)luaL_len(L, arr);
  s->points = calloc(n, sizeof *s->points);
  if (!s->points) return -1;
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, arr, (lua_Integer)i + 1);
    int bad = (i == 0 && read_header(s, lua_gettop(L), err, errlen)) ||
              luacfg_point(L, -1, &s->points[i], err, errlen);
    s->npoints = i + 1;
    lua_pop(L, 1);
    if (bad) return -1;
  }
  lua_settop(L, 0);
  return 0;
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
  if (!s->overrides[0]) return sha256_hex(s->source, strlen(s->source), s->sha256), 0;
  size_t a = strlen(s->source), b = strlen(s->overrides);
  char *all = malloc(a + sizeof mark - 1 + b);
  if (!all) return -1;
  memcpy(all, s->source, a), memcpy(all + a, mark, sizeof mark - 1), memcpy(all + a + sizeof mark - 1, s->overrides, b);
  sha256_hex(all, a + sizeof mark - 1 + b, s->sha256);
  free(all);
  return 0;
}

scenario *scenario_load(const char *path, const scenario_set *sets, size_t nsets,
                        const sandbox_limits *lim, char *err, size_t errlen) {
  scenario *s = calloc(1, sizeof *s);
  char *dir = dir_of(path);
  if (!s || !dir || !(s->path = strdup(path))) {
    snprintf(err, errlen, "out of memory");
    free(dir), scenario_free(s);
    return NULL;
  }
  if (lim) s->limits = *lim;
  s->L = sandbox_new(sandbox_lib_dir(), dir, lim);
  free(dir);
  if (!s->L) {
    snprintf(err, errlen, "cannot create the Lua state (out of memory)");
    scenario_free(s);
    return NULL;
  }
  luacore_register(s->L, path);
  if (resolve(s, sets, nsets, err, errlen) || read_points(s, err, errlen)) {
    scenario_free(s);
    return NULL;
  }
  char chunk[4200];
  snprintf(chunk, sizeof chunk, "@%s", path);
  const char *src = sandbox_source(s->L, chunk);
  s->source = strdup(src ? src : "");
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
  free(s->points), free(s->path), free(s->name), free(s->source), free(s->overrides);
  sandbox_close(s->L);
  free(s);
}
