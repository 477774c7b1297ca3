/*
** pool.c -- worker processes sharing a task counter; results come back as
** fixed-size messages through one pipe (see pool.h).
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

#include "pool.h"

#define EXIT_FATAL 3 /* a worker that stopped on a fatal error */

/* What the workers share (an anonymous shared mapping). */
typedef struct shared {
  atomic_long next; /* the next task to take */
  atomic_int stop;  /* set on a fatal error: take no more */
  atomic_long current[]; /* per worker slot: the task it runs, -1 none */
} shared;

/* The message header; the task's msg_size bytes follow. */
typedef struct header {
  long task;  /* -1: the worker's init failed */
  int fatal;
  char err[512];
} header;

typedef struct pool {
  const pool_fns *fns;
  void *ctx;
  long ntasks;
  size_t msg_size, frame; /* frame: header + msg */
  shared *sh;
  int rfd, wfd;           /* the pipe */
  pid_t parent, *pids;    /* pids by slot; 0: none */
  unsigned char *delivered; /* by task */
  char *buf;
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

static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w, n -= (size_t)w;
  }
  return 0;
}

static void send_msg(pool *p, long t, int fatal, const char *err) {
  header *h = (header *)(void *)p->buf;
  h->task = t, h->fatal = fatal;
  snprintf(h->err, sizeof h->err, "%s", err);
  if (write_all(p->wfd, p->buf, p->frame)) _exit(EXIT_FATAL); /* the parent is gone */
}

static void worker(pool *p, int slot) {
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != p->parent) _exit(1); /* the parent died before prctl */
#endif
  close(p->rfd);
  char err[512] = "";
  char *msg = p->buf + sizeof(header);
  if (p->fns->init && p->fns->init(p->ctx, err, sizeof err)) {
    memset(msg, 0, p->msg_size);
    send_msg(p, -1, 1, err);
    _exit(EXIT_FATAL);
  }
  int rc = 0;
  while (!rc && !atomic_load(&p->sh->stop)) {
    long t = atomic_fetch_add(&p->sh->next, 1);
    if (t >= p->ntasks) break;
    atomic_store(&p->sh->current[slot], t);
    memset(msg, 0, p->msg_size);
    err[0] = '\0';
    rc = p->fns->task(p->ctx, t, msg, err, sizeof err);
    send_msg(p, t, rc != 0, err);
    atomic_store(&p->sh->current[slot], -1);
    if (rc) atomic_store(&p->sh->stop, 1);
  }
  if (p->fns->fini) p->fns->fini(p->ctx);
  _exit(rc ? EXIT_FATAL : 0); /* no atexit handlers, no stdio flush: the parent owns those */
}

static int spawn(pool *p, int slot) {
  fflush(NULL); /* nothing buffered twice */
  atomic_store(&p->sh->current[slot], -1);
  pid_t pid = fork();
  if (pid == 0) worker(p, slot);
  if (pid < 0) return snprintf(p->err, p->errlen, "cannot start a worker process: %s", strerror(errno)), -1;
  p->pids[slot] = pid;
  return 0;
}

