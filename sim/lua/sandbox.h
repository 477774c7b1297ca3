/*
** sandbox.h -- a Lua 5.4 state for untrusted scenario code: only the
** safe parts of the standard library, `require` limited to the neosim
** library folder and the scenario's own folder, text chunks only, a
** memory cap (custom allocator) and an instruction budget (count hook).
**
** The budget is per call into Lua and cannot be caught: once spent, every
** further instruction of that call fails, so pcall, error handlers and
** coroutines cannot resume the loop.  Work done inside C functions is
** counted too: bytes allocated (16 per instruction), steps of the pattern
** matcher, elements moved by table.insert/remove/move, comparisons of
** table.sort, text parsed, garbage collections.  A CPU-time limit per call
** backs it up for what the count cannot see, C loops included: a timer
** makes the next instruction or function call fail (sandbox_cpu.c, which
** says the bound).  `__gc` metamethods are refused: Lua runs finalizers
** with hooks off, out of the budget's reach.  coroutine.close nests at
** most 4 deep (sandbox_co.c: a Lua 5.4.4 bug lets deeper chains overflow
** the C stack).
*/
#ifndef NEOSIM_SANDBOX_H
#define NEOSIM_SANDBOX_H

#include <stddef.h>

#include <lua.h>

#include "sandbox_limits.h"

/* Create the state.  lib_dir holds neo/init.lua ...; scenario_dir is
** the folder of the scenario file (modules beside it may be required);
** both are copied, whatever their length.  NULL on out of memory.
** The state's CPU timer counts the CPU time of the calling thread, which
** makes the calls; its signal is SIGPROF, whose handler this installs for
** the process.  A call still running at twice its CPU limit plus a second
** ends the process (exit status 2, a line on stderr). */
lua_State *sandbox_new(const char *lib_dir, const char *scenario_dir, const sandbox_limits *lim);
void sandbox_close(lua_State *L); /* NULL is a no-op */

/* Load a file as a text chunk named "@path" with the sandbox globals.
** On success pushes the function and returns 0; else pushes nothing,
** writes "path: why" into err and returns -1. */
int sandbox_loadfile(lua_State *L, const char *path, char *err, size_t errlen);

/* lua_pcall under the instruction budget (reset per call).  On error
** the message ("file:line: ...") is written into err, the stack is
** left as before the function and its arguments, and -1 returned; -2
** when the memory cap stopped it (Lua knows no line then). */
int sandbox_pcall(lua_State *L, int nargs, int nresults, char *err, size_t errlen);

/* Call fn, a C function, protected and under the budget, with the nargs
** values on top of the stack as its arguments (a light userdata carries
** C data).  Returns as sandbox_pcall.  All C code that touches values
** scenario code made runs this way: a metamethod, a memory error or the
** budget then end in an error message, never in a Lua panic. */
int sandbox_ccall(lua_State *L, lua_CFunction fn, int nargs, int nresults, char *err,
                  size_t errlen);

/* Count n instructions of work a C function did against the budget of
** the current call; raises the budget error when it is spent. */
void sandbox_charge(lua_State *L, long long n);

/* The source text of a file the sandbox loaded (chunk name "@path"),
** or NULL. */
const char *sandbox_source(lua_State *L, const char *chunkname);

/* Where the neosim Lua library is: $NEOSIM_LUA_PATH, else ../lua beside
** the running binary (a build tree), else the installed folder.  Malloc'd
** (the caller frees it); NULL on out of memory. */
char *sandbox_lib_dir(void);

#endif
