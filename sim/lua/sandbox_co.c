/*
** sandbox_co.c -- coroutine.close of the sandbox: Lua 5.4.4's, with a
** bound on how deeply closes nest.
**
** Closing a coroutine runs its pending __close metamethods, and one of
** them may close another coroutine, and so on.  Lua 5.4.4 counts the C
** calls of each coroutine apart and lua_resetthread starts the closed
** one's count afresh, so such a chain is never stopped by Lua's limit of
** 200 nested C calls: 50,000 coroutines, each closing the one before in a
** __close, overflow the C stack (SIGSEGV).  This is the bug "C-stack
** overflow with deep nesting of coroutine.close" of Lua 5.4.4
** (https://www.lua.org/bugs.html#5.4.4-9; fixed in 5.4.6, where
** lua_closethread(co, L) carries the caller's count: Lua commit 1e64c139).
** Here a close inside CLOSE_NESTING closes refuses, on every version, so
** the C stack holds at most CLOSE_NESTING times what Lua's own limit
** allows (CLOSE_NESTING x 200 C calls).
*/
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
  st = reset(co, L); /* raises nothing: errors of __close come back as a status */
  s->closing--;
  if (st == LUA_OK) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushboolean(L, 0);
  lua_xmove(co, L, 1); /* the error object */
  return 2;
}

void sandbox_open_co(lua_State *L) {
  lua_getglobal(L, LUA_COLIBNAME);
  lua_pushcfunction(L, sb_close);
  lua_setfield(L, -2, "close");
  lua_pop(L, 1);
}
