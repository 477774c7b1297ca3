/*
** report_data.c -- the reads of `neosim report`: points, series statistics
** per (point, time), metric values, shocks.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "invariant.h"
#include "report_data.h"
#include "store_check.h"

/* ---- helpers ------------------------------------------------------------ */

/* Message "FILE: reading WHAT: sqlite's message"; returns -1. */
static int db_fail(sqlite3 *db, const char *file, const char *what, char *err, size_t errlen) {
  snprintf(err, errlen, "%s: reading %s: %s", file, what, sqlite3_errmsg(db));
  return -1;
}

/* A row that breaks the schema (a crafted or damaged file). */
static int invalid(const char *file, const char *what, char *err, size_t errlen) {
  return err_set(err, errlen, "%s: not a valid neosim results database: %s", file, what);
}

/* A number of days since the start, as the model writes them. */
static int is_day(sqlite3_stmt *q, int i) {
  int type = sqlite3_column_type(q, i);
  double t = sqlite3_column_double(q, i);
  return (type == SQLITE_FLOAT || type == SQLITE_INTEGER) && fabs(t) <= STORE_MAX_DAYS;
}

/* A value of a series or metric: a number or NULL. */
static int is_value(sqlite3_stmt *q, int i) {
  int type = sqlite3_column_type(q, i);
  return type == SQLITE_FLOAT || type == SQLITE_INTEGER || type == SQLITE_NULL;
}

static int oom(const char *file, char *err, size_t errlen) {
  snprintf(err, errlen, "%s: out of memory", file);
  return -1;
}

/* Prepare sql with ?1 bound to sha. */
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, const char *sha) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return NULL;
  if (sqlite3_bind_text(q, 1, sha, -1, SQLITE_STATIC) != SQLITE_OK) {
    sqlite3_finalize(q);
    return NULL;
  }
  return q;
}

/* Column i as a malloc'd string: reals with %.15g (2e7 is "20000000", not
** "20000000.0"), NULL as NULL.  *bad set on no memory. */
static char *col_str(sqlite3_stmt *q, int i, int *bad) {
  char buf[64], *s;
  const char *t = buf;
  switch (sqlite3_column_type(q, i)) {
  case SQLITE_NULL: return NULL;
  case SQLITE_FLOAT: snprintf(buf, sizeof buf, "%.15g", sqlite3_column_double(q, i)); break;
  default: t = (const char *)sqlite3_column_text(q, i);
  }
  if (!t || !(s = strdup(t))) {
    *bad = 1;
    return NULL;
  }
  return s;
}

static double col_real(sqlite3_stmt *q, int i) {
  return sqlite3_column_type(q, i) == SQLITE_NULL ? (double)NAN : sqlite3_column_double(q, i);
}

/* Append ", " (unless first) and s to the malloc'd *list. 0 or -1. */
static int list_add(char **list, const char *s) {
  size_t n = *list ? strlen(*list) : 0, m = strlen(s);
  char *l = realloc(*list, n + m + 3);
  if (!l) return -1;
  if (n) {
    memcpy(l + n, ", ", 2);
    n += 2;
  }
  memcpy(l + n, s, m + 1);
  *list = l;
  return 0;
}

/* The rows of a one-column query as a ", "-separated list ("" if none). */
static int read_list(sqlite3 *db, const char *file, const char *sha, const char *sql,
                     const char *what, char **out, char *err, size_t errlen) {
  sqlite3_stmt *q = prepare(db, sql, sha);
  if (!q) return db_fail(db, file, what, err, errlen);
  char *list = strdup("");
  int rc = SQLITE_DONE, bad = !list;
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    char *s = col_str(q, 0, &bad);
    if (s && list_add(&list, s)) bad = 1;
    free(s);
  }
  if (!bad && rc != SQLITE_DONE) db_fail(db, file, what, err, errlen);
  sqlite3_finalize(q);
  if (bad) oom(file, err, errlen);
  if (bad || rc != SQLITE_DONE) {
    free(list);
    return -1;
  }
  *out = list;
  return 0;
}

