/*
** compare_data.c -- the reads of `neosim compare`, from the views summary,
** paired, risk and point_params.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_data.h"
#include "err.h"

const char *const compare_risk_cols[] = {
    "n",           "p_default",   "p_default_lo",   "p_default_hi",    "p_breach",
    "p_breach_lo", "p_breach_hi", "cash_min_var05", "cash_min_cvar05", "npv_var05",
    "npv_cvar05",  "p_payback",   "payback_p10",    "payback_p50",     "payback_p90"};
_Static_assert(sizeof compare_risk_cols / sizeof *compare_risk_cols == COMPARE_NRISK,
               "every risk column named");

/* A statement of the version's figures: sql with ?1 bound to its SHA-256. */
static sqlite3_stmt *prep(store *st, const compare_data *c, const char *sql, char *err,
                          size_t errlen) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL) == SQLITE_OK &&
      sqlite3_bind_text(q, 1, c->v.sha256, -1, SQLITE_STATIC) == SQLITE_OK)
    return q;
  err_set(err, errlen, "%s: %s", store_path(st), sqlite3_errmsg(store_db(st)));
  sqlite3_finalize(q);
  return NULL;
}

/* Finalize q after its last step returned rc: 0 when that was the end. */
static int done(store *st, sqlite3_stmt *q, int rc, char *err, size_t errlen) {
  sqlite3_finalize(q);
  if (rc == SQLITE_DONE) return 0;
  return err_set(err, errlen, "%s: %s", store_path(st),
                 rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(store_db(st)));
}

static double col(sqlite3_stmt *q, int i) {
  return sqlite3_column_type(q, i) == SQLITE_NULL ? (double)NAN : sqlite3_column_double(q, i);
}

static const char *text(sqlite3_stmt *q, int i) {
  const char *s = (const char *)sqlite3_column_text(q, i);
  return s ? s : "";
}

static int push(char ***v, size_t *n, const char *s) {
  char **nv = realloc(*v, (*n + 1) * sizeof *nv);
  if (!nv) return -1;
  *v = nv;
  if (!(nv[*n] = strdup(s))) return -1;
  (*n)++;
  return 0;
}

static void free_strs(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

long compare_point_index(const compare_data *c, long p) {
  for (size_t i = 0; i < c->npoint; i++)
    if (c->point[i] == p) return (long)i;
  return -1;
}

static long find_metric(const compare_data *c, const char *name) {
  for (size_t i = 0; i < c->nmetric; i++)
    if (strcmp(c->metric[i], name) == 0) return (long)i;
  return -1;
}

static int read_point_numbers(store *st, compare_data *c, char *err, size_t errlen) {
  sqlite3_stmt *q =
      prep(st, c, "SELECT DISTINCT point FROM runs WHERE scenario_sha256 = ?1 ORDER BY point", err,
           errlen);
  int rc = SQLITE_DONE;
  while (q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    long *n = realloc(c->point, (c->npoint + 1) * sizeof *n);
    if (!n) {
      rc = SQLITE_NOMEM;
      break;
    }
    c->point = n;
    c->point[c->npoint++] = (long)sqlite3_column_int64(q, 0);
  }
  return q ? done(st, q, rc, err, errlen) : -1;
}

/* The swept keys, then each point's values. */
static int read_swept(store *st, compare_data *c, char *err, size_t errlen) {
  sqlite3_stmt *q =
      prep(st, c, "SELECT DISTINCT name FROM point_params WHERE scenario_sha256 = ?1 ORDER BY name",
           err, errlen);
  int rc = SQLITE_DONE;
  while (q && (rc = sqlite3_step(q)) == SQLITE_ROW)
    if (push(&c->key, &c->nkey, text(q, 0))) {
      rc = SQLITE_NOMEM;
      break;
    }
  if (!q || done(st, q, rc, err, errlen)) return -1;
  if (!(c->keyval = calloc(c->npoint * c->nkey + 1, sizeof *c->keyval)))
    return err_set(err, errlen, "out of memory");
  if (!(q = prep(st, c, "SELECT point, name, value FROM point_params WHERE scenario_sha256 = ?1",
                 err, errlen)))
    return -1;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    long p = compare_point_index(c, (long)sqlite3_column_int64(q, 0));
    for (size_t k = 0; p >= 0 && k < c->nkey; k++)
      if (strcmp(c->key[k], text(q, 1)) == 0) {
        char **slot = &c->keyval[(size_t)p * c->nkey + k];
        free(*slot);
        if (!(*slot = strdup(text(q, 2)))) rc = SQLITE_NOMEM;
      }
    if (rc == SQLITE_NOMEM) break;
  }
  return done(st, q, rc, err, errlen);
}

int compare_read_points(store *st, const char *want, compare_data *c, char *err, size_t errlen) {
  memset(c, 0, sizeof *c);
  if (store_pick_scenario(st, want, &c->v, err, errlen) || read_point_numbers(st, c, err, errlen))
    return -1;
  return read_swept(st, c, err, errlen);
}

