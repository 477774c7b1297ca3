/*
** sandbox_cpu.c -- the CPU-time backstop of the instruction budget: a
** POSIX timer on the CPU clock of the thread that made the sandbox, armed
** for each protected call.
**
** The count hook never runs while C code runs, and C library functions
** loop for as long as scenario code asks (table.sort over a __len of 2^31
** with a C function as __index, table.concat with __index = table.concat
** over 10^15 elements: 900 s and 400 s past every limit).  When the timer
** expires, its signal handler sets the running thread's hook to fire at
** the next instruction and at the next call of any function, C functions
** called as metamethods included (lua_sethook may be called from a signal
** handler: lua.c stops a script on SIGINT so); the hook raises the
** backstop's error.  C code that calls no function at all is linear in
** the memory cap (comparing or copying strings, a collection), or counts
** its steps (the pattern matcher, table.insert/remove/move/sort, the
** parser via sandbox_loadtext); should one still run at twice the limit
** plus a second, the timer's second expiry ends neosim with a message, as
** nothing else can safely stop C code.
**
** Without POSIX CPU-time timers the hooks compare the clocks instead (Lua
** code only).  A pending expiry is delivered at the latest when the call
** that disarms the timer returns, before the next call rearms it.
*/
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lua.h>

#include "sandbox_int.h"

#define HARD_STOP_EXIT 2 /* as a scenario error */

static double seconds(clockid_t clock) {
  struct timespec ts;
  if (clock_gettime(clock, &ts)) return 0;
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Wall time, cheap enough to read at every hook (a vDSO call); only once it
** passes the limit is the CPU clock (a system call) read. */
static double wall_now(void) {
#ifdef CLOCK_MONOTONIC_COARSE
  return seconds(CLOCK_MONOTONIC_COARSE);
#else
  return seconds(CLOCK_MONOTONIC);
#endif
}

static double cpu_now(void) { return seconds(CLOCK_THREAD_CPUTIME_ID); }

static int too_long(const sbx *s) {
  return wall_now() - s->wall_start > s->cpu_limit && cpu_now() - s->cpu_start > s->cpu_limit;
}

int sandbox_cpu_late(sbx *s) { return s->timing ? atomic_load(&s->late) : too_long(s); }

/* The message of a hard stop, formatted here: the handler only writes it. */
static char *stop_message(const sbx *s) {
  static const char fmt[] =
      "neosim: a call into scenario code ran %g s of CPU time, twice its limit of %g s and a "
      "second more, in C code that could not be interrupted; neosim stops (exit status %d)\n";
  double at = 2 * s->cpu_limit + 1;
  int n = snprintf(NULL, 0, fmt, at, s->cpu_limit, HARD_STOP_EXIT);
  char *m = n > 0 ? malloc((size_t)n + 1) : NULL;
  if (m) snprintf(m, (size_t)n + 1, fmt, at, s->cpu_limit, HARD_STOP_EXIT);
  return m;
}

#ifdef SANDBOX_CPU_TIMER

static void on_expiry(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  if (si->si_code != SI_TIMER || !si->si_value.sival_ptr) return; /* a SIGPROF not ours */
  sbx *s = si->si_value.sival_ptr;
  if (atomic_fetch_add(&s->fired, 1) > 0) { /* the second expiry: the call did not stop */
    if (s->stop_msg && write(STDERR_FILENO, s->stop_msg, strlen(s->stop_msg)) < 0) _exit(3);
    _exit(HARD_STOP_EXIT);
  }
  atomic_store(&s->late, 1); /* before the hook: the hooks check it when they reset */
  lua_State *L = atomic_load(&s->running);
  if (L) lua_sethook(L, sandbox_hook, SANDBOX_STOP_MASK, 1);
}

/* The process's SIGPROF handler is on_expiry (installed once). */
static int install(void) {
  struct sigaction sa, old;
  if (sigaction(SIGPROF, NULL, &old)) return -1;
  if ((old.sa_flags & SA_SIGINFO) && old.sa_sigaction == on_expiry) return 0;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_expiry;
  sa.sa_flags = SA_SIGINFO | SA_RESTART; /* print's writes go on */
  sigemptyset(&sa.sa_mask);
  return sigaction(SIGPROF, &sa, NULL);
}

int sandbox_cpu_new(sbx *s) {
  struct sigevent ev;
  memset(&ev, 0, sizeof ev);
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGPROF;
  ev.sigev_value.sival_ptr = s;
  s->stop_msg = stop_message(s);
  s->has_timer = install() == 0 && timer_create(CLOCK_THREAD_CPUTIME_ID, &ev, &s->timer) == 0;
  return s->has_timer ? 0 : -1;
}

void sandbox_cpu_free(sbx *s) {
  if (s->has_timer) timer_delete(s->timer);
  s->has_timer = 0;
  free(s->stop_msg);
  s->stop_msg = NULL;
}

static struct timespec span(double secs) {
  double whole = (double)(time_t)secs;
  return (struct timespec){.tv_sec = (time_t)secs, .tv_nsec = (long)((secs - whole) * 1e9)};
}

static int settime(sbx *s, double first, double then) {
  struct itimerspec it = {.it_value = span(first), .it_interval = span(then)};
  return timer_settime(s->timer, 0, &it, NULL);
}

#else /* no timer: the hooks compare the clocks */

int sandbox_cpu_new(sbx *s) {
  s->stop_msg = NULL;
  s->has_timer = 0;
  return -1;
}

void sandbox_cpu_free(sbx *s) { (void)s; }

static int settime(sbx *s, double first, double then) {
  (void)s;
  (void)first;
  (void)then;
  return -1;
}

#endif

void sandbox_cpu_arm(sbx *s, lua_State *L) {
  atomic_store(&s->running, L);
  atomic_store(&s->late, 0);
  atomic_store(&s->fired, 0);
  /* a timer made before a fork is not the child's: then the clocks */
  s->timing = s->has_timer && settime(s, s->cpu_limit, s->cpu_limit + 1) == 0;
  if (s->timing) return;
  s->wall_start = wall_now();
  s->cpu_start = cpu_now();
}

void sandbox_cpu_disarm(sbx *s) {
  if (s->timing) settime(s, 0, 0);
  s->timing = 0;
  atomic_store(&s->running, NULL);
}
