/*
** store_experiment.c -- experiments and their points into SQLite.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

#include "err.h"
#include "store_experiment.h"

static const char put_sql[] =
    "INSERT INTO experiments (scenario_sha256, kind, procedure, seed, metric, minimize, "
    "parameters, status, stages, decision, started_at, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, "
    "?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (scenario_sha256, kind, seed, metric, minimize, "
    "parameters) DO UPDATE SET procedure = ?3, status = ?8, stages = ?9, decision = ?10, "
    "started_at = coalesce(CASE WHEN ?8 = 'running' THEN ?11 END, started_at), finished_at = ?12 "
    "RETURNING id";

static const char point_sql[] =
    "INSERT INTO experiment_points (experiment_id, point, n, mean, ci_low, ci_high, status, stage, "
    "value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static int bind_real(sqlite3_stmt *q, int i, double v) {
  return v == v ? sqlite3_bind_double(q, i, v) : sqlite3_bind_null(q, i);
}

static int put_row(sqlite3 *db, const store_experiment *e, sqlite3_int64 *id) {
  sqlite3_stmt *q = NULL;
  double now = (double)time(NULL);
  int rc = sqlite3_prepare_v2(db, put_sql, -1, &q, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(q, 1, e->sha256, -1, SQLITE_STATIC) |
         sqlite3_bind_text(q, 2, e->kind, -1, SQLITE_STATIC) |
         sqlite3_bind_text(q, 3, e->procedure, -1, SQLITE_STATIC) |
         sqlite3_bind_int64(q, 4, (sqlite3_int64)e->seed) |
         sqlite3_bind_text(q, 5, e->metric, -1, SQLITE_STATIC) |
         sqlite3_bind_int(q, 6, e->minimize) |
         sqlite3_bind_text(q, 7, e->parameters, -1, SQLITE_STATIC) |
         sqlite3_bind_text(q, 8, e->done ? "done" : "running", -1, SQLITE_STATIC) |
         (e->done ? sqlite3_bind_int64(q, 9, e->stages) : sqlite3_bind_null(q, 9)) |
         sqlite3_bind_text(q, 10, e->decision, -1, SQLITE_STATIC) |
         sqlite3_bind_double(q, 11, now) |
         (e->done ? sqlite3_bind_double(q, 12, now) : sqlite3_bind_null(q, 12));
  if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    *id = sqlite3_column_int64(q, 0);
    rc = sqlite3_step(q);
  }
  sqlite3_finalize(q);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int put_points(sqlite3 *db, sqlite3_int64 id, const store_experiment_point *pts, size_t n) {
  sqlite3_stmt *q = NULL;
  char del[80];
  snprintf(del, sizeof del, "DELETE FROM experiment_points WHERE experiment_id = %lld",
           (long long)id);
  int rc = sqlite3_exec(db, del, NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, point_sql, -1, &q, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
    const store_experiment_point *p = &pts[i];
    sqlite3_reset(q);
    rc = sqlite3_bind_int64(q, 1, id) | sqlite3_bind_int64(q, 2, p->point) |
         sqlite3_bind_int64(q, 3, p->n) | bind_real(q, 4, p->mean) | bind_real(q, 5, p->lo) |
         bind_real(q, 6, p->hi) | sqlite3_bind_text(q, 7, p->status, -1, SQLITE_STATIC) |
         (p->stage ? sqlite3_bind_int64(q, 8, p->stage) : sqlite3_bind_null(q, 8)) |
         sqlite3_bind_text(q, 9, p->value, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
  }
  sqlite3_finalize(q);
  return rc;
}

int store_put_experiment(store *s, const store_experiment *e, const store_experiment_point *pts,
                         size_t npts, char *err, size_t errlen) {
  sqlite3 *db = store_db(s);
  sqlite3_int64 id = 0;
  int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = put_row(db, e, &id);
  if (rc == SQLITE_OK) rc = put_points(db, id, pts, npts);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK) return 0;
  err_set(err, errlen, "%s: storing the experiment: %s", store_path(s), sqlite3_errmsg(db));
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

int store_save_experiment(const char *db, double lock_wait, const store_experiment *e,
                          const store_experiment_point *pts, size_t npts, char *err,
                          size_t errlen) {
  store *st = store_open(db, lock_wait, err, errlen);
  int rc = st ? store_put_experiment(st, e, pts, npts, err, errlen) : -1;
  store_close(st);
  return rc;
}
