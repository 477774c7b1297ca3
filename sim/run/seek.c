/*
** seek.c -- the bisection of neosim seek: each value tried is a scenario
** version (--set sweep=none and the keys' values) run in rounds (batch.h,
** done runs reused) until its mean is decided above or below the target.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "seek.h"
#include "stats.h"
#include "store_experiment.h"
#include "text.h"
#include "values.h"

/* The version of value u. */
static scenario *load_at(const seek_opts *so, double u, char *err, size_t errlen) {
  double vals[VALUES_MAX_KEYS];
  for (size_t k = 0; k < so->sp.nkeys; k++) vals[k] = values_key_at(&so->sp.keys[k], u);
  return values_load(&so->sp, vals, err, errlen);
}

/* Run replications 0 .. n - 1 of s (the done ones reused) and read them into *x. */
static int run_reps(const scenario *s, const seek_opts *so, const batch_opts *o, const char *db,
                    store **reader, long n, double **x, char *err, size_t errlen) {
  batch_report sum = {0};
  long rounds = 0;
  int rc = values_run(s, o, db, &n, n, &sum, &rounds, err, errlen) ||
           values_read(db, reader, s, o->seed, so->metric, &n, 1, x, err, errlen);
  batch_report_free(&sum);
  return rc;
}

/* Try value u: rounds of n0, then doubling, until decided, at max_reps,
** or at what the budget leaves.  0 or -1 (err). */
static int evaluate(const seek_opts *so, const batch_opts *o, const char *db, store **reader,
                    double u, seek_report *sr, char *err, size_t errlen) {
  seek_eval *ev = realloc(sr->ev, (sr->nev + 1) * sizeof *ev);
  if (!ev) return err_set(err, errlen, "out of memory");
  sr->ev = ev;
  ev = &sr->ev[sr->nev];
  *ev = (seek_eval){.u = u, .side = SEEK_UNDECIDED};
  scenario *s = load_at(so, u, err, errlen);
  double *x = NULL;
  long n = so->n0;
  int rc = s ? 0 : -1;
  while (!rc) {
    double mean, lo, hi;
    rc = run_reps(s, so, o, db, reader, n, &x, err, errlen);
    if (rc) break;
    stats_mean_interval(x, (size_t)n, sr->alpha_e, &mean, &lo, &hi);
    if (lo > so->target) ev->side = SEEK_ABOVE;
    else if (hi < so->target) ev->side = SEEK_BELOW;
    long left = so->budget - sr->runs - n, next = 2 * n;
    if (next > so->max_reps) next = so->max_reps;
    if (next > n + left) next = n + left;
    if (ev->side != SEEK_UNDECIDED || next <= n || !(hi > lo)) break; /* a point: runs alike */
    n = next;
  }
  if (!rc) {
    stats_mean_interval(x, (size_t)n, 0.05, &ev->mean, &ev->lo, &ev->hi);
    ev->n = n;
    sr->runs += n;
    sr->nev++;
  }
  scenario_free(s);
  free(x);
  return rc;
}

static int by_u(const void *a, const void *b) {
  double x = ((const seek_eval *)a)->u, y = ((const seek_eval *)b)->u;
  return (x > y) - (x < y);
}

/* The root's estimate: linear interpolation between the means of the
** values in [a, b] that bracket the target (the midpoint if none do). */
static double estimate(const seek_report *sr, double target) {
  seek_eval in[64];
  size_t n = 0;
  for (size_t i = 0; i < sr->nev && n < 64; i++)
    if (sr->ev[i].u >= sr->a && sr->ev[i].u <= sr->b) in[n++] = sr->ev[i];
  qsort(in, n, sizeof *in, by_u);
  for (size_t i = 0; i + 1 < n; i++) {
    double d0 = in[i].mean - target, d1 = in[i + 1].mean - target;
    if (d0 == 0) return in[i].u;
    if ((d0 < 0) != (d1 < 0) || d1 == 0) return in[i].u + (in[i + 1].u - in[i].u) * d0 / (d0 - d1);
  }
  return (sr->a + sr->b) / 2;
}

static const char *side_name(seek_side s) {
  return s == SEEK_ABOVE ? "above" : s == SEEK_BELOW ? "below" : "undecided";
}

/* "KEY=VALUE [LO, HI]" of key k (the bracket's values, low first). */
static void key_root(const seek_opts *so, const seek_report *sr, size_t k, char *buf, size_t len) {
  double x = values_key_at(&so->sp.keys[k], sr->root), a = values_key_at(&so->sp.keys[k], sr->a),
         b = values_key_at(&so->sp.keys[k], sr->b);
  snprintf(buf, len, "%s=%.8g [%.8g, %.8g]", so->sp.keys[k].key, x, fmin(a, b), fmax(a, b));
}

