/*
** compare_data.c -- the reads of `neosim compare`: the points and their
** swept values (view point_params), then one scan of the version's metric
** values from which the figures of the views summary, paired and risk are
** computed (stats.h), as the views define them, in a fraction of the time.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_data.h"
#include "err.h"
#include "grow.h"
#include "stats.h"
#include "store_names.h"

const char *const compare_risk_cols[] = {
    "n",           "p_default",   "p_default_lo",   "p_default_hi",    "p_breach",
    "p_breach_lo", "p_breach_hi", "cash_min_var05", "cash_min_cvar05", "npv_var05",
    "npv_cvar05",  "p_payback",   "payback_p10",    "payback_p50",     "payback_p90"};
_Static_assert(sizeof compare_risk_cols / sizeof *compare_risk_cols == COMPARE_NRISK,
               "every risk column named");

/* A statement of the version's figures: sql with ?1, if any, bound to its SHA-256. */
static sqlite3_stmt *prep(store *st, const compare_data *c, const char *sql, char *err,
                          size_t errlen) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL) == SQLITE_OK &&
      (sqlite3_bind_parameter_count(q) == 0 ||
       sqlite3_bind_text(q, 1, c->v.sha256, -1, SQLITE_STATIC) == SQLITE_OK))
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

/* Keep only the points of only[0..n) (each must have runs), in point order. */
static int keep_points(store *st, compare_data *c, const long *only, size_t n, char *err,
                       size_t errlen) {
  size_t m = 0;
  for (size_t i = 0; i < c->npoint; i++) {
    int keep = 0;
    for (size_t j = 0; j < n; j++) keep |= only[j] == c->point[i];
    if (keep) c->point[m++] = c->point[i];
  }
  for (size_t j = 0; j < n; j++)
    if (compare_point_index(c, only[j]) < 0 || m == 0)
      return err_set(err, errlen, "%s has no runs of point %ld of '%s' (points %ld to %ld)",
                     store_path(st), only[j], c->v.name, c->npoint ? c->point[0] : 0L,
                     c->npoint ? c->point[c->npoint - 1] : 0L);
  c->npoint = m;
  return 0;
}

int compare_read_points(store *st, const char *want, const long *only, size_t nonly,
                        compare_data *c, char *err, size_t errlen) {
  memset(c, 0, sizeof *c);
  if (store_pick_scenario(st, want, &c->v, err, errlen) || read_point_numbers(st, c, err, errlen))
    return -1;
  if (nonly && keep_points(st, c, only, nonly, err, errlen)) return -1;
  return read_swept(st, c, err, errlen);
}

/* ---- one scan of the version's metrics ----------------------------------- */

/* The metrics the risk figures read, whether or not a pattern shows them. */
enum { R_DEFAULT, R_BREACHES, R_PAYBACK, R_CASH_MIN, R_NPV, NRISKM };
static const char *const risk_metric[NRISKM] = {"default_day", "covenant_breaches", "payback_years",
                                                "cash_min", "npv"};

/* A metric met in the scan: its values by run (NaN: NULL, no row, or a
** run not done); v is NULL for a metric neither shown nor read by risk.
** risky: default_day, covenant_breaches or payback_years, whose rows make
** a run count in the risk view. */
typedef struct column {
  char *name;
  double *v;
  int risky;
} column;

/* A run of the version; runs are kept in (point, replication) order. */
typedef struct run_row {
  sqlite3_int64 id;
  long point, rep;
  int done, risky; /* risky: it has a row of default_day, covenant_breaches or payback_years */
} run_row;

typedef struct run_key { /* for finding a run by id */
  sqlite3_int64 id;
  size_t at;
} run_key;

typedef struct t_row {
  double df, t975;
} t_row;

typedef struct scan {
  run_row *run;
  run_key *key; /* by id */
  size_t nrun;
  column *col;
  size_t ncol;
  store_names *index; /* metric name -> column */
  long risk_col[NRISKM];
  t_row *t; /* student_t, by df */
  size_t nt;
} scan;

