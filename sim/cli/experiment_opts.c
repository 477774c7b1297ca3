/*
** experiment_opts.c -- the shared options of select and seek.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "experiment_opts.h"
#include "pool.h"

int experiment_num(const char *cmd, int argc, char **argv, int *i, const char *name, double lo,
                   double hi, double *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (!args_double(v, to) && *to > lo && *to < hi) return 1;
  if (isinf(lo) && isinf(hi)) return cli_usage_error("%s: %s '%s': need a number", cmd, name, v);
  if (isinf(hi)) return cli_usage_error("%s: %s '%s': need a number above %g", cmd, name, v, lo);
  return cli_usage_error("%s: %s '%s': need a number above %g and below %g", cmd, name, v, lo, hi);
}

static int reps_opt(const char *cmd, int argc, char **argv, int *i, const char *name, long *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_long(v, 2, SCENARIO_MAX_REPLICATIONS, to))
    return cli_usage_error("%s: %s '%s': need an integer from 2 to 100000000", cmd, name, v);
  return 1;
}

/* One shared option at argv[*i]: 1 taken, 0 not one, 2 error (printed). */
static int shared_opt(experiment_opts *o, int argc, char **argv, int *i) {
  const char *v, *name;
  int r;
  if ((r = cli_opt(argc, argv, i, "--db", &v))) {
    o->db = v;
    return r < 0 ? 2 : 1;
  }
  if ((r = cli_opt(argc, argv, i, "--metric", &v))) {
    o->metric = v;
    return r < 0 ? 2 : 1;
  }
  if (strcmp(argv[*i], "--quiet") == 0 || strcmp(argv[*i], "-q") == 0) {
    o->quiet = 1;
    return 1;
  }
  if ((r = scenario_opt(&o->so, argc, argv, i, &name, &v))) {
    if (r == 1 && strcmp(name, "--reps") == 0)
      return cli_usage_error("%s: the procedure decides the replications: not with --reps", o->cmd);
    return r;
  }
  if ((r = experiment_num(o->cmd, argc, argv, i, "--alpha", 0, 0.5, &o->alpha)) ||
      (r = reps_opt(o->cmd, argc, argv, i, "--n0", &o->n0)) ||
      (r = reps_opt(o->cmd, argc, argv, i, "--max-reps", &o->max_reps)) ||
      (r = cli_jobs(argc, argv, i, &o->jobs)) || (r = cli_lock_wait(argc, argv, i, &o->lock_wait)))
    return r;
  return 0;
}

int experiment_parse(experiment_opts *o, int argc, char **argv, experiment_own *own, void *ctx) {
  const char *cmd = argv[0];
  *o = (experiment_opts){
      .cmd = cmd, .db = CLI_DEFAULT_DB, .alpha = 0.05, .n0 = 10, .max_reps = 1000};
  for (int i = 1; i < argc; i++) {
    int r = own(ctx, argc, argv, &i);
    if (r == 0) r = shared_opt(o, argc, argv, &i);
    if (r == 2) return 2;
    if (r == 0 && cli_scenario_arg(cmd, argv[i], &o->scenario)) return 2;
  }
  if (cli_scenario_given(cmd, o->scenario)) return 2;
  if (!o->metric) return cli_usage_error("%s: give the metric: --metric M", cmd);
  if (o->n0 > o->max_reps)
    return cli_usage_error("%s: --n0 %ld is above --max-reps %ld", cmd, o->n0, o->max_reps);
  return 0;
}

int experiment_seed(const experiment_opts *o, uint64_t *seed) {
  char err[ERR_LEN];
  scenario *s = scenario_load(o->scenario, o->so.sets, o->so.nsets, &o->so.lim, err, sizeof err);
  if (!s) return cli_usage_error("%s", err);
  *seed = s->seed;
  scenario_free(s);
  return 0;
}

batch_opts experiment_batch(const experiment_opts *o, uint64_t scenario_seed) {
  return (batch_opts){.seed = o->so.seed_set ? o->so.seed : scenario_seed,
                      .jobs = o->jobs ? (int)o->jobs : pool_cpus(),
                      .nshards = 1,
                      .progress = !o->quiet && isatty(2),
                      .max_events = o->so.max_events,
                      .max_memory = o->so.max_memory,
                      .lock_wait = o->lock_wait};
}

