/*
** pool.h -- run tasks 0..n-1 over worker processes; the calling process
** receives each task's message (e.g. to write it to the database: one
** writer, however many workers).
**
** With one worker the tasks run in the calling process, in order.  With
** more, pool_run forks the workers; each takes the next task from a
** counter they share (so slow tasks do not hold the others back), runs
** it and sends its message through its own pipe; the parent hands the
** messages to on_msg in the order they arrive.  Which worker runs which
** task is therefore not fixed: a task's result must depend only on the
** task.
**
** A worker that dies during a task (a signal, a crash) is reported by
** on_lost with the task and why, and replaced while tasks remain.  A task
** or on_msg that fails (returns NULL / -1: out of memory, the database
** cannot be written) stops the pool: no new task starts, and pool_run
** returns -1 with that message once the workers have ended.  Workers die
** with the parent (Linux: PR_SET_PDEATHSIG).
*/
#ifndef NEOSIM_POOL_H
#define NEOSIM_POOL_H

#include <stddef.h>

typedef struct pool_fns {
  /* Run task t: its message, malloc'd, *len bytes; NULL with a message
  ** in err on a fatal error. */
  void *(*task)(void *ctx, long t, size_t *len, char *err, size_t errlen);
  /* In the calling process: task t's message (freed after).  0, or -1
  ** with a message in err: fatal. */
  int (*on_msg)(void *ctx, long t, const void *msg, size_t len, char *err, size_t errlen);
  /* In the calling process: task t was lost with its worker (why:
  ** "worker process killed by signal 9 (Killed)", ...).  May be NULL. */
  void (*on_lost)(void *ctx, long t, const char *why);
} pool_fns;

/* Run ntasks tasks over `workers` processes (>= 1).  0 when every task
** ran (or was lost), -1 on a fatal error (message in err). */
int pool_run(int workers, long ntasks, const pool_fns *fns, void *ctx, char *err, size_t errlen);

/* The number of CPUs this process may use (at least 1). */
int pool_cpus(void);

#endif
