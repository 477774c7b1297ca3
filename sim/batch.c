/*
** batch.c -- a scenario's sweep points x replications into the store:
** the plan (shard, resume), the runs over a process pool (pool.h), the
** tallies, progress and summary.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "model/model.h"
#include "policy.h"
#include "pool.h"

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

/* ---- the batch: what every worker process shares (copied by fork) ---- */

/* What a run reports to the parent (pool message). */
typedef struct run_msg {
  int ok;
  uint64_t events;
  double revenue, utilization, cash_min;
  char error[1024];
} run_msg;

typedef struct batch {
  const scenario *s;
  const batch_opts *o;
  const char *db;
  long *plan, nplan; /* run indices (point x replications + replication) to do */
  store *st;         /* the process's own connection (workers open theirs) */
  results res;
  batch_report *rep;
  double t0, last_progress;
  uint64_t events;
} batch;

static void run_of(const batch *b, long t, size_t *point, long *rep) {
  long i = b->plan[t];
  *point = (size_t)(i / b->o->replications), *rep = i % b->o->replications;
}

static int open_store(void *ctx, char *err, size_t errlen) {
  batch *b = ctx;
  b->st = store_open(b->db, err, errlen);
  return b->st ? 0 : -1;
}

static void close_store(void *ctx) {
  batch *b = ctx;
  store_close(b->st), b->st = NULL;
  results_clear(&b->res);
}

static store_run run_row(const batch *b, size_t p, long r, const char *error, uint64_t events, double started,
                         double wall) {
  return (store_run){b->s->name, b->s->sha256, (int)p, (int)r, b->o->seed, error ? "failed" : "done", error,
                     events, wall, started, now_s(CLOCK_REALTIME), NULL, 0};
}

/* A pool task: one run, stored by this process. */
static int do_run(void *ctx, long t, void *msgp, char *err, size_t errlen) {
  batch *b = ctx;
  run_msg *msg = msgp;
  size_t p;
  long r;
  run_of(b, t, &p, &r);
  double started = now_s(CLOCK_REALTIME), w0 = now_s(CLOCK_MONOTONIC);
  msg->ok = batch_run_one(b->s, p, b->o->seed, r, &b->res, &msg->events, msg->error, sizeof msg->error) == 0;
  store_run run = run_row(b, p, r, msg->ok ? NULL : msg->error, msg->events, started, now_s(CLOCK_MONOTONIC) - w0);
  if (store_one(b->st, b->s, p, msg->ok ? &b->res : &(results){0}, &run))
    return snprintf(err, errlen, "%s", store_error(b->st)), -1;
  if (msg->ok) {
    msg->revenue = results_get(&b->res, "revenue_total");
    msg->utilization = results_get(&b->res, "utilization_mean");
    msg->cash_min = results_get(&b->res, "cash_min");
  }
  return 0;
}

static void fmt_duration(double s, char *buf, size_t n) {
  if (!(s < 1e9)) snprintf(buf, n, "?");
  else if (s < 90) snprintf(buf, n, "%.0f s", s);
  else if (s < 5400) snprintf(buf, n, "%.0f min", s / 60);
  else snprintf(buf, n, "%.1f h", s / 3600);
}

static void progress(batch *b, int last) {
  double now = now_s(CLOCK_MONOTONIC);
  if (!b->o->progress || (!last && now - b->last_progress < 0.25)) return;
  b->last_progress = now;
  const batch_report *r = b->rep;
  long finished = r->done + r->failed;
  double el = now - b->t0;
  char eta[32];
  fmt_duration(finished ? el / (double)finished * (double)(b->nplan - finished) : (double)NAN, eta, sizeof eta);
  fprintf(stderr, "\r\033[K%ld/%ld runs, %ld failed, %.3g events/s, ETA %s", finished, b->nplan, r->failed,
          el > 0 ? (double)b->events / el : 0.0, eta);
  if (last) fputs("\r\033[K", stderr);
  fflush(stderr);
}

static void tally(batch *b, long t, int ok, const char *error, const run_msg *m) {
  size_t p;
  long r;
  run_of(b, t, &p, &r);
  batch_point *bp = &b->rep->points[p];
  if (!ok) {
    bp->failed++, b->rep->failed++;
    if (!b->rep->first_error[0])
      snprintf(b->rep->first_error, sizeof b->rep->first_error, "point %zu replication %ld: %s", p, r, error);
  } else {
    bp->done++, b->rep->done++;
    bp->events += m->events;
    bp->revenue += m->revenue, bp->utilization += m->utilization, bp->cash_min += m->cash_min;
  }
  if (m) b->events += m->events;
  progress(b, 0);
}

static void on_msg(void *ctx, long t, const void *msgp) {
  const run_msg *m = msgp;
  tally(ctx, t, m->ok, m->error, m);
}

/* A worker process died during run t: store the run as failed with why,
** through the parent's own connection. */
static void on_lost(void *ctx, long t, const char *why) {
  batch *b = ctx;
  size_t p;
  long r;
  run_of(b, t, &p, &r);
  char err[1024];
  if (!b->st && open_store(b, err, sizeof err) == 0) {
    store_run run = run_row(b, p, r, why, 0, now_s(CLOCK_REALTIME), 0);
    store_one(b->st, b->s, p, &(results){0}, &run); /* if it fails, --resume redoes the run */
  }
  tally(b, t, 0, why, NULL);
}

static void mark_done(void *ctx, int point, int rep) {
  batch *b = ctx;
  if (point >= 0 && (size_t)point < b->s->npoints && rep >= 0 && rep < b->o->replications)
    b->plan[(long)point * b->o->replications + rep] = -1;
}

/* The runs to do: this shard's, less those already done (--resume). */
static int make_plan(batch *b, char *err, size_t errlen) {
  long total = (long)b->s->npoints * b->o->replications;
  if (!(b->plan = malloc((size_t)(total ? total : 1) * sizeof *b->plan))) return snprintf(err, errlen, "out of memory"), -1;
  for (long i = 0; i < total; i++) b->plan[i] = i;
  if (open_store(b, err, errlen)) return -1;
  int rc = store_put_scenario(b->st, b->s->name, b->s->sha256, b->s->path, b->s->source, b->s->overrides);
  if (!rc && b->o->resume) rc = store_done_runs(b->st, b->s->sha256, b->o->seed, mark_done, b);
  if (rc) snprintf(err, errlen, "%s", store_error(b->st));
  close_store(b); /* no connection crosses a fork */
  for (long i = 0; i < total; i++) {
    if (i % b->o->nshards != b->o->shard) continue;
    b->rep->in_shard++;
    if (b->plan[i] < 0) b->rep->skipped++;
    else b->plan[b->nplan++] = i;
  }
  return rc;
}

int batch_run(const scenario *s, const batch_opts *o, const char *db, batch_report *rep, char *err,
              size_t errlen) {
  memset(rep, 0, sizeof *rep);
  batch b = {.s = s, .o = o, .db = db, .rep = rep};
  rep->points = calloc(s->npoints, sizeof *rep->points);
  if (!rep->points) return snprintf(err, errlen, "out of memory"), -1;
  b.t0 = now_s(CLOCK_MONOTONIC);
  int rc = make_plan(&b, err, errlen);
  if (!rc) {
    pool_fns fns = {open_store, do_run, close_store, on_msg, on_lost};
    rc = pool_run(o->jobs, b.nplan, sizeof(run_msg), &fns, &b, err, errlen);
    progress(&b, 1);
  }
  close_store(&b);
  free(b.plan);
  rep->wall_s = now_s(CLOCK_MONOTONIC) - b.t0;
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
