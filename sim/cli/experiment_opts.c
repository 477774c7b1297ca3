/*
** experiment_opts.c -- the shared options of select and seek.
*/
#include <math.h>
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

batch_opts experiment_batch(const experiment_opts *o, uint64_t scenario_seed) {
  return (batch_opts){.seed = o->so.seed_set ? o->so.seed : scenario_seed,
                      .jobs = o->jobs ? (int)o->jobs : pool_cpus(),
                      .nshards = 1,
                      .progress = !o->quiet && isatty(2),
                      .max_events = o->so.max_events,
                      .max_memory = o->so.max_memory,
                      .lock_wait = o->lock_wait};
}

void experiment_opts_free(experiment_opts *o) { scenario_opts_free(&o->so); }
