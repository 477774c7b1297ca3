/*
** cmd_select.c -- `neosim select`: the best sweep point of a scenario with
** a statistical guarantee (select.h).
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
#include "select.h"
#include "table.h"
#include "text.h"

const char cmd_select_help[] =
    "usage: neosim select SCENARIO.lua --metric M [--minimize] --delta D [--alpha A]\n"
    "                     [--constraint 'METRIC<=V[~TOL]']... [--n0 N] [--max-reps N]\n"
    "                     [-j N] [--db FILE] [--format table|csv]\n"
    "                     [--seed N] [--set KEY=VALUE]... [--quiet] [--lock-wait S]\n"
    "                     [--lua-memory MB] [--lua-instructions N] [--lua-cpu S]\n"
    "                     [--max-events N] [--model-memory MB]\n\n"
    "Choose the sweep point with the largest (--minimize: smallest) mean of a\n"
    "metric, with the guarantee of the fully sequential procedure KN (Kim and\n"
    "Nelson 2001): when the best mean beats every other by at least D, the\n"
    "point chosen is the best with probability at least 1 - A (outputs close to\n"
    "normal).  Replication r of every point draws the same random numbers, so\n"
    "differences between points are sharper than their means.  After n0\n"
    "replications of every point, points are eliminated stage by stage as their\n"
    "means fall behind; replications run in rounds over the points still in.\n\n"
    "  --metric M        the metric compared (a column of the metrics table: npv,\n"
    "                    revenue_total, defaulted, ...)\n"
    "  --minimize        the best is the smallest mean\n"
    "  --delta D         the indifference zone: the smallest difference of means\n"
    "                    worth telling apart, in the metric's units (D > 0)\n"
    "  --alpha A         1 - A is the probability of correct selection (default 0.05,\n"
    "                    below 0.5)\n"
    "  --constraint 'METRIC<=V~TOL'  only points whose mean of METRIC is at most V\n"
    "                    (>=: at least V) compete (repeatable).  Each point is first\n"
    "                    decided feasible or not by sequential interval tests (Wilson's\n"
    "                    for a 0/1 metric such as defaulted, Student's t else), in\n"
    "                    rounds of n0 then doubling: a mean at least TOL inside V is\n"
    "                    found feasible, one at least TOL outside not, between either\n"
    "                    may be (default TOL: 10% of |V|); the decisions at error\n"
    "                    A / 2 in all, KN at A / 2 on the feasible points (Bonferroni)\n"
    "  --n0 N            first-stage replications of every point (default 10, >= 2)\n"
    "  --max-reps N      stop at this stage, decided or not (default 1000): the best\n"
    "                    mean of the points still in is then chosen without the\n"
    "                    guarantee, and the status says so\n"
    "  --format F        table (default) or csv: point,n,mean,ci_low,ci_high,status\n"
    "  --db, --seed, --set, -j, --quiet, --lock-wait and the limits as for run\n\n"
    "Output: a row per point (its replications n -- the stage it was eliminated\n"
    "at, or the last --, the mean and 95% interval over them, and its status:\n"
    "best, eliminated at stage K, tied with the best, or infeasible: and why),\n"
    "ending with the line \"best: point K\" (\"best: none (no point is\n"
    "feasible)\").  The runs are stored like any run; the experiment (its\n"
    "procedure, parameters, stages and decision, each point's figures) in the\n"
    "tables experiments and experiment_points.  The decision depends on the\n"
    "stored runs alone: the same whatever -j, and a killed select run again\n"
    "reuses the runs done and ends the same.\n"
    "Exit status: 0 decided, 2 usage, scenario or database error, or a run\n"
    "that failed (KN needs every replication of the points still in).\n";

#define DEFAULT_N0 10
#define DEFAULT_MAX_REPS 1000

typedef struct opts {
  const char *scenario, *db;
  scenario_opts so;
  select_opts sel;
  select_constraint *cons; /* --constraint */
  long jobs;
  int quiet, csv;
  double lock_wait;
} opts;

/* --constraint 'METRIC<=V' or 'METRIC>=V', with '~TOL' (default 10% of
** |V|). */
static int add_constraint(opts *o, const char *v) {
  const char *op = strstr(v, "<="), *ge = strstr(v, ">=");
  if (!op || (ge && ge < op)) op = ge;
  if (!op || op == v)
    return cli_usage_error("select: --constraint '%s': give METRIC<=V or METRIC>=V (and ~TOL, "
                           "e.g. 'defaulted<=0.05~0.02')",
                           v);
  char num[64];
  const char *tilde = strchr(op, '~');
  size_t len = tilde ? (size_t)(tilde - op - 2) : strlen(op + 2);
  double bound, tol = NAN;
  if (len >= sizeof num) return cli_usage_error("select: --constraint '%s': V too long", v);
  snprintf(num, sizeof num, "%.*s", (int)len, op + 2);
  if (args_double(num, &bound) || !isfinite(bound) ||
      (tilde && (args_double(tilde + 1, &tol) || !(tol > 0) || !isfinite(tol))))
    return cli_usage_error("select: --constraint '%s': V must be a finite number and TOL one "
                           "above 0",
                           v);
  if (!tilde) tol = 0.1 * fabs(bound);
  if (!(tol > 0))
    return cli_usage_error("select: --constraint '%s': a bound of 0 needs a tolerance: "
                           "'METRIC<=0~TOL'",
                           v);
  select_constraint *c = realloc(o->cons, (o->sel.ncons + 1) * sizeof *c);
  if (!c) return cli_usage_error("select: out of memory");
  o->cons = c;
  char *metric = strndup(v, (size_t)(op - v));
  if (!metric) return cli_usage_error("select: out of memory");
  c[o->sel.ncons++] =
      (select_constraint){.metric = metric, .upper = op[0] == '<', .bound = bound, .tol = tol};
  return 0;
}

