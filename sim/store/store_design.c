/*
** store_design.c -- designs of uncertain inputs in and out of SQLite.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store_design.h"

/* Run sql with the bindings of bind(ctx, q) to its end; SQLite's code. */
static int exec_one(sqlite3 *db, const char *sql, int (*bind)(const void *ctx, sqlite3_stmt *q),
                    const void *ctx) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);
  if (rc == SQLITE_OK) rc = bind(ctx, q);
  if (rc == SQLITE_OK) rc = sqlite3_step(q);
  sqlite3_finalize(q);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

typedef struct put {
  const char *sha;
  const store_design *d;
  size_t i;
} put;

static int bind_design(const void *ctx, sqlite3_stmt *q) {
  const put *p = ctx;
  return sqlite3_bind_text(q, 1, p->sha, -1, SQLITE_STATIC) |
         sqlite3_bind_text(q, 2, p->d->kind, -1, SQLITE_STATIC) |
         sqlite3_bind_int64(q, 3, p->d->samples) |
         sqlite3_bind_int64(q, 4, (sqlite3_int64)p->d->rows) |
         sqlite3_bind_int64(q, 5, (sqlite3_int64)p->d->sweep_points);
}

static int bind_input(const void *ctx, sqlite3_stmt *q) {
  const put *p = ctx;
  return sqlite3_bind_text(q, 1, p->sha, -1, SQLITE_STATIC) |
         sqlite3_bind_int64(q, 2, (sqlite3_int64)p->i) |
         sqlite3_bind_text(q, 3, p->d->names[p->i], -1, SQLITE_STATIC) |
         sqlite3_bind_text(q, 4, p->d->dists[p->i], -1, SQLITE_STATIC);
}

static int bind_point(const void *ctx, sqlite3_stmt *q) {
  const put *p = ctx;
  return sqlite3_bind_text(q, 1, p->sha, -1, SQLITE_STATIC) |
         sqlite3_bind_int64(q, 2, (sqlite3_int64)(p->i / p->d->ninputs)) |
         sqlite3_bind_int64(q, 3, (sqlite3_int64)(p->i % p->d->ninputs)) |
         sqlite3_bind_double(q, 4, p->d->p[p->i]);
}

static int bind_corr(const void *ctx, sqlite3_stmt *q) {
  const put *p = ctx;
  const store_design_corr *c = &p->d->corr[p->i];
  return sqlite3_bind_text(q, 1, p->sha, -1, SQLITE_STATIC) |
         sqlite3_bind_int64(q, 2, (sqlite3_int64)c->a) |
         sqlite3_bind_int64(q, 3, (sqlite3_int64)c->b) | sqlite3_bind_double(q, 4, c->target) |
         sqlite3_bind_double(q, 5, c->achieved);
}

int store_put_design(store *s, const char *sha256, const store_design *d, char *err,
                     size_t errlen) {
  sqlite3 *db = store_db(s);
  put p = {.sha = sha256, .d = d};
  int rc = sqlite3_exec(db, "SAVEPOINT design", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = exec_one(db,
                  "INSERT OR IGNORE INTO designs (scenario_sha256, design, samples, rows, "
                  "sweep_points) VALUES (?1, ?2, ?3, ?4, ?5)",
                  bind_design, &p);
  for (p.i = 0; rc == SQLITE_OK && p.i < d->ninputs; p.i++)
    rc = exec_one(db,
                  "INSERT OR IGNORE INTO design_inputs (scenario_sha256, input, name, dist) "
                  "VALUES (?1, ?2, ?3, ?4)",
                  bind_input, &p);
  for (p.i = 0; rc == SQLITE_OK && p.i < d->ncorr; p.i++)
    rc = exec_one(db,
                  "INSERT OR IGNORE INTO design_correlations (scenario_sha256, a, b, target, "
                  "achieved) VALUES (?1, ?2, ?3, ?4, ?5)",
                  bind_corr, &p);
  for (p.i = 0; rc == SQLITE_OK && p.i < d->rows * d->ninputs; p.i++)
    rc = exec_one(db,
                  "INSERT OR IGNORE INTO design_points (scenario_sha256, row, input, p) "
                  "VALUES (?1, ?2, ?3, ?4)",
                  bind_point, &p);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "RELEASE design", NULL, NULL, NULL);
  if (rc == SQLITE_OK) return 0;
  err_set(err, errlen, "store the design of scenario version %.12s in '%s': %s", sha256,
          store_path(s), sqlite3_errmsg(db));
  sqlite3_exec(db, "ROLLBACK TO design; RELEASE design", NULL, NULL, NULL);
  return -1;
}