/* ---- the version and its points ----------------------------------------- */

static const char points_sql[] =
    "SELECT point, sum(status = 'done'), sum(status = 'failed'), max(replication) + 1"
    " FROM runs WHERE scenario_sha256 = ?1 GROUP BY point ORDER BY point DESC";
static const char params_sql[] =
    "SELECT point, name, value FROM point_params WHERE scenario_sha256 = ?1 ORDER BY point, name";
static const char start_sql[] =
    "SELECT p.value FROM runs r JOIN params p ON p.run_id = r.id AND p.name = 'start'"
    " WHERE r.scenario_sha256 = ?1 AND r.status = 'done' ORDER BY r.point, r.replication LIMIT 1";
static const char scenario_sql[] =
    "SELECT path, created_at, (SELECT max(finished_at) FROM runs WHERE scenario_sha256 = ?1 AND "
    "status = 'done')"
    " FROM scenarios WHERE sha256 = ?1";
static const char seeds_sql[] =
    "SELECT DISTINCT seed FROM runs WHERE scenario_sha256 = ?1 ORDER BY seed";
static const char versions_sql[] =
    "SELECT DISTINCT version FROM runs WHERE scenario_sha256 = ?1 AND version IS NOT NULL ORDER "
    "BY version";

static int read_points(sqlite3 *db, const char *file, const char *sha, report_info *in, char *err,
                       size_t errlen) {
  sqlite3_stmt *q = prepare(db, points_sql, sha);
  int rc, bad = 0;
  if (!q) return db_fail(db, file, "runs", err, errlen);
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    int p = sqlite3_column_int(q, 0);
    if (!in->point) { /* the first row has the largest point */
      if (p < 0 || p >= REPORT_MAX_POINTS) {
        err_set(err, errlen,
                "%s: the version has runs at point %d: a page holds points 0 to %d (compare "
                "reads any number)",
                file, p, REPORT_MAX_POINTS - 1);
        sqlite3_finalize(q);
        return -1;
      }
      if (!(in->point = calloc((size_t)p + 1, sizeof *in->point))) break;
      in->npoints = p + 1;
    }
    if (p < 0 || p >= in->npoints) continue;
    in->point[p].done = sqlite3_column_int64(q, 1);
    in->point[p].failed = sqlite3_column_int64(q, 2);
    in->point[p].reps = sqlite3_column_int64(q, 3);
  }
  bad = rc == SQLITE_ROW; /* stopped by calloc */
  if (bad) oom(file, err, errlen);
  else if (rc != SQLITE_DONE) db_fail(db, file, "runs", err, errlen);
  sqlite3_finalize(q);
  return rc == SQLITE_DONE ? 0 : -1;
}

static int read_params(sqlite3 *db, const char *file, const char *sha, report_info *in, char *err,
                       size_t errlen) {
  sqlite3_stmt *q = prepare(db, params_sql, sha);
  int rc = SQLITE_DONE, bad = 0;
  if (!q) return db_fail(db, file, "point_params", err, errlen);
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    int p = sqlite3_column_int(q, 0);
    if (p < 0 || p >= in->npoints) continue;
    report_point *pt = &in->point[p];
    report_param *np = realloc(pt->param, (pt->nparam + 1) * sizeof *np);
    if (!np) break;
    pt->param = np;
    np[pt->nparam].name = col_str(q, 1, &bad);
    np[pt->nparam].value = col_str(q, 2, &bad);
    pt->nparam++;
  }
  int ok = !bad && rc == SQLITE_DONE;
  if (!ok && rc == SQLITE_ROW) oom(file, err, errlen);
  else if (!ok) db_fail(db, file, "point_params", err, errlen);
  sqlite3_finalize(q);
  return ok ? 0 : -1;
}

