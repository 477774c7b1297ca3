/*
** batch.c -- a scenario's sweep points x replications into the store:
** the plan (shard, resume), the runs over a process pool (pool.h), the
** tallies, progress and summary.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "err.h"
#include "model.h"
#include "policy.h"
#include "pool.h"
#include "sandbox_print.h"
#include "store.h"
#include "store_design.h"
#include "text.h"
#include "units.h"

static double now_s(clockid_t clk) {
  struct timespec ts;
  clock_gettime(clk, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int batch_traced(const batch_opts *o, size_t point, long rep) {
  for (size_t i = 0; i < o->ntrace; i++)
    if (o->trace[2 * i] == (long)point && o->trace[2 * i + 1] == rep) return 1;
  return 0;
}

/* A run's error as stored and printed: its shown form (text.h), one line
** with no control character, whatever a policy or the model put in it
** (out of memory: every byte that is not printable ASCII made '?'). */
static void shown(char *err, size_t errlen) {
  char *raw = strdup(err);
  if (raw) text_escape(err, errlen, raw, strlen(raw), TEXT_LINE);
  for (char *p = err; !raw && *p; p++)
    if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e) *p = '?';
  free(raw);
}

int batch_run_one(const scenario *s, const batch_opts *o, size_t point, long rep, results *res,
                  uint64_t *events, char *err, size_t errlen) {
  results_reset(res);
  *events = 0;
  int none;
  policy_ctx *pol = policy_new(s, point, &none, err, errlen);
  if (!pol && !none) return -1;
  model_hooks hooks = pol ? policy_hooks(pol) : (model_hooks){0};
  hooks.trace = batch_traced(o, point, rep);
  hooks.max_events = o->max_events;
  hooks.max_memory = o->max_memory;
  model *m = model_new(s->points[point].cfg, &hooks, o->seed, (uint64_t)rep, err, errlen);
  int rc = m ? model_run(m, res, err, errlen) : -1;
  if (m) *events = model_events(m);
  model_free(m);
  policy_free(pol);
  if (rc) shown(err, errlen);
  return rc;
}

/* Store a run: 0, 1 when a done run of its identity was kept instead (it
** failed), -1 on error (store_error()). */
static int store_one(store *st, const scenario *s, size_t point, const results *res,
                     const store_run *run) {
  const scenario_point *pt = &s->points[point];
  store_param *params = malloc((pt->nparams ? pt->nparams : 1) * sizeof *params);
  store_metric *metrics = malloc((res->nm ? res->nm : 1) * sizeof *metrics);
  store_sample *series = malloc((res->ns ? res->ns : 1) * sizeof *series);
  store_event *ev = malloc((res->nev ? res->nev : 1) * sizeof *ev);
  int64_t id = -1;
  if (params && metrics && series && ev) {
    store_run r = *run;
    for (size_t i = 0; i < res->nev; i++)
      ev[i] = (store_event){.t_days = res->ev[i].t_days,
                            .kind = res->ev[i].kind,
                            .subject = res->ev[i].subject,
                            .detail = res->ev[i].detail};
    r.ev = ev;
    r.nev = res->nev;
    for (size_t i = 0; i < pt->nparams; i++)
      params[i] = (store_param){pt->params[i].name, pt->params[i].value, pt->params[i].swept};
    for (size_t i = 0; i < res->nm; i++)
      metrics[i] = (store_metric){res->m[i].name, res->m[i].value};
    for (size_t i = 0; i < res->ns; i++)
      series[i] = (store_sample){res->s[i].t_days, res->s[i].name, res->s[i].value};
    id = store_put_run(st, &r, params, pt->nparams, metrics, res->nm, series, res->ns);
  }
  free(params);
  free(metrics);
  free(series);
  free(ev);
  return id > 0 ? 0 : id == 0 ? 1 : -1;
}

/* ---- the batch --------------------------------------------------------- */