static void scan_free(scan *s) {
  for (size_t i = 0; i < s->ncol; i++) {
    free(s->col[i].name);
    free(s->col[i].v);
  }
  free(s->col);
  free(s->run);
  free(s->key);
  free(s->t);
  store_names_free(s->index);
}

static int key_cmp(const void *a, const void *b) {
  const run_key *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}

/* The runs of the version: a query in (point, replication) order. */
static int read_runs(store *st, const compare_data *c, scan *s, char *err, size_t errlen) {
  sqlite3_stmt *q = prep(st, c,
                         "SELECT id, point, replication, status = 'done' FROM runs"
                         " WHERE scenario_sha256 = ?1 ORDER BY point, replication, id",
                         err, errlen);
  int rc = SQLITE_DONE;
  size_t cap = 0;
  while (q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (grow_array((void **)&s->run, &cap, s->nrun + 1, sizeof *s->run)) {
      rc = SQLITE_NOMEM;
      break;
    }
    s->run[s->nrun++] = (run_row){.id = sqlite3_column_int64(q, 0),
                                  .point = (long)sqlite3_column_int64(q, 1),
                                  .rep = (long)sqlite3_column_int64(q, 2),
                                  .done = sqlite3_column_int(q, 3)};
  }
  if (!q || done(st, q, rc, err, errlen)) return -1;
  if (!(s->key = malloc((s->nrun + 1) * sizeof *s->key)))
    return err_set(err, errlen, "out of memory");
  for (size_t i = 0; i < s->nrun; i++) s->key[i] = (run_key){s->run[i].id, i};
  qsort(s->key, s->nrun, sizeof *s->key, key_cmp);
  return 0;
}

/* The rows of student_t, by df. */
static int read_t(store *st, const compare_data *c, scan *s, char *err, size_t errlen) {
  sqlite3_stmt *q = prep(st, c, "SELECT df, t975 FROM student_t ORDER BY df", err, errlen);
  int rc = SQLITE_DONE;
  size_t cap = 0;
  while (q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (grow_array((void **)&s->t, &cap, s->nt + 1, sizeof *s->t)) {
      rc = SQLITE_NOMEM;
      break;
    }
    s->t[s->nt++] = (t_row){(double)sqlite3_column_int64(q, 0), col(q, 1)};
  }
  return q ? done(st, q, rc, err, errlen) : -1;
}

/* t(0.975) of the largest df <= n - 1 in student_t (the views' rule). */
static double t_of(const scan *s, size_t n) {
  double t = NAN;
  for (size_t i = 0; i < s->nt && s->t[i].df <= (double)n - 1; i++) t = s->t[i].t975;
  return t;
}

static int wanted(const char *name, const char *const *pat, size_t npat) {
  for (size_t i = 0; i < npat; i++)
    if (sqlite3_strglob(pat[i], name) == 0) return 1;
  for (int k = 0; k < NRISKM; k++)
    if (strcmp(name, risk_metric[k]) == 0) return 1;
  return 0;
}

/* The column of name, added when new; NULL on no memory. */
static column *column_of(scan *s, const char *name, const char *const *pat, size_t npat) {
  int64_t i = store_names_get(s->index, name);
  if (i >= 0) return &s->col[i];
  column *n = realloc(s->col, (s->ncol + 1) * sizeof *n);
  if (!n) return NULL;
  s->col = n;
  column *x = &n[s->ncol];
  *x = (column){.name = strdup(name)};
  if (!x->name) return NULL;
  for (int k = 0; k < R_CASH_MIN; k++) x->risky |= strcmp(name, risk_metric[k]) == 0;
  if (wanted(name, pat, npat)) {
    if (!(x->v = malloc((s->nrun + 1) * sizeof *x->v))) {
      free(x->name);
      return NULL;
    }
    for (size_t r = 0; r < s->nrun; r++) x->v[r] = NAN;
  }
  if (store_names_put(s->index, name, (int64_t)s->ncol)) {
    free(x->name);
    free(x->v);
    return NULL;
  }
  s->ncol++;
  return x;
}