/* start, path, created_at, finished_at. */
static int read_scenario(sqlite3 *db, const char *file, const char *sha, report_info *in, char *err,
                         size_t errlen) {
  int bad = 0, rc;
  sqlite3_stmt *q = prepare(db, start_sql, sha);
  if (!q) return db_fail(db, file, "params", err, errlen);
  if ((rc = sqlite3_step(q)) == SQLITE_ROW) in->start = col_str(q, 0, &bad);
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, file, "params", err, errlen);
  if (!(q = prepare(db, scenario_sql, sha))) return db_fail(db, file, "scenarios", err, errlen);
  if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    in->path = col_str(q, 0, &bad);
    in->created_at = col_real(q, 1);
    in->finished_at = col_real(q, 2);
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, file, "scenarios", err, errlen);
  return bad ? oom(file, err, errlen) : 0;
}

int report_read_info(store *st, const char *sha, report_info *out, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  memset(out, 0, sizeof *out);
  out->created_at = out->finished_at = NAN;
  if (read_points(db, file, sha, out, err, errlen) ||
      read_params(db, file, sha, out, err, errlen) ||
      read_scenario(db, file, sha, out, err, errlen) ||
      read_list(db, file, sha, seeds_sql, "runs", &out->seeds, err, errlen) ||
      read_list(db, file, sha, versions_sql, "runs", &out->versions, err, errlen)) {
    report_info_free(out);
    return -1;
  }
  return 0;
}

void report_info_free(report_info *in) {
  if (!in) return;
  for (int p = 0; p < in->npoints; p++) {
    for (size_t i = 0; i < in->point[p].nparam; i++) {
      free(in->point[p].param[i].name);
      free(in->point[p].param[i].value);
    }
    free(in->point[p].param);
  }
  free(in->point);
  free(in->start);
  free(in->path);
  free(in->seeds);
  free(in->versions);
  memset(in, 0, sizeof *in);
}

/* ---- series ------------------------------------------------------------- */

double report_quantile(const double *x, size_t n, double p) {
  NEO_ASSERT(n >= 1 && p >= 0 && p <= 1);
  double h = (double)(n - 1) * p;
  size_t i = (size_t)floor(h);
  if (i + 1 >= n) return x[n - 1];
  return x[i] + (h - (double)i) * (x[i + 1] - x[i]);
}

/* One value of series k at time t (of the point being read). */
typedef struct obs {
  size_t k;
  double t, v;
} obs;

static int obs_cmp(const void *a, const void *b) {
  const obs *x = a, *y = b;
  if (x->k != y->k) return x->k < y->k ? -1 : 1;
  if (x->t != y->t) return x->t < y->t ? -1 : 1;
  return (x->v > y->v) - (x->v < y->v);
}

/* The statistics of values v[0..n) (sorted) at t. */
static report_stat stat_of(double t, const double *v, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; i++) sum += v[i];
  return (report_stat){.t_days = t,
                       .n = (long)n,
                       .mean = sum / (double)n,
                       .q05 = report_quantile(v, n, 0.05),
                       .q25 = report_quantile(v, n, 0.25),
                       .q50 = report_quantile(v, n, 0.50),
                       .q75 = report_quantile(v, n, 0.75),
                       .q95 = report_quantile(v, n, 0.95)};
}

/* Turn the values of point p (o[0..n)) into its curves; 0 or -1 (memory). */
static int flush_point(obs *o, size_t n, int p, int npoints, report_curve *out) {
  double *v = malloc((n ? n : 1) * sizeof *v);
  if (!v) return -1;
  qsort(o, n, sizeof *o, obs_cmp);
  for (size_t i = 0, j; i < n; i = j) {
    for (j = i; j < n && o[j].k == o[i].k && o[j].t == o[i].t; j++) v[j - i] = o[j].v;
    report_curve *c = &out[o[i].k * (size_t)npoints + (size_t)p];
    report_stat *a = realloc(c->at, (c->n + 1) * sizeof *a);
    if (!a) {
      free(v);
      return -1;
    }
    c->at = a;
    a[c->n++] = stat_of(o[i].t, v, j - i);
  }
  free(v);
  return 0;
}

