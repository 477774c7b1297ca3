/*
** precision.c -- the rounds of --precision: run the planned replications
** (batch.h, done ones skipped), read each goal's values per point from the
** store, check the rule, plan the next checkpoint of the points not done.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "precision.h"
#include "stats.h"
#include "store.h"
#include "text.h"

/* The values of one goal's metric, per point, of replications < planned. */
typedef struct values {
  const long *planned;
  size_t npoints;
  double **v; /* [point]: planned[point] slots, NaN where none */
  long seen;  /* values read, of any point */
} values;

static void take(void *ctx, int point, int rep, double v) {
  values *c = ctx;
  if (point < 0 || (size_t)point >= c->npoints || rep < 0 || rep >= c->planned[point]) return;
  c->v[point][rep] = v;
  c->seen++;
}

/* The mean and half-width of the values x[0..n) that are not NaN. */
static void interval(const double *x, long n, double *buf, long *count, double *mean, double *hw) {
  long m = 0;
  for (long i = 0; i < n; i++)
    if (!isnan(x[i])) buf[m++] = x[i];
  double sd;
  stats_mean_sd(buf, (size_t)m, mean, &sd);
  *count = m;
  *hw = m > 1 ? stats_t_quantile(0.975, (double)(m - 1)) * sd / sqrt((double)m) : (double)NAN;
}

/* The half-width a goal allows at this mean (NaN: not known yet). */
static double allowed(const precision_goal *g, double mean) {
  return g->absolute ? g->value : g->value / (1 + g->value) * fabs(mean);
}

/* Read every goal's values and check the rule at every unfinished point;
** plan the next checkpoint.  Returns the points still going, or -1. */
static long check(store *st, const scenario *s, const batch_opts *o, const precision_opts *po,
                  precision_report *pr, int *done_p, char *err, size_t errlen) {
  size_t np = s->npoints, ng = po->ngoals;
  long going = 0, most = 0;
  for (size_t p = 0; p < np; p++) most = pr->planned[p] > most ? pr->planned[p] : most;
  values c = {.planned = pr->planned, .npoints = np};
  c.v = calloc(np, sizeof *c.v);
  double *buf = malloc((size_t)(most ? most : 1) * sizeof *buf);
  double *need = calloc(np, sizeof *need); /* the replications the goals project */
  int rc = c.v && buf && need ? 0 : err_set(err, errlen, "out of memory");
  for (size_t p = 0; !rc && p < np; p++)
    if (!(c.v[p] = malloc((size_t)(pr->planned[p] ? pr->planned[p] : 1) * sizeof **c.v)))
      rc = err_set(err, errlen, "out of memory");
  for (size_t g = 0; !rc && g < ng; g++) {
    for (size_t p = 0; p < np; p++)
      for (long r = 0; r < pr->planned[p]; r++) c.v[p][r] = NAN;
    c.seen = 0;
    if (store_metric_values(st, s->sha256, o->seed, po->goals[g].metric, take, &c))
      rc = err_set(err, errlen, "%s", store_error(st));
    else if (c.seen == 0)
      rc = err_set(err, errlen,
                   "--precision %s: no done run of '%s' has this metric (see the metrics in the "
                   "README or the database's metrics table)",
                   po->goals[g].metric, s->name);
    for (size_t p = 0; !rc && p < np; p++) {
      size_t at = p * ng + g;
      interval(c.v[p], pr->planned[p], buf, &pr->n[at], &pr->mean[at], &pr->hw[at]);
      double want = allowed(&po->goals[g], pr->mean[at]);
      double ratio = pr->hw[at] / want; /* NaN or inf: not known, or a mean of 0 */
      if (!(ratio <= 1)) {
        double n = (double)pr->n[at],
               proj = isfinite(ratio) ? ceil(n * ratio * ratio) : (double)INFINITY;
        need[p] = fmax(need[p], proj);
      }
    }
  }
  for (size_t p = 0; !rc && p < np; p++) {
    if (done_p[p]) continue;
    int met = need[p] == 0;
    pr->met[p] = met;
    if (met || pr->planned[p] >= po->max_reps) {
      done_p[p] = 1;
      continue;
    }
    double next = fmin(fmax(need[p], (double)pr->planned[p] + 1), 2.0 * (double)pr->planned[p]);
    pr->planned[p] = (long)fmin(next, (double)po->max_reps);
    going++;
  }
  for (size_t p = 0; c.v && p < np; p++) free(c.v[p]);
  free(c.v);
  free(buf);
  free(need);
  return rc ? -1 : going;
}

int precision_run(const scenario *s, const batch_opts *o, const precision_opts *po, const char *db,
                  batch_report *rep, precision_report *pr, char *err, size_t errlen) {
  size_t np = s->npoints, ng = po->ngoals;
  memset(rep, 0, sizeof *rep);
  memset(pr, 0, sizeof *pr);
  pr->npoints = np;
  pr->ngoals = ng;
  pr->n = calloc(np * ng, sizeof *pr->n);
  pr->mean = calloc(np * ng, sizeof *pr->mean);
  pr->hw = calloc(np * ng, sizeof *pr->hw);
  pr->planned = calloc(np, sizeof *pr->planned);
  pr->met = calloc(np, sizeof *pr->met);
  int *done_p = calloc(np, sizeof *done_p);
  long *round_reps = calloc(np, sizeof *round_reps);
  if (!pr->n || !pr->mean || !pr->hw || !pr->planned || !pr->met || !done_p || !round_reps) {
    free(done_p);
    free(round_reps);
    return err_set(err, errlen, "out of memory");
  }
  for (size_t p = 0; p < np; p++) pr->planned[p] = po->min_reps;
  int rc = 0;
  for (long going = (long)np; !rc && going > 0;) {
    batch_opts bo = *o;
    bo.replications = po->max_reps;
    bo.resume = 1;
    for (size_t p = 0; p < np; p++) round_reps[p] = done_p[p] ? 0 : pr->planned[p];
    bo.point_reps = round_reps;
    batch_report r;
    rc = batch_run(s, &bo, db, &r, err, errlen);
    if (!rc) {
      batch_report_add(rep, &r, pr->rounds);
      pr->rounds++;
    }
    batch_report_free(&r);
    store *st = rc ? NULL : store_open_read(db, err, errlen);
    if (!rc && !st) rc = -1;
    if (!rc) {
      going = check(st, s, o, po, pr, done_p, err, errlen);
      if (going < 0) rc = -1;
    }
    store_close(st);
  }
  free(done_p);
  free(round_reps);
  return rc;
}

void precision_print(const scenario *s, const precision_opts *po, const precision_report *pr,
                     FILE *f) {
  fprintf(f, "%5s %6s", "point", "reps");
  for (size_t g = 0; g < po->ngoals; g++)
    text_printf(f, "  %s (mean +- 95%% half-width)", po->goals[g].metric);
  fprintf(f, "  goal\n");
  for (size_t p = 0; p < s->npoints; p++) {
    fprintf(f, "%5zu %6ld", p, pr->planned[p]);
    for (size_t g = 0; g < po->ngoals; g++) {
      size_t at = p * po->ngoals + g;
      fprintf(f, "  %.6g +- %.3g (n %ld)", pr->mean[at], pr->hw[at], pr->n[at]);
    }
    fprintf(f, "  %s\n", pr->met[p] ? "met" : "not met at --max-reps");
  }
}

void precision_report_free(precision_report *pr) {
  free(pr->n);
  free(pr->mean);
  free(pr->hw);
  free(pr->planned);
  free(pr->met);
  memset(pr, 0, sizeof *pr);
}
