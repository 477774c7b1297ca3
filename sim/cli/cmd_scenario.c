/*
** cmd_scenario.c -- `neosim run` and `neosim check`: the commands that
** take a scenario file, with the options they share (--set, --seed ...).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "batch.h"
#include "cli.h"
#include "err.h"
#include "pool.h"
#include "precision.h"
#include "scenario.h"
#include "scenario_opts.h"
#include "store.h"
#include "text.h"
#include "units.h"

#define LUA_LIMIT_HELP                                                              \
  "  --lua-memory MB   cap on the memory scenario code may use (default 512)\n"     \
  "  --lua-instructions N  instruction budget of each call into scenario code\n"    \
  "                    (default 2e9; stops endless loops)\n"                        \
  "  --lua-cpu S       CPU seconds of each call into scenario code, the backstop\n" \
  "                    of the budget for work it cannot count (default 60 + 1e-7\n" \
  "                    per instruction of the budget: 260)\n"
#define MODEL_MEMORY_HELP                                                        \
  "  --model-memory MB what one run's model may take for what grows with the\n"  \
  "                    scenario: nodes, price and demand paths, orders, jobs,\n" \
  "                    queues, results (default 4096; a replication of the\n"    \
  "                    largest shipped scenario takes 6): a run that would\n"    \
  "                    need more fails with a message instead of exhausting\n"   \
  "                    the machine\n"

const char cmd_run_help[] =
    "usage: neosim run SCENARIO.lua [--db FILE] [--seed N] [--reps N] [--set KEY=VALUE]...\n"
    "                  [-j N] [--shard K/N] [--resume] [--trace P:R]... [--quiet]\n"
    "                  [--precision METRIC=REL|METRIC=abs:X]... [--min-reps N] [--max-reps N]\n"
    "                  [--lock-wait S]\n"
    "                  [--lua-memory MB] [--lua-instructions N] [--lua-cpu S]\n"
    "                  [--max-events N] [--model-memory MB]\n\n"
    "Run every sweep point x replication of the scenario and store each run\n"
    "(its parameters, metrics and monthly series) in the results database.\n"
    "Results do not depend on -j or --shard: each run's random streams come\n"
    "from (seed, replication, process name).\n\n"
    "  --db FILE         results database (default " CLI_DEFAULT_DB ", created with its folder)\n"
    "  --seed N          base seed (default: the scenario's seed key)\n"
    "  --reps N          replications per point (default: the scenario's replications)\n"
    "  --set KEY=VALUE   override a scalar key, e.g. --set tenants.od.arrivals_per_hour=8\n"
    "                    (repeatable; applied before the sweep)\n"
    "  -j, --jobs N      worker processes (default: the CPUs this process may use)\n"
    "  --shard K/N       run only slice K (0 <= K < N) of N: the runs whose index\n"
    "                    point x replications + replication is K modulo N\n"
    "                    (one slice per SLURM array task; see neosim slurm)\n"
    "  --resume          finish an interrupted batch: skip the runs this database\n"
    "                    already has as done (same scenario version and seed),\n"
    "                    redo the others\n"
    "  --trace P:R       trace run P:R (sweep point P, replication R, 0-based):\n"
    "                    record every business event in its events table --\n"
    "                    shipments, deliveries, installs, failures, repairs,\n"
    "                    sales, each policy call with its actions -- besides\n"
    "                    the contract, order, shock and finance events every run\n"
    "                    records (repeatable; with --resume a traced run is\n"
    "                    redone even when done, the others are skipped)\n"
    "  --quiet           print nothing but errors (progress is shown on a terminal)\n"
    "  --precision METRIC=REL  run each point's replications in rounds until the 95%\n"
    "                    half-width of METRIC's mean is at most REL x |mean| (Law's\n"
    "                    sequential procedure, REL adjusted to REL / (1 + REL) so the\n"
    "                    relative error is at most REL); METRIC=abs:X: at most X;\n"
    "                    repeatable (every goal met); each point may end with its own\n"
    "                    count, the same whatever -j, and a killed batch run again\n"
    "                    ends the same (runs done are reused, not run again)\n"
    "  --min-reps N      with --precision: replications before the first check\n"
    "                    (default 10)\n"
    "  --max-reps N      with --precision: a point stops here, goal met or not\n"
    "                    (default 1000)\n"
    /* --lock-wait */
    CLI_LOCK_WAIT_HELP
        /* --lua-memory, --lua-instructions, --lua-cpu */
        LUA_LIMIT_HELP
    /* --max-events */
    "  --max-events N    events one run may dispatch, each candidate arrival of a\n"
    "                    time-varying rate counted as one (default 1e9, minutes of work;\n"
    "                    a replication of reference_100k.lua takes 3.4e6): a rate\n"
    "                    far too high fails the run instead of running for years\n"
    /* --model-memory */
    MODEL_MEMORY_HELP "\n"
    "Each run is written in one transaction as it ends: a killed batch leaves\n"
    "every finished run intact and no half-written one; --resume finishes it.\n"
    "Exit status: 0 all runs done, 1 some runs failed (stored with status 'failed'\n"
    "and their error), 2 usage, scenario or database error (runs stored before\n"
    "the error stay).\n";

