/*
** sandbox_co.c -- the coroutine functions of the sandbox that switch
** threads, Lua 5.4.4's (lcorolib.c) with the same arguments, results and
** messages, plus two things:
**
** They keep s->running, the thread that runs, which the CPU-time
** backstop's signal handler stops (sandbox_cpu.c: hooks are per thread),
** and when control comes back from a thread that was stopped, the thread
** that goes on stops too (its hook may count 1000 instructions, or none
** in a C loop, before it would notice).
**
** coroutine.close nests at most CLOSE_NESTING deep.  Closing a coroutine
** runs its pending __close metamethods, and one of them may close another
** coroutine, and so on.  Lua 5.4.4 counts the C calls of each coroutine
** apart and lua_resetthread starts the closed one's count afresh, so such
** a chain is never stopped by Lua's limit of 200 nested C calls: 50,000
** coroutines, each closing the one before in a __close, overflow the C
** stack (SIGSEGV).  This is the bug "C-stack overflow with deep nesting of
** coroutine.close" of Lua 5.4.4 (https://www.lua.org/bugs.html#5.4.4-9;
** fixed in 5.4.6, where lua_closethread(co, L) carries the caller's count:
** Lua commit 1e64c139).  Here a close inside CLOSE_NESTING closes refuses,
** on every version, so the C stack holds at most CLOSE_NESTING times what
** Lua's own limit allows (CLOSE_NESTING x 200 C calls).
*/
#include <stdatomic.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox.h"
#include "sandbox_int.h"

#define CLOSE_NESTING 4 /* closes in progress at once, each in a __close */

/* Lua 5.4.4's auxstatus (lcorolib.c): what close may do with co. */
enum { COS_RUN, COS_DEAD, COS_YIELD, COS_NORM };
static const char *const statname[] = {"running", "dead", "suspended", "normal"};

static int status_of(lua_State *L, lua_State *co) {
  lua_Debug ar;
  if (L == co) return COS_RUN;
  switch (lua_status(co)) {
  case LUA_YIELD: return COS_YIELD;
  case LUA_OK:
    if (lua_getstack(co, 0, &ar)) return COS_NORM; /* it has frames: it resumed another */
    return lua_gettop(co) == 0 ? COS_DEAD : COS_YIELD;
  default: return COS_DEAD; /* an error ended it */
  }
}

/* Close co's pending to-be-closed variables: the status of its __close
** metamethods, the error object on co's stack when not LUA_OK. */
static int reset(lua_State *co, lua_State *from) {
#if LUA_VERSION_RELEASE_NUM >= 50406
  return lua_closethread(co, from);
#elif LUA_VERSION_RELEASE_NUM == 50405
  return lua_resetthread(co, from);
#else
  (void)from;
  return lua_resetthread(co);
#endif
}

/* co runs from now on (NULL: L goes on); returns the thread that ran. */
static lua_State *switch_to(sbx *s, lua_State *co) { return atomic_exchange(&s->running, co); }

/* Back in L from a thread: if the call is over (budget or CPU time spent
** there), L stops now. */
static void back(lua_State *L, sbx *s, lua_State *prev) {
  atomic_store(&s->running, prev);
  sandbox_charge(L, 0);
}

/* Lua 5.4.4's auxresume: the results (>= 0), or -1 with an error object. */
static int resume(lua_State *L, lua_State *co, int narg) {
  int nres;
  if (!lua_checkstack(co, narg)) {
    lua_pushliteral(L, "too many arguments to resume");
    return -1;
  }
  lua_xmove(L, co, narg);
  sbx *s = sandbox_get(L);
  lua_State *prev = switch_to(s, co);
  int st = lua_resume(co, L, narg, &nres); /* raises nothing */
  back(L, s, prev);
  if (st == LUA_OK || st == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) {
      lua_pop(co, nres);
      lua_pushliteral(L, "too many results to resume");
      return -1;
    }
    lua_xmove(co, L, nres);
    return nres;
  }
  lua_xmove(co, L, 1); /* the error object */
  return -1;
}

static int sb_resume(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  luaL_argexpected(L, co, 1, "thread");
  int r = resume(L, co, lua_gettop(L) - 1);
  if (r < 0) {
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
  }
  lua_pushboolean(L, 1);
  lua_insert(L, -(r + 1));
  return r + 1;
}

/* The function coroutine.wrap returns: its coroutine is upvalue 1. */
static int auxwrap(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int r = resume(L, co, lua_gettop(L));
  if (r >= 0) return r;
  int st = lua_status(co);
  if (st != LUA_OK && st != LUA_YIELD) { /* an error in the coroutine: close its variables */
    sbx *s = sandbox_get(L);
    lua_State *prev = switch_to(s, co);
    st = reset(co, L);
    back(L, s, prev);
    lua_xmove(co, L, 1);
  }
  if (st != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) { /* where it was called */
    luaL_where(L, 1);
    lua_insert(L, -2);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

static int sb_wrap(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  lua_pushcclosure(L, auxwrap, 1);
  return 1;
}

/* coroutine.close(co): as Lua's, with the same messages. */
static int sb_close(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  luaL_argexpected(L, co, 1, "thread");
  int st = status_of(L, co);
  if (st != COS_DEAD && st != COS_YIELD)
    return luaL_error(L, "cannot close a %s coroutine", statname[st]);
  sbx *s = sandbox_get(L);
  if (s->closing >= CLOSE_NESTING)
    return luaL_error(L,
                      "coroutine.close nested more than %d deep in __close metamethods (refused: "
                      "deeper, Lua 5.4.4 overflows the C stack)",
                      CLOSE_NESTING);
  s->closing++;
  lua_State *prev = switch_to(s, co);
  st = reset(co, L); /* raises nothing: errors of __close come back as a status */
  s->closing--;
  back(L, s, prev);
  if (st == LUA_OK) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushboolean(L, 0);
  lua_xmove(co, L, 1); /* the error object */
  return 2;
}

void sandbox_open_co(lua_State *L) {
  static const luaL_Reg fns[] = {
      {"resume", sb_resume}, {"wrap", sb_wrap}, {"close", sb_close}, {NULL, NULL}};
  lua_getglobal(L, LUA_COLIBNAME);
  luaL_setfuncs(L, fns, 0);
  lua_pop(L, 1);
}