void store_design_free(store_design *d) {
  for (size_t i = 0; i < d->ninputs; i++) {
    free(d->names[i]);
    free(d->dists[i]);
  }
  free(d->names);
  free(d->dists);
  free(d->corr);
  free(d->p);
  free(d->kind);
  memset(d, 0, sizeof *d);
}

static char *column_text(sqlite3_stmt *q, int col) {
  const unsigned char *t = sqlite3_column_text(q, col);
  return strdup(t ? (const char *)t : "");
}

/* The rows of a design's inputs and correlations, in order; SQLite's code. */
static int read_rows(sqlite3 *db, const char *sha256, store_design *d) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(db,
                              "SELECT name, dist FROM design_inputs WHERE scenario_sha256 = ?1 "
                              "ORDER BY input",
                              -1, &q, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    char **n = realloc(d->names, (d->ninputs + 1) * sizeof *n);
    if (n) d->names = n;
    char **t = n ? realloc(d->dists, (d->ninputs + 1) * sizeof *t) : NULL;
    if (t) d->dists = t;
    if (!n || !t) return SQLITE_NOMEM;
    d->names[d->ninputs] = column_text(q, 0);
    d->dists[d->ninputs++] = column_text(q, 1);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) return rc;
  rc = sqlite3_prepare_v2(db,
                          "SELECT a, b, target, achieved FROM design_correlations WHERE "
                          "scenario_sha256 = ?1 ORDER BY a, b",
                          -1, &q, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    store_design_corr *c = realloc(d->corr, (d->ncorr + 1) * sizeof *c);
    if (!c) return SQLITE_NOMEM;
    d->corr = c;
    d->corr[d->ncorr++] = (store_design_corr){.a = (size_t)sqlite3_column_int64(q, 0),
                                              .b = (size_t)sqlite3_column_int64(q, 1),
                                              .target = sqlite3_column_double(q, 2),
                                              .achieved = sqlite3_column_double(q, 3)};
    rc = SQLITE_OK;
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) return rc;
  size_t n = d->rows * d->ninputs, got = 0;
  if (n == 0 || !(d->p = malloc(n * sizeof *d->p))) return n ? SQLITE_NOMEM : SQLITE_OK;
  rc = sqlite3_prepare_v2(db,
                          "SELECT row, input, p FROM design_points WHERE scenario_sha256 = ?1 "
                          "ORDER BY row, input",
                          -1, &q, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    sqlite3_int64 r = sqlite3_column_int64(q, 0), i = sqlite3_column_int64(q, 1);
    if (got < n && r == (sqlite3_int64)(got / d->ninputs) && i == (sqlite3_int64)(got % d->ninputs))
      d->p[got++] = sqlite3_column_double(q, 2);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(q);
  if (rc == SQLITE_DONE && got != n) {
    free(d->p);
    d->p = NULL; /* a design without all its points: the caller says so */
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_get_design(store *s, const char *sha256, store_design *d, char *err, size_t errlen) {
  sqlite3 *db = store_db(s);
  memset(d, 0, sizeof *d);
  sqlite3_stmt *q = NULL;
  int found = 0;
  int rc = sqlite3_prepare_v2(db,
                              "SELECT design, samples, rows, sweep_points FROM designs WHERE "
                              "scenario_sha256 = ?1",
                              -1, &q, NULL);
  if (rc == SQLITE_ERROR && strstr(sqlite3_errmsg(db), "no such table")) {
    sqlite3_finalize(q); /* a file of schema version 6: no design */
    return 0;
  }
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    found = 1;
    d->kind = column_text(q, 0);
    d->samples = (long)sqlite3_column_int64(q, 1);
    d->rows = (size_t)sqlite3_column_int64(q, 2);
    d->sweep_points = (size_t)sqlite3_column_int64(q, 3);
    rc = SQLITE_DONE;
  }
  sqlite3_finalize(q);
  if (rc == SQLITE_DONE && found) rc = read_rows(db, sha256, d);
  else if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc != SQLITE_OK) {
    err_set(err, errlen, "read the design of scenario version %.12s from '%s': %s", sha256,
            store_path(s), rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db));
    store_design_free(d);
    return -1;
  }
  if (found && (!d->kind || d->rows == 0 || d->ninputs == 0 || !d->p)) {
    err_set(err, errlen,
            "the design of scenario version %.12s in '%s' is incomplete (no inputs, or not "
            "every row's probabilities)",
            sha256, store_path(s));
    store_design_free(d);
    return -1;
  }
  return found;
}
