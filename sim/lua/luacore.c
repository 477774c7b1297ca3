/*
** luacore.c -- the neo.core module.
*/
#include <string.h>

#include <lauxlib.h>

#include "calendar.h"
#include "dist.h"
#include "luacore.h"
#include "luadesign.h"
#include "sandbox.h"

/* The seed at idx: an integer >= 0, or above 2^63-1 the string of its
** decimal digits (lua/neo/CONTRACT.md).  0, or -1 if it is neither. */
int luacore_seed(lua_State *L, int idx, uint64_t *seed) {
  if (lua_isinteger(L, idx)) {
    lua_Integer i = lua_tointeger(L, idx);
    *seed = (uint64_t)i;
    return i < 0 ? -1 : 0;
  }
  if (lua_type(L, idx) != LUA_TSTRING) return -1;
  size_t len;
  const char *d = lua_tolstring(L, idx, &len);
  uint64_t v = 0;
  if (!*d || strlen(d) != len) return -1;
  for (; *d; d++) {
    if (*d < '0' || *d > '9' || v > (UINT64_MAX - (uint64_t)(*d - '0')) / 10) return -1;
    v = v * 10 + (uint64_t)(*d - '0');
  }
  *seed = v;
  return 0;
}

/* core.days("YYYY-MM-DD") -> day number, or nil, message */
static int core_days(lua_State *L) {
  const char *s = luaL_checkstring(L, 1);
  long d;
  if (cal_parse(s, &d)) {
    luaL_pushfail(L);
    lua_pushfstring(L, "'%s' is not a date (YYYY-MM-DD)", s);
    return 2;
  }
  lua_pushinteger(L, d);
  return 1;
}

static int core_date(lua_State *L) {
  char buf[32];
  lua_Integer d = luaL_checkinteger(L, 1);
  luaL_argcheck(L, d >= -100000000 && d <= 100000000, 1,
                "day number out of range"); /* +-270000 years */
  cal_format((long)d, buf, sizeof buf);
  lua_pushstring(L, buf);
  return 1;
}

static int core_source(lua_State *L) {
  const char *s = sandbox_source(L, luaL_checkstring(L, 1));
  if (s) lua_pushstring(L, s);
  else lua_pushnil(L);
  return 1;
}

/* core.dist_check(kind, p1, p2, p3) -> nil or message */
static int core_dist_check(lua_State *L) {
  const char *kind = luaL_checkstring(L, 1);
  int k = dist_kind_parse(kind);
  if (k < 0 || k == DIST_DISCRETE)
    return luaL_error(L, "dist_check: no parametric distribution '%s'", kind);
  dist d = {.kind = (dist_kind)k};
  for (int i = 0; i < 3; i++) d.p[i] = luaL_optnumber(L, i + 2, 0);
  const char *msg = dist_check(&d);
  if (msg) lua_pushstring(L, msg);
  else lua_pushnil(L);
  return 1;
}

void luacore_register(lua_State *L, const char *scenario_path) {
  static const luaL_Reg fns[] = {{"days", core_days},        {"date", core_date},
                                 {"source", core_source},    {"dist_check", core_dist_check},
                                 {"design", luadesign_make}, {NULL, NULL}};
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  luaL_newlib(L, fns);
  lua_pushfstring(L, "@%s", scenario_path);
  lua_setfield(L, -2, "chunkname");
  lua_setfield(L, -2, "neo.core");
  lua_pop(L, 1);
}