/* Read one message (poll said the pipe is readable) and hand it on. */
static void receive(pool *p) {
  size_t got = 0;
  while (got < p->frame) {
    ssize_t r = read(p->rfd, p->buf + got, p->frame - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return; /* cannot happen while we hold the write end */
    got += (size_t)r;
  }
  const header *h = (const header *)(const void *)p->buf;
  if (h->task >= 0 && h->task < p->ntasks) {
    p->delivered[h->task] = 1;
    p->fns->on_msg(p->ctx, h->task, p->buf + sizeof(header));
  }
  if (h->fatal && !p->fatal) {
    p->fatal = 1;
    atomic_store(&p->sh->stop, 1);
    snprintf(p->err, p->errlen, "%s", h->err);
  }
}

/* Every message already in the pipe. */
static void drain(pool *p, int timeout_ms) {
  struct pollfd fd = {p->rfd, POLLIN, 0};
  while (poll(&fd, 1, timeout_ms) > 0 && (fd.revents & POLLIN)) receive(p), timeout_ms = 0;
}

/* A worker ended: report its task if it died in one; 1 if it must be replaced. */
static int ended(pool *p, int slot, int status) {
  long t = atomic_load(&p->sh->current[slot]);
  p->pids[slot] = 0;
  int normal = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == EXIT_FATAL);
  if (normal) return 0;
  if (t >= 0 && !p->delivered[t] && p->fns->on_lost) {
    char why[96];
    if (WIFSIGNALED(status)) snprintf(why, sizeof why, "worker process killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else snprintf(why, sizeof why, "worker process exited with status %d", WEXITSTATUS(status));
    p->delivered[t] = 1;
    p->fns->on_lost(p->ctx, t, why);
  }
  return !atomic_load(&p->sh->stop) && atomic_load(&p->sh->next) < p->ntasks;
}

static int run_forked(pool *p, int workers) {
  int fds[2], rc = 0, live = 0;
  long respawns = 0;
  if (pipe(fds)) return snprintf(p->err, p->errlen, "cannot create a pipe: %s", strerror(errno)), -1;
  p->rfd = fds[0], p->wfd = fds[1], p->parent = getpid();
  for (int w = 0; w < workers && !rc; w++) rc = spawn(p, w), live += !rc;
  if (rc) atomic_store(&p->sh->stop, 1);
  while (live > 0) {
    drain(p, 100);
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
      int slot = 0;
      while (slot < workers && p->pids[slot] != pid) slot++;
      if (slot == workers) continue; /* not ours */
      live--;
      drain(p, 0); /* its last message comes before its death */
      if (ended(p, slot, status) && respawns++ < p->ntasks + workers && spawn(p, slot) == 0) live++;
    }
  }
  drain(p, 0);
  close(p->rfd), close(p->wfd);
  return rc || p->fatal ? -1 : 0;
}

static int run_inline(pool *p) {
  char *msg = p->buf;
  if (p->fns->init && p->fns->init(p->ctx, p->err, p->errlen)) return -1;
  int rc = 0;
  for (long t = 0; t < p->ntasks && !rc; t++) {
    memset(msg, 0, p->msg_size);
    rc = p->fns->task(p->ctx, t, msg, p->err, p->errlen);
    p->fns->on_msg(p->ctx, t, msg);
  }
  if (p->fns->fini) p->fns->fini(p->ctx);
  return rc;
}

int pool_run(int workers, long ntasks, size_t msg_size, const pool_fns *fns, void *ctx, char *err,
             size_t errlen) {
  pool p = {fns, ctx, ntasks, msg_size, sizeof(header) + msg_size, NULL, -1, -1, 0, NULL, NULL, NULL, 0, err, errlen};
  if (p.frame > POOL_MSG_MAX) return snprintf(err, errlen, "pool: message of %zu bytes is too large", msg_size), -1;
  if (workers > ntasks) workers = ntasks > 0 ? (int)ntasks : 1;
  if (!(p.buf = calloc(1, p.frame))) return snprintf(err, errlen, "out of memory"), -1;
  if (workers <= 1) {
    int rc = run_inline(&p);
    free(p.buf);
    return rc;
  }
  size_t shsize = sizeof(shared) + (size_t)workers * sizeof(atomic_long);
  void *map = mmap(NULL, shsize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  p.pids = calloc((size_t)workers, sizeof *p.pids);
  p.delivered = calloc((size_t)ntasks, 1);
  int rc = -1;
  if (map == MAP_FAILED || !p.pids || !p.delivered) {
    snprintf(err, errlen, "out of memory for %d workers", workers);
  } else {
    p.sh = map;
    atomic_init(&p.sh->next, 0);
    atomic_init(&p.sh->stop, 0);
    rc = run_forked(&p, workers);
  }
  if (map != MAP_FAILED) munmap(map, shsize);
  free(p.pids), free(p.delivered), free(p.buf);
  return rc;
}