/* "... AND s.name IN (?2, ?3, ...)" for n names. */
static char *series_sql(size_t nnames) {
  static const char head[] =
      "SELECT r.point, s.name, s.t_days, s.value FROM runs r JOIN series s ON s.run_id = r.id"
      " WHERE r.scenario_sha256 = ?1 AND r.status = 'done' AND s.value IS NOT NULL AND s.name IN (";
  char *sql = malloc(sizeof head + nnames * 16 + 32);
  if (!sql) return NULL;
  size_t len = (size_t)sprintf(sql, "%s", head);
  for (size_t k = 0; k < nnames; k++)
    len += (size_t)sprintf(sql + len, "%s?%zu", k ? ", " : "", k + 2);
  strcpy(sql + len, ") ORDER BY r.point");
  return sql;
}

static size_t name_index(const char *const *names, size_t nnames, const char *name) {
  for (size_t k = 0; k < nnames; k++)
    if (strcmp(names[k], name) == 0) return k;
  return nnames;
}

int report_read_series(store *st, const char *sha, const char *const *names, size_t nnames,
                       int npoints, report_curve *out, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  size_t ncurves = nnames * (size_t)npoints, n = 0, cap = 0;
  memset(out, 0, ncurves * sizeof *out);
  if (ncurves == 0) return 0;
  char *sql = series_sql(nnames);
  sqlite3_stmt *q = sql ? prepare(db, sql, sha) : NULL;
  free(sql);
  if (!q) return sql ? db_fail(db, file, "series", err, errlen) : oom(file, err, errlen);
  for (size_t k = 0; k < nnames; k++) sqlite3_bind_text(q, (int)k + 2, names[k], -1, SQLITE_STATIC);
  obs *o = NULL;
  int rc, cur = -1, bad = 0; /* bad: 1 out of memory, 2 an invalid row (said) */
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    int p = sqlite3_column_int(q, 0);
    const char *name = (const char *)sqlite3_column_text(q, 1);
    if (!name || !is_day(q, 2) || !is_value(q, 3)) {
      bad = 2;
      invalid(file,
              "a row of series has no name, a time that is not a day within 1000 years of the "
              "start, or a value that is not a number",
              err, errlen);
      break;
    }
    size_t k = name_index(names, nnames, name);
    if (p < 0 || p >= npoints || k == nnames) continue;
    if (p != cur) { /* rows come by point: the previous one is complete */
      if (cur >= 0 && (bad = flush_point(o, n, cur, npoints, out) ? 1 : 0)) break;
      n = 0;
      cur = p;
    }
    if (n == cap) {
      obs *no = realloc(o, (cap = cap ? 2 * cap : 4096) * sizeof *no);
      if ((bad = !no)) break;
      o = no;
    }
    o[n++] = (obs){k, sqlite3_column_double(q, 2), sqlite3_column_double(q, 3)};
  }
  if (!bad && rc == SQLITE_DONE && cur >= 0) bad = flush_point(o, n, cur, npoints, out) ? 1 : 0;
  int ok = !bad && rc == SQLITE_DONE;
  if (bad == 1) oom(file, err, errlen);
  else if (!ok && !bad) db_fail(db, file, "series", err, errlen);
  sqlite3_finalize(q);
  free(o);
  if (!ok) report_curves_free(out, ncurves);
  return ok ? 0 : -1;
}

void report_curves_free(report_curve *c, size_t n) {
  for (size_t i = 0; c && i < n; i++) {
    free(c[i].at);
    c[i].at = NULL;
    c[i].n = 0;
  }
}

