/*
** select.c -- KN over the sweep points: rounds of runs (batch.h, done ones
** skipped), each point's values read from the store, the stages screened
** one by one; the outcome kept in the experiments tables.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "select.h"
#include "stats.h"
#include "store_experiment.h"
#include "text.h"
#include "values.h"

/* The procedure's state: values of replications 0 .. planned - 1 of the
** points still in (sign: -1 with --minimize), the pairs' variances. */
typedef struct kn {
  size_t k;
  long planned; /* replications run of the points in */
  double **x;   /* [point][rep] */
  double *s2;   /* [i * k + l] */
  double *sum;  /* [point]: the sum of its first cnt[point] values */
  long *cnt;
  int *in;    /* [point]: still in */
  long *reps; /* [point]: scratch, the replications a round runs */
  long nin;
  double sign;
} kn;

/* Run the replications of the points in up to c->planned, then read them. */
static int run_round(const values_source *src, const select_opts *so, kn *c, char *err,
                     size_t errlen) {
  for (size_t p = 0; p < c->k; p++) c->reps[p] = c->in[p] ? c->planned : 0;
  return src->fetch(src->ctx, c->reps, so->metric, c->sign, c->x, err, errlen);
}

/* S2_il over the first n0 replications, and the last stage possible. */
static long first_stage(kn *c, const select_opts *so, double h2) {
  long bound = 0;
  for (size_t i = 0; i < c->k; i++)
    for (size_t l = i + 1; l < c->k; l++) {
      if (!c->in[i] || !c->in[l]) continue;
      double d = 0, ss = 0;
      for (long r = 0; r < so->n0; r++) d += c->x[i][r] - c->x[l][r];
      d /= (double)so->n0;
      for (long r = 0; r < so->n0; r++) {
        double e = c->x[i][r] - c->x[l][r] - d;
        ss += e * e;
      }
      double v = ss / (double)(so->n0 - 1), nil = floor(h2 * v / (so->delta * so->delta));
      c->s2[i * c->k + l] = c->s2[l * c->k + i] = v;
      if (nil > (double)bound) bound = nil > 1e15 ? (long)1e15 : (long)nil;
    }
  return bound + 1;
}

/* The mean of point p's first r values (r never falls between calls). */
static double mean_to(kn *c, size_t p, long r) {
  for (; c->cnt[p] < r; c->cnt[p]++) c->sum[p] += c->x[p][c->cnt[p]];
  return c->sum[p] / (double)r;
}

/* Screen at stage r: the points in that some other point in beats by
** more than its allowance W_il(r) leave, at stage r. */
static void screen(kn *c, const select_opts *so, double h2, long r, select_report *sr) {
  double *m = sr->mean; /* scratch: the stage means of the points in */
  for (size_t i = 0; i < c->k; i++)
    if (c->in[i]) m[i] = mean_to(c, i, r);
  for (size_t i = 0; i < c->k; i++) {
    if (!c->in[i]) continue;
    for (size_t l = 0; l < c->k; l++) {
      if (l == i || !c->in[l]) continue; /* against every point in at the stage's start */
      double w = fmax(0, so->delta / (2.0 * (double)r) *
                             (h2 * c->s2[i * c->k + l] / (so->delta * so->delta) - (double)r));
      if (m[i] < m[l] - w) {
        sr->out_at[i] = r;
        break;
      }
    }
  }
  for (size_t i = 0; i < c->k; i++)
    if (c->in[i] && sr->out_at[i] == r) {
      c->in[i] = 0;
      c->nin--;
    }
}