/* A number option of select: 1 taken, 0 not it, 2 error (printed). */
static int num_opt(int argc, char **argv, int *i, const char *name, double lo, double hi,
                   double *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_double(v, to) || !(*to > lo && *to < hi)) {
    if (isinf(hi)) return cli_usage_error("select: %s '%s': need a number above %g", name, v, lo);
    return cli_usage_error("select: %s '%s': need a number above %g and below %g", name, v, lo, hi);
  }
  return 1;
}

static int long_opt(int argc, char **argv, int *i, const char *name, long *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_long(v, 2, SCENARIO_MAX_REPLICATIONS, to))
    return cli_usage_error("select: %s '%s': need an integer from 2 to 100000000", name, v);
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
    o->sel.metric = v;
    return r < 0 ? 2 : 1;
  }
  if ((r = cli_opt(argc, argv, i, "--constraint", &v)))
    return r < 0 || add_constraint(o, v) ? 2 : 1;
  if ((r = cli_opt(argc, argv, i, "--format", &v))) {
    if (r < 0) return 2;
    if (strcmp(v, "table") && strcmp(v, "csv"))
      return cli_usage_error("select: --format '%s': use table or csv", v);
    o->csv = strcmp(v, "csv") == 0;
    return 1;
  }
  if (strcmp(argv[*i], "--minimize") == 0) {
    o->sel.minimize = 1;
    return 1;
  }
  if (strcmp(argv[*i], "--quiet") == 0 || strcmp(argv[*i], "-q") == 0) {
    o->quiet = 1;
    return 1;
  }
  if ((r = scenario_opt(&o->so, argc, argv, i, &name, &v))) {
    if (r == 1 && strcmp(name, "--reps") == 0)
      return cli_usage_error("select: KN decides the replications: not with --reps");
    return r;
  }
  if ((r = num_opt(argc, argv, i, "--delta", 0, INFINITY, &o->sel.delta)) ||
      (r = num_opt(argc, argv, i, "--alpha", 0, 0.5, &o->sel.alpha)) ||
      (r = long_opt(argc, argv, i, "--n0", &o->sel.n0)) ||
      (r = long_opt(argc, argv, i, "--max-reps", &o->sel.max_reps)) ||
      (r = cli_jobs(argc, argv, i, &o->jobs)) || (r = cli_lock_wait(argc, argv, i, &o->lock_wait)))
    return r;
  return 0;
}

static int parse(opts *o, int argc, char **argv) {
  memset(o, 0, sizeof *o);
  o->db = CLI_DEFAULT_DB;
  o->sel =
      (select_opts){.alpha = 0.05, .n0 = DEFAULT_N0, .max_reps = DEFAULT_MAX_REPS, .delta = NAN};
  for (int i = 1; i < argc; i++) {
    int r = one_opt(o, argc, argv, &i);
    if (r == 2) return 2;
    if (r == 1) continue;
    if (argv[i][0] == '-' && argv[i][1])
      return cli_usage_error("select: unknown option '%s' (see neosim help select)", argv[i]);
    if (o->scenario)
      return cli_usage_error("select: more than one scenario given ('%s', '%s')", o->scenario,
                             argv[i]);
    o->scenario = argv[i];
  }
  if (!o->scenario)
    return cli_usage_error("select: no scenario file given (see neosim help select)");
  if (!o->sel.metric) return cli_usage_error("select: give the metric to compare: --metric M");
  if (isnan(o->sel.delta))
    return cli_usage_error("select: give the indifference zone: --delta D (in the metric's units)");
  if (o->sel.n0 > o->sel.max_reps)
    return cli_usage_error("select: --n0 %ld is above --max-reps %ld", o->sel.n0, o->sel.max_reps);
  return 0;
}

int cmd_select(int argc, char **argv) {
  opts o;
  char err[ERR_LEN];
  int rc = parse(&o, argc, argv);
  scenario *s = NULL;
  if (!rc && !(s = scenario_load(o.scenario, o.so.sets, o.so.nsets, &o.so.lim, err, sizeof err)))
    rc = cli_usage_error("%s", err);
  if (!rc) {
    batch_opts bo = {.seed = o.so.seed_set ? o.so.seed : s->seed,
                     .jobs = o.jobs ? (int)o.jobs : pool_cpus(),
                     .nshards = 1,
                     .progress = !o.quiet && isatty(2),
                     .max_events = o.so.max_events,
                     .max_memory = o.so.max_memory,
                     .lock_wait = o.lock_wait};
    batch_report rep;
    select_report sr;
    o.sel.cons = o.cons;
    if (select_run(s, &bo, &o.sel, o.db, &rep, &sr, err, sizeof err))
      rc = cli_usage_error("%s", err);
    else {
      if (!o.quiet && !o.csv)
        text_printf(stdout, "%ld runs in %.2f s (%ld already done reused); results in %s\n",
                    rep.done + rep.failed, rep.wall_s, rep.skipped, o.db);
      select_print(&o.sel, &sr, o.csv, stdout);
    }
    batch_report_free(&rep);
    select_report_free(&sr);
  }
  scenario_free(s);
  scenario_opts_free(&o.so);
  for (size_t c = 0; c < o.sel.ncons; c++) free((char *)(uintptr_t)o.cons[c].metric);
  free(o.cons);
  return rc;
}