static const char names_sql[] =
    "SELECT DISTINCT name FROM series WHERE run_id = (SELECT id FROM runs WHERE scenario_sha256 = "
    "?1"
    " AND status = 'done' ORDER BY point, replication LIMIT 1) AND substr(name, 1, length(?2)) = "
    "?2 ORDER BY name";

int report_series_names(store *st, const char *sha, const char *prefix, char ***names, size_t *n,
                        char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  sqlite3_stmt *q = prepare(db, names_sql, sha);
  int rc = SQLITE_DONE, bad = 0;
  *names = NULL;
  *n = 0;
  if (!q) return db_fail(db, file, "series", err, errlen);
  sqlite3_bind_text(q, 2, prefix, -1, SQLITE_STATIC);
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    char **nn = realloc(*names, (*n + 1) * sizeof *nn);
    if (!nn) break;
    *names = nn;
    if ((nn[*n] = col_str(q, 0, &bad))) ++*n;
  }
  int ok = !bad && rc == SQLITE_DONE;
  if (!ok && (bad || rc == SQLITE_ROW)) oom(file, err, errlen);
  else if (!ok) db_fail(db, file, "series", err, errlen);
  sqlite3_finalize(q);
  if (!ok) {
    report_names_free(*names, *n);
    *names = NULL;
    *n = 0;
  }
  return ok ? 0 : -1;
}

void report_names_free(char **names, size_t n) {
  for (size_t i = 0; names && i < n; i++) free(names[i]);
  free(names);
}

/* ---- metrics ------------------------------------------------------------ */

static const char metric_sql[] =
    "SELECT r.point, m.value FROM runs r JOIN metrics m ON m.run_id = r.id AND m.name = ?2"
    " WHERE r.scenario_sha256 = ?1 AND r.status = 'done' AND m.value IS NOT NULL ORDER BY "
    "r.point, m.value";

int report_read_metric(store *st, const char *sha, const char *name, int npoints,
                       report_values *out, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  sqlite3_stmt *q = prepare(db, metric_sql, sha);
  int rc = SQLITE_DONE;
  memset(out, 0, (size_t)npoints * sizeof *out);
  if (!q) return db_fail(db, file, "metrics", err, errlen);
  sqlite3_bind_text(q, 2, name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    int p = sqlite3_column_int(q, 0);
    if (p < 0 || p >= npoints) continue;
    report_values *v = &out[p];
    if ((v->n & (v->n - 1)) == 0) { /* grow at powers of two */
      double *nv = realloc(v->v, (v->n ? 2 * v->n : 1) * sizeof *nv);
      if (!nv) break;
      v->v = nv;
    }
    v->v[v->n++] = sqlite3_column_double(q, 1);
  }
  if (rc == SQLITE_ROW) oom(file, err, errlen);
  else if (rc != SQLITE_DONE) db_fail(db, file, "metrics", err, errlen);
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) report_values_free(out, (size_t)npoints);
  return rc == SQLITE_DONE ? 0 : -1;
}

void report_values_free(report_values *v, size_t n) {
  for (size_t i = 0; v && i < n; i++) {
    free(v[i].v);
    v[i].v = NULL;
    v[i].n = 0;
  }
}

/* ---- statements by year -------------------------------------------------- */

/* A run's figure of each statement line and year; sorted by point, year,
** line, figure. */
static const char statements_sql[] =
    "WITH s AS ("
    " SELECT r.point, r.id AS run, s.t_days, s.name, s.value,"
    "  dense_rank() OVER (PARTITION BY r.id ORDER BY s.t_days) - 1 AS month"
    " FROM runs r JOIN series s ON s.run_id = r.id"
    " WHERE r.scenario_sha256 = ?1 AND r.status = 'done'"
    "  AND (s.name GLOB 'is.*' OR s.name GLOB 'bs.*' OR s.name GLOB 'cf.*')"
    "), y AS ("
    " SELECT point, run, month / 12 AS year, name, sum(value) AS flow, max(t_days), value AS last"
    " FROM s GROUP BY run, month / 12, name"
    ")"
    " SELECT point, year, name, CASE WHEN name GLOB 'bs.*' THEN last ELSE flow END AS v"
    " FROM y WHERE v IS NOT NULL ORDER BY point, year, name, v";