/* The metric names the patterns match (GLOB), in pattern order. */
static int resolve_metrics(store *st, compare_data *c, const char *const *pat, size_t npat,
                           int optional, char *err, size_t errlen) {
  sqlite3_stmt *q = prep(st, c,
                         "SELECT DISTINCT m.name FROM runs r JOIN metrics m ON m.run_id = r.id"
                         " WHERE r.scenario_sha256 = ?1 AND m.name GLOB ?2 ORDER BY m.name",
                         err, errlen);
  int rc = SQLITE_DONE;
  if (!q) return -1;
  for (size_t i = 0; i < npat && rc == SQLITE_DONE; i++) {
    size_t before = c->nmetric;
    sqlite3_reset(q);
    sqlite3_bind_text(q, 2, pat[i], -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
      if (find_metric(c, text(q, 0)) < 0 && push(&c->metric, &c->nmetric, text(q, 0))) {
        rc = SQLITE_NOMEM;
        break;
      }
    if (rc == SQLITE_DONE && c->nmetric == before && !optional) {
      sqlite3_finalize(q);
      return err_set(
          err, errlen,
          "no metric of '%s' in %s matches '%s' (the metrics table lists them: sqlite3 %s"
          " \"select distinct name from metrics\")",
          c->v.name, store_path(st), pat[i], store_path(st));
    }
  }
  return done(st, q, rc, err, errlen);
}

static compare_cell *cell_of(compare_data *c, sqlite3_stmt *q) {
  long p = compare_point_index(c, (long)sqlite3_column_int64(q, 0)), m = find_metric(c, text(q, 1));
  return p < 0 || m < 0 ? NULL : &c->cells[(size_t)p * c->nmetric + (size_t)m];
}

static int read_summary(store *st, compare_data *c, char *err, size_t errlen) {
  sqlite3_stmt *q =
      prep(st, c, "SELECT point, metric, n, mean, sd, ci95 FROM summary WHERE scenario_sha256 = ?1",
           err, errlen);
  int rc;
  if (!q) return -1;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    compare_cell *x = cell_of(c, q);
    if (!x) continue;
    x->n = (long)sqlite3_column_int64(q, 2);
    x->mean = col(q, 3);
    x->sd = col(q, 4);
    x->ci95 = col(q, 5);
  }
  return done(st, q, rc, err, errlen);
}

static int read_paired(store *st, compare_data *c, long baseline, char *err, size_t errlen) {
  sqlite3_stmt *q =
      prep(st, c,
           "SELECT point, metric, n, mean_diff, ci95, ci95_unpaired, width_ratio FROM paired"
           " WHERE scenario_sha256 = ?1 AND baseline = ?2",
           err, errlen);
  int rc;
  if (!q) return -1;
  sqlite3_bind_int64(q, 2, baseline);
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    compare_cell *x = cell_of(c, q);
    if (!x) continue;
    x->npaired = (long)sqlite3_column_int64(q, 2);
    x->diff = col(q, 3);
    x->diff_ci95 = col(q, 4);
    x->diff_ci95_unpaired = col(q, 5);
    x->ratio = col(q, 6);
  }
  return done(st, q, rc, err, errlen);
}

static int read_risk(store *st, compare_data *c, char *err, size_t errlen) {
  char sql[512] = "SELECT point";
  for (int k = 0; k < COMPARE_NRISK; k++) {
    size_t n = strlen(sql);
    snprintf(sql + n, sizeof sql - n, ", %s", compare_risk_cols[k]);
  }
  size_t n = strlen(sql);
  snprintf(sql + n, sizeof sql - n, " FROM risk WHERE scenario_sha256 = ?1");
  sqlite3_stmt *q = prep(st, c, sql, err, errlen);
  int rc;
  if (!q) return -1;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    long p = compare_point_index(c, (long)sqlite3_column_int64(q, 0));
    for (int k = 0; p >= 0 && k < COMPARE_NRISK; k++)
      c->risk[(size_t)p * COMPARE_NRISK + (size_t)k] = col(q, k + 1);
  }
  return done(st, q, rc, err, errlen);
}

int compare_read_cells(store *st, compare_data *c, const char *const *pat, size_t npat,
                       int optional, long baseline, char *err, size_t errlen) {
  if (resolve_metrics(st, c, pat, npat, optional, err, errlen)) return -1;
  if (!(c->cells = calloc(c->npoint * c->nmetric + 1, sizeof *c->cells)) ||
      !(c->risk = malloc((c->npoint * COMPARE_NRISK + 1) * sizeof *c->risk)))
    return err_set(err, errlen, "out of memory");
  for (size_t i = 0; i < c->npoint * c->nmetric; i++)
    c->cells[i] = (compare_cell){.mean = NAN,
                                 .sd = NAN,
                                 .ci95 = NAN,
                                 .diff = NAN,
                                 .diff_ci95 = NAN,
                                 .diff_ci95_unpaired = NAN,
                                 .ratio = NAN};
  for (size_t i = 0; i < c->npoint * COMPARE_NRISK; i++) c->risk[i] = NAN;
  if (c->nmetric && (read_summary(st, c, err, errlen) || read_paired(st, c, baseline, err, errlen)))
    return -1;
  return read_risk(st, c, err, errlen);
}

void compare_data_free(compare_data *c) {
  if (!c) return;
  free_strs(c->metric, c->nmetric);
  free_strs(c->key, c->nkey);
  for (size_t i = 0; c->keyval && i < c->npoint * c->nkey; i++) free(c->keyval[i]);
  free(c->keyval);
  free(c->point);
  free(c->cells);
  free(c->risk);
  memset(c, 0, sizeof *c);
}