/* A run's message from the process that ran it to the one that stores it:
** this header, then the results (results_encode) when ok. */
typedef struct run_msg {
  int ok;
  uint64_t events;
  double started, wall_s;
  char error[ERR_LEN];
} run_msg;

/* The runs to do are this shard's, index (point x replications +
** replication, or with point_reps the replications of the points before
** plus replication) = shard + k x nshards for k < in_shard, less those
** already done (--resume), whose k are skip[0..nskip) in increasing order.
** The plan is never listed: a batch of 10^9 runs takes no memory for it. */
typedef struct batch {
  const scenario *s;
  const batch_opts *o;
  long *first; /* with point_reps: the index of point p's replication 0, npoints + 1 */
  long *skip;  /* k of the runs --resume skips, sorted */
  size_t nskip, capskip;
  long nplan;  /* runs to do: tasks 0..nplan-1 of the pool */
  store *st;   /* written by this process only */
  results res; /* a worker's current run */
  results got; /* a run received, to store */
  batch_report *rep;
  double t0, last_progress;
  uint64_t events;
} batch;

/* Task t of the pool: the t-th k of the shard not skipped, which is t + j
** for the least j with skip[j] - j > t (skip[j] - j never decreases). */
static void run_of(const batch *b, long t, size_t *point, long *rep) {
  size_t lo = 0, hi = b->nskip;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (b->skip[mid] - (long)mid > t) hi = mid;
    else lo = mid + 1;
  }
  long i = b->o->shard + (t + (long)lo) * b->o->nshards;
  if (!b->first) {
    *point = (size_t)(i / b->o->replications);
    *rep = i % b->o->replications;
    return;
  }
  size_t a = 0, z = b->s->npoints; /* the last point whose first run is <= i */
  while (z - a > 1) {
    size_t mid = a + (z - a) / 2;
    if (b->first[mid] <= i) a = mid;
    else z = mid;
  }
  *point = a;
  *rep = i - b->first[a];
}

/* The replications of point p in this batch. */
static long reps_of(const batch *b, size_t p) {
  return b->first ? b->first[p + 1] - b->first[p] : b->o->replications;
}

/* A pool task, in a worker: run it, encode what the parent must store. */
static void *do_run(void *ctx, long t, size_t *len, char *err, size_t errlen) {
  batch *b = ctx;
  run_msg h = {0};
  size_t p, n = 0;
  long r;
  run_of(b, t, &p, &r);
  double w0 = now_s(CLOCK_MONOTONIC);
  h.started = now_s(CLOCK_REALTIME);
  h.ok = batch_run_one(b->s, b->o, p, r, &b->res, &h.events, h.error, sizeof h.error) == 0;
  h.wall_s = now_s(CLOCK_MONOTONIC) - w0;
  if (!h.ok) results_keep_events(&b->res); /* a failed run: its events up to the failure */
  void *body = results_encode(&b->res, &n);
  char *msg = body ? malloc(sizeof h + n) : NULL;
  if (!msg) {
    free(body);
    snprintf(err, errlen, "out of memory passing the results of point %zu replication %ld", p, r);
    return NULL;
  }
  memcpy(msg, &h, sizeof h);
  memcpy(msg + sizeof h, body, n);
  free(body);
  *len = sizeof h + n;
  return msg;
}

static void fmt_duration(double s, char *buf, size_t n) {
  if (!(s < 1e9)) snprintf(buf, n, "?");
  else if (s < 1.5 * SECONDS_PER_MINUTE) snprintf(buf, n, "%.0f s", s);
  else if (s < 1.5 * SECONDS_PER_HOUR) snprintf(buf, n, "%.0f min", s / SECONDS_PER_MINUTE);
  else snprintf(buf, n, "%.1f h", s / SECONDS_PER_HOUR);
}