/* The figures of each point over its replications (a point left out by
** its constraints: over those that decided it), the point chosen. */
static void finish(kn *c, long r, select_report *sr) {
  double best = -INFINITY;
  sr->best = -1;
  for (size_t p = 0; p < c->k; p++) {
    int out = sr->fr.npoints && sr->fr.point[p] != FEAS_YES;
    long n = out ? sr->fr.n[p] : sr->out_at[p] ? sr->out_at[p] : r;
    double mean, sd, hw;
    stats_mean_sd(c->x[p], (size_t)n, &mean, &sd);
    hw = stats_t_quantile(0.975, (double)(n - 1)) * sd / sqrt((double)n);
    sr->n[p] = n;
    if (!out) sr->runs += n;
    if (c->in[p] && mean > best) {
      best = mean;
      sr->best = (int)p;
    }
    sr->mean[p] = c->sign * mean;
    sr->lo[p] = sr->mean[p] - hw;
    sr->hi[p] = sr->mean[p] + hw;
  }
  sr->stage = r;
  sr->at_max = c->nin > 1 && r < sr->bound;
}

static void kn_free(kn *c) {
  for (size_t p = 0; c->x && p < c->k; p++) free(c->x[p]);
  free(c->x);
  free(c->s2);
  free(c->sum);
  free(c->cnt);
  free(c->in);
  free(c->reps);
}

static int report_alloc(select_report *sr, size_t k) {
  sr->npoints = k;
  sr->n = calloc(k, sizeof *sr->n);
  sr->out_at = calloc(k, sizeof *sr->out_at);
  sr->mean = calloc(k, sizeof *sr->mean);
  sr->lo = calloc(k, sizeof *sr->lo);
  sr->hi = calloc(k, sizeof *sr->hi);
  return sr->n && sr->out_at && sr->mean && sr->lo && sr->hi ? 0 : -1;
}

/* A point's status in the experiment_points table. */
static const char *stored_status(const select_report *sr, size_t p) {
  if (sr->fr.npoints && sr->fr.point[p] != FEAS_YES)
    return sr->fr.point[p] == FEAS_NO ? "infeasible" : "undecided";
  return (int)p == sr->best ? "best" : sr->out_at[p] ? "eliminated" : "in";
}

/* The experiment's row: running, or done with each point's figures. */
static int save(const scenario *s, const batch_opts *o, const select_opts *so, const char *db,
                const select_report *sr, int done, char *err, size_t errlen) {
  char params[1024], decision[64] = "best: none (no point is feasible)";
  size_t used =
      (size_t)snprintf(params, sizeof params, "delta=%.15g alpha=%.15g n0=%ld max_reps=%ld",
                       so->delta, so->alpha, so->n0, so->max_reps);
  for (size_t c = 0; c < so->ncons && used < sizeof params; c++)
    used += (size_t)snprintf(params + used, sizeof params - used, " constraint=%s%s%.15g~%.15g",
                             so->cons[c].metric, so->cons[c].upper ? "<=" : ">=", so->cons[c].bound,
                             so->cons[c].tol);
  if (sr->best >= 0) snprintf(decision, sizeof decision, "best: point %d", sr->best);
  store_experiment e = {.sha256 = s->sha256,
                        .kind = "select",
                        .procedure = so->ncons ? "KN (Kim and Nelson 2001) on the points found "
                                                 "feasible by sequential tests"
                                               : "KN (Kim and Nelson 2001)",
                        .seed = o->seed,
                        .metric = so->metric,
                        .minimize = so->minimize,
                        .parameters = params,
                        .done = done,
                        .stages = sr->stage,
                        .decision = done ? decision : NULL};
  store_experiment_point *pts = done ? calloc(sr->npoints, sizeof *pts) : NULL;
  if (done && !pts) return err_set(err, errlen, "out of memory");
  for (size_t p = 0; done && p < sr->npoints; p++)
    pts[p] = (store_experiment_point){.point = (long)p,
                                      .n = sr->n[p],
                                      .mean = sr->mean[p],
                                      .lo = sr->lo[p],
                                      .hi = sr->hi[p],
                                      .status = stored_status(sr, p),
                                      .stage = sr->out_at[p]};
  int rc = store_save_experiment(db, o->lock_wait, &e, pts, done ? sr->npoints : 0, err, errlen);
  free(pts);
  return rc;
}

