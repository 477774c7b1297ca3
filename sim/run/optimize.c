/*
** optimize.c -- retrospective approximation by Nelder-Mead over the
** candidates' sample-path objectives, then KN among the finalists.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "optimize.h"
#include "store_experiment.h"
#include "text.h"
#include "values.h"

/* The search's state. */
typedef struct search {
  const optimize_opts *op;
  const batch_opts *o;
  const char *db;
  optimize_report * or ;
  batch_report sum; /* the rounds of runs */
  store *reader;    /* values_read's, kept between reads */
  long rounds;
  int spent; /* the budget ran out */
} search;

/* The candidate of the keys' values vals (a new one, loaded, if none). */
static long candidate(search *sr, const double *vals, char *err, size_t errlen) {
  optimize_report * or = sr->or ;
  size_t nk = sr->op->sp.nkeys;
  for (size_t i = 0; i < or->nc; i++)
    if (memcmp(or->c[i].val, vals, nk * sizeof *vals) == 0) return (long)i;
  optimize_cand *c = realloc(or->c, (or->nc + 1) * sizeof *c);
  if (!c) return err_set(err, errlen, "out of memory");
  or->c = c;
  c = & or->c[or->nc];
  *c = (optimize_cand){.val = malloc(nk * sizeof *c->val)};
  if (!c->val) return err_set(err, errlen, "out of memory");
  memcpy(c->val, vals, nk * sizeof *vals);
  const optimize_opts *op = sr->op;
  if (!(c->s = values_load(&op->sp, vals, err, errlen))) {
    free(c->val);
    return -1;
  }
  return (long) or->nc++;
}

/* Replications 0 .. n - 1 of candidate c run (the done ones reused) and
** metric's values of them, times sign, read into *x. */
static int fetch(search *sr, const optimize_cand *c, long n, const char *metric, double sign,
                 double **x, char *err, size_t errlen) {
  values_version v = {.s = c->s,
                      .o = sr->o,
                      .db = sr->db,
                      .max_reps = n,
                      .sum = &sr->sum,
                      .rounds = &sr->rounds,
                      .reader = &sr->reader};
  values_source src = values_of_version(&v);
  return src.fetch(src.ctx, &n, metric, sign, x, err, errlen);
}

/* Candidate i's replications up to n, run and read. */
static int ensure(search *sr, size_t i, long n, char *err, size_t errlen) {
  optimize_cand *c = &sr->or->c[i];
  if (c->n >= n) return 0;
  if (fetch(sr, c, n, sr->op->sel.metric, 1, &c->x, err, errlen)) return -1;
  sr->or->runs += n - c->n;
  c->n = n;
  return 0;
}

/* The objective at u over n replications, negated to maximise (Nelder-Mead
** minimises); NaN when the budget cannot pay for them (sr->spent set). */
static int evaluate(search *sr, const double *u, long n, double *f, char *err, size_t errlen) {
  const optimize_opts *op = sr->op;
  double vals[VALUES_MAX_KEYS];
  for (size_t k = 0; k < op->sp.nkeys; k++) vals[k] = values_key_at(&op->sp.keys[k], u[k]);
  long i = candidate(sr, vals, err, errlen);
  if (i < 0) return -1;
  optimize_cand *c = &sr->or->c[i];
  if (c->n < n && sr->or->runs + (n - c->n) > op->budget) {
    sr->spent = 1;
    *f = NAN;
    return 0;
  }
  if (ensure(sr, (size_t)i, n, err, errlen)) return -1;
  double m;
  if (objective_estimate(op->obj, c->x, (size_t)n, 0.05, &m, NULL, NULL))
    return err_set(err, errlen, "out of memory");
  c->mean = m;
  *f = op->sel.minimize ? m : -m;
  return 0;
}

static void clamp(double *u, size_t d) {
  for (size_t k = 0; k < d; k++) u[k] = u[k] < 0 ? 0 : u[k] > 1 ? 1 : u[k];
}