static void progress(batch *b, int last) {
  double now = now_s(CLOCK_MONOTONIC);
  if (!b->o->progress || (!last && now - b->last_progress < 0.25)) return;
  b->last_progress = now;
  const batch_report *r = b->rep;
  long finished = r->done + r->failed;
  double el = now - b->t0;
  char eta[32];
  fmt_duration(finished ? el / (double)finished * (double)(b->nplan - finished) : (double)NAN, eta,
               sizeof eta);
  fprintf(stderr, "\r\033[K%ld/%ld runs, %ld failed, %.3g events/s, ETA %s", finished, b->nplan,
          r->failed, el > 0 ? (double)b->events / el : 0.0, eta);
  if (last) fputs("\r\033[K", stderr);
  fflush(stderr);
}

static void tally(batch *b, size_t p, long r, const run_msg *h) {
  b->events += h->events;
  if (!h->ok) {
    b->rep->failed++;
    if (!b->rep->first_error[0])
      err_set(b->rep->first_error, sizeof b->rep->first_error, "point %zu replication %ld: %s", p,
              r, h->error);
  } else {
    b->rep->done++;
  }
  progress(b, 0);
}

/* The summary's figures per point: of the stored batch (the runs done
** before a --resume too), as the database holds them. */
static int read_points(batch *b, char *err, size_t errlen) {
  static const char *const names[] = {"revenue_total", "utilization_mean", "cash_min"};
  size_t n = b->s->npoints, k = sizeof names / sizeof *names;
  long *done = calloc(n, sizeof *done), *failed = calloc(n, sizeof *failed);
  double *sums = calloc(n * k, sizeof *sums);
  int rc = done && failed && sums ? 0 : err_set(err, errlen, "out of memory");
  if (!rc && store_tally_points(b->st, b->s->sha256, b->o->seed, n, names, k, done, failed, sums))
    rc = err_set(err, errlen, "%s", store_error(b->st));
  for (size_t p = 0; !rc && p < n; p++)
    b->rep->points[p] = (batch_point){.done = done[p],
                                      .failed = failed[p],
                                      .revenue = sums[p * k],
                                      .utilization = sums[p * k + 1],
                                      .cash_min = sums[p * k + 2]};
  free(done);
  free(failed);
  free(sums);
  return rc;
}

/* Store a run (done with b->got, or failed) and count it. */
static int store_and_tally(batch *b, long t, const run_msg *h, char *err, size_t errlen) {
  size_t p;
  long r;
  run_of(b, t, &p, &r);
  if (!h->ok) results_keep_events(&b->got);
  store_run run = {.scenario = b->s->name,
                   .scenario_sha256 = b->s->sha256,
                   .point = (int)p,
                   .replication = (int)r,
                   .seed = b->o->seed,
                   .status = h->ok ? "done" : "failed",
                   .error = h->ok ? NULL : h->error,
                   .events = h->events,
                   .wall_s = h->wall_s,
                   .started_at = h->started,
                   .finished_at = now_s(CLOCK_REALTIME)};
  int kept = store_one(b->st, b->s, p, &b->got, &run);
  if (kept < 0) return err_set(err, errlen, "%s", store_error(b->st));
  b->rep->kept += kept;
  tally(b, p, r, h);
  return 0;
}

/* In the parent: a run's message. */
static int on_msg(void *ctx, long t, const void *msg, size_t len, char *err, size_t errlen) {
  batch *b = ctx;
  run_msg h;
  if (len < sizeof h) return err_set(err, errlen, "a worker sent a malformed message");
  memcpy(&h, msg, sizeof h);
  h.error[sizeof h.error - 1] = '\0';
  if (results_decode(&b->got, (const char *)msg + sizeof h, len - sizeof h))
    return err_set(err, errlen, "a worker sent malformed results (or out of memory)");
  return store_and_tally(b, t, &h, err, errlen);
}

