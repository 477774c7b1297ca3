/*
** sandbox_sort.c -- table.sort of the sandbox: Lua 5.4.4's quicksort
** (ltablib.c; same arguments, results and messages) that charges each
** comparison to the budget, so that the CPU-time backstop is checked at
** each one too.  Without a comparator Lua compares in C, calling no
** function: sorting a million copies of one 100 MB string compares
** n log n times 100 MB, beyond any limit, where neither the count hook nor
** the timer's call hook would ever run.
**
** One change: where Lua 5.4.4 picks a new pivot from the clock (after a
** badly unbalanced partition), this one draws it from the interval's
** bounds, so a sort of equal keys ends in the same order in every run.
*/
#include <limits.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox.h"
#include "sandbox_int.h"

typedef unsigned int IdxT;

#define RANLIMIT 100u /* intervals larger may take a pivot off the middle */

/* Lua 5.4.4's checktab for TAB_R | TAB_W | TAB_L: a table, or a value with
** __index, __newindex and __len. */
static int has_field(lua_State *L, const char *key, int n) {
  lua_pushstring(L, key);
  return lua_rawget(L, -n) != LUA_TNIL;
}

static void check_table(lua_State *L) {
  if (lua_type(L, 1) == LUA_TTABLE) return;
  int n = 1;
  if (lua_getmetatable(L, 1) && has_field(L, "__index", ++n) && has_field(L, "__newindex", ++n) &&
      has_field(L, "__len", ++n))
    lua_pop(L, n);
  else luaL_checktype(L, 1, LUA_TTABLE);
}

static void set2(lua_State *L, IdxT i, IdxT j) {
  lua_seti(L, 1, i);
  lua_seti(L, 1, j);
}

/* a < b in the sort's order; one instruction of the budget. */
static int less(lua_State *L, int a, int b) {
  sandbox_charge(L, 1);
  if (lua_isnil(L, 2)) return lua_compare(L, a, b, LUA_OPLT);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, a - 1);
  lua_pushvalue(L, b - 2);
  lua_call(L, 2, 1);
  int res = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return res;
}

/* Push a[i] and compare the values at a and b (indices after the push). */
static int get_less(lua_State *L, IdxT i, int a, int b) {
  lua_geti(L, 1, i);
  return less(L, a, b);
}

/* Pivot P on top; a[lo] <= P == a[up - 1] <= a[up]: partition lo + 1 ..
** up - 2 and return P's place. */
static IdxT partition(lua_State *L, IdxT lo, IdxT up) {
  IdxT i = lo, j = up - 1;
  for (;;) {
    while (get_less(L, ++i, -1, -2)) {
      if (i == up - 1) luaL_error(L, "invalid order function for sorting");
      lua_pop(L, 1);
    }
    while (get_less(L, --j, -3, -1)) {
      if (j < i) luaL_error(L, "invalid order function for sorting");
      lua_pop(L, 1);
    }
    if (j < i) {
      lua_pop(L, 1);
      set2(L, up - 1, i);
      return i;
    }
    set2(L, i, j);
  }
}

/* A pivot in the 2nd or 3rd quarter of [lo, up], chosen by rnd. */
static IdxT choose_pivot(IdxT lo, IdxT up, unsigned rnd) {
  IdxT r4 = (up - lo) / 4;
  return rnd % (r4 * 2) + (lo + r4);
}

/* Sort the three of lo, p and up; 1 when that sorted the interval. */
static int sort3(lua_State *L, IdxT lo, IdxT p, IdxT up) {
  lua_geti(L, 1, lo);
  lua_geti(L, 1, up);
  if (less(L, -1, -2)) set2(L, lo, up);
  else lua_pop(L, 2);
  if (up - lo == 1) return 1;
  lua_geti(L, 1, p);
  lua_geti(L, 1, lo);
  if (less(L, -2, -1)) set2(L, p, lo);
  else {
    lua_pop(L, 1);
    lua_geti(L, 1, up);
    if (less(L, -1, -2)) set2(L, p, up);
    else lua_pop(L, 2);
  }
  return up - lo == 2;
}

static void auxsort(lua_State *L, IdxT lo, IdxT up, unsigned rnd) {
  while (lo < up) { /* the larger half by iteration, the smaller by recursion */
    IdxT p = up - lo < RANLIMIT || rnd == 0 ? lo + (up - lo) / 2 : choose_pivot(lo, up, rnd), n;
    if (sort3(L, lo, p, up)) return;
    lua_geti(L, 1, p);
    lua_pushvalue(L, -1);
    lua_geti(L, 1, up - 1);
    set2(L, p, up - 1);
    p = partition(L, lo, up);
    if (p - lo < up - p) {
      auxsort(L, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsort(L, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > n) /* too unbalanced: another pivot, from the bounds */
      rnd = (lo * 2654435761u) ^ (up * 40503u) ^ 0x9e3779b9u;
  }
}

static int sb_sort(lua_State *L) {
  check_table(L);
  lua_Integer n = luaL_len(L, 1);
  if (n > 1) {
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    auxsort(L, 1, (IdxT)n, 0);
  }
  return 0;
}

void sandbox_open_sort(lua_State *L) {
  lua_getglobal(L, LUA_TABLIBNAME);
  lua_pushcfunction(L, sb_sort);
  lua_setfield(L, -2, "sort");
  lua_pop(L, 1);
}
