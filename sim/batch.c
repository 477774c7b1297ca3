/*
** batch.c -- sweep points x replications, sequentially, into the store.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch.h"
#include "model/model.h"
#include "policy.h"

static double now_s(clockid_t clk) {
  struct timespec ts;
  clock_gettime(clk, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int batch_run_one(const scenario *s, size_t point, uint64_t seed, long rep, results *res,
                  uint64_t *events, char *err, size_t errlen) {
  results_reset(res);
  *events = 0;
  int none;
  policy_ctx *pol = policy_new(s, point, &none, err, errlen);
  if (!pol && !none) return -1;
  model_hooks hooks = pol ? policy_hooks(pol) : (model_hooks){0};
  model *m = model_new(s->points[point].cfg, &hooks, seed, (uint64_t)rep, err, errlen);
  int rc = m ? model_run(m, res, err, errlen) : -1;
  if (m) *events = model_events(m);
  model_free(m);
  policy_free(pol);
  return rc;
}

static int store_one(store *st, const scenario *s, size_t point, const results *res, const store_run *run) {
  const scenario_point *pt = &s->points[point];
  store_param *params = malloc((pt->nparams ? pt->nparams : 1) * sizeof *params);
  store_metric *metrics = malloc((res->nm ? res->nm : 1) * sizeof *metrics);
  store_sample *series = malloc((res->ns ? res->ns : 1) * sizeof *series);
  store_event *ev = malloc((res->nev ? res->nev : 1) * sizeof *ev);
  int64_t id = -1;
  if (params && metrics && series && ev) {
    store_run r = *run;
    for (size_t i = 0; i < res->nev; i++)
      ev[i] = (store_event){res->ev[i].t_days, res->ev[i].kind, res->ev[i].subject, res->ev[i].detail};
    r.ev = ev, r.nev = res->nev;
    for (size_t i = 0; i < pt->nparams; i++)
      params[i] = (store_param){pt->params[i].name, pt->params[i].value, pt->params[i].swept};
    for (size_t i = 0; i < res->nm; i++) metrics[i] = (store_metric){res->m[i].name, res->m[i].value};
    for (size_t i = 0; i < res->ns; i++) series[i] = (store_sample){res->s[i].t_days, res->s[i].name, res->s[i].value};
    id = store_put_run(st, &r, params, pt->nparams, metrics, res->nm, series, res->ns);
  }
  free(params), free(metrics), free(series), free(ev);
  return id > 0 ? 0 : -1;
}

static void tally(batch_point *bp, const results *res, uint64_t events, int ok) {
  if (!ok) {
    bp->failed++;
    return;
  }
  bp->done++;
  bp->events += events;
  bp->revenue += results_get(res, "revenue_total");
  bp->utilization += results_get(res, "utilization_mean");
  bp->cash_min += results_get(res, "cash_min");
}

int batch_run(const scenario *s, const batch_opts *o, store *st, batch_report *rep, char *err,
              size_t errlen) {
  memset(rep, 0, sizeof *rep);
  rep->points = calloc(s->npoints, sizeof *rep->points);
  if (!rep->points) return snprintf(err, errlen, "out of memory"), -1;
  if (store_put_scenario(st, s->name, s->sha256, s->path, s->source))
    return snprintf(err, errlen, "%s", store_error(st)), -1;
  results res = {0};
  double t0 = now_s(CLOCK_MONOTONIC);
  int rc = 0;
  for (size_t p = 0; p < s->npoints && rc == 0; p++)
    for (long r = 0; r < o->replications && rc == 0; r++) {
      char why[512] = "";
      uint64_t events;
      double started = now_s(CLOCK_REALTIME), w0 = now_s(CLOCK_MONOTONIC);
      int ok = batch_run_one(s, p, o->seed, r, &res, &events, why, sizeof why) == 0;
      store_run run = {s->name, s->sha256, (int)p, (int)r, o->seed, ok ? "done" : "failed", ok ? NULL : why,
                       events, now_s(CLOCK_MONOTONIC) - w0, started, now_s(CLOCK_REALTIME), NULL, 0};
      if (!ok && !rep->first_error[0]) snprintf(rep->first_error, sizeof rep->first_error, "point %zu replication %ld: %s", p, r, why);
      if (store_one(st, s, p, ok ? &res : &(results){0}, &run)) {
        snprintf(err, errlen, "%s", store_error(st));
        rc = -1;
      }
      tally(&rep->points[p], &res, events, ok);
      ok ? rep->done++ : rep->failed++;
    }
  rep->wall_s = now_s(CLOCK_MONOTONIC) - t0;
  results_clear(&res);
  return rc;
}

static void print_params(const scenario_point *pt, FILE *f) {
  int any = 0;
  for (size_t i = 0; i < pt->nparams; i++)
    if (pt->params[i].swept) fprintf(f, "%s%s=%s", any++ ? " " : "  ", pt->params[i].name, pt->params[i].value);
}

void batch_print_summary(const scenario *s, const batch_report *rep, FILE *f) {
  fprintf(f, "%5s %6s %6s %16s %12s %16s\n", "point", "done", "failed", "revenue_total", "utilization", "cash_min");
  for (size_t p = 0; p < s->npoints; p++) {
    const batch_point *b = &rep->points[p];
    double n = b->done ? (double)b->done : (double)NAN;
    fprintf(f, "%5zu %6ld %6ld %16.6g %12.4f %16.6g", p, b->done, b->failed, b->revenue / n,
            b->utilization / n, b->cash_min / n);
    print_params(&s->points[p], f);
    fputc('\n', f);
  }
}

void batch_report_free(batch_report *rep) {
  free(rep->points);
  rep->points = NULL;
}