/* In the parent: a worker process died during run t: store it failed with why. */
static void on_lost(void *ctx, long t, const char *why) {
  batch *b = ctx;
  run_msg h = {0};
  char err[ERR_LEN];
  h.started = now_s(CLOCK_REALTIME);
  snprintf(h.error, sizeof h.error, "%s", why);
  results_reset(&b->got);                         /* nothing of the run came back */
  if (store_and_tally(b, t, &h, err, sizeof err)) /* --resume redoes the run */
    text_printf(stderr, "neosim: %s\n", err);
}

/* A done run of the store: skipped when it is this shard's and not traced. */
static void mark_done(void *ctx, int point, int rep) {
  batch *b = ctx;
  if (point < 0 || (size_t)point >= b->s->npoints || rep < 0 || rep >= reps_of(b, (size_t)point) ||
      batch_traced(b->o, (size_t)point, rep))
    return;
  long i = b->first ? b->first[point] + rep : (long)point * b->o->replications + rep;
  if (i % b->o->nshards != b->o->shard) return;
  if (b->nskip == b->capskip) {
    size_t cap = b->capskip ? 2 * b->capskip : 1024;
    long *n = realloc(b->skip, cap * sizeof *n);
    if (!n) return (void)(b->capskip = SIZE_MAX); /* said by make_plan */
    b->skip = n;
    b->capskip = cap;
  }
  b->skip[b->nskip++] = i / b->o->nshards;
}