const char cmd_check_help[] =
    "usage: neosim check SCENARIO.lua [--seed N] [--reps N] [--set KEY=VALUE]...\n"
    "                    [--lua-memory MB] [--lua-instructions N] [--lua-cpu S]\n"
    "                    [--max-events N] [--model-memory MB]\n\n"
    "Validate the scenario (the same checks as run) and print what it resolves\n"
    "to: sweep points and their parameters, replications, SKUs, sites, fleet\n"
    "size, tenants and horizon.  Writes nothing.  Exit status 0 or 2.\n\n" LUA_LIMIT_HELP
    "  --max-events N, --model-memory MB\n"
    "                    checked as run checks them (check runs nothing)\n";

typedef struct opts {
  const char *scenario, *db;
  scenario_opts so; /* --seed, --reps, --set, --lua-* */
  int quiet, resume;
  long jobs, shard, nshards;
  double lock_wait; /* --lock-wait; 0: the default */
  long *trace;      /* --trace: (point, replication) pairs */
  size_t ntrace;
  precision_goal *goals; /* --precision */
  size_t ngoals;
  long min_reps, max_reps; /* --min-reps, --max-reps; 0: the defaults */
} opts;

#define DEFAULT_MIN_REPS 10
#define DEFAULT_MAX_REPS 1000

/* --precision METRIC=REL or METRIC=abs:X. */
static int add_goal(opts *o, const char *cmd, const char *v) {
  const char *eq = strchr(v, '=');
  double x;
  int absolute = eq && strncmp(eq + 1, "abs:", 4) == 0;
  if (!eq || eq == v || args_double(eq + 1 + (absolute ? 4 : 0), &x) || !(x > 0) || isinf(x) ||
      (!absolute && !(x < 1)))
    return cli_usage_error("%s: --precision '%s': give METRIC=REL (a relative half-width, 0 < REL "
                           "< 1, e.g. npv=0.05) or METRIC=abs:X (X > 0)",
                           cmd, v);
  precision_goal *g = realloc(o->goals, (o->ngoals + 1) * sizeof *g);
  if (!g) return cli_usage_error("%s: out of memory", cmd);
  o->goals = g;
  g[o->ngoals++] = (precision_goal){.metric = NULL, .absolute = absolute, .value = x};
  char *name = strndup(v, (size_t)(eq - v));
  if (!name) return cli_usage_error("%s: out of memory", cmd);
  g[o->ngoals - 1].metric = name;
  return 0;
}

/* --trace P:R, checked against the scenario once it is loaded. */
static int add_trace(opts *o, const char *cmd, const char *v) {
  char p[32];
  const char *colon = strchr(v, ':');
  long pt, rep;
  if (!colon || (size_t)(colon - v) >= sizeof p)
    return cli_usage_error("%s: --trace '%s' is not P:R", cmd, v);
  snprintf(p, sizeof p, "%.*s", (int)(colon - v), v);
  if (args_long(p, 0, 1000000000, &pt) || args_long(colon + 1, 0, 1000000000, &rep))
    return cli_usage_error(
        "%s: --trace '%s': need a sweep point and a replication, integers >= 0 (e.g. 0:3)", cmd, v);
  long *n = realloc(o->trace, (o->ntrace + 1) * 2 * sizeof *n);
  if (!n) return cli_usage_error("%s: out of memory", cmd);
  o->trace = n;
  n[2 * o->ntrace] = pt;
  n[2 * o->ntrace + 1] = rep;
  o->ntrace++;
  return 0;
}