/* Every metric row of the version's runs, in one query. */
static int read_values(store *st, const compare_data *c, scan *s, const char *const *pat,
                       size_t npat, char *err, size_t errlen) {
  sqlite3_stmt *q = prep(st, c,
                         "SELECT m.run_id, m.name, m.value FROM runs r JOIN metrics m"
                         " ON m.run_id = r.id WHERE r.scenario_sha256 = ?1",
                         err, errlen);
  int rc = SQLITE_DONE;
  sqlite3_int64 last = 0;
  run_row *run = NULL;
  while (q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    sqlite3_int64 id = sqlite3_column_int64(q, 0);
    if (!run || id != last) { /* a run's rows come together */
      run_key k = {.id = id}, *f = bsearch(&k, s->key, s->nrun, sizeof k, key_cmp);
      run = f ? &s->run[f->at] : NULL;
      last = id;
    }
    column *x = column_of(s, text(q, 1), pat, npat);
    if (!x) {
      rc = SQLITE_NOMEM;
      break;
    }
    if (!run || !run->done) continue;
    if (x->v) x->v[run - s->run] = col(q, 2);
    run->risky |= x->risky;
  }
  if (!q || done(st, q, rc, err, errlen)) return -1;
  for (int k = 0; k < NRISKM; k++) s->risk_col[k] = store_names_get(s->index, risk_metric[k]);
  return 0;
}

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The metric names the patterns match (GLOB), in pattern order, each in
** name order. */
static int resolve_metrics(store *st, compare_data *c, const scan *s, const char *const *pat,
                           size_t npat, int optional, char *err, size_t errlen) {
  const char **match = malloc((s->ncol + 1) * sizeof *match);
  if (!match) return err_set(err, errlen, "out of memory");
  for (size_t i = 0; i < npat; i++) {
    size_t n = 0;
    for (size_t k = 0; k < s->ncol; k++)
      if (sqlite3_strglob(pat[i], s->col[k].name) == 0) match[n++] = s->col[k].name;
    qsort(match, n, sizeof *match, name_cmp);
    for (size_t k = 0; k < n; k++)
      if (find_metric(c, match[k]) < 0 && push(&c->metric, &c->nmetric, match[k])) {
        free(match);
        return err_set(err, errlen, "out of memory");
      }
    if (n == 0 && !optional) {
      free(match);
      return err_set(
          err, errlen,
          "no metric of '%s' in %s matches '%s' (the metrics table lists them: sqlite3 %s"
          " \"select distinct name from metrics\")",
          c->v.name, store_path(st), pat[i], store_path(st));
    }
  }
  free(match);
  return 0;
}

/* ---- the figures --------------------------------------------------------- */

/* The first run at a point at or above pt (runs are in point order). */
static size_t first_run(const scan *s, long pt) {
  size_t lo = 0, hi = s->nrun;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->run[mid].point < pt) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The runs of point index p: s->run[*lo .. *hi). */
static void point_runs(const compare_data *c, const scan *s, size_t p, size_t *lo, size_t *hi) {
  *lo = first_run(s, c->point[p]);
  *hi = first_run(s, c->point[p] + 1);
}

/* The values of v over runs [lo, hi) that are not NaN, into buf. */
static size_t gather(const double *v, size_t lo, size_t hi, double *buf) {
  size_t n = 0;
  for (size_t r = lo; r < hi; r++)
    if (!isnan(v[r])) buf[n++] = v[r];
  return n;
}