/* One median: of line k of a point's year. */
typedef struct stmt_median {
  int point;
  size_t line, year;
  long runs;
  double median;
} stmt_median;

static long find_line(const char *const *lines, size_t nlines, const char *name) {
  for (size_t k = 0; k < nlines; k++)
    if (strcmp(lines[k], name) == 0) return (long)k;
  return -1;
}

/* Read the medians into a list: *out (*n entries), the largest year in *maxyear. */
static int read_medians(sqlite3_stmt *q, const char *const *lines, size_t nlines, int npoints,
                        stmt_median **out, size_t *n, size_t *maxyear) {
  double *v = NULL;
  size_t nv = 0, capv = 0, cap = 0;
  stmt_median cur = {.point = -1};
  int rc, nomem = 0;
  for (;;) {
    rc = sqlite3_step(q);
    int point = -1;
    size_t year = 0;
    long line = -1;
    if (rc == SQLITE_ROW) {
      point = sqlite3_column_int(q, 0);
      sqlite3_int64 y = sqlite3_column_int64(q, 1);
      const char *name = (const char *)sqlite3_column_text(q, 2);
      if (y < 0 || y > STORE_MAX_DAYS / 365 || !name || !is_value(q, 3)) {
        rc = SQLITE_MISMATCH; /* a run with more than 12 samples a year for 1000 years */
        break;
      }
      year = (size_t)y;
      line = find_line(lines, nlines, name);
      if (point < 0 || point >= npoints || line < 0) continue;
    }
    if (nv && (rc != SQLITE_ROW || point != cur.point || year != cur.year ||
               (size_t)line != cur.line)) { /* a group ends: its median */
      if (*n == cap) {
        stmt_median *no = realloc(*out, (cap = cap ? 2 * cap : 64) * sizeof *no);
        if ((nomem = !no)) break;
        *out = no;
      }
      cur.runs = (long)nv;
      cur.median = report_quantile(v, nv, 0.5);
      (*out)[(*n)++] = cur;
      *maxyear = cur.year > *maxyear ? cur.year : *maxyear;
      nv = 0;
    }
    if (rc != SQLITE_ROW) break;
    if (nv == capv) {
      double *nw = realloc(v, (capv = capv ? 2 * capv : 64) * sizeof *nw);
      if ((nomem = !nw)) break;
      v = nw;
    }
    cur = (stmt_median){.point = point, .line = (size_t)line, .year = year};
    v[nv++] = sqlite3_column_double(q, 3);
  }
  free(v);
  if (nomem) return -2;
  return rc == SQLITE_MISMATCH ? -3 : rc == SQLITE_DONE ? 0 : -1; /* -3: an invalid row */
}

int report_read_statements(store *st, const char *sha, const char *const *lines, size_t nlines,
                           int npoints, report_statements *out, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  sqlite3_stmt *q = prepare(db, statements_sql, sha);
  stmt_median *m = NULL;
  size_t n = 0, maxyear = 0;
  memset(out, 0, sizeof *out);
  if (!q) return db_fail(db, file, "statements", err, errlen);
  int rc = read_medians(q, lines, nlines, npoints, &m, &n, &maxyear);
  if (rc == -1) db_fail(db, file, "statements", err, errlen);
  if (rc == -3)
    invalid(file,
            "a run has more than 12 monthly samples a year over 1000 years, or a value of "
            "its statements that is not a number",
            err, errlen);
  sqlite3_finalize(q);
  if (rc == 0 && n > 0) {
    size_t ny = maxyear + 1, np = (size_t)npoints;
    out->median = malloc(np * nlines * ny * sizeof *out->median);
    out->runs = calloc(np * ny, sizeof *out->runs);
    if (out->median && out->runs) {
      out->nlines = nlines;
      out->nyears = ny;
      for (size_t i = 0; i < np * nlines * ny; i++) out->median[i] = NAN;
      for (size_t i = 0; i < n; i++) {
        size_t p = (size_t)m[i].point;
        out->median[(p * nlines + m[i].line) * ny + m[i].year] = m[i].median;
        if (m[i].runs > out->runs[p * ny + m[i].year]) out->runs[p * ny + m[i].year] = m[i].runs;
      }
    } else {
      rc = -2;
    }
  }
  free(m);
  if (rc == -2) oom(file, err, errlen);
  if (rc) report_statements_free(out);
  return rc ? -1 : 0;
}