/* --min-reps N or --max-reps N: as one_opt. */
static int reps_opt(int argc, char **argv, int *i, const char *name, long *to) {
  const char *v;
  int r = cli_opt(argc, argv, i, name, &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_long(v, 2, SCENARIO_MAX_REPLICATIONS, to))
    return cli_usage_error("%s: %s '%s': need an integer from 2 to 100000000", argv[0], name, v);
  return 1;
}

/* One option at argv[*i]: 1 taken, 0 not ours, 2 error (printed). */
static int one_opt(opts *o, int argc, char **argv, int *i, int with_db) {
  const char *v, *name, *cmd = argv[0];
  int r;
  if (with_db && (r = cli_opt(argc, argv, i, "--db", &v))) {
    if (r > 0) o->db = v;
    return r < 0 ? 2 : 1;
  }
  if ((r = scenario_opt(&o->so, argc, argv, i, &name, &v))) return r;
  if (!with_db) return 0;
  if (strcmp(argv[*i], "--quiet") == 0 || strcmp(argv[*i], "-q") == 0) {
    o->quiet = 1;
    return 1;
  }
  if (strcmp(argv[*i], "--resume") == 0) {
    o->resume = 1;
    return 1;
  }
  if ((r = cli_jobs(argc, argv, i, &o->jobs))) return r;
  if ((r = cli_opt(argc, argv, i, "--trace", &v))) return r < 0 || add_trace(o, cmd, v) ? 2 : 1;
  if ((r = cli_opt(argc, argv, i, "--precision", &v))) return r < 0 || add_goal(o, cmd, v) ? 2 : 1;
  if ((r = reps_opt(argc, argv, i, "--min-reps", &o->min_reps)) ||
      (r = reps_opt(argc, argv, i, "--max-reps", &o->max_reps)))
    return r;
  if ((r = cli_lock_wait(argc, argv, i, &o->lock_wait))) return r;
  if ((r = cli_opt(argc, argv, i, "--shard", &v))) {
    char k[32], n[32];
    const char *slash = r > 0 ? strchr(v, '/') : NULL;
    if (r < 0) return 2;
    if (!slash || (size_t)(slash - v) >= sizeof k || strlen(slash + 1) >= sizeof n)
      return cli_usage_error("%s: --shard '%s' is not K/N", cmd, v);
    snprintf(k, sizeof k, "%.*s", (int)(slash - v), v);
    snprintf(n, sizeof n, "%s", slash + 1);
    if (args_long(n, 1, 100000000, &o->nshards) || args_long(k, 0, o->nshards - 1, &o->shard))
      return cli_usage_error("%s: --shard '%s': need integers 0 <= K < N", cmd, v);
    return 1;
  }
  return 0;
}

static int parse(opts *o, int argc, char **argv, int with_db) {
  memset(o, 0, sizeof *o);
  o->db = CLI_DEFAULT_DB;
  o->nshards = 1;
  for (int i = 1; i < argc; i++) {
    int r = one_opt(o, argc, argv, &i, with_db);
    if (r == 2) return 2;
    if (r == 0 && cli_scenario_arg(argv[0], argv[i], &o->scenario)) return 2;
  }
  return cli_scenario_given(argv[0], o->scenario);
}

static scenario *load(const opts *o) {
  char err[ERR_LEN];
  scenario *s = scenario_load(o->scenario, o->so.sets, o->so.nsets, &o->so.lim, err, sizeof err);
  if (!s) text_printf(stderr, "neosim: %s\n", err);
  return s;
}

