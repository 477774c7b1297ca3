/*
** pool.h -- run tasks 0..n-1 over worker processes.
**
** With one worker the tasks run in the calling process, in order.  With
** more, pool_run forks the workers; each takes the next task from a
** counter they share (so slow tasks do not hold the others back), runs
** it and sends a fixed-size message (at most POOL_MSG_MAX bytes, written
** atomically to a pipe) to the parent, which hands it to on_msg in the
** order messages arrive.  Which worker runs which task is therefore not
** fixed: a task's result must depend only on the task.
**
** A worker that dies during a task (a signal, a crash) is reported by
** on_lost with the task and why, and replaced while tasks remain.  A
** worker whose task function returns -1 (a fatal error, e.g. the
** database cannot be written) stops the pool: no new task starts, the
** running ones finish, and pool_run returns -1 with that task's message.
** Workers die with the parent (Linux: PR_SET_PDEATHSIG).
*/
#ifndef NEOSIM_POOL_H
#define NEOSIM_POOL_H

#include <stddef.h>

#define POOL_MSG_MAX 3072 /* < PIPE_BUF (4096 on Linux): one write, never interleaved */

typedef struct pool_fns {
  /* In each worker before its first task (and once with one worker):
  ** open what the tasks need.  0, or -1 with a message in err. */
  int (*init)(void *ctx, char *err, size_t errlen);
  /* Run task t; fill msg (msg_size bytes, zeroed).  0, or -1: fatal, with
  ** a message in err (the task's msg is still delivered). */
  int (*task)(void *ctx, long t, void *msg, char *err, size_t errlen);
  /* In each worker after its last task. */
  void (*fini)(void *ctx);
  /* In the parent: task t's message. */
  void (*on_msg)(void *ctx, long t, const void *msg);
  /* In the parent: task t was lost with its worker (why: "killed by
  ** signal 9", ...).  May be NULL. */
  void (*on_lost)(void *ctx, long t, const char *why);
} pool_fns;

/* Run ntasks tasks over `workers` processes (>= 1).  Returns 0 when
** every task ran (or was lost), -1 on a fatal error (message in err). */
int pool_run(int workers, long ntasks, size_t msg_size, const pool_fns *fns, void *ctx, char *err,
             size_t errlen);

/* The number of processors online (at least 1). */
int pool_cpus(void);

#endif