static void summary(const scan *s, const double *v, size_t lo, size_t hi, double *buf,
                    compare_cell *x) {
  size_t n = gather(v, lo, hi, buf);
  x->n = (long)n;
  stats_mean_sd(buf, n, &x->mean, &x->sd);
  x->ci95 = t_of(s, n) * x->sd / sqrt((double)n);
}

/* The pairs of one replication at runs [lo, hi) of s (values v) and at
** the baseline's [blo, bhi) of bs (values bv: the same scan, or another
** version's), both with values, into a and b. */
static size_t pairs(const scan *s, const double *v, size_t lo, size_t hi, const scan *bs,
                    const double *bv, size_t blo, size_t bhi, double *a, double *b) {
  size_t n = 0;
  for (size_t i = lo, j = blo; i < hi && j < bhi;) {
    if (s->run[i].rep < bs->run[j].rep) i++;
    else if (s->run[i].rep > bs->run[j].rep) j++;
    else {
      if (!isnan(v[i]) && !isnan(bv[j])) {
        a[n] = v[i];
        b[n++] = bv[j];
      }
      i++;
      j++;
    }
  }
  return n;
}

static void paired(const scan *s, size_t n, const double *a, const double *b, compare_cell *x) {
  if (n == 0) return;
  stats_paired d = stats_pair(a, b, n);
  double t = t_of(s, n), both = d.var_a + d.var_b;
  x->npaired = (long)n;
  x->diff = d.mean_diff;
  x->diff_ci95 = t * sqrt(d.var_d / (double)n);
  x->diff_ci95_unpaired = t * sqrt(both / (double)n);
  x->ratio = both > 0 ? sqrt(d.var_d / both) : (double)NAN;
}

/* VaR and CVaR at 5% of metric k over runs [lo, hi) (the tails view). */
static void tail05(const scan *s, int k, size_t lo, size_t hi, double *buf, double *out) {
  if (s->risk_col[k] < 0) return;
  size_t n = gather(s->col[s->risk_col[k]].v, lo, hi, buf);
  if (n == 0) return;
  stats_sort(buf, n);
  size_t r = stats_rank(0.05, n);
  double sum = 0;
  for (size_t i = 0; i < r; i++) sum += buf[i];
  out[0] = buf[r - 1];
  out[1] = sum / (double)r;
}

static double risk_value(const scan *s, int k, size_t r) {
  return s->risk_col[k] < 0 ? (double)NAN : s->col[s->risk_col[k]].v[r];
}

/* The risk view's row of a point: runs [lo, hi); out[COMPARE_NRISK]. */
static void risk(const scan *s, size_t lo, size_t hi, double *buf, double *out) {
  size_t n = 0, defaults = 0, breaches = 0, paid = 0;
  for (size_t r = lo; r < hi; r++) {
    if (!s->run[r].done || !s->run[r].risky) continue;
    n++;
    defaults += !isnan(risk_value(s, R_DEFAULT, r));
    breaches += risk_value(s, R_BREACHES, r) > 0;
    double pb = risk_value(s, R_PAYBACK, r);
    if (!isnan(pb)) buf[paid++] = pb;
  }
  if (n == 0) return;
  stats_sort(buf, paid);
  out[0] = (double)n;
  out[1] = (double)defaults / (double)n;
  stats_wilson(out[1], (double)n, &out[2], &out[3]);
  out[4] = (double)breaches / (double)n;
  stats_wilson(out[4], (double)n, &out[5], &out[6]);
  out[11] = (double)paid / (double)n;
  static const double q[3] = {0.1, 0.5, 0.9};
  for (int i = 0; i < 3; i++) {
    size_t k = stats_rank(q[i], n);
    out[12 + i] = k <= paid ? buf[k - 1] : (double)NAN; /* NaN: among the not paid back */
  }
  tail05(s, R_CASH_MIN, lo, hi, buf, &out[7]);
  tail05(s, R_NPV, lo, hi, buf, &out[9]);
}