/* The simplex's vertices (d + 1 of d) and their values. */
typedef struct simplex {
  size_t d;
  double v[VALUES_MAX_KEYS + 1][VALUES_MAX_KEYS], f[VALUES_MAX_KEYS + 1];
} simplex;

static void order(simplex *s) { /* insertion sort by f, best first */
  for (size_t i = 1; i <= s->d; i++)
    for (size_t j = i; j > 0 && s->f[j] < s->f[j - 1]; j--) {
      double t = s->f[j];
      s->f[j] = s->f[j - 1];
      s->f[j - 1] = t;
      for (size_t k = 0; k < s->d; k++) {
        t = s->v[j][k];
        s->v[j][k] = s->v[j - 1][k];
        s->v[j - 1][k] = t;
      }
    }
}

static double diameter(const simplex *s) {
  double m = 0;
  for (size_t i = 1; i <= s->d; i++)
    for (size_t k = 0; k < s->d; k++) m = fmax(m, fabs(s->v[i][k] - s->v[0][k]));
  return m;
}

/* The point c + t (c - w) (c the centroid of all but the worst w), clamped. */
static void along(const simplex *s, double t, double *out) {
  size_t d = s->d;
  for (size_t k = 0; k < d; k++) {
    double c = 0;
    for (size_t i = 0; i < d; i++) c += s->v[i][k];
    c /= (double)d;
    out[k] = c + t * (c - s->v[d][k]);
  }
  clamp(out, d);
}

/* One Nelder-Mead stage at n replications from start with a simplex of
** size step; start gets the stage's best point.  0 or -1 (err). */
static int stage(search *sr, double *start, double step, long n, double tol, char *err,
                 size_t errlen) {
  size_t d = sr->op->sp.nkeys;
  simplex s = {.d = d};
  for (size_t i = 0; i <= d; i++) {
    memcpy(s.v[i], start, d * sizeof *start);
    if (i > 0) s.v[i][i - 1] += start[i - 1] + step <= 1 ? step : -step;
    clamp(s.v[i], d);
    if (evaluate(sr, s.v[i], n, &s.f[i], err, errlen)) return -1;
    if (sr->spent) return 0;
  }
  for (int it = 0; it < 1000 && diameter(&s) > tol; it++) {
    order(&s);
    double r[VALUES_MAX_KEYS], e[VALUES_MAX_KEYS], fr, fe;
    along(&s, 1, r);
    if (evaluate(sr, r, n, &fr, err, errlen)) return -1;
    if (sr->spent) break;
    if (fr < s.f[0]) { /* expand */
      along(&s, 2, e);
      if (evaluate(sr, e, n, &fe, err, errlen)) return -1;
      if (sr->spent) break;
      int ex = fe < fr;
      memcpy(s.v[d], ex ? e : r, d * sizeof *r);
      s.f[d] = ex ? fe : fr;
      continue;
    }
    if (fr < s.f[d - 1]) { /* reflect */
      memcpy(s.v[d], r, d * sizeof *r);
      s.f[d] = fr;
      continue;
    }
    along(&s, fr < s.f[d] ? 0.5 : -0.5, e); /* contract outside or inside */
    if (evaluate(sr, e, n, &fe, err, errlen)) return -1;
    if (sr->spent) break;
    if (fe < fmin(fr, s.f[d])) {
      memcpy(s.v[d], e, d * sizeof *e);
      s.f[d] = fe;
      continue;
    }
    for (size_t i = 1; i <= d; i++) { /* shrink towards the best */
      for (size_t k = 0; k < d; k++) s.v[i][k] = s.v[0][k] + 0.5 * (s.v[i][k] - s.v[0][k]);
      if (evaluate(sr, s.v[i], n, &s.f[i], err, errlen)) return -1;
      if (sr->spent) break;
    }
    if (sr->spent) break;
  }
  order(&s);
  if (!isnan(s.f[0])) memcpy(start, s.v[0], d * sizeof *start);
  return 0;
}

