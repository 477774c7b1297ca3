/*
** pool.c -- worker processes sharing a task counter, each with a pipe to
** the parent carrying framed messages (see pool.h).
*/
#define _GNU_SOURCE /* MAP_ANONYMOUS, sched_getaffinity, prctl */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#include <sys/prctl.h>
#endif

#include "err.h"
#include "invariant.h"
#include "pool.h"

/* What the workers share (an anonymous shared mapping). */
typedef struct shared {
  atomic_long next;      /* the next task to take */
  atomic_int stop;       /* set on a fatal error: take no more */
  atomic_long current[]; /* per worker slot: the task it runs, -1 none */
} shared;

/* A frame on a worker's pipe: this header, then len bytes of message. */
typedef struct frame {
  size_t len;
  long task;
  int fatal; /* the task failed: err says why, no message */
  char err[ERR_LEN];
} frame;

/* The parent's end of one worker. */
typedef struct slot {
  pid_t pid; /* 0: none */
  int fd;    /* read end of its pipe, -1: none */
  char *buf; /* bytes received, not yet a whole frame */
  size_t n, cap;
} slot;

typedef struct pool {
  const pool_fns *fns;
  void *ctx;
  long ntasks;
  int nslots;
  shared *sh;
  slot *slots;
  pid_t parent;
  unsigned char *delivered; /* by task */
  int fatal;
  char *err;
  size_t errlen;
} pool;

int pool_cpus(void) {
#ifdef __linux__
  cpu_set_t set; /* the CPUs this process may use (a SLURM task's, a taskset's) */
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
#endif
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

static int write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n > 0) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

static void fail(pool *p, const char *why) {
  if (!p->fatal) snprintf(p->err, p->errlen, "%s", why);
  p->fatal = 1;
  atomic_store(&p->sh->stop, 1);
}

static void worker(pool *p, int me, int fd) {
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != p->parent) _exit(1); /* the parent died before prctl */
#endif
  for (int i = 0; i < p->nslots; i++)
    if (p->slots[i].fd >= 0) close(p->slots[i].fd);
  while (!atomic_load(&p->sh->stop)) {
    long t = atomic_fetch_add(&p->sh->next, 1);
    if (t >= p->ntasks) break;
    atomic_store(&p->sh->current[me], t);
    frame f;
    memset(&f, 0, sizeof f); /* padding and the unused end of err too: all of f is written */
    f.task = t;
    void *msg = p->fns->task(p->ctx, t, &f.len, f.err, sizeof f.err);
    f.fatal = msg == NULL;
    if (f.fatal) f.len = 0;
    if (write_all(fd, &f, sizeof f) || write_all(fd, msg, f.len)) _exit(1); /* the parent is gone */
    free(msg);
    atomic_store(&p->sh->current[me], -1);
    if (f.fatal) break;
  }
  _exit(0); /* no atexit handlers, no stdio flush: the parent owns those */
}

static int spawn(pool *p, int me) {
  int fds[2];
  if (pipe(fds)) return err_set(p->err, p->errlen, "cannot create a pipe: %s", strerror(errno));
  fflush(NULL); /* nothing buffered twice */
  atomic_store(&p->sh->current[me], -1);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    worker(p, me, fds[1]);
  }
  close(fds[1]);
  if (pid < 0) {
    close(fds[0]);
    return err_set(p->err, p->errlen, "cannot start a worker process: %s", strerror(errno));
  }
  p->slots[me].pid = pid;
  p->slots[me].fd = fds[0];
  p->slots[me].n = 0;
  return 0;
}

/* Hand on every whole frame in the slot's buffer. */
static void dispatch(pool *p, slot *s) {
  size_t at = 0;
  while (s->n - at >= sizeof(frame)) {
    frame f;
    memcpy(&f, s->buf + at, sizeof f);
    if (s->n - at - sizeof f < f.len) break;
    const char *msg = s->buf + at + sizeof f;
    at += sizeof f + f.len;
    if (f.task < 0 || f.task >= p->ntasks) continue;
    p->delivered[f.task] = 1;
    char err[ERR_LEN];
    if (f.fatal) fail(p, f.err);
    else if (!p->fatal && p->fns->on_msg(p->ctx, f.task, msg, f.len, err, sizeof err)) fail(p, err);
  }
  memmove(s->buf, s->buf + at, s->n - at);
  s->n -= at;
}

