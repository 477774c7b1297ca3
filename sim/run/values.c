/*
** values.c -- rounds of runs and a metric's values read back per point.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store.h"
#include "values.h"

int values_run(const scenario *s, const batch_opts *o, const char *db, const long *reps,
               long max_reps, batch_report *sum, long *rounds, char *err, size_t errlen) {
  batch_opts bo = *o;
  bo.replications = max_reps;
  bo.resume = 1;
  bo.point_reps = reps;
  batch_report r;
  int rc = batch_run(s, &bo, db, &r, err, errlen);
  if (!rc) batch_report_add(sum, &r, (*rounds)++);
  batch_report_free(&r);
  return rc;
}

typedef struct take_ctx {
  const long *reps;
  size_t npoints;
  double sign, **x;
} take_ctx;

static void take(void *ctx, int point, int rep, double v) {
  take_ctx *c = ctx;
  if (point < 0 || (size_t)point >= c->npoints || rep < 0 || rep >= c->reps[point]) return;
  c->x[point][rep] = c->sign * v;
}

int values_read(const char *db, store **reader, const scenario *s, uint64_t seed,
                const char *metric, const long *reps, double sign, double **x, char *err,
                size_t errlen) {
  for (size_t p = 0; p < s->npoints; p++) {
    if (!reps[p]) continue;
    double *n = realloc(x[p], (size_t)reps[p] * sizeof *n);
    if (!n) return err_set(err, errlen, "out of memory");
    x[p] = n;
    for (long r = 0; r < reps[p]; r++) n[r] = NAN;
  }
  store *st = reader && *reader ? *reader : store_open_read(db, err, errlen);
  if (!st) return -1;
  take_ctx c = {.reps = reps, .npoints = s->npoints, .sign = sign, .x = x};
  int rc = store_metric_values(st, s->sha256, seed, metric, take, &c)
               ? err_set(err, errlen, "%s", store_error(st))
               : 0;
  if (reader) *reader = st;
  else store_close(st);
  for (size_t p = 0; !rc && p < s->npoints; p++)
    for (long r = 0; !rc && r < reps[p]; r++)
      if (isnan(x[p][r]))
        rc = err_set(err, errlen,
                     "run %zu:%ld of '%s' has no value of '%s' (it failed, or the metric does not "
                     "exist: see the metrics in the README)",
                     p, r, s->name, metric);
  return rc;
}

static int version_fetch(void *ctx, const long *reps, const char *metric, double sign, double **x,
                         char *err, size_t errlen) {
  values_version *v = ctx;
  return values_run(v->s, v->o, v->db, reps, v->max_reps, v->sum, v->rounds, err, errlen) ||
         values_read(v->db, v->reader, v->s, v->o->seed, metric, reps, sign, x, err, errlen);
}

values_source values_of_version(values_version *v) {
  return (values_source){.npoints = v->s->npoints, .fetch = version_fetch, .ctx = v};
}

int values_put_version(const char *db, double lock_wait, const scenario *s, char *err,
                       size_t errlen) {
  store *st = store_open(db, lock_wait, err, errlen);
  if (!st) return -1;
  int rc = store_put_scenario(st, s->name, s->sha256, s->path, s->source, s->overrides)
               ? err_set(err, errlen, "%s", store_error(st))
               : 0;
  store_close(st);
  return rc;
}

scenario *values_load(const values_space *sp, const double *vals, char *err, size_t errlen) {
  size_t nsets = sp->nsets, nkeys = vals ? sp->nkeys : 0, n = nsets + 1 + nkeys;
  scenario_set *all = calloc(n, sizeof *all);
  char(*text)[32] = calloc(nkeys ? nkeys : 1, sizeof *text);
  scenario *s = NULL;
  if (!all || !text) err_set(err, errlen, "out of memory");
  else {
    for (size_t i = 0; i < nsets; i++) all[i] = sp->sets[i];
    all[nsets] = (scenario_set){.path = "sweep", .value = "none"};
    for (size_t k = 0; k < nkeys; k++) {
      snprintf(text[k], sizeof text[k], "%.17g", vals[k]);
      all[nsets + 1 + k] = (scenario_set){.path = sp->keys[k].key, .value = text[k]};
    }
    s = scenario_load(sp->path, all, n, sp->lim, err, errlen);
    if (s && s->npoints != 1) {
      err_set(err, errlen,
              "'%s' without its sweep still has %zu points (uncertain inputs): an experiment "
              "runs one configuration per value",
              s->name, s->npoints);
      scenario_free(s);
      s = NULL;
    }
  }
  free(all);
  free(text);
  return s;
}

int values_put_base(const values_space *sp, const char *db, double lock_wait, char *sha, char *err,
                    size_t errlen) {
  scenario *s = values_load(sp, NULL, err, errlen);
  int rc = s ? values_put_version(db, lock_wait, s, err, errlen) : -1;
  if (!rc) memcpy(sha, s->sha256, 65);
  scenario_free(s);
  return rc;
}

double values_key_at(const values_key *k, double u) {
  double v = k->lo + u * (k->hi - k->lo);
  return k->integer ? round(v) : v;
}

void values_text(const values_key *keys, const double *vals, size_t nkeys, int digits, char *buf,
                 size_t len) {
  size_t at = 0;
  buf[0] = '\0';
  for (size_t k = 0; k < nkeys && at < len; k++)
    at += (size_t)snprintf(buf + at, len - at, "%s%s=%.*g", k ? " " : "", keys[k].key, digits,
                           vals[k]);
}

void values_ranges(const values_key *keys, size_t nkeys, char *buf, size_t len) {
  size_t at = 0;
  buf[0] = '\0';
  for (size_t k = 0; k < nkeys && at < len; k++)
    at += (size_t)snprintf(buf + at, len - at, "%s%s=%.15g:%.15g%s", k ? "," : "", keys[k].key,
                           keys[k].lo, keys[k].hi, keys[k].integer ? ":int" : "");
}