/* Is candidate a ahead of b for the finals: more replications (the later
** stages' estimates, compared on one sample path: a tail estimated from a
** few replications is not the tail of many), then a better objective? */
static int ahead(const optimize_cand *a, const optimize_cand *b, double sign) {
  return a->n > b->n || (a->n == b->n && sign * a->mean < sign * b->mean);
}

/* The finalists: the candidates ahead of the others, first the best, with
** the thresholds of their cvar terms. */
static int pick_finalists(search *sr, char *err, size_t errlen) {
  optimize_report * or = sr->or ;
  size_t f = sr->op->finalists < or->nc ? sr->op->finalists : or->nc;
  if (!(or->final = malloc((f ? f : 1) * sizeof * or->final)))
    return err_set(err, errlen, "out of memory");
  double sign = sr->op->sel.minimize ? 1 : -1;
  for (size_t k = 0; k < f; k++) {
    size_t best = 0;
    int found = 0;
    for (size_t i = 0; i < or->nc; i++) {
      int taken = 0;
      for (size_t j = 0; j < k; j++) taken |= or->final[j] == i;
      if (!taken && or->c[i].n > 0 && (!found || ahead(& or->c[i], & or->c[best], sign))) {
        best = i;
        found = 1;
      }
    }
    if (!found) break;
    or->final[or->nfinal++] = best;
    optimize_cand *c = & or->c[best];
    if (objective_thresholds(sr->op->obj, c->x, (size_t)c->n, c->q))
      return err_set(err, errlen, "out of memory");
  }
  return 0;
}

/* The finalists as the points of KN (values_source): the objective's
** per-replication values, or a constraint's metric. */
static int finalists_fetch(void *ctx, const long *reps, const char *metric, double sign, double **x,
                           char *err, size_t errlen) {
  search *sr = ctx;
  optimize_report * or = sr->or ;
  for (size_t p = 0; p < or->nfinal; p++) {
    if (!reps[p]) continue;
    optimize_cand *c = & or->c[or->final[p]];
    if (strcmp(metric, sr->op->sel.metric) != 0) { /* a constraint's metric */
      if (fetch(sr, c, reps[p], metric, sign, &x[p], err, errlen)) return -1;
      continue;
    }
    if (ensure(sr, or->final[p], reps[p], err, errlen)) return -1;
    double *n = realloc(x[p], (size_t)reps[p] * sizeof *n);
    if (!n) return err_set(err, errlen, "out of memory");
    x[p] = n;
    objective_values(sr->op->obj, c->q, c->x, (size_t)reps[p], n);
    for (long r = 0; r < reps[p]; r++) n[r] *= sign;
  }
  return 0;
}

/* "KEY=VALUE ..." of candidate c. */
static void cand_text(const optimize_opts *op, const optimize_cand *c, char *buf, size_t len) {
  values_text(op->sp.keys, c->val, op->sp.nkeys, 10, buf, len);
}

