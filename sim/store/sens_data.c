/*
** sens_data.c -- the reads of `neosim sensitivity`.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "design.h"
#include "err.h"
#include "sens_data.h"

int sens_read_design(store *st, const char *want, sens_data *sd, char *err, size_t errlen) {
  store_version v;
  if (store_pick_scenario(st, want, &v, err, errlen)) {
    memset(sd, 0, sizeof *sd);
    return -1;
  }
  return sens_read_design_of(st, &v, sd, err, errlen);
}

int sens_read_design_of(store *st, const store_version *v, sens_data *sd, char *err,
                        size_t errlen) {
  memset(sd, 0, sizeof *sd);
  sd->v = *v;
  int rc = store_get_design(st, sd->v.sha256, &sd->d, err, errlen);
  if (rc == 0)
    err_set(err, errlen,
            "'%s': scenario '%s' (version %.12s) has no design of uncertain inputs: give the "
            "scenario an uncertain = { design, samples, inputs } and run it",
            store_path(st), sd->v.name, sd->v.sha256);
  return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}

int sens_read_metric(store *st, const sens_data *sd, const char *metric, size_t sweep, double *y,
                     long *runs, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  sqlite3_stmt *q = NULL;
  size_t rows = sd->d.rows;
  for (size_t r = 0; r < rows; r++) y[r] = NAN;
  *runs = 0;
  long any = 0;
  int rc = sqlite3_prepare_v2(
      db,
      "SELECT r.point, avg(m.value), count(m.value), count(*) FROM runs r JOIN metrics m ON "
      "m.run_id = r.id AND m.name = ?2 WHERE r.scenario_sha256 = ?1 AND r.status = 'done' AND "
      "r.point >= ?3 AND r.point < ?4 GROUP BY r.point",
      -1, &q, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(q, 1, sd->v.sha256, -1, SQLITE_STATIC) |
         sqlite3_bind_text(q, 2, metric, -1, SQLITE_STATIC) |
         sqlite3_bind_int64(q, 3, (sqlite3_int64)(sweep * rows)) |
         sqlite3_bind_int64(q, 4, (sqlite3_int64)((sweep + 1) * rows));
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    size_t r = (size_t)sqlite3_column_int64(q, 0) - sweep * rows;
    if (r < rows && sqlite3_column_type(q, 1) != SQLITE_NULL) y[r] = sqlite3_column_double(q, 1);
    *runs += (long)sqlite3_column_int64(q, 2);
    any += (long)sqlite3_column_int64(q, 3);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) return err_set(err, errlen, "%s: %s", store_path(st), sqlite3_errmsg(db));
  if (any == 0) { /* no row at this sweep point: does the version have the metric at all? */
    int n = 0;
    rc = sqlite3_prepare_v2(db,
                            "SELECT EXISTS (SELECT 1 FROM runs r JOIN metrics m ON m.run_id = r.id "
                            "WHERE r.scenario_sha256 = ?1 AND m.name = ?2)",
                            -1, &q, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(q, 1, sd->v.sha256, -1, SQLITE_STATIC) |
           sqlite3_bind_text(q, 2, metric, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (!n) {
      err_set(err, errlen, "'%s': scenario '%s' has no metric '%s'", store_path(st), sd->v.name,
              metric);
      return -2;
    }
  }
  return 0;
}

int sens_analyse(store *st, const sens_data *sd, const char *metric, size_t sweep, sens_result *r,
                 char *err, size_t errlen) {
  const store_design *d = &sd->d;
  size_t k = d->ninputs, rows = d->rows;
  memset(r, 0, sizeof *r);
  if (errlen) err[0] = '\0';
  double *y = malloc(rows * sizeof *y);
  r->e = malloc(3 * k * sizeof *r->e);
  int rc = y && r->e ? 0 : err_set(err, errlen, "out of memory");
  if (!rc && (rc = sens_read_metric(st, sd, metric, sweep, y, &r->runs, err, errlen))) {
    free(y);
    return rc; /* said */
  }
  int kind = design_kind_parse(d->kind);
  r->units = (size_t)d->samples;
  if (!rc && kind == DESIGN_SALTELLI) {
    *r = (sens_result){.names = {"S1", "ST"},
                       .nidx = 2,
                       .e = r->e,
                       .units = r->units,
                       .unit = "base samples",
                       .runs = r->runs};
    rc = sens_sobol(y, r->units, k, 0, r->e, r->e + k, &r->used);
  } else if (!rc && kind == DESIGN_MORRIS) {
    *r = (sens_result){.names = {"mu_star", "sigma"},
                       .nidx = 2,
                       .e = r->e,
                       .units = r->units,
                       .unit = "trajectories",
                       .runs = r->runs};
    rc = sens_morris(y, d->p, r->units, k, 0, r->e, r->e + k, &r->used);
  } else if (!rc) {
    *r = (sens_result){.names = {"prcc", "low", "high"},
                       .nidx = 3,
                       .e = r->e,
                       .units = rows,
                       .unit = "points",
                       .runs = r->runs};
    rc = sens_sample(d->p, y, rows, k, 0, r->e, r->e + k, r->e + 2 * k, &r->used);
  }
  if (rc == -1 && !err[0]) err_set(err, errlen, "out of memory");
  else if (rc == -2) /* an estimator's: too few units */
    err_set(err, errlen,
            "%s: %zu of %zu %s have a response at sweep point %zu, too few (or the metric does "
            "not vary) for %s indices",
            metric, r->used, r->units, r->unit, sweep, d->kind);
  free(y);
  return rc;
}

void sens_result_free(sens_result *r) {
  free(r->e);
  r->e = NULL;
}

void sens_data_free(sens_data *sd) { store_design_free(&sd->d); }
