/*
** cmd_seek.c -- `neosim seek`: the value of a key where a metric's mean
** meets a target, with a confidence interval (seek.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "pool.h"
#include "scenario_opts.h"
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
    "                    (default 0.001, from 1e-12 to 0.5)\n"
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
  const char *scenario, *db;
  scenario_opts so;
  seek_opts sk;
  seek_key *keys;
  long jobs;
  int quiet;
  double lock_wait;
} opts;

/* --vary KEY=LO:HI */
static int add_key(opts *o, const char *v) {
  const char *eq = strrchr(v, '='), *colon = eq ? strchr(eq, ':') : NULL;
  char lo[64];
  double a, b;
  if (!eq || eq == v || !colon || (size_t)(colon - eq - 1) >= sizeof lo)
    return cli_usage_error("seek: --vary '%s': give KEY=LO:HI", v);
  snprintf(lo, sizeof lo, "%.*s", (int)(colon - eq - 1), eq + 1);
  if (args_double(lo, &a) || args_double(colon + 1, &b) || !isfinite(a) || !isfinite(b) || a == b)
    return cli_usage_error("seek: --vary '%s': LO and HI must be two different finite numbers", v);
  seek_key *k = realloc(o->keys, (o->sk.nkeys + 1) * sizeof *k);
  if (!k) return cli_usage_error("seek: out of memory");
  o->keys = k;
  char *key = strndup(v, (size_t)(eq - v));
  if (!key) return cli_usage_error("seek: out of memory");
  k[o->sk.nkeys++] = (seek_key){.key = key, .lo = a, .hi = b};
  return 0;
}

static int num_opt(int argc, char **argv, int *i, const char *name, double lo, double hi,
                   double *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_double(v, to) || !(*to >= lo && *to <= hi))
    return cli_usage_error("seek: %s '%s': need a number from %g to %g", name, v, lo, hi);
  return 1;
}

static int long_opt(int argc, char **argv, int *i, const char *name, long lo, long *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_long(v, lo, SCENARIO_MAX_REPLICATIONS, to))
    return cli_usage_error("seek: %s '%s': need an integer from %ld to 100000000", name, v, lo);
  return 1;
}

static int one_opt(opts *o, int argc, char **argv, int *i) {
  const char *v, *name;
  int r;
  if ((r = cli_opt(argc, argv, i, "--db", &v))) {
    o->db = v;
    return r < 0 ? 2 : 1;
  }
  if ((r = cli_opt(argc, argv, i, "--metric", &v))) {
    o->sk.metric = v;
    return r < 0 ? 2 : 1;
  }
  if ((r = cli_opt(argc, argv, i, "--vary", &v))) return r < 0 || add_key(o, v) ? 2 : 1;
  if (strcmp(argv[*i], "--quiet") == 0 || strcmp(argv[*i], "-q") == 0) {
    o->quiet = 1;
    return 1;
  }
  if ((r = scenario_opt(&o->so, argc, argv, i, &name, &v))) {
    if (r == 1 && strcmp(name, "--reps") == 0)
      return cli_usage_error("seek: the bisection decides the replications: not with --reps");
    return r;
  }
  if ((r = num_opt(argc, argv, i, "--target", -HUGE_VAL, HUGE_VAL, &o->sk.target)) ||
      (r = num_opt(argc, argv, i, "--alpha", 1e-12, 0.4999, &o->sk.alpha)) ||
      (r = num_opt(argc, argv, i, "--tol", 1e-12, 0.5, &o->sk.tol)) ||
      (r = long_opt(argc, argv, i, "--n0", 2, &o->sk.n0)) ||
      (r = long_opt(argc, argv, i, "--max-reps", 2, &o->sk.max_reps)) ||
      (r = long_opt(argc, argv, i, "--budget", 4, &o->sk.budget)) ||
      (r = cli_jobs(argc, argv, i, &o->jobs)) || (r = cli_lock_wait(argc, argv, i, &o->lock_wait)))
    return r;
  return 0;
}

static int parse(opts *o, int argc, char **argv) {
  memset(o, 0, sizeof *o);
  o->db = CLI_DEFAULT_DB;
  o->sk = (seek_opts){
      .alpha = 0.05, .tol = 0.001, .n0 = 10, .max_reps = 1000, .budget = 2000, .target = NAN};
  for (int i = 1; i < argc; i++) {
    int r = one_opt(o, argc, argv, &i);
    if (r == 2) return 2;
    if (r == 1) continue;
    if (argv[i][0] == '-' && argv[i][1])
      return cli_usage_error("seek: unknown option '%s' (see neosim help seek)", argv[i]);
    if (o->scenario)
      return cli_usage_error("seek: more than one scenario given ('%s', '%s')", o->scenario,
                             argv[i]);
    o->scenario = argv[i];
  }
  if (!o->scenario) return cli_usage_error("seek: no scenario file given (see neosim help seek)");
  if (!o->sk.nkeys) return cli_usage_error("seek: give the key to vary: --vary KEY=LO:HI");
  if (!o->sk.metric) return cli_usage_error("seek: give the metric: --metric M");
  if (isnan(o->sk.target)) return cli_usage_error("seek: give the mean sought: --target T");
  if (o->sk.n0 > o->sk.max_reps)
    return cli_usage_error("seek: --n0 %ld is above --max-reps %ld", o->sk.n0, o->sk.max_reps);
  return 0;
}

int cmd_seek(int argc, char **argv) {
  opts o;
  char err[ERR_LEN];
  int rc = parse(&o, argc, argv);
  if (!rc) {
    o.sk.path = o.scenario;
    o.sk.sets = o.so.sets;
    o.sk.nsets = o.so.nsets;
    o.sk.lim = &o.so.lim;
    o.sk.keys = o.keys;
    /* the scenario as given: its seed, and its errors said before any run */
    scenario *s = scenario_load(o.scenario, o.so.sets, o.so.nsets, &o.so.lim, err, sizeof err);
    uint64_t seed = s ? s->seed : 0;
    if (!s) rc = cli_usage_error("%s", err);
    scenario_free(s);
    batch_opts bo = {.seed = o.so.seed_set ? o.so.seed : seed,
                     .jobs = o.jobs ? (int)o.jobs : pool_cpus(),
                     .nshards = 1,
                     .progress = !o.quiet && isatty(2),
                     .max_events = o.so.max_events,
                     .max_memory = o.so.max_memory,
                     .lock_wait = o.lock_wait};
    seek_report sr = {0};
    if (!rc && seek_run(&o.sk, &bo, o.db, &sr, err, sizeof err)) rc = cli_usage_error("%s", err);
    else if (!rc) {
      if (!o.quiet)
        text_printf(stdout, "%ld replications of %zu values; results in %s\n", sr.runs, sr.nev,
                    o.db);
      seek_print(&o.sk, &sr, stdout);
    }
    seek_report_free(&sr);
  }
  for (size_t k = 0; k < o.sk.nkeys; k++) free((char *)(uintptr_t)o.keys[k].key);
  free(o.keys);
  scenario_opts_free(&o.so);
  return rc;
}
