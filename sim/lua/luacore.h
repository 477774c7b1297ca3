/*
** luacore.h -- `neo.core`, the C functions the Lua library calls:
** calendar arithmetic, scenario sources (for error lines) and the
** distribution parameter checks of dist.c (one set of rules).
*/
#ifndef NEOSIM_LUACORE_H
#define NEOSIM_LUACORE_H

#include <lua.h>

/* Put the module into package.loaded["neo.core"], with core.chunkname =
** "@" .. scenario_path (the library names the file in its errors). */
void luacore_register(lua_State *L, const char *scenario_path);

#endif
