/*
** store_wait.c -- waiting for another process's write lock while it makes
** progress (store_wait.h).
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "path.h"
#include "store_wait.h"

/* What the files looked like: any change is progress. */
typedef struct mark {
  long long wal_size, db_size;
  struct timespec wal_time, db_time;
} mark;

struct store_wait {
  char *wal, *db;          /* the files watched */
  double idle;             /* seconds without progress before giving up */
  double start, last, end; /* of the current wait: begun, last progress, given up */
  mark seen;
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void look_at(const char *file, long long *size, struct timespec *time) {
  struct stat st;
  if (stat(file, &st) == 0) {
    *size = (long long)st.st_size;
    *time = st.st_mtim;
  } else {
    *size = -1;
    *time = (struct timespec){0};
  }
}

static mark look(const store_wait *w) {
  mark m;
  look_at(w->wal, &m.wal_size, &m.wal_time);
  look_at(w->db, &m.db_size, &m.db_time);
  return m;
}

static int same_time(struct timespec a, struct timespec b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static int same(const mark *a, const mark *b) {
  return a->wal_size == b->wal_size && a->db_size == b->db_size &&
         same_time(a->wal_time, b->wal_time) && same_time(a->db_time, b->db_time);
}

/* SQLite's busy handler: count is 0 at the first retry of a call. */
static int on_busy(void *arg, int count) {
  store_wait *w = arg;
  double now = now_s();
  mark m = look(w);
  if (count == 0) {
    w->start = w->last = now;
    w->seen = m;
  } else if (!same(&m, &w->seen)) {
    w->seen = m;
    w->last = now;
  }
  if (now - w->last >= w->idle) {
    w->end = now;
    return 0; /* SQLITE_BUSY */
  }
  /* 1 ms, doubling to 64 ms: short locks cost little, long ones poll little */
  long us = 1000L << (count < 6 ? count : 6);
  struct timespec ts = {.tv_sec = 0, .tv_nsec = us * 1000L};
  nanosleep(&ts, NULL);
  return 1;
}

store_wait *store_wait_on(sqlite3 *db, const char *path, double idle_s) {
  store_wait *w = calloc(1, sizeof *w);
  if (!w || !(w->db = path_cat(path, "")) || !(w->wal = path_cat(path, "-wal"))) {
    store_wait_free(w);
    return NULL;
  }
  w->idle = idle_s > 0 ? idle_s : STORE_LOCK_WAIT_S;
  w->end = -1;
  sqlite3_busy_handler(db, on_busy, w);
  return w;
}

void store_wait_free(store_wait *w) {
  if (!w) return;
  free(w->wal);
  free(w->db);
  free(w);
}

void store_wait_describe(const store_wait *w, char *buf, size_t len) {
  if (len == 0) return;
  buf[0] = '\0';
  if (w && w->end >= 0)
    snprintf(buf, len,
             "another process holds its write lock and wrote nothing in the last %.1f s of"
             " the %.1f s waited; --lock-wait sets how long",
             w->end - w->last, w->end - w->start);
}