static int cmp_long(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* The scenario's design of uncertain inputs, as the store keeps it. */
static int put_design(store *st, const scenario *s, char *err, size_t errlen) {
  const scenario_design *d = s->design;
  char **names = calloc(d->ninputs, sizeof *names), **dists = calloc(d->ninputs, sizeof *dists);
  store_design_corr *corr = calloc(d->ncorr ? d->ncorr : 1, sizeof *corr);
  int rc = names && dists && corr ? 0 : err_set(err, errlen, "out of memory");
  for (size_t i = 0; !rc && i < d->ninputs; i++) {
    names[i] = d->inputs[i].name;
    dists[i] = d->inputs[i].dist;
  }
  for (size_t i = 0; !rc && i < d->ncorr; i++)
    corr[i] = (store_design_corr){.a = d->corr[i].a,
                                  .b = d->corr[i].b,
                                  .target = d->corr[i].target,
                                  .achieved = d->corr[i].achieved};
  store_design sd = {.kind = d->kind,
                     .samples = d->samples,
                     .rows = d->rows,
                     .sweep_points = d->npoints,
                     .ninputs = d->ninputs,
                     .names = names,
                     .dists = dists,
                     .ncorr = d->ncorr,
                     .corr = corr,
                     .p = d->p};
  if (!rc) rc = store_put_design(st, s->sha256, &sd, err, errlen);
  free(names);
  free(dists);
  free(corr);
  return rc;
}

/* The runs to do: this shard's, less those already done (--resume).  A
** version's runs are one batch of one seed: another seed is refused. */
static int make_plan(batch *b, const char *db, char *err, size_t errlen) {
  const batch_opts *o = b->o;
  long total = (long)b->s->npoints * o->replications;
  if (o->point_reps) {
    if (!(b->first = malloc((b->s->npoints + 1) * sizeof *b->first)))
      return err_set(err, errlen, "out of memory");
    b->first[0] = 0;
    for (size_t p = 0; p < b->s->npoints; p++)
      b->first[p + 1] =
          b->first[p] + (o->point_reps[p] < o->replications ? o->point_reps[p] : o->replications);
    total = b->first[b->s->npoints];
  }
  char other[32];
  int rc = store_other_seed(b->st, b->s->sha256, o->seed, other, sizeof other);
  if (rc > 0)
    return err_set(err, errlen,
                   "'%s' holds runs of scenario '%s' (version %.12s) of seed %s: runs of seed "
                   "%llu would mix two batches in one version; run with --seed %s, or into "
                   "another --db",
                   db, b->s->name, b->s->sha256, other, (unsigned long long)o->seed, other);
  if (!rc)
    rc = store_put_scenario(b->st, b->s->name, b->s->sha256, b->s->path, b->s->source,
                            b->s->overrides);
  if (!rc && o->resume) rc = store_done_runs(b->st, b->s->sha256, o->seed, mark_done, b);
  if (rc) return err_set(err, errlen, "%s", store_error(b->st));
  if (b->s->design && put_design(b->st, b->s, err, errlen)) return -1;
  if (b->capskip == SIZE_MAX) return err_set(err, errlen, "out of memory");
  if (b->nskip) qsort(b->skip, b->nskip, sizeof *b->skip, cmp_long); /* NULL when none */
  b->rep->in_shard = total > o->shard ? (total - o->shard + o->nshards - 1) / o->nshards : 0;
  b->rep->skipped = (long)b->nskip; /* a run is stored once: no duplicates */
  b->nplan = b->rep->in_shard - b->rep->skipped;
  return 0;
}

int batch_run(const scenario *s, const batch_opts *o, const char *db, batch_report *rep, char *err,
              size_t errlen) {
  memset(rep, 0, sizeof *rep);
  batch b = {.s = s, .o = o, .rep = rep};
  rep->points = calloc(s->npoints, sizeof *rep->points);
  if (!rep->points) return err_set(err, errlen, "out of memory");
  b.t0 = now_s(CLOCK_MONOTONIC);
  /* Workers never touch this connection (they only run and encode). */
  int rc = (b.st = store_open(db, o->lock_wait, err, errlen)) ? make_plan(&b, db, err, errlen) : -1;
  if (!rc) {
    sandbox_print_share(); /* one print cap for all workers; on failure, one each */
    pool_fns fns = {do_run, on_msg, on_lost};
    rc = pool_run(o->jobs, b.nplan, &fns, &b, err, errlen);
    progress(&b, 1);
    if (!rc) rc = read_points(&b, err, errlen);
  }
  store_close(b.st);
  results_clear(&b.res);
  results_clear(&b.got);
  free(b.skip);
  free(b.first);
  rep->wall_s = now_s(CLOCK_MONOTONIC) - b.t0;
  return rc;
}

static void print_params(const scenario_point *pt, FILE *f) {
  int any = 0;
  for (size_t i = 0; i < pt->nparams; i++)
    if (pt->params[i].swept)
      text_printf(f, "%s%s=%s", any++ ? " " : "  ", pt->params[i].name, pt->params[i].value);
}

void batch_print_summary(const scenario *s, const batch_report *rep, FILE *f) {
  fprintf(f, "%5s %6s %6s %16s %12s %16s\n", "point", "done", "failed", "revenue_total",
          "utilization", "cash_min");
  for (size_t p = 0; p < s->npoints; p++) {
    const batch_point *b = &rep->points[p];
    double n = b->done ? (double)b->done : (double)NAN;
    fprintf(f, "%5zu %6ld %6ld %16.6g %12.4f %16.6g", p, b->done, b->failed, b->revenue / n,
            b->utilization / n, b->cash_min / n);
    print_params(&s->points[p], f);
    fputc('\n', f);
  }
}

/* Add a round's counts to the sum; its per-point table replaces the sum's
** (each round reads the whole stored batch).  Runs skipped as done are
** those of the first round: later rounds skip the runs of earlier ones. */
void batch_report_add(batch_report *sum, batch_report *r, long round) {
  sum->done += r->done;
  sum->failed += r->failed;
  sum->kept += r->kept;
  if (round == 0) sum->skipped = r->skipped;
  sum->in_shard += r->in_shard - (round == 0 ? 0 : r->skipped);
  sum->wall_s += r->wall_s;
  if (!sum->first_error[0]) memcpy(sum->first_error, r->first_error, sizeof r->first_error);
  free(sum->points);
  sum->points = r->points;
  r->points = NULL;
}

void batch_report_free(batch_report *rep) {
  free(rep->points);
  rep->points = NULL;
}