static void print_summary_hint(const scenario *s, const opts *o, const batch_report *rep) {
  printf("%ld runs (%ld failed) in %.2f s", rep->done + rep->failed, rep->failed, rep->wall_s);
  if (o->nshards > 1) printf(", shard %ld/%ld of %ld runs", o->shard, o->nshards, rep->in_shard);
  if (rep->skipped) printf(", %ld already done skipped", rep->skipped);
  text_printf(stdout, "; results in %s (scenario '%s', sha256 %.12s)\n", o->db, s->name, s->sha256);
  long stored_done = 0;
  for (size_t p = 0; p < s->npoints; p++) stored_done += rep->points[p].done;
  if (stored_done > 0)
    text_printf(stdout,
                "look at them: sqlite3 -header -column %s"
                " \"select * from summary where scenario = '%s'\"\n",
                o->db, s->name);
  else /* nothing to summarise: say why */
    text_printf(stdout,
                "no run is done; why they failed: sqlite3 -header -column %s"
                " \"select point, replication, error"
                " from runs where scenario_sha256 = '%s' and status = 'failed'\"\n",
                o->db, s->sha256);
}

int cmd_run(int argc, char **argv) {
  opts o;
  int rc = parse(&o, argc, argv, 1);
  scenario *s = rc ? NULL : load(&o);
  char err[ERR_LEN];
  if (!rc && !s) rc = 2;
  batch_opts bo = {0};
  if (!rc) {
    bo = (batch_opts){.seed = o.so.seed_set ? o.so.seed : s->seed,
                      .replications = o.ngoals    ? (o.max_reps ? o.max_reps : DEFAULT_MAX_REPS)
                                      : o.so.reps ? o.so.reps
                                                  : s->replications,
                      .jobs = o.jobs ? (int)o.jobs : pool_cpus(),
                      .shard = o.shard,
                      .nshards = o.nshards,
                      .resume = o.resume,
                      .progress = !o.quiet && isatty(2),
                      .trace = o.trace,
                      .ntrace = o.ntrace,
                      .max_events = o.so.max_events,
                      .max_memory = o.so.max_memory,
                      .lock_wait = o.lock_wait};
    for (size_t i = 0; i < o.ntrace && !rc; i++)
      if ((size_t)o.trace[2 * i] >= s->npoints || o.trace[2 * i + 1] >= bo.replications)
        rc = cli_usage_error(
            "%s: --trace %ld:%ld: the scenario has points 0 to %zu and replications 0 to %ld",
            argv[0], o.trace[2 * i], o.trace[2 * i + 1], s->npoints - 1, bo.replications - 1);
  }
  precision_opts po = {.goals = o.goals,
                       .ngoals = o.ngoals,
                       .min_reps = o.min_reps ? o.min_reps : DEFAULT_MIN_REPS,
                       .max_reps = o.max_reps ? o.max_reps : DEFAULT_MAX_REPS};
  if (!rc && !o.ngoals && (o.min_reps || o.max_reps))
    rc = cli_usage_error("%s: --min-reps and --max-reps go with --precision", argv[0]);
  if (!rc && o.ngoals && (o.so.reps || o.nshards > 1))
    rc = cli_usage_error("%s: --precision decides the replications: not with --%s", argv[0],
                         o.so.reps ? "reps" : "shard");
  if (!rc && o.ngoals && po.min_reps > po.max_reps)
    rc = cli_usage_error("%s: --min-reps %ld is above --max-reps %ld", argv[0], po.min_reps,
                         po.max_reps);
  if (!rc) {
    batch_report rep;
    precision_report pr = {0};
    int bad = o.ngoals ? precision_run(s, &bo, &po, o.db, &rep, &pr, err, sizeof err)
                       : batch_run(s, &bo, o.db, &rep, err, sizeof err);
    if (bad) rc = cli_usage_error("%s", err);
    else {
      if (!o.quiet && o.ngoals) {
        printf("replications to precision: %ld round%s\n", pr.rounds, pr.rounds == 1 ? "" : "s");
        precision_print(s, &po, &pr, stdout);
      }
      if (!o.quiet) {
        batch_print_summary(s, &rep, stdout);
        print_summary_hint(s, &o, &rep);
      }
      if (rep.failed && rep.kept)
        text_printf(stderr,
                    "neosim: %ld runs failed (%ld of them were done before: the done runs stay "
                    "stored); first: %s\n",
                    rep.failed, rep.kept, rep.first_error);
      else if (rep.failed)
        text_printf(stderr, "neosim: %ld runs failed; first: %s\n", rep.failed, rep.first_error);
      rc = rep.failed ? 1 : 0;
    }
    batch_report_free(&rep);
    precision_report_free(&pr);
  }
  scenario_free(s);
  scenario_opts_free(&o.so);
  free(o.trace);
  for (size_t i = 0; i < o.ngoals; i++) free((char *)(uintptr_t)o.goals[i].metric);
  free(o.goals);
  return rc;
}