/* --constraint 'METRIC<=V' or 'METRIC>=V', with '~TOL' (default 10% of
** |V|). */
int experiment_constraint(experiment_opts *o, const char *v) {
  const char *cmd = o->cmd;
  const char *op = strstr(v, "<="), *ge = strstr(v, ">=");
  if (!op || (ge && ge < op)) op = ge;
  if (!op || op == v)
    return cli_usage_error("%s: --constraint '%s': give METRIC<=V or METRIC>=V (and ~TOL, "
                           "e.g. 'defaulted<=0.05~0.02')",
                           cmd, v);
  char num[64];
  const char *tilde = strchr(op, '~');
  size_t len = tilde ? (size_t)(tilde - op - 2) : strlen(op + 2);
  double bound, tol = NAN;
  if (len >= sizeof num) return cli_usage_error("%s: --constraint '%s': V too long", cmd, v);
  snprintf(num, sizeof num, "%.*s", (int)len, op + 2);
  if (args_double(num, &bound) || !isfinite(bound) ||
      (tilde && (args_double(tilde + 1, &tol) || !(tol > 0) || !isfinite(tol))))
    return cli_usage_error("%s: --constraint '%s': V must be a finite number and TOL one "
                           "above 0",
                           cmd, v);
  if (!tilde) tol = 0.1 * fabs(bound);
  if (!(tol > 0))
    return cli_usage_error("%s: --constraint '%s': a bound of 0 needs a tolerance: "
                           "'METRIC<=0~TOL'",
                           cmd, v);
  select_constraint *c = realloc(o->cons, (o->ncons + 1) * sizeof *c);
  if (!c) return cli_usage_error("%s: out of memory", cmd);
  o->cons = c;
  char *metric = strndup(v, (size_t)(op - v));
  if (!metric) return cli_usage_error("%s: out of memory", cmd);
  c[o->ncons++] =
      (select_constraint){.metric = metric, .upper = op[0] == '<', .bound = bound, .tol = tol};
  return 0;
}

int experiment_vary(experiment_opts *o, const char *v, int allow_int) {
  const char *cmd = o->cmd;
  const char *eq = strrchr(v, '='), *colon = eq ? strchr(eq, ':') : NULL;
  const char *colon2 = colon ? strchr(colon + 1, ':') : NULL;
  char a[64], b[64];
  double lo, hi;
  int integer = colon2 && strcmp(colon2, ":int") == 0;
  if (o->nkeys == VALUES_MAX_KEYS)
    return cli_usage_error("%s: --vary '%s': at most %d keys vary", cmd, v, VALUES_MAX_KEYS);
  if (!eq || eq == v || !colon || (colon2 && (!allow_int || !integer)) ||
      (size_t)(colon - eq - 1) >= sizeof a)
    return cli_usage_error("%s: --vary '%s': give KEY=LO:HI%s", cmd, v,
                           allow_int ? " (or KEY=LO:HI:int)" : "");
  snprintf(a, sizeof a, "%.*s", (int)(colon - eq - 1), eq + 1);
  snprintf(b, sizeof b, "%.*s", (int)(colon2 ? colon2 - colon - 1 : (long)strlen(colon + 1)),
           colon + 1);
  if (args_double(a, &lo) || args_double(b, &hi) || !isfinite(lo) || !isfinite(hi) || lo == hi)
    return cli_usage_error("%s: --vary '%s': LO and HI must be two different finite numbers", cmd,
                           v);
  values_key *k = realloc(o->keys, (o->nkeys + 1) * sizeof *k);
  if (!k) return cli_usage_error("%s: out of memory", cmd);
  o->keys = k;
  char *key = strndup(v, (size_t)(eq - v));
  if (!key) return cli_usage_error("%s: out of memory", cmd);
  k[o->nkeys++] = (values_key){.key = key, .lo = lo, .hi = hi, .integer = integer};
  return 0;
}

select_opts experiment_select(const experiment_opts *o, int minimize, double delta) {
  return (select_opts){.metric = o->metric,
                       .minimize = minimize,
                       .delta = delta,
                       .alpha = o->alpha,
                       .n0 = o->n0,
                       .max_reps = o->max_reps,
                       .cons = o->cons,
                       .ncons = o->ncons};
}

values_space experiment_space(const experiment_opts *o) {
  return (values_space){.path = o->scenario,
                        .sets = o->so.sets,
                        .nsets = o->so.nsets,
                        .lim = &o->so.lim,
                        .keys = o->keys,
                        .nkeys = o->nkeys};
}

void experiment_opts_free(experiment_opts *o) {
  for (size_t k = 0; k < o->nkeys; k++) free((char *)(uintptr_t)o->keys[k].key);
  free(o->keys);
  for (size_t c = 0; c < o->ncons; c++) free((char *)(uintptr_t)o->cons[c].metric);
  free(o->cons);
  scenario_opts_free(&o->so);
}
