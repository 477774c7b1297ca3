/*
** sandbox_int.h -- what sandbox.c shares with the files that replace
** parts of Lua's standard library in the sandbox (sandbox_lib.c,
** sandbox_pat.c, sandbox_sort.c, sandbox_co.c) and with the CPU-time
** backstop (sandbox_cpu.c).
*/
#ifndef NEOSIM_SANDBOX_INT_H
#define NEOSIM_SANDBOX_INT_H

#include <stdatomic.h>
#include <stddef.h>
#include <time.h>
#include <unistd.h>

#include <lua.h>

#include "err.h"

/* POSIX timers on a thread's CPU clock (Linux, the BSDs): the backstop
** interrupts C code.  Elsewhere the hooks read the clocks (Lua code only). */
#if defined(_POSIX_TIMERS) && _POSIX_TIMERS > 0 && defined(_POSIX_THREAD_CPUTIME) && \
    _POSIX_THREAD_CPUTIME >= 0
#define SANDBOX_CPU_TIMER 1
#endif

/* The hook of a call that must stop: at the next instruction, and at the
** next call of any function (C functions called from C loops included). */
#define SANDBOX_STOP_MASK (LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT)

/* The state of one sandbox: the allocator's user data. */
typedef struct sbx {
  size_t used, cap;             /* bytes Lua holds; the memory cap */
  long long budget, left;       /* instructions per call; left in this call */
  int spent;                    /* the budget ran out in this call: every instruction fails */
  double cpu_limit;             /* seconds of CPU per call: the backstop */
  double wall_start, cpu_start; /* seconds: when this call started (no timer: hooks compare) */
  _Atomic(lua_State *) running; /* the thread running in this call, NULL between calls */
  atomic_int late;              /* the CPU timer expired in this call */
  atomic_int fired;             /* its expiries in this call: the second stops neosim */
  int has_timer;                /* the timer was made */
  int timing;                   /* it is armed for this call (else the hooks read the clocks) */
#ifdef SANDBOX_CPU_TIMER
  timer_t timer; /* on the CPU clock of the thread that made the sandbox */
#endif
  char *stop_msg;          /* the line a hard stop writes (malloc'd) */
  int closing;             /* coroutine.close calls in progress (sandbox_co.c) */
  char why[ERR_LEN];       /* once spent: "file:line: instruction budget ..." */
  char *lib_dir, *scn_dir; /* malloc'd, whatever their length */
} sbx;

sbx *sandbox_get(lua_State *L);

/* The sandbox's hook: counts instructions against the budget and, once the
** budget or the CPU time is spent, fails (sandbox.c). */
void sandbox_hook(lua_State *L, lua_Debug *ar);

/* Set L's hook for this call: counting, or failing when the call must
** stop (failing set, or the CPU time is spent). */
void sandbox_sethook(lua_State *L, int failing);

/* ---- the CPU-time backstop (sandbox_cpu.c) ---- */

/* Make s's timer (s->cpu_limit set): 0, or -1 when there is none (the
** hooks then read the clocks).  Free it with sandbox_cpu_free. */
int sandbox_cpu_new(sbx *s);
void sandbox_cpu_free(sbx *s);

/* A protected call begins in thread L: arm the timer for s->cpu_limit.
** When it expires, its signal handler sets L's hook (or that of the
** thread s->running names then) to SANDBOX_STOP_MASK; at twice the limit
** plus a second, a call still running -- in C code that calls no function
** -- ends neosim: s->stop_msg on stderr, exit status 2. */
void sandbox_cpu_arm(sbx *s, lua_State *L);
void sandbox_cpu_disarm(sbx *s); /* the call ended */

/* The call has used its CPU time. */
int sandbox_cpu_late(sbx *s);

/* ---- replaced parts of the standard library ---- */

/* Replace the unsafe or unbounded functions of the opened standard
** library: load, print, collectgarbage, setmetatable, string.rep,
** table.insert, table.remove, table.move (sandbox_lib.c). */
void sandbox_open_lib(lua_State *L);

/* Replace string.find, match, gmatch and gsub by matchers that count
** their steps against the budget (sandbox_pat.c). */
void sandbox_open_pat(lua_State *L);

/* Replace table.sort by one that counts its comparisons (sandbox_sort.c). */
void sandbox_open_sort(lua_State *L);

/* Replace coroutine.resume, wrap and close by ones that keep s->running
** and bound how deeply closes nest (sandbox_co.c). */
void sandbox_open_co(lua_State *L);

/* Load text (len bytes) as a chunk named chunkname, fed to the parser in
** pieces, each charged to the budget and checked against the CPU time: a
** chunk that is slow to parse stops like a loop (sandbox.c). */
int sandbox_loadtext(lua_State *L, const char *text, size_t len, const char *chunkname);

#endif