/* The constraints first (half of alpha), then KN on the points found
** feasible; the main metric of the others read for their figures. */
static int feasible_first(const values_source *src, const select_opts *so, kn *c, select_report *sr,
                          char *err, size_t errlen) {
  if (feasible_run(src, so->cons, so->ncons, so->alpha / 2, so->n0, so->max_reps, &sr->fr, err,
                   errlen))
    return -1;
  c->nin = 0;
  for (size_t p = 0; p < c->k; p++) {
    c->in[p] = sr->fr.point[p] == FEAS_YES;
    c->nin += c->in[p];
    c->reps[p] = c->in[p] ? 0 : sr->fr.n[p];
  }
  return src->fetch(src->ctx, c->reps, so->metric, c->sign, c->x, err, errlen);
}

int select_kn(const values_source *src, const select_opts *so, select_report *sr, char *err,
              size_t errlen) {
  size_t k = src->npoints;
  long rounds = sr->rounds;
  memset(sr, 0, sizeof *sr);
  sr->rounds = rounds;
  kn c = {.k = k, .sign = so->minimize ? -1 : 1, .nin = (long)k, .planned = so->n0};
  c.x = calloc(k, sizeof *c.x);
  c.s2 = calloc(k * k, sizeof *c.s2);
  c.in = calloc(k, sizeof *c.in);
  c.sum = calloc(k, sizeof *c.sum);
  c.cnt = calloc(k, sizeof *c.cnt);
  c.reps = calloc(k, sizeof *c.reps);
  int rc = c.x && c.s2 && c.in && c.sum && c.cnt && c.reps && !report_alloc(sr, k)
               ? 0
               : err_set(err, errlen, "out of memory");
  for (size_t p = 0; !rc && p < k; p++) c.in[p] = 1;
  if (!rc && so->ncons) rc = feasible_first(src, so, &c, sr, err, errlen);
  double a = so->ncons ? so->alpha / 2 : so->alpha, kin = (double)(c.nin > 1 ? c.nin : 2);
  double eta = 0.5 * (pow(2 * a / (kin - 1), -2.0 / (double)(so->n0 - 1)) - 1);
  sr->h2 = 2 * eta * (double)(so->n0 - 1);
  long r = so->n0, last = 0; /* the next stage to screen, the last screened */
  while (!rc && c.nin > 0) {
    if ((rc = run_round(src, so, &c, err, errlen))) break;
    if (last == 0) sr->bound = first_stage(&c, so, sr->h2);
    for (; c.nin > 1 && r <= c.planned && last < sr->bound; r++) {
      screen(&c, so, sr->h2, r, sr);
      last = r;
    }
    if (c.nin <= 1 || last >= sr->bound || last >= so->max_reps) break;
    double next = fmax((double)r, ceil(1.5 * (double)last));
    c.planned = (long)fmin(next, fmin((double)sr->bound, (double)so->max_reps));
  }
  if (!rc) finish(&c, last ? last : so->n0, sr);
  kn_free(&c);
  return rc;
}

int select_run(const scenario *s, const batch_opts *o, const select_opts *so, const char *db,
               batch_report *rep, select_report *sr, char *err, size_t errlen) {
  size_t k = s->npoints;
  memset(rep, 0, sizeof *rep);
  memset(sr, 0, sizeof *sr);
  if (k < 2 && !so->ncons)
    return err_set(err, errlen,
                   "select: '%s' has one sweep point; KN chooses among two or more (give the "
                   "scenario a sweep)",
                   s->name);
  if (k > SELECT_MAX_POINTS)
    return err_set(err, errlen,
                   "select: '%s' has %zu sweep points; KN keeps the variance of every pair, so "
                   "it takes at most %d (screen the sweep first: compare, sensitivity)",
                   s->name, k, SELECT_MAX_POINTS);
  store *reader = NULL;
  values_version v = {.s = s,
                      .o = o,
                      .db = db,
                      .max_reps = so->max_reps,
                      .sum = rep,
                      .rounds = &sr->rounds,
                      .reader = &reader};
  values_source src = values_of_version(&v);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = values_put_version(db, o->lock_wait, s, err, errlen) ||
           save(s, o, so, db, sr, 0, err, errlen) || /* running */
           select_kn(&src, so, sr, err, errlen) || save(s, o, so, db, sr, 1, err, errlen);
  store_close(reader);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  sr->own_s =
      (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec) - rep->wall_s;
  return rc ? -1 : 0;
}