void report_statements_free(report_statements *s) {
  if (!s) return;
  free(s->median);
  free(s->runs);
  memset(s, 0, sizeof *s);
}

/* ---- failures ----------------------------------------------------------- */

static const char failures_sql[] =
    "SELECT coalesce(error, ''), count(*) FROM runs WHERE scenario_sha256 = ?1 AND status = "
    "'failed'"
    " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?2";

int report_read_failures(store *st, const char *sha, size_t max, report_failure **out, size_t *n,
                         char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  sqlite3_stmt *q = prepare(db, failures_sql, sha);
  int rc = SQLITE_DONE, bad = 0;
  *out = NULL;
  *n = 0;
  if (!q) return db_fail(db, file, "runs", err, errlen);
  sqlite3_bind_int64(q, 2, (sqlite3_int64)max);
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    report_failure *nf = realloc(*out, (*n + 1) * sizeof *nf);
    if (!nf) break;
    *out = nf;
    nf[*n] = (report_failure){col_str(q, 0, &bad), sqlite3_column_int64(q, 1)};
    if (nf[*n].error) ++*n;
  }
  int ok = !bad && rc == SQLITE_DONE;
  if (!ok && (bad || rc == SQLITE_ROW)) oom(file, err, errlen);
  else if (!ok) db_fail(db, file, "runs", err, errlen);
  sqlite3_finalize(q);
  if (!ok) {
    report_failures_free(*out, *n);
    *out = NULL;
    *n = 0;
  }
  return ok ? 0 : -1;
}

void report_failures_free(report_failure *f, size_t n) {
  for (size_t i = 0; f && i < n; i++) free(f[i].error);
  free(f);
}

/* ---- shocks ------------------------------------------------------------- */

static const char rep_sql[] =
    "SELECT id, point, replication, (SELECT count(*) FROM runs WHERE scenario_sha256 = ?1 AND "
    "status = 'done')"
    " FROM runs WHERE scenario_sha256 = ?1 AND status = 'done' ORDER BY point, replication LIMIT 1";
static const char rep_events_sql[] =
    "SELECT t_days, kind, subject, detail FROM events WHERE run_id = ?2 AND kind IN ('shock', "
    "'shock_end')"
    " ORDER BY t_days, rowid";
static const char shock_counts_sql[] =
    "SELECT e.subject, count(*), count(DISTINCT e.run_id), min(e.t_days), max(e.t_days)"
    " FROM runs r JOIN events e ON e.run_id = r.id"
    " WHERE r.scenario_sha256 = ?1 AND r.status = 'done' AND e.kind = 'shock' GROUP BY e.subject "
    "ORDER BY e.subject";

