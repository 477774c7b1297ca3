/*
** sandbox_lib.c -- the standard functions the sandbox replaces: those
** that reach outside (load of bytecode, print), those that would escape
** the budget (finalizers, xpcall's handler, collectgarbage), and those
** whose loops in C could run for ever (string.rep of "", table.insert,
** remove and move on huge or lying lengths).  Same arguments and messages
** as Lua 5.4's.
*/
#include <limits.h>
#include <stdio.h>

#include <lauxlib.h>

#include "sandbox.h"
#include "sandbox_int.h"
#include "sandbox_print.h"
#include "text.h"

/* load: text chunks only (no bytecode); the environment is as given. */
static int sb_load(lua_State *L) {
  int has_env = !lua_isnone(L, 4);
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len); /* functions as readers are not needed */
  const char *name = luaL_optstring(L, 2, s);
  int st = sandbox_loadtext(L, s, len, name); /* charged, and stopped when late */
  if (st != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (has_env) {
    lua_pushvalue(L, 4);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  }
  return 1;
}

/* print goes to stderr, so that it never mixes with neosim's output, shown
** as text.h says (newlines and tabs kept, no other control character: a
** scenario cannot move the cursor or retitle the terminal), and stops
** after SANDBOX_PRINT_CAP bytes of it in all: a loop of prints, or a batch
** of runs each printing, must not fill a disk. */
static int sb_print(lua_State *L) {
  int n = lua_gettop(L), full = 0;
  for (int i = 1; i <= n && !full; i++) {
    size_t len;
    const char *str = luaL_tolstring(L, i, &len);
    sandbox_charge(L, (long long)(len / 16));
    if (i > 1) {
      full = sandbox_print_take(1) < 1;
      if (!full) fputc('\t', stderr);
    }
    size_t shown = full ? 0 : text_escape(NULL, 0, str, len, TEXT_LINES);
    size_t got = full ? 0 : sandbox_print_take(shown);
    text_write(stderr, str, len, TEXT_LINES, got);
    full = full || got < shown;
    lua_pop(L, 1);
  }
  if (!full && sandbox_print_take(1) == 1) fputc('\n', stderr);
  else if (sandbox_print_first_drop())
    fprintf(stderr, "\n(print: output past %zu KiB dropped, the cap of a whole batch)\n",
            SANDBOX_PRINT_CAP >> 10);
  return 0;
}

/* collectgarbage: the harmless options only; a collection costs as many
** instructions as the heap has 16-byte words. */
static int sb_collectgarbage(lua_State *L) {
  static const char *const opts[] = {"collect", "count", "step", "isrunning", NULL};
  int o = luaL_checkoption(L, 1, "collect", opts);
  switch (o) {
  case 1:
    lua_pushnumber(L, (lua_Number)lua_gc(L, LUA_GCCOUNT, 0) + lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0);
    return 1;
  case 2:
    sandbox_charge(L, 1000);
    lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, 0));
    return 1;
  case 3: lua_pushboolean(L, lua_gc(L, LUA_GCISRUNNING, 0)); return 1;
  default:
    sandbox_charge(L, (long long)(sandbox_get(L)->used / 16));
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_pushinteger(L, 0);
    return 1;
  }
}

/* setmetatable without __gc: Lua runs finalizers with hooks off (the
** budget could not stop one), also at lua_close. */
static int sb_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  if (t == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "setmetatable: __gc metamethods are not allowed in scenarios");
    lua_pop(L, 1);
  }
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

/* xpcall, whose message handler is not called for the budget's error: that
** error is raised from the count hook, and Lua runs the handler with hooks
** still off (an endless handler could not be stopped). */
static int handler(lua_State *L) {
  if (sandbox_get(L)->spent) return 1; /* the error as it is */
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

static int finish_xpcall(lua_State *L, int status, lua_KContext extra) {
  if (status != LUA_OK && status != LUA_YIELD) {
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
  }
  return lua_gettop(L) - (int)extra;
}

static int sb_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, handler, 1);
  lua_replace(L, 2);
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2); /* true and the function below its arguments */
  return finish_xpcall(L, lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_xpcall), 2);
}

/* string.rep: the stock one copies the empty string n times, one by one. */
static int sb_rep(lua_State *L) {
  size_t l, lsep;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &lsep);
  if (n <= 0 || (l == 0 && lsep == 0)) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (l + lsep < l ||
      l + lsep > (size_t)INT_MAX / (lua_Unsigned)n) /* as the stock one, with the line */
    return luaL_error(L, "resulting string too large");
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* ---- table.insert, remove, move: one instruction per element moved ---- */

static lua_Integer length(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  return luaL_len(L, 1);
}

static int sb_insert(lua_State *L) {
  lua_Integer e = length(L), pos;
  e = (lua_Integer)((lua_Unsigned)e + 1u); /* the first empty element */
  switch (lua_gettop(L)) {
  case 2: pos = e; break;
  case 3:
    pos = luaL_checkinteger(L, 2);
    luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
    for (lua_Integer i = e; i > pos; i--) { /* move up the elements */
      sandbox_charge(L, 1);
      lua_geti(L, 1, i - 1);
      lua_seti(L, 1, i);
    }
    break;
  default: return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  lua_seti(L, 1, pos);
  return 0;
}

static int sb_remove(lua_State *L) {
  lua_Integer size = length(L), pos = luaL_optinteger(L, 2, size);
  if (pos != size)
    luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
  lua_geti(L, 1, pos);
  for (; pos < size; pos++) {
    sandbox_charge(L, 1);
    lua_geti(L, 1, pos + 1);
    lua_seti(L, 1, pos);
  }
  lua_pushnil(L);
  lua_seti(L, 1, pos);
  return 1;
}

static int sb_move(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3), t = luaL_checkinteger(L, 4);
  int tt = !lua_isnoneornil(L, 5) ? 5 : 1; /* the destination table */
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, tt, LUA_TTABLE);
  if (e >= f) {
    luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
    lua_Integer n = e - f + 1;
    luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
    int up = t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ));
    for (lua_Integer k = 0; k < n; k++) { /* overlapping: from the end */
      lua_Integer i = up ? k : n - 1 - k;
      sandbox_charge(L, 1);
      lua_geti(L, 1, f + i);
      lua_seti(L, tt, t + i);
    }
  }
  lua_pushvalue(L, tt);
  return 1;
}

/* Replace t[name] (t on top of the stack) by fn, with the old value as
** its upvalue. */
static void replace(lua_State *L, const char *name, lua_CFunction fn) {
  lua_getfield(L, -1, name);
  lua_pushcclosure(L, fn, 1);
  lua_setfield(L, -2, name);
}

void sandbox_open_lib(lua_State *L) {
  lua_pushglobaltable(L);
  replace(L, "load", sb_load);
  replace(L, "print", sb_print);
  replace(L, "collectgarbage", sb_collectgarbage);
  replace(L, "setmetatable", sb_setmetatable);
  replace(L, "xpcall", sb_xpcall);
  lua_getglobal(L, "string");
  replace(L, "rep", sb_rep);
  lua_getglobal(L, "table");
  replace(L, "insert", sb_insert);
  replace(L, "remove", sb_remove);
  replace(L, "move", sb_move);
  lua_pop(L, 3);
}