/* The values of metric name in scan s (NULL when it has none). */
static const double *values_of(const scan *s, const char *name) {
  int64_t i = store_names_get(s->index, name);
  return i >= 0 ? s->col[i].v : NULL;
}

/* Each cell's figures, paired against the baseline point, or with other
** (another version's scan) against the same point of that version. */
static void figures(compare_data *c, const scan *s, long baseline, const scan *other, double *buf) {
  double *a = buf + s->nrun, *b = a + s->nrun;
  long bp = other ? -1 : compare_point_index(c, baseline);
  size_t blo = 0, bhi = 0;
  if (bp >= 0) point_runs(c, s, (size_t)bp, &blo, &bhi);
  for (size_t p = 0; p < c->npoint; p++) {
    size_t lo, hi;
    point_runs(c, s, p, &lo, &hi);
    if (other) {
      blo = first_run(other, c->point[p]);
      bhi = first_run(other, c->point[p] + 1);
    }
    for (size_t m = 0; m < c->nmetric; m++) {
      compare_cell *x = &c->cells[p * c->nmetric + m];
      const double *v = values_of(s, c->metric[m]);
      summary(s, v, lo, hi, buf, x);
      const scan *bs = other ? other : s;
      const double *bv = values_of(bs, c->metric[m]);
      if (bv && (other || (bp >= 0 && p != (size_t)bp)))
        paired(s, pairs(s, v, lo, hi, bs, bv, blo, bhi, a, b), a, b, x);
    }
    risk(s, lo, hi, buf, &c->risk[p * COMPARE_NRISK]);
  }
}

/* The runs and values of version sha (the metrics of c) into o. */
static int read_other(store *st, const compare_data *c, const char *sha, scan *o, char *err,
                      size_t errlen) {
  compare_data b = {0};
  snprintf(b.v.sha256, sizeof b.v.sha256, "%s", sha);
  if (!(o->index = store_names_new())) return err_set(err, errlen, "out of memory");
  return read_runs(st, &b, o, err, errlen) ||
                 read_values(st, &b, o, (const char *const *)c->metric, c->nmetric, err, errlen)
             ? -1
             : 0;
}

int compare_read_cells(store *st, compare_data *c, const char *const *pat, size_t npat,
                       int optional, long baseline, const char *against, char *err, size_t errlen) {
  scan s = {.index = store_names_new()}, o = {0};
  double *buf = NULL;
  int rc = -1;
  if (!s.index) err_set(err, errlen, "out of memory");
  else if (!read_runs(st, c, &s, err, errlen) && !read_t(st, c, &s, err, errlen) &&
           !read_values(st, c, &s, pat, npat, err, errlen) &&
           !resolve_metrics(st, c, &s, pat, npat, optional, err, errlen) &&
           !(against && read_other(st, c, against, &o, err, errlen))) {
    c->cells = calloc(c->npoint * c->nmetric + 1, sizeof *c->cells);
    c->risk = malloc((c->npoint * COMPARE_NRISK + 1) * sizeof *c->risk);
    buf = malloc((3 * s.nrun + 1) * sizeof *buf);
    if (!c->cells || !c->risk || !buf) {
      err_set(err, errlen, "out of memory");
    } else {
      for (size_t i = 0; i < c->npoint * c->nmetric; i++)
        c->cells[i] = (compare_cell){.mean = NAN,
                                     .sd = NAN,
                                     .ci95 = NAN,
                                     .diff = NAN,
                                     .diff_ci95 = NAN,
                                     .diff_ci95_unpaired = NAN,
                                     .ratio = NAN};
      for (size_t i = 0; i < c->npoint * COMPARE_NRISK; i++) c->risk[i] = NAN;
      figures(c, &s, baseline, against ? &o : NULL, buf);
      rc = 0;
    }
  }
  free(buf);
  scan_free(&s);
  scan_free(&o);
  return rc;
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