/* A shock event of the representative run: a hit opens a span, an end
** closes the earliest open one of that name. */
static int add_shock_event(report_shocks *s, sqlite3_stmt *q) {
  const char *kind = (const char *)sqlite3_column_text(q, 1),
             *name = (const char *)sqlite3_column_text(q, 2);
  double t = sqlite3_column_double(q, 0);
  int bad = 0;
  if (!kind || !name || !is_day(q, 0)) return -3;
  if (kind && name && strcmp(kind, "shock_end") == 0) {
    for (size_t i = 0; i < s->n; i++)
      if (isinf(s->s[i].t1) && strcmp(s->s[i].name, name) == 0) {
        s->s[i].t1 = t;
        return 0;
      }
    return 0;
  }
  report_shock *ns = realloc(s->s, (s->n + 1) * sizeof *ns);
  if (!ns) return -1;
  s->s = ns;
  ns[s->n] = (report_shock){
      .t0 = t, .t1 = INFINITY, .name = col_str(q, 2, &bad), .detail = col_str(q, 3, &bad)};
  s->n++;
  return bad || !ns[s->n - 1].name ? -1 : 0;
}

static int read_rep_shocks(sqlite3 *db, const char *file, const char *sha, report_shocks *out,
                           char *err, size_t errlen) {
  sqlite3_stmt *q = prepare(db, rep_sql, sha);
  int rc, bad = 0;
  if (!q) return db_fail(db, file, "runs", err, errlen);
  sqlite3_int64 id = -1;
  if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    id = sqlite3_column_int64(q, 0);
    out->point = sqlite3_column_int(q, 1);
    out->rep = sqlite3_column_int(q, 2);
    out->runs = sqlite3_column_int64(q, 3);
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, file, "runs", err, errlen);
  if (id < 0) return 0;
  if (!(q = prepare(db, rep_events_sql, sha))) return db_fail(db, file, "events", err, errlen);
  sqlite3_bind_int64(q, 2, id);
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) bad = add_shock_event(out, q);
  sqlite3_finalize(q);
  if (bad == -3)
    return invalid(file, "an event of a shock has no name or a time that is not a day", err,
                   errlen);
  if (bad) return oom(file, err, errlen);
  return rc == SQLITE_DONE ? 0 : db_fail(db, file, "events", err, errlen);
}

static int read_shock_counts(sqlite3 *db, const char *file, const char *sha, report_shocks *out,
                             char *err, size_t errlen) {
  sqlite3_stmt *q = prepare(db, shock_counts_sql, sha);
  int rc = SQLITE_DONE, bad = 0;
  if (!q) return db_fail(db, file, "events", err, errlen);
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (sqlite3_column_type(q, 0) == SQLITE_NULL || !is_day(q, 3) || !is_day(q, 4)) {
      sqlite3_finalize(q);
      return invalid(file, "an event of a shock has no name or a time that is not a day", err,
                     errlen);
    }
    report_shock_count *nc = realloc(out->c, (out->nc + 1) * sizeof *nc);
    if (!nc) break;
    out->c = nc;
    nc[out->nc] = (report_shock_count){.name = col_str(q, 0, &bad),
                                       .hits = sqlite3_column_int64(q, 1),
                                       .runs = sqlite3_column_int64(q, 2),
                                       .first = sqlite3_column_double(q, 3),
                                       .last = sqlite3_column_double(q, 4)};
    bad |= !nc[out->nc++].name;
  }
  int ok = !bad && rc == SQLITE_DONE;
  if (!ok && (bad || rc == SQLITE_ROW)) oom(file, err, errlen);
  else if (!ok) db_fail(db, file, "events", err, errlen);
  sqlite3_finalize(q);
  return ok ? 0 : -1;
}

int report_read_shocks(store *st, const char *sha, report_shocks *out, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  memset(out, 0, sizeof *out);
  out->point = out->rep = -1;
  if (read_rep_shocks(db, file, sha, out, err, errlen) ||
      read_shock_counts(db, file, sha, out, err, errlen)) {
    report_shocks_free(out);
    return -1;
  }
  return 0;
}

void report_shocks_free(report_shocks *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) {
    free(s->s[i].name);
    free(s->s[i].detail);
  }
  for (size_t i = 0; i < s->nc; i++) free(s->c[i].name);
  free(s->s);
  free(s->c);
  memset(s, 0, sizeof *s);
}