/* A point's status as printed. */
static const char *status(const select_opts *so, const select_report *sr, size_t p, char *buf,
                          size_t len) {
  const feasible_report *fr = &sr->fr;
  if (fr->npoints && fr->point[p] == FEAS_NO) {
    const select_constraint *c = &so->cons[fr->failed[p]];
    snprintf(buf, len, "infeasible: %s mean %.6g %s %.6g", c->metric,
             fr->mean[p * fr->ncons + (size_t)fr->failed[p]], c->upper ? ">" : "<", c->bound);
    return buf;
  }
  if (fr->npoints && fr->point[p] == FEAS_UNDECIDED) return "feasibility undecided at --max-reps";
  if ((int)p == sr->best) return sr->at_max ? "best at --max-reps (no guarantee)" : "best";
  if (sr->out_at[p]) {
    snprintf(buf, len, "eliminated at stage %ld", sr->out_at[p]);
    return buf;
  }
  return sr->at_max ? "in at --max-reps" : "tied with the best";
}

void select_print(const select_opts *so, const select_report *sr, int csv, FILE *f) {
  char buf[320];
  if (csv) fputs("point,n,mean,ci_low,ci_high,status\n", f);
  else text_printf(f, "%5s %6s %14s  %-31s  %s\n", "point", "n", "mean", "95% CI", "status");
  for (size_t p = 0; p < sr->npoints; p++) {
    const char *st = status(so, sr, p, buf, sizeof buf);
    if (csv)
      text_printf(f, "%zu,%ld,%.17g,%.17g,%.17g,%s\n", p, sr->n[p], sr->mean[p], sr->lo[p],
                  sr->hi[p], st);
    else {
      char ci[64];
      snprintf(ci, sizeof ci, "[%.6g, %.6g]", sr->lo[p], sr->hi[p]);
      text_printf(f, "%5zu %6ld %14.6g  %-31s  %s\n", p, sr->n[p], sr->mean[p], ci, st);
    }
  }
  if (!csv && so->ncons)
    text_printf(f,
                "feasibility: %zu constraint%s, each look at error %.3g (alpha / 2 over points, "
                "constraints and looks)\n",
                so->ncons, so->ncons == 1 ? "" : "s", sr->fr.alpha_e);
  if (!csv && sr->best < 0) fputs("KN: not run, no point is feasible\n", f);
  else if (!csv)
    text_printf(f,
                "KN on %s (%s), delta %g, alpha %g, n0 %ld: %ld stages (at most %ld), %ld "
                "replications used, %ld round%s\n",
                so->metric, so->minimize ? "smallest" : "largest", so->delta,
                so->ncons ? so->alpha / 2 : so->alpha, so->n0, sr->stage, sr->bound, sr->runs,
                sr->rounds, sr->rounds == 1 ? "" : "s");
  if (sr->best < 0) fputs("best: none (no point is feasible)\n", f);
  else fprintf(f, "best: point %d\n", sr->best);
}

void select_report_free(select_report *sr) {
  free(sr->n);
  free(sr->out_at);
  free(sr->mean);
  free(sr->lo);
  free(sr->hi);
  feasible_report_free(&sr->fr);
  memset(sr, 0, sizeof *sr);
}