/* The experiment's row: running, or done with each candidate tried. */
static int save(const optimize_opts *op, const batch_opts *o, const char *db,
                const optimize_report * or, int done, char *err, size_t errlen) {
  char params[1400], decision[600] = "best: none (no finalist is feasible)";
  char ranges[800];
  values_ranges(op->sp.keys, op->sp.nkeys, ranges, sizeof ranges);
  snprintf(params, sizeof params,
           "vary=%s objective=%s budget=%ld alpha=%.15g n0=%ld max_reps=%ld finalists=%zu "
           "delta=%.15g",
           ranges, op->obj->text, op->budget, op->sel.alpha, op->sel.n0, op->sel.max_reps,
           op->finalists, op->sel.delta);
  if (done && or->best >= 0) {
    strcpy(decision, "best: ");
    cand_text(op, & or->c[or->best], decision + 6, sizeof decision - 6);
  }
  store_experiment e = {.sha256 = or->base_sha,
                        .kind = "optimize",
                        .procedure = "retrospective approximation by Nelder-Mead, then KN",
                        .seed = o->seed,
                        .metric = op->sel.metric,
                        .minimize = op->sel.minimize,
                        .parameters = params,
                        .done = done,
                        .stages = or->stages,
                        .decision = done ? decision : NULL};
  size_t n = done ? or->nc : 0;
  store_experiment_point *pts = calloc(n ? n : 1, sizeof *pts);
  char(*vals)[512] = calloc(n ? n : 1, sizeof *vals);
  int rc = pts && vals ? 0 : err_set(err, errlen, "out of memory");
  for (size_t i = 0; !rc && i < n; i++) {
    const optimize_cand *c = & or->c[i];
    double mean = NAN, lo = NAN, hi = NAN;
    if (c->n >= 2 && objective_estimate(op->obj, c->x, (size_t)c->n, 0.05, &mean, &lo, &hi))
      rc = err_set(err, errlen, "out of memory");
    cand_text(op, c, vals[i], sizeof vals[i]);
    const char *status = "tried";
    for (size_t f = 0; f < or->nfinal; f++)
      if (or->final[f] == i) status = (int)i == or->best ? "best" : "eliminated";
    pts[i] = (store_experiment_point){.point = (long)i,
                                      .value = vals[i],
                                      .n = c->n,
                                      .mean = mean,
                                      .lo = lo,
                                      .hi = hi,
                                      .status = status};
  }
  if (!rc) rc = store_save_experiment(db, o->lock_wait, &e, pts, n, err, errlen);
  free(pts);
  free(vals);
  return rc;
}

/* The search's stages: n1, 2 n1, ... replications (n1: n0, or what puts
** two values in a cvar term's tail), simplexes halving down to 1/16 of the
** box (a sample path of counts is flat between its steps: a smaller one
** stalls there). */
static int search_stages(search *sr, FILE *progress, char *err, size_t errlen) {
  const optimize_opts *op = sr->op;
  double u[VALUES_MAX_KEYS], step = 0.25;
  for (size_t k = 0; k < op->sp.nkeys; k++) u[k] = 0.5;
  long n1 = objective_min_reps(op->obj, 2);
  n1 = n1 < op->sel.n0 ? op->sel.n0 : n1 > op->sel.max_reps ? op->sel.max_reps : n1;
  for (long n = n1;; n = 2 * n < op->sel.max_reps ? 2 * n : op->sel.max_reps) {
    if (stage(sr, u, step, n, step / 16, err, errlen)) return -1;
    sr->or->stages++;
    if (progress) {
      double vals[VALUES_MAX_KEYS], f;
      for (size_t k = 0; k < op->sp.nkeys; k++) vals[k] = values_key_at(&op->sp.keys[k], u[k]);
      long i = candidate(sr, vals, err, errlen);
      if (i < 0) return -1;
      char text[512];
      cand_text(op, &sr->or->c[i], text, sizeof text);
      f = sr->or->c[i].mean;
      text_printf(progress,
                  "stage %ld, %ld replications a candidate: best so far %s, %s = %.6g (%zu "
                  "candidates, %ld replications)\n",
                  sr->or->stages, n, text, op->obj->text, f, sr->or->nc, sr->or->runs);
    }
    if (sr->spent || n >= op->sel.max_reps) return 0;
    step = step / 2 > 0.0625 ? step / 2 : 0.0625;
  }
}

/* The chosen candidate's objective over fresh replications, as many as
** it has. */
static int confirm(search *sr, char *err, size_t errlen) {
  optimize_report * or = sr->or ;
  optimize_cand *c = & or->c[or->best];
  long n = c->n;
  if (ensure(sr, (size_t) or->best, 2 * n, err, errlen)) return -1;
  or->fresh_from = n;
  or->fresh_n = n;
  if (objective_estimate(sr->op->obj, c->x + n, (size_t)n, 0.05, & or->fresh, & or->fresh_lo,
                         & or->fresh_hi))
    return err_set(err, errlen, "out of memory");
  return 0;
}