/* Read what the worker sent; 1 at end of file (the worker ended). */
static int receive(pool *p, slot *s) {
  if (s->cap - s->n < 65536) {
    size_t cap = s->cap ? s->cap * 2 : 1 << 17;
    char *b = realloc(s->buf, cap);
    if (!b) {
      fail(p, "out of memory receiving results");
      return 1;
    }
    s->buf = b;
    s->cap = cap;
  }
  ssize_t r = read(s->fd, s->buf + s->n, s->cap - s->n);
  if (r < 0) return errno == EINTR || errno == EAGAIN ? 0 : 1;
  if (r == 0) return 1;
  s->n += (size_t)r;
  dispatch(p, s);
  return 0;
}

/* The worker in slot me ended: report the task it died in, if any; 1 if
** it must be replaced. */
static int ended(pool *p, int me) {
  slot *s = &p->slots[me];
  int status = 0;
  while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {}
  close(s->fd);
  s->fd = -1;
  s->pid = 0;
  long t = atomic_load(&p->sh->current[me]);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  if (t >= 0 && !p->delivered[t]) {
    char why[ERR_LEN];
    if (WIFSIGNALED(status))
      snprintf(why, sizeof why, "worker process killed by signal %d (%s)", WTERMSIG(status),
               strsignal(WTERMSIG(status)));
    else snprintf(why, sizeof why, "worker process exited with status %d", WEXITSTATUS(status));
    p->delivered[t] = 1;
    if (p->fns->on_lost) p->fns->on_lost(p->ctx, t, why);
  }
  return !atomic_load(&p->sh->stop) && atomic_load(&p->sh->next) < p->ntasks;
}

static int run_forked(pool *p) {
  long respawns = 0;
  int live = 0;
  for (int w = 0; w < p->nslots; w++) {
    if (spawn(p, w)) { /* err says why */
      p->fatal = 1;
      atomic_store(&p->sh->stop, 1);
      break;
    }
    live++;
  }
  struct pollfd *fds = calloc(p->nslots > 0 ? (size_t)p->nslots : 1, sizeof *fds);
  if (!fds) fail(p, "out of memory");
  while (live > 0 && fds) {
    for (int w = 0; w < p->nslots; w++) fds[w] = (struct pollfd){p->slots[w].fd, POLLIN, 0};
    if (poll(fds, p->nslots > 0 ? (nfds_t)p->nslots : 0, -1) < 0 && errno != EINTR) break;
    for (int w = 0; w < p->nslots; w++) {
      if (!(fds[w].revents & (POLLIN | POLLHUP | POLLERR)) || !receive(p, &p->slots[w])) continue;
      live--;
      if (ended(p, w) && respawns++ < p->ntasks + p->nslots && spawn(p, w) == 0) live++;
    }
  }
  for (int w = 0; w < p->nslots; w++) /* only after an error above */
    if (p->slots[w].pid) {
      kill(p->slots[w].pid, SIGKILL);
      ended(p, w);
    }
  free(fds);
  return p->fatal ? -1 : 0;
}

static int run_inline(pool *p) {
  for (long t = 0; t < p->ntasks && !p->fatal; t++) {
    size_t len = 0;
    char err[ERR_LEN] = "";
    void *msg = p->fns->task(p->ctx, t, &len, err, sizeof err);
    if (!msg || p->fns->on_msg(p->ctx, t, msg, len, err, sizeof err)) {
      p->fatal = 1;
      snprintf(p->err, p->errlen, "%s", err);
    }
    free(msg);
  }
  return p->fatal ? -1 : 0;
}

int pool_run(int workers, long ntasks, const pool_fns *fns, void *ctx, char *err, size_t errlen) {
  NEO_ASSERT(workers >= 1);
  pool p = {
      .fns = fns, .ctx = ctx, .ntasks = ntasks, .err = err, .errlen = errlen, .parent = getpid()};
  if (workers > ntasks) workers = ntasks > 0 ? (int)ntasks : 1;
  if (workers <= 1) return run_inline(&p);
  size_t shsize = sizeof(shared) + (size_t)workers * sizeof(atomic_long);
  void *map = mmap(NULL, shsize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  p.slots = calloc((size_t)workers, sizeof *p.slots);
  p.delivered = calloc((size_t)ntasks, 1);
  int rc = -1;
  if (map == MAP_FAILED || !p.slots || !p.delivered) {
    snprintf(err, errlen, "out of memory for %d workers", workers);
  } else {
    p.sh = map;
    p.nslots = workers;
    atomic_init(&p.sh->next, 0);
    atomic_init(&p.sh->stop, 0);
    for (int w = 0; w < workers; w++) p.slots[w].fd = -1;
    rc = run_forked(&p);
  }
  for (int w = 0; p.slots && w < workers; w++) free(p.slots[w].buf);
  if (map != MAP_FAILED) munmap(map, shsize);
  free(p.slots);
  free(p.delivered);
  return rc;
}
