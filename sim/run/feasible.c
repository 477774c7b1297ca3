/*
** feasible.c -- the feasibility of each point on constraints, decided in
** rounds of runs (values.h).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "feasible.h"
#include "stats.h"

/* Constraint c's decision on values x[0..n) (NaN mean: not decided). */
static feasibility decide(const select_constraint *c, const double *x, long n, double a,
                          double *mean) {
  double lo, hi;
  stats_mean_interval(x, (size_t)n, a, mean, &lo, &hi);
  if (!c->upper) { /* mean >= bound: as -mean <= -bound */
    double t = lo;
    lo = -hi;
    hi = -t;
  }
  double m = c->upper ? *mean : -*mean, b = c->upper ? c->bound : -c->bound;
  int yes = hi<b + c->tol, no = lo> b - c->tol;
  if (yes && no) return m <= b ? FEAS_YES : FEAS_NO;
  return yes ? FEAS_YES : no ? FEAS_NO : FEAS_UNDECIDED;
}

static int report_alloc(feasible_report *fr, size_t k, size_t nc) {
  fr->npoints = k;
  fr->ncons = nc;
  fr->point = calloc(k, sizeof *fr->point);
  fr->n = calloc(k, sizeof *fr->n);
  fr->mean = calloc(k * nc, sizeof *fr->mean);
  fr->failed = calloc(k, sizeof *fr->failed);
  return fr->point && fr->n && fr->mean && fr->failed ? 0 : -1;
}

int feasible_run(const values_source *src, const select_constraint *cons, size_t ncons,
                 double alpha, long n0, long max_reps, feasible_report *fr, char *err,
                 size_t errlen) {
  size_t k = src->npoints;
  memset(fr, 0, sizeof *fr);
  double **x = calloc(k, sizeof *x);
  long *reps = calloc(k, sizeof *reps);
  feasibility *dec = calloc(k * ncons, sizeof *dec); /* [point * ncons + c] */
  int *open = calloc(k, sizeof *open);               /* [point]: still being decided */
  int rc = x && reps && dec && open && !report_alloc(fr, k, ncons)
               ? 0
               : err_set(err, errlen, "out of memory");
  fr->alpha_e =
      alpha / ((double)k * (double)ncons * (1 + floor(log2((double)max_reps / (double)n0))));
  for (size_t p = 0; !rc && p < k; p++) {
    open[p] = 1;
    fr->n[p] = n0;
    fr->failed[p] = -1;
  }
  for (long going = (long)k; !rc && going > 0;) {
    for (size_t p = 0; p < k; p++) reps[p] = open[p] ? fr->n[p] : 0;
    for (size_t c = 0; !rc && c < ncons; c++) {
      rc = src->fetch(src->ctx, reps, cons[c].metric, 1, x, err, errlen);
      for (size_t p = 0; !rc && p < k; p++)
        if (open[p] && dec[p * ncons + c] == FEAS_UNDECIDED)
          dec[p * ncons + c] =
              decide(&cons[c], x[p], fr->n[p], fr->alpha_e, &fr->mean[p * ncons + c]);
    }
    going = 0;
    for (size_t p = 0; !rc && p < k; p++) {
      if (!open[p]) continue;
      int all = 1;
      for (size_t c = 0; c < ncons && fr->failed[p] < 0; c++) {
        if (dec[p * ncons + c] == FEAS_NO) fr->failed[p] = (int)c;
        all &= dec[p * ncons + c] == FEAS_YES;
      }
      fr->point[p] = fr->failed[p] >= 0 ? FEAS_NO : all ? FEAS_YES : FEAS_UNDECIDED;
      if (fr->point[p] != FEAS_UNDECIDED || fr->n[p] >= max_reps) open[p] = 0;
      else {
        fr->n[p] = 2 * fr->n[p] < max_reps ? 2 * fr->n[p] : max_reps;
        going++;
      }
    }
  }
  for (size_t p = 0; x && p < k; p++) free(x[p]);
  free(x);
  free(reps);
  free(dec);
  free(open);
  return rc;
}

void feasible_report_free(feasible_report *fr) {
  free(fr->point);
  free(fr->n);
  free(fr->mean);
  free(fr->failed);
  memset(fr, 0, sizeof *fr);
}
