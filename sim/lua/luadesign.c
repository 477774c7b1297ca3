/*
** luadesign.c -- core.design: arguments from Lua, the design (design.c),
** its probabilities through dist_quantile, the values back to Lua.
*/
#include <stdlib.h>

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
