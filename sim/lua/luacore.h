/*
** luacore.h -- `neo.core`, the C functions the Lua library calls:
** calendar arithmetic, scenario sources (for error lines) and the
** distribution parameter checks of dist.c (one set of rules), and the
** designs of uncertain inputs (luadesign.h).
*/
#ifndef NEOSIM_LUACORE_H
#define NEOSIM_LUACORE_H

#include <stdint.h>

#include <lua.h>

/* Put the module into package.loaded["neo.core"], with core.chunkname =
** "@" .. scenario_path (the library names the file in its errors). */
void luacore_register(lua_State *L, const char *scenario_path);

/* The seed at idx: an integer >= 0, or above 2^63-1 the string of its
** decimal digits (lua/neo/CONTRACT.md).  0, or -1 if it is neither. */
int luacore_seed(lua_State *L, int idx, uint64_t *seed);

#endif