int optimize_run(const optimize_opts *op, const batch_opts *o, const char *db, FILE *progress,
                 optimize_report * or, char *err, size_t errlen) {
  memset(or, 0, sizeof * or);
  or->best = -1;
  if (op->sp.nkeys == 0 || op->sp.nkeys > VALUES_MAX_KEYS)
    return err_set(err, errlen, "optimize: 1 to %d keys to vary", VALUES_MAX_KEYS);
  search sr = {.op = op, .o = o, .db = db, .or = or };
  int rc = values_put_base(&op->sp, db, o->lock_wait, or->base_sha, err, errlen) ||
           save(op, o, db, or, 0, err, errlen) || search_stages(&sr, progress, err, errlen) ||
           pick_finalists(&sr, err, errlen);
  select_opts so = op->sel;
  for (size_t p = 0; p < or->nfinal; p++) /* KN's first stage: what every finalist has */
    so.n0 = p == 0 || or->c[or->final[p]].n < so.n0 ? or->c[or->final[p]].n : so.n0;
  if (so.n0 < op->sel.n0) so.n0 = op->sel.n0;
  if (so.n0 < objective_min_reps(op->obj, 10)) so.n0 = objective_min_reps(op->obj, 10);
  if (so.n0 > so.max_reps) so.n0 = so.max_reps;
  if (!rc && isnan(so.delta)) {
    double m = or->nfinal ? fabs(or->c[or->final[0]].mean) : 0;
    so.delta = m > 0 ? 0.01 * m : 1e-9;
  }
  values_source src = {.npoints = or->nfinal, .fetch = finalists_fetch, .ctx = &sr};
  if (!rc && or->nfinal) rc = select_kn(&src, &so, & or->sel, err, errlen);
  if (!rc && or->nfinal && or->sel.best >= 0) or->best = (int) or->final[or->sel.best];
  if (!rc && or->best >= 0) rc = confirm(&sr, err, errlen);
  batch_report_free(&sr.sum);
  store_close(sr.reader);
  return rc ? -1 : save(op, o, db, or, 1, err, errlen);
}

void optimize_print(const optimize_opts *op, const optimize_report * or, FILE *f) {
  char text[512];
  text_printf(f, "%6s %14s  %-31s  %-10s  %s\n", "n", "mean", "95% CI", "KN", "finalist");
  for (size_t p = 0; p < or->nfinal; p++) {
    const select_report *s = & or->sel;
    char ci[64];
    cand_text(op, & or->c[or->final[p]], text, sizeof text);
    snprintf(ci, sizeof ci, "[%.6g, %.6g]", s->lo[p], s->hi[p]);
    text_printf(f, "%6ld %14.6g  %-31s  %-10s  %s\n", s->n[p], s->mean[p], ci,
                (int)p == s->best                             ? "best"
                : s->fr.npoints && s->fr.point[p] == FEAS_NO  ? "infeasible"
                : s->fr.npoints && s->fr.point[p] != FEAS_YES ? "undecided"
                : s->out_at[p]                                ? "eliminated"
                                                              : "in",
                text);
  }
  text_printf(f, "search: %ld stages, %zu candidates, %ld replications (budget %ld)\n", or->stages,
              or->nc, or->runs, op->budget);
  if (or->best < 0) {
    fputs("best: none (no finalist is feasible)\n", f);
    return;
  }
  cand_text(op, & or->c[or->best], text, sizeof text);
  text_printf(f,
              "fresh replications %ld to %ld of the best (not those it was chosen on): %.8g "
              "[%.8g, %.8g]\n",
              or->fresh_from, or->fresh_from + or->fresh_n - 1, or->fresh, or->fresh_lo,
              or->fresh_hi);
  text_printf(f, "best: %s %s = %.8g \xc2\xb1 %.3g\n", text, op->obj->text, or->fresh,
              (or->fresh_hi - or->fresh_lo) / 2);
}

void optimize_report_free(optimize_report * or) {
  for (size_t i = 0; i < or->nc; i++) {
    free(or->c[i].val);
    free(or->c[i].x);
    scenario_free(or->c[i].s);
  }
  free(or->c);
  free(or->final);
  select_report_free(& or->sel);
  memset(or, 0, sizeof * or);
}
