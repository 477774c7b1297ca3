/*
** cmd_seek.c -- `neosim seek`: the value of a key where a metric's mean
** meets a target, with a confidence interval (seek.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "experiment_opts.h"
#include "seek.h"
#include "text.h"

const char cmd_seek_help[] =
    "usage: neosim seek SCENARIO.lua --vary KEY=LO:HI [--vary KEY=LO:HI]... --metric M\n"
    "                   --target T [--budget RUNS] [--alpha A] [--n0 N] [--max-reps N]\n"
    "                   [--tol X] [-j N] [--db FILE] [--seed N] [--set KEY=VALUE]...\n"
    "                   [--quiet] [--lock-wait S] [--lua-memory MB] [--lua-instructions N]\n"
    "                   [--lua-cpu S] [--max-events N] [--model-memory MB]\n\n"
    "Find the value of KEY between LO and HI where the mean of metric M equals T\n"
    "(e.g. the debt principal where defaulted = 0.05), with an interval that\n"
    "holds it with probability at least 1 - A when the mean is monotone in KEY.\n"
    "Several --vary move together, each from its LO to its HI (a leverage path:\n"
    "principal up, equity down).  The scenario runs without its sweep (--set\n"
    "sweep=none) with the keys set, one scenario version per value tried.\n"
    "Bisection: both ends are decided first (their means must lie on opposite\n"
    "sides of T), then the midpoint of the bracket; at each value replications\n"
    "run in rounds (N0, then doubling, at most --max-reps) until the t interval\n"
    "of the mean lies above or below T, each decision at error A / (D L) (D the\n"
    "most values decided, L the most looks at one: Bonferroni).  It stops when\n"
    "the bracket is narrower than --tol of the range, a midpoint cannot be\n"
    "decided, or --budget is spent; the bracket is the interval, the estimate\n"
    "interpolates linearly between the means bracketing T.\n\n"
    "  --vary KEY=LO:HI  a numeric key and its range (repeatable: moved together)\n"
    "  --metric M        the metric (a column of the metrics table)\n"
    "  --target T        the mean sought\n"
    "  --budget RUNS     replications in all (default 2000)\n"
    "  --alpha A         the interval's error (default 0.05, below 0.5)\n"
    "  --n0 N            replications of a value's first round (default 10, >= 2)\n"
    "  --max-reps N      the most replications of one value (default 1000)\n"
    "  --tol X           stop when the bracket is narrower than X times the range\n"
    "                    (default 0.001, above 0 and below 0.5)\n"
    "  --db, --seed, --set, -j, --quiet, --lock-wait and the limits as for run\n\n"
    "Output: a line per value tried (the first key's value, n, mean, 95% interval,\n"
    "and whether the mean is above, below or undecided), why it stopped, then\n"
    "\"with: KEY=VALUE [LO, HI]\" for each further key and last \"root:\n"
    "KEY=VALUE [LO, HI]\" for the first; or \"no root: ...\" when the ends lie on\n"
    "one side.  The runs are stored like any run; the experiment in the tables\n"
    "experiments and experiment_points.  Decisions depend on the stored runs\n"
    "alone: the same whatever -j, and a killed seek run again reuses the runs\n"
    "done and ends the same.\n"
    "Exit status: 0 done (root or not), 2 usage, scenario or database error, or\n"
    "a run that failed.\n";

typedef struct opts {
  experiment_opts e;
  double target, tol;
  long budget;
} opts;

/* seek's own options (experiment_own). */
static int own_opt(void *ctx, int argc, char **argv, int *i) {
  opts *o = ctx;
  const char *v;
  double budget;
  int r;
  if ((r = cli_opt(argc, argv, i, "--vary", &v)))
    return r < 0 || experiment_vary(&o->e, v, 0) ? 2 : 1;
  if ((r = experiment_num("seek", argc, argv, i, "--target", -HUGE_VAL, HUGE_VAL, &o->target)) ||
      (r = experiment_num("seek", argc, argv, i, "--tol", 0, 0.5, &o->tol)))
    return r;
  if ((r = experiment_num("seek", argc, argv, i, "--budget", 3, 1e12, &budget)) == 1) {
    if (budget != floor(budget)) return cli_usage_error("seek: --budget: a whole number of runs");
    o->budget = (long)budget;
  }
  return r;
}

int cmd_seek(int argc, char **argv) {
  opts o = {.target = NAN, .tol = 0.001, .budget = 2000};
  char err[ERR_LEN];
  int rc = experiment_parse(&o.e, argc, argv, own_opt, &o);
  if (!rc && !o.e.nkeys) rc = cli_usage_error("seek: give the key to vary: --vary KEY=LO:HI");
  if (!rc && isnan(o.target)) rc = cli_usage_error("seek: give the mean sought: --target T");
  uint64_t seed = 0;
  if (!rc) rc = experiment_seed(&o.e, &seed);
  if (!rc) {
    batch_opts bo = experiment_batch(&o.e, seed);
    seek_opts sk = {.sp = experiment_space(&o.e),
                    .metric = o.e.metric,
                    .target = o.target,
                    .alpha = o.e.alpha,
                    .tol = o.tol,
                    .n0 = o.e.n0,
                    .max_reps = o.e.max_reps,
                    .budget = o.budget};
    seek_report sr = {0};
    if (!rc && seek_run(&sk, &bo, o.e.db, &sr, err, sizeof err)) rc = cli_usage_error("%s", err);
    else if (!rc) {
      if (!o.e.quiet)
        text_printf(stdout, "%ld replications of %zu values; results in %s\n", sr.runs, sr.nev,
                    o.e.db);
      seek_print(&sk, &sr, stdout);
    }
    seek_report_free(&sr);
  }
  experiment_opts_free(&o.e);
  return rc;
}
