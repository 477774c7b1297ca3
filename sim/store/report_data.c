/*
** report_data.c -- the reads of `neosim report`: points, series statistics
** per (point, time), metric values, shocks.
*/
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "grow.h"
#include "invariant.h"
#include "report_data.h"
#include "stats.h"
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
static const char param_sql[] =
    "SELECT p.value FROM runs r JOIN params p ON p.run_id = r.id AND p.name = ?2"
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

/* The value of param name of the first done run into *out (NULL: none). */
static int first_param(sqlite3 *db, const char *file, const char *sha, const char *name, char **out,
                       char *err, size_t errlen) {
  int bad = 0, rc;
  sqlite3_stmt *q = prepare(db, param_sql, sha);
  *out = NULL;
  if (!q || sqlite3_bind_text(q, 2, name, -1, SQLITE_STATIC) != SQLITE_OK) {
    sqlite3_finalize(q);
    return db_fail(db, file, "params", err, errlen);
  }
  if ((rc = sqlite3_step(q)) == SQLITE_ROW) *out = col_str(q, 0, &bad);
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, file, "params", err, errlen);
  return bad ? oom(file, err, errlen) : 0;
}

int report_read_param(store *st, const char *sha, const char *name, char **out, char *err,
                      size_t errlen) {
  return first_param(store_db(st), store_path(st), sha, name, out, err, errlen);
}