/* The design of uncertain inputs: kind and size, each input and its
** distribution, the rank correlations asked for beside those achieved. */
static void print_design(const scenario_design *d) {
  if (!d) return;
  printf("design        %s, %ld samples: %zu points x %zu sweep point%s\n", d->kind, d->samples,
         d->rows, d->npoints, d->npoints == 1 ? "" : "s");
  for (size_t i = 0; i < d->ninputs; i++)
    text_printf(stdout, "input %zu       %s ~ %s\n", i + 1, d->inputs[i].name, d->inputs[i].dist);
  for (size_t i = 0; i < d->ncorr; i++) {
    const scenario_corr *c = &d->corr[i];
    if (c->target != 0 || d->ncorr <= 10)
      printf("rank corr     inputs %zu,%zu: target %.3f, achieved %.3f\n", c->a + 1, c->b + 1,
             c->target, c->achieved);
  }
}

static void print_check(const scenario *s, long reps, uint64_t seed) {
  const model_cfg *c = s->points[0].cfg;
  long nodes = 0, gpus = 0;
  for (size_t i = 0; i < c->nfleet; i++) {
    nodes += c->fleet[i].nodes;
    gpus += c->fleet[i].nodes * c->skus[c->fleet[i].sku].gpus_per_node;
  }
  text_printf(stdout, "scenario      %s (%s)\nsha256        %s\n", s->name, s->path, s->sha256);
  printf("points        %zu\nreplications  %ld\nruns          %ld\nseed          %llu\n",
         s->npoints, reps, reps * (long)s->npoints, (unsigned long long)seed);
  printf("horizon       %g days (warm-up %g days)\n", hours_to_days(c->horizon_h),
         hours_to_days(c->warmup_h));
  printf("skus          %zu:", c->nskus);
  for (size_t i = 0; i < c->nskus; i++) text_printf(stdout, " %s", c->skus[i].name);
  printf("\nsites         %zu:", c->nsites);
  for (size_t i = 0; i < c->nsites; i++)
    text_printf(stdout, " %s (%g MW)", c->sites[i].name, c->sites[i].power_mw);
  printf("\nfleet         %ld nodes, %ld GPUs (point 0)\ntenants       %zu:", nodes, gpus,
         c->ntenants);
  for (size_t i = 0; i < c->ntenants; i++)
    text_printf(stdout, " %s (%s, %s)", c->tenants[i].name, tenant_kind_name(c->tenants[i].kind),
                c->skus[c->tenants[i].sku].name);
  printf("\n");
  print_design(s->design);
  for (size_t p = 0; p < s->npoints; p++) {
    printf("point %zu:", p);
    int any = 0;
    for (size_t i = 0; i < s->points[p].nparams; i++)
      if (s->points[p].params[i].swept) {
        text_printf(stdout, " %s=%s", s->points[p].params[i].name, s->points[p].params[i].value);
        any = 1;
      }
    printf("%s\n", any ? "" : " (no swept keys)");
  }
}

int cmd_check(int argc, char **argv) {
  opts o;
  int rc = parse(&o, argc, argv, 0);
  scenario *s = rc ? NULL : load(&o);
  if (!rc && !s) rc = 2;
  if (!rc)
    print_check(s, o.so.reps ? o.so.reps : s->replications, o.so.seed_set ? o.so.seed : s->seed);
  scenario_free(s);
  scenario_opts_free(&o.so);
  return rc;
}