/* The experiment's row: running, or done with each value tried. */
static int save(const seek_opts *so, const batch_opts *o, const char *db, const seek_report *sr,
                int done, char *err, size_t errlen) {
  char params[1024], decision[512] = "no root", (*vals)[512] = NULL;
  char ranges[800];
  values_ranges(so->sp.keys, so->sp.nkeys, ranges, sizeof ranges);
  snprintf(params, sizeof params,
           "vary=%s target=%.15g alpha=%.15g n0=%ld max_reps=%ld budget=%ld tol=%.15g", ranges,
           so->target, so->alpha, so->n0, so->max_reps, so->budget, so->tol);
  if (done && sr->found) {
    strcpy(decision, "root: ");
    key_root(so, sr, 0, decision + 6, sizeof decision - 6);
  }
  store_experiment e = {.sha256 = sr->base_sha,
                        .kind = "seek",
                        .procedure = "bisection with sequential t tests",
                        .seed = o->seed,
                        .metric = so->metric,
                        .parameters = params,
                        .done = done,
                        .stages = (long)sr->nev,
                        .decision = done ? decision : NULL};
  size_t n = done ? sr->nev : 0;
  store_experiment_point *pts = calloc(n ? n : 1, sizeof *pts);
  if (n) vals = calloc(n, sizeof *vals);
  if (!pts || (n && !vals)) {
    free(pts);
    return err_set(err, errlen, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    const seek_eval *ev = &sr->ev[i];
    double at[VALUES_MAX_KEYS];
    for (size_t k = 0; k < so->sp.nkeys; k++) at[k] = values_key_at(&so->sp.keys[k], ev->u);
    values_text(so->sp.keys, at, so->sp.nkeys, 17, vals[i], sizeof vals[i]);
    pts[i] = (store_experiment_point){.point = (long)i,
                                      .value = vals[i],
                                      .n = ev->n,
                                      .mean = ev->mean,
                                      .lo = ev->lo,
                                      .hi = ev->hi,
                                      .status = side_name(ev->side)};
  }
  int rc = store_save_experiment(db, o->lock_wait, &e, pts, n, err, errlen);
  free(pts);
  free(vals);
  return rc;
}

/* Bisect [0, 1] from ends on opposite sides; sets the bracket and why it stopped. */
static int bisect(const seek_opts *so, const batch_opts *o, const char *db, store **reader,
                  seek_report *sr, char *err, size_t errlen) {
  seek_side sa = sr->ev[0].side;
  sr->a = 0;
  sr->b = 1;
  sr->stop = "the bracket is narrower than --tol";
  while (sr->b - sr->a > so->tol) {
    if (so->budget - sr->runs < so->n0) {
      sr->stop = "the budget is spent";
      break;
    }
    double m = (sr->a + sr->b) / 2;
    if (evaluate(so, o, db, reader, m, sr, err, errlen)) return -1;
    seek_side s = sr->ev[sr->nev - 1].side;
    if (s == SEEK_UNDECIDED) {
      sr->stop = "the mean at the midpoint is within the noise of the target (at --max-reps or "
                 "the budget)";
      break;
    }
    if (s == sa) sr->a = m;
    else sr->b = m;
  }
  return 0;
}

/* The ends, then the bisection if they bracket a root. */
static int search(const seek_opts *so, const batch_opts *o, const char *db, store **reader,
                  seek_report *sr, char *err, size_t errlen) {
  if (evaluate(so, o, db, reader, 0, sr, err, errlen) ||
      evaluate(so, o, db, reader, 1, sr, err, errlen))
    return -1;
  seek_side s0 = sr->ev[0].side, s1 = sr->ev[1].side;
  if (s0 == SEEK_UNDECIDED || s1 == SEEK_UNDECIDED)
    sr->stop = "the mean at an end is within the noise of the target: widen the range, or raise "
               "--max-reps or --budget";
  else if (s0 == s1)
    sr->stop = s0 == SEEK_ABOVE ? "the mean is above the target at both ends: no root between"
                                : "the mean is below the target at both ends: no root between";
  else {
    sr->found = 1;
    if (bisect(so, o, db, reader, sr, err, errlen)) return -1;
    sr->root = estimate(sr, so->target);
  }
  return 0;
}

int seek_run(const seek_opts *so, const batch_opts *o, const char *db, seek_report *sr, char *err,
             size_t errlen) {
  memset(sr, 0, sizeof *sr);
  double decisions = 2 + ceil(log2(1 / so->tol)),
         looks = 1 + floor(log2((double)so->max_reps / (double)so->n0));
  sr->alpha_e = so->alpha / (decisions * looks);
  if (so->budget < 2 * so->n0)
    return err_set(err, errlen, "seek: --budget %ld is less than two values of --n0 %ld runs",
                   so->budget, so->n0);
  store *reader = NULL;
  int rc = values_put_base(&so->sp, db, o->lock_wait, sr->base_sha, err, errlen) ||
           save(so, o, db, sr, 0, err, errlen) || search(so, o, db, &reader, sr, err, errlen);
  store_close(reader);
  return rc ? -1 : save(so, o, db, sr, 1, err, errlen);
}

void seek_print(const seek_opts *so, const seek_report *sr, FILE *f) {
  char buf[600];
  text_printf(f, "%-28s %6s %14s  %-31s  %s\n", so->sp.keys[0].key, "n", "mean", "95% CI",
              "side of the target");
  for (size_t i = 0; i < sr->nev; i++) {
    const seek_eval *ev = &sr->ev[i];
    char ci[64];
    snprintf(ci, sizeof ci, "[%.6g, %.6g]", ev->lo, ev->hi);
    fprintf(f, "%-28.10g %6ld %14.6g  %-31s  %s\n", values_key_at(&so->sp.keys[0], ev->u), ev->n,
            ev->mean, ci, side_name(ev->side));
  }
  text_printf(f,
              "bisection on %s = %g: %zu values, %ld replications (budget %ld), each decision "
              "at error %.3g; stopped: %s\n",
              so->metric, so->target, sr->nev, sr->runs, so->budget, sr->alpha_e, sr->stop);
  if (!sr->found) {
    text_printf(f, "no root: %s\n", sr->stop);
    return;
  }
  for (size_t k = so->sp.nkeys; k-- > 0;) { /* the first key last */
    key_root(so, sr, k, buf, sizeof buf);
    text_printf(f, "%s: %s\n", k ? "with" : "root", buf);
  }
}

void seek_report_free(seek_report *sr) {
  free(sr->ev);
  memset(sr, 0, sizeof *sr);
}