/* start, path, created_at, finished_at. */
static int read_scenario(sqlite3 *db, const char *file, const char *sha, report_info *in, char *err,
                         size_t errlen) {
  int bad = 0, rc;
  sqlite3_stmt *q;
  if (first_param(db, file, sha, "start", &in->start, err, errlen)) return -1;
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

/* The scan of the series takes two threads from this many done runs a half. */
#define REPORT_SPLIT_RUNS 500

double report_quantile(const double *x, size_t n, double p) {
  NEO_ASSERT(n >= 1 && p >= 0 && p <= 1);
  double h = (double)(n - 1) * p;
  size_t i = (size_t)floor(h);
  if (i + 1 >= n) return x[n - 1];
  return x[i] + (h - (double)i) * (x[i + 1] - x[i]);
}

/* The values of a curve at one time, of the point being read. */
typedef struct bucket {
  double t;
  double *v;
  size_t n, cap;
} bucket;

/* A curve's buckets in time order (n in use; those beyond keep their
** arrays for the next point). */
typedef struct curve_acc {
  bucket *b;
  size_t n, cap;
} curve_acc;

/* Add v at t to curve a; *guess: the bucket of the last value (a run's
** times come in order).  0 or -1 (memory). */
static int curve_add(curve_acc *a, double t, double v, size_t *guess) {
  size_t i = *guess < a->n && a->b[*guess].t == t           ? *guess
             : *guess + 1 < a->n && a->b[*guess + 1].t == t ? *guess + 1
                                                            : a->n;
  if (i == a->n) { /* a binary search, then a new bucket if none */
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (a->b[mid].t < t) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
    if (i == a->n || a->b[i].t != t) {
      size_t old = a->cap;
      if (grow_array((void **)&a->b, &a->cap, a->n + 1, sizeof *a->b)) return -1;
      memset(a->b + old, 0, (a->cap - old) * sizeof *a->b);
      bucket spare = a->b[a->n];
      memmove(&a->b[i + 1], &a->b[i], (a->n - i) * sizeof *a->b);
      a->b[i] = (bucket){.t = t, .v = spare.v, .cap = spare.cap};
      a->n++;
    }
  }
  bucket *b = &a->b[i];
  *guess = i;
  if (grow_array((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v)) return -1;
  b->v[b->n++] = v;
  return 0;
}

static void curve_acc_free(curve_acc *a) {
  for (size_t i = 0; i < a->cap; i++) free(a->b[i].v);
  free(a->b);
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

/* Turn the values of point p (acc[0..nnames)) into its curves, and empty
** acc; 0 or -1 (memory). */
static int flush_point(curve_acc *acc, size_t nnames, int p, int npoints, report_curve *out) {
  for (size_t k = 0; k < nnames; k++) {
    curve_acc *a = &acc[k];
    report_curve *c = &out[k * (size_t)npoints + (size_t)p];
    if (a->n && !(c->at = malloc(a->n * sizeof *c->at))) return -1;
    for (size_t i = 0; i < a->n; i++) {
      bucket *b = &a->b[i];
      stats_sort(b->v, b->n);
      c->at[c->n++] = stat_of(b->t, b->v, b->n);
      b->n = 0;
    }
    a->n = 0;
  }
  return 0;
}

static size_t name_index(const char *const *names, size_t nnames, const char *name) {
  for (size_t k = 0; k < nnames; k++)
    if (strcmp(names[k], name) == 0) return k;
  return nnames;
}

/* What a series name is to the scan: its curve (or nnames), its statement
** line (or -1), and whether it is a statement series (is.*, bs.*, cf.*:
** the months of the statements are their sample times). */
typedef struct name_use {
  sqlite3_int64 id;
  size_t curve;
  long line;
  int stmt;
} name_use;

static int use_cmp(const void *a, const void *b) {
  const name_use *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}

/* A run's figure of a statement line in a year: a flow sums its months, a
** balance is its value at the year's last month (the view's rules). */
typedef struct year_line {
  int seen, any; /* a row of the line this year; one that is not NULL */
  double sum, last;
} year_line;

/* One run's figure of a line and year, kept for the median of its point. */
typedef struct figure {
  size_t year, line;
  double v;
} figure;

/* One median: of line k of a point's year. */
typedef struct stmt_median {
  int point;
  size_t line, year;
  long runs;
  double median;
} stmt_median;

typedef struct series_scan {
  const char *const *names; /* the curves */
  size_t nnames;
  size_t nlines; /* statement lines; 0: no statements */
  int npoints;
  report_curve *out;
  name_use *use; /* by id */
  size_t nuse;
  curve_acc *acc; /* [nnames]: the curves' values of the point being read */
  size_t *tguess; /* [nnames]: curve_add's guesses */
  year_line *yl;  /* the run being read: [year * nlines + line] */
  size_t capyl;
  long month; /* its statement month, -1 before the first */
  double month_t;
  figure *fig; /* the figures of the point being read */
  size_t nfig, capfig;
  double *buf; /* the figures by line and year, for their medians */
  size_t capbuf;
  size_t *end; /* [year * nlines + line]: where its figures end in buf */
  size_t capend;
  stmt_median *med; /* every point's medians */
  size_t nmed, capmed, maxyear;
  int *balance; /* [line]: a balance (bs.*) */
} series_scan;

/* The ids of the names the scan wants. */
static int read_uses(sqlite3 *db, series_scan *x, const char *const *lines) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id, name FROM series_names", -1, &q, NULL) != SQLITE_OK)
    return -1;
  int rc;
  size_t cap = 0;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(q, 1);
    if (!name) continue;
    name_use u = {.id = sqlite3_column_int64(q, 0),
                  .curve = name_index(x->names, x->nnames, name),
                  .line = -1,
                  .stmt =
                      x->nlines && (strncmp(name, "is.", 3) == 0 || strncmp(name, "bs.", 3) == 0 ||
                                    strncmp(name, "cf.", 3) == 0)};
    if (u.stmt) u.line = (long)name_index(lines, x->nlines, name);
    if (u.line == (long)x->nlines) u.line = -1;
    if (u.curve == x->nnames && !u.stmt) continue;
    if (grow_array((void **)&x->use, &cap, x->nuse + 1, sizeof *x->use)) {
      rc = SQLITE_NOMEM;
      break;
    }
    x->use[x->nuse++] = u;
  }
  sqlite3_finalize(q);
  if (x->nuse > 1) qsort(x->use, x->nuse, sizeof *x->use, use_cmp);
  return rc == SQLITE_DONE ? 0 : rc == SQLITE_NOMEM ? -2 : -1;
}

/* The run just read: its figures into the point's. */
static int end_run(series_scan *x) {
  size_t years = x->month < 0 ? 0 : (size_t)x->month / 12 + 1;
  for (size_t i = 0; i < years * x->nlines; i++) {
    year_line *c = &x->yl[i];
    double v = x->balance[i % x->nlines] ? c->last : c->any ? c->sum : (double)NAN;
    if (c->seen && !isnan(v)) {
      if (grow_array((void **)&x->fig, &x->capfig, x->nfig + 1, sizeof *x->fig)) return -2;
      x->fig[x->nfig++] = (figure){.year = i / x->nlines, .line = i % x->nlines, .v = v};
    }
  }
  if (years) memset(x->yl, 0, years * x->nlines * sizeof *x->yl);
  x->month = -1;
  return 0;
}

/* Figure i's line and year as one index, year * nlines + line. */
static size_t group_of(const series_scan *x, size_t i) {
  return x->fig[i].year * x->nlines + x->fig[i].line;
}

/* The point just read: its curves and its statements' medians; 0 or -1
** (memory). */
static int end_point(series_scan *x, int p) {
  if (flush_point(x->acc, x->nnames, p, x->npoints, x->out) ||
      grow_array((void **)&x->buf, &x->capbuf, x->nfig + 1, sizeof *x->buf))
    return -1;
  /* a counting sort by (year, line), stable, then each one's values sorted */
  size_t ng = 0, nl = x->nlines;
  for (size_t i = 0; i < x->nfig; i++)
    if (group_of(x, i) + 1 > ng) ng = group_of(x, i) + 1;
  if (grow_array((void **)&x->end, &x->capend, ng + 1, sizeof *x->end)) return -1;
  memset(x->end, 0, (ng + 1) * sizeof *x->end);
  for (size_t i = 0; i < x->nfig; i++) x->end[group_of(x, i) + 1]++;
  for (size_t g = 0; g < ng; g++) x->end[g + 1] += x->end[g]; /* end[g]: where g starts */
  for (size_t i = 0; i < x->nfig; i++) x->buf[x->end[group_of(x, i)]++] = x->fig[i].v;
  for (size_t g = 0, start = 0; g < ng; start = x->end[g++]) {
    size_t n = x->end[g] - start;
    if (n == 0) continue;
    stats_sort(x->buf + start, n);
    if (grow_array((void **)&x->med, &x->capmed, x->nmed + 1, sizeof *x->med)) return -1;
    x->med[x->nmed++] = (stmt_median){.point = p,
                                      .line = g % nl,
                                      .year = g / nl,
                                      .runs = (long)n,
                                      .median = report_quantile(x->buf + start, n, 0.5)};
    if (g / nl > x->maxyear) x->maxyear = g / nl;
  }
  x->nfig = 0;
  return 0;
}

/* A row of a statement series at t of the run being read (v NaN: NULL); -2 on no
** memory, -4 past 1000 years of months. */
static int add_statement(series_scan *x, const name_use *u, double t, double v) {
  if (x->month < 0 || t != x->month_t) { /* the months are the run's distinct times */
    x->month++;
    x->month_t = t;
  }
  size_t y = (size_t)x->month / 12;
  if (y > STORE_MAX_DAYS / 365) return -4;
  size_t old = x->capyl;
  if (grow_array((void **)&x->yl, &x->capyl, (y + 1) * x->nlines, sizeof *x->yl)) return -2;
  memset(x->yl + old, 0, (x->capyl - old) * sizeof *x->yl);
  if (u->line < 0) return 0;
  year_line *c = &x->yl[y * x->nlines + (size_t)u->line];
  c->seen = 1;
  c->last = v;
  if (!isnan(v)) { /* NULL */
    c->any = 1;
    c->sum += v;
  }
  return 0;
}

/* The version's done runs, point by point, then each run's series in time
** order (the runs' index and series_data's key give both orders: no sort). */
static const char runs_sql[] =
    "SELECT id, point FROM runs WHERE scenario_sha256 = ?1 AND status = 'done'"
    " AND point >= ?2 AND point < ?3 ORDER BY point, replication";
static const char run_series_sql[] =
    "SELECT t_days, name_id, value FROM series_data WHERE run_id = ?1 ORDER BY t_days, name_id";

/* The use of name id, or NULL; *guess: where the last one was (a run's
** rows repeat the same names in the same order). */
static const name_use *use_of(const series_scan *x, sqlite3_int64 id, size_t *guess) {
  size_t g = *guess + 1 < x->nuse ? *guess + 1 : 0;
  if (x->nuse && x->use[g].id == id) {
    *guess = g;
    return &x->use[g];
  }
  name_use key = {.id = id};
  const name_use *u = bsearch(&key, x->use, x->nuse, sizeof key, use_cmp);
  if (u) *guess = (size_t)(u - x->use);
  return u;
}

/* The rows of one run (q, bound); 0, -1 (SQLite), -2 (memory), -3 (an
** invalid row, said in err) or -4 (too many months). */
static int scan_run(sqlite3_stmt *q, series_scan *x, const char *file, char *err, size_t errlen) {
  int rc, bad = 0;
  size_t guess = 0;
  while (!bad && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    /* the row's values through sqlite3_value_*: two calls a column fewer */
    const name_use *u = use_of(x, sqlite3_value_int64(sqlite3_column_value(q, 1)), &guess);
    if (!u) continue;
    sqlite3_value *tv = sqlite3_column_value(q, 0), *vv = sqlite3_column_value(q, 2);
    int tt = sqlite3_value_type(tv), vt = sqlite3_value_type(vv);
    double t = sqlite3_value_double(tv),
           v = vt == SQLITE_NULL ? (double)NAN : sqlite3_value_double(vv);
    if ((tt != SQLITE_FLOAT && tt != SQLITE_INTEGER) || !(fabs(t) <= STORE_MAX_DAYS) ||
        (vt != SQLITE_FLOAT && vt != SQLITE_INTEGER && vt != SQLITE_NULL)) {
      bad = invalid(file,
                    "a row of series has no name, a time that is not a day within 1000 years of "
                    "the start, or a value that is not a number",
                    err, errlen) -
            2;
      break;
    }
    if (u->curve < x->nnames && vt != SQLITE_NULL) {
      if (curve_add(&x->acc[u->curve], t, v, &x->tguess[u->curve])) return -2;
    }
    if (u->stmt) bad = add_statement(x, u, t, v);
  }
  if (bad) return bad;
  return rc == SQLITE_DONE ? end_run(x) : -1;
}

/* Every run of the version at points [p0, p1); 0, -1, -2 or -3 (said in err). */
static int scan_runs(sqlite3 *db, const char *sha, int p0, int p1, series_scan *x, const char *file,
                     char *err, size_t errlen) {
  sqlite3_stmt *runs = prepare(db, runs_sql, sha), *q = NULL;
  int rc = runs && sqlite3_bind_int(runs, 2, p0) == SQLITE_OK &&
                   sqlite3_bind_int(runs, 3, p1) == SQLITE_OK &&
                   sqlite3_prepare_v2(db, run_series_sql, -1, &q, NULL) == SQLITE_OK
               ? 0
               : -1,
      cur = -1, step = SQLITE_DONE;
  if (rc == 0 && !(x->acc = calloc(x->nnames + 1, sizeof *x->acc))) rc = -2;
  if (rc == 0 && !(x->tguess = calloc(x->nnames + 1, sizeof *x->tguess))) rc = -2;
  while (rc == 0 && (step = sqlite3_step(runs)) == SQLITE_ROW) {
    int p = sqlite3_column_int(runs, 1);
    if (p < 0 || p >= x->npoints) continue;
    if (cur >= 0 && p != cur && end_point(x, cur)) rc = -2;
    cur = p;
    sqlite3_reset(q);
    if (rc == 0 && sqlite3_bind_int64(q, 1, sqlite3_column_int64(runs, 0)) != SQLITE_OK) rc = -1;
    if (rc == 0) rc = scan_run(q, x, file, err, errlen);
  }
  if (rc == 0 && step != SQLITE_DONE) rc = -1;
  if (rc == 0 && cur >= 0 && end_point(x, cur)) rc = -2;
  if (rc == -4)
    rc = invalid(file, "a run has more than 12 monthly samples a year over 1000 years", err,
                 errlen) -
         2;
  sqlite3_finalize(q);
  sqlite3_finalize(runs);
  return rc;
}

/* The buffers of a scan (not what it shares). */
static void scan_buffers_free(series_scan *x) {
  for (size_t k = 0; x->acc && k < x->nnames; k++) curve_acc_free(&x->acc[k]);
  free(x->acc);
  free(x->tguess);
  free(x->yl);
  free(x->fig);
  free(x->buf);
  free(x->end);
  free(x->med);
}

/* A part of the scan: the runs of points [p0, p1) on its own connection,
** into its own buffers (x shares the names and the curves, which it fills
** at its points only). */
typedef struct scan_job {
  series_scan x;
  sqlite3 *db;
  const char *sha, *file;
  int p0, p1, rc;
  char err[ERR_LEN];
} scan_job;

static void *scan_job_run(void *arg) {
  scan_job *j = arg;
  j->rc = scan_runs(j->db, j->sha, j->p0, j->p1, &j->x, j->file, j->err, sizeof j->err);
  if (j->rc == -1) db_fail(j->db, j->file, "series", j->err, sizeof j->err);
  if (j->rc == -2) oom(j->file, j->err, sizeof j->err);
  return NULL;
}

/* The point that splits the version's done runs in halves (0: none). */
static int split_point(sqlite3 *db, const char *sha, int npoints) {
  sqlite3_stmt *q = prepare(db,
                            "SELECT point, count(*) FROM runs WHERE scenario_sha256 = ?1 AND"
                            " status = 'done' GROUP BY point ORDER BY point",
                            sha);
  long total = 0, half = 0;
  int at = 0;
  for (int pass = 0; q && pass < 2; pass++) {
    while (sqlite3_step(q) == SQLITE_ROW) {
      sqlite3_int64 p = sqlite3_column_int64(q, 0), n = sqlite3_column_int64(q, 1);
      if (pass == 0) total += (long)n;
      else if ((half += (long)n) * 2 >= total) {
        at = p + 1 < npoints ? (int)p + 1 : 0;
        break;
      }
    }
    sqlite3_reset(q);
  }
  sqlite3_finalize(q);
  return total >= 2 * REPORT_SPLIT_RUNS ? at : 0;
}

/* The scan in two threads when the machine has two cores (or the
** environment's NEOSIM_READ_THREADS says 2 or more) and the version enough
** runs, else in one.  Every point is read whole by one of them: the
** figures do not depend on the split. */
static int scan_all(store *st, const char *sha, series_scan *x, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *env = getenv("NEOSIM_READ_THREADS");
  long cpus = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
  int split = cpus >= 2 ? split_point(db, sha, x->npoints) : 0;
  scan_job job[2] = {{.x = *x, .db = db, .sha = sha, .file = store_path(st), .p1 = x->npoints},
                     {.x = *x, .sha = sha, .file = store_path(st), .p0 = split, .p1 = x->npoints}};
  pthread_t t;
  int threaded = split > 0 && (job[1].db = store_db_another(st)) != NULL &&
                 pthread_create(&t, NULL, scan_job_run, &job[1]) == 0;
  if (threaded) job[0].p1 = split;
  scan_job_run(&job[0]);
  if (threaded) pthread_join(t, NULL);
  sqlite3_close(job[1].db);
  int rc = 0;
  for (int i = 0; i < 1 + threaded; i++) {
    if (job[i].rc && !rc) {
      rc = job[i].rc;
      snprintf(err, errlen, "%s", job[i].err);
    }
    if (i == 0) {
      *x = job[0].x;
      continue;
    }
    /* the second part's medians after the first's */
    if (!rc && grow_array((void **)&x->med, &x->capmed, x->nmed + job[1].x.nmed, sizeof *x->med)) {
      rc = -2;
      oom(store_path(st), err, errlen);
    }
    if (!rc) {
      if (job[1].x.nmed) memcpy(x->med + x->nmed, job[1].x.med, job[1].x.nmed * sizeof *x->med);
      x->nmed += job[1].x.nmed;
      if (job[1].x.maxyear > x->maxyear) x->maxyear = job[1].x.maxyear;
    }
    scan_buffers_free(&job[1].x);
  }
  return rc;
}

/* The medians into out. */
static int fill_statements(const series_scan *x, report_statements *out) {
  if (x->nmed == 0) return 0;
  size_t ny = x->maxyear + 1, np = (size_t)x->npoints, nl = x->nlines;
  out->median = malloc(np * nl * ny * sizeof *out->median);
  out->runs = calloc(np * ny, sizeof *out->runs);
  if (!out->median || !out->runs) return -1;
  out->nlines = nl;
  out->nyears = ny;
  for (size_t i = 0; i < np * nl * ny; i++) out->median[i] = NAN;
  for (size_t i = 0; i < x->nmed; i++) {
    const stmt_median *m = &x->med[i];
    size_t p = (size_t)m->point;
    out->median[(p * nl + m->line) * ny + m->year] = m->median;
    if (m->runs > out->runs[p * ny + m->year]) out->runs[p * ny + m->year] = m->runs;
  }
  return 0;
}

int report_read_series_statements(store *st, const char *sha, const char *const *names,
                                  size_t nnames, const char *const *lines, size_t nlines,
                                  int npoints, report_curve *curves, report_statements *stmts,
                                  char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  size_t ncurves = nnames * (size_t)npoints;
  if (curves) memset(curves, 0, ncurves * sizeof *curves);
  if (stmts) memset(stmts, 0, sizeof *stmts);
  series_scan x = {.names = names,
                   .nnames = curves ? nnames : 0,
                   .nlines = stmts ? nlines : 0,
                   .npoints = npoints,
                   .out = curves,
                   .month = -1,
                   .balance = calloc(nlines + 1, sizeof *x.balance)};
  for (size_t l = 0; x.balance && l < x.nlines; l++)
    x.balance[l] = strncmp(lines[l], "bs.", 3) == 0;
  int rc = x.balance ? read_uses(db, &x, lines) : -2;
  if (rc == -1) db_fail(db, file, "series", err, errlen);
  else if (rc) oom(file, err, errlen);
  else if (x.nuse) rc = scan_all(st, sha, &x, err, errlen); /* says why itself */
  if (rc == 0 && stmts && fill_statements(&x, stmts)) rc = oom(file, err, errlen);
  free(x.balance);
  free(x.use);
  scan_buffers_free(&x);
  if (rc) {
    if (curves) report_curves_free(curves, ncurves);
    if (stmts) report_statements_free(stmts);
  }
  return rc ? -1 : 0;
}

int report_read_series(store *st, const char *sha, const char *const *names, size_t nnames,
                       int npoints, report_curve *out, char *err, size_t errlen) {
  return report_read_series_statements(st, sha, names, nnames, NULL, 0, npoints, out, NULL, err,
                                       errlen);
}

int report_read_statements(store *st, const char *sha, const char *const *lines, size_t nlines,
                           int npoints, report_statements *out, char *err, size_t errlen) {
  return report_read_series_statements(st, sha, NULL, 0, lines, nlines, npoints, NULL, out, err,
                                       errlen);
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
