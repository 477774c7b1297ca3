/*
** sandbox_int.h -- what sandbox.c shares with the files that replace
** parts of Lua's standard library in the sandbox (sandbox_lib.c,
** sandbox_pat.c).
*/
#ifndef NEOSIM_SANDBOX_INT_H
#define NEOSIM_SANDBOX_INT_H

#include <stddef.h>

#include <lua.h>

#include "err.h"

/* The state of one sandbox: the allocator's user data. */
typedef struct sbx {
  size_t used, cap;             /* bytes Lua holds; the memory cap */
  long long budget, left;       /* instructions per call; left in this call */
  int spent;                    /* the budget ran out in this call: every instruction fails */
  double wall_start, cpu_start; /* seconds: when this call started */
  double cpu_limit;             /* seconds of CPU per call: the backstop */
  size_t printed;               /* bytes `print` wrote (capped) */
  int closing;                  /* coroutine.close calls in progress (sandbox_co.c) */
  char why[ERR_LEN];            /* once spent: "file:line: instruction budget ..." */
  char *lib_dir, *scn_dir;      /* malloc'd, whatever their length */
} sbx;

sbx *sandbox_get(lua_State *L);

/* Replace the unsafe or unbounded functions of the opened standard
** library: load, print, collectgarbage, setmetatable, string.rep,
** table.insert, table.remove, table.move (sandbox_lib.c). */
void sandbox_open_lib(lua_State *L);

/* Replace string.find, match, gmatch and gsub by matchers that count
** their steps against the budget (sandbox_pat.c). */
void sandbox_open_pat(lua_State *L);

/* Replace coroutine.close by one that bounds how deeply closes nest
** (sandbox_co.c). */
void sandbox_open_co(lua_State *L);

#endif
