/*
** cmd_slurm.c -- `neosim slurm`: print a shell script that runs a scenario
** on a SLURM cluster, as an array job of `neosim run --shard K/N` tasks and
** a merge job after them.  Nothing is submitted or written here.
*/
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "err.h"
#include "scenario.h"
#include "scenario_opts.h"
#include "text.h"

#define MAX_TASKS 100000
#define DEFAULT_TIME "01:00:00"

const char cmd_slurm_help[] =
    "usage: neosim slurm SCENARIO.lua --tasks N [--out DIR] [--partition P] [--time T]\n"
    "                    [--mem M] [--cpus C] [--seed N] [--reps N] [--set KEY=VALUE]...\n"
    "                    [--lua-memory MB] [--lua-instructions N] [--lua-cpu S]\n"
    "                    [--max-events N] [--model-memory MB]\n\n"
    "Check the scenario, then print a shell script to run on the cluster's login\n"
    "node (neosim slurm ... > jobs.sh && sh jobs.sh).  The script submits\n"
    "  1. an array job of N tasks: task K runs\n"
    "       neosim run SCENARIO --shard K/N --db DIR/part-K.db --quiet -j C\n"
    "     i.e. the runs whose index point x replications + replication is K\n"
    "     modulo N (tasks beyond the number of runs have nothing to do);\n"
    "  2. a merge job that starts once every task has succeeded (and is\n"
    "     cancelled if one fails): neosim merge DIR/merged.db DIR/part-*.db.\n"
    "It prints both job ids and where the merged results will be.  Results do\n"
    "not depend on N: a run's random numbers come from (seed, replication,\n"
    "process name).  Paths in the script are absolute; jobs start in the\n"
    "current folder.\n\n"
    "  --tasks N         array tasks, 1 to 100000 (required)\n"
    "  --out DIR         parts, merged.db and the jobs' logs slurm-*.out\n"
    "                    (default results/slurm-NAME, NAME the scenario's name)\n"
    "  --partition P     sbatch --partition (default: the cluster's default)\n"
    "  --time T          time limit of each task and of the merge, as sbatch\n"
    "                    takes it: MIN, HH:MM:SS, D-HH:MM:SS (default " DEFAULT_TIME ")\n"
    "  --mem M           memory of each task and of the merge, as sbatch --mem\n"
    "                    takes it: MB or 4G"
    " (default: the cluster's default)\n"
    "  --cpus C          CPUs of each task, its neosim run -j (default 1)\n"
    "  --seed, --reps, --set, --lua-memory, --lua-instructions, --lua-cpu,\n"
    "  --max-events, --model-memory\n"
    "                    as for neosim run, passed on to every task\n\n"
    "Exit status 0, or 2 on a usage or scenario error (nothing on stdout).\n";

typedef struct slurm_opts {
  const char *scenario, *out, *partition, *time, *mem;
  long tasks, cpus;
  scenario_opts so;      /* --seed, --reps, --set, --lua-*: checked here, passed on */
  const char **run_args; /* those options as given, name then value */
  size_t nrun_args;
} slurm_opts;

/* What the script needs beyond the options; strings owned. */
typedef struct plan {
  char *neosim, *scenario, *cwd, *dir, *job;
  long runs;
} plan;

static void free_opts(slurm_opts *o) {
  scenario_opts_free(&o->so);
  free(o->run_args);
}

static void free_plan(plan *p) {
  free(p->neosim);
  free(p->scenario);
  free(p->cwd);
  free(p->dir);
  free(p->job);
}

/* ---- options ---- */

/* --tasks, --cpus: 1 taken, or 2 when not an integer in [1, max]. */
static int count(const char *cmd, const char *name, const char *v, long max, long *out) {
  if (args_long(v, 1, max, out))
    return cli_usage_error("%s: %s '%s' is not an integer from 1 to %ld", cmd, name, v, max);
  return 1;
}

/* One option at argv[*i]: 1 taken, 0 not an option, 2 error (printed). */
static int one_opt(slurm_opts *o, int argc, char **argv, int *i) {
  static const char *const str_opts[] = {"--out", "--partition", "--time", "--mem"};
  const char **str_dst[] = {&o->out, &o->partition, &o->time, &o->mem};
  const char *v, *name, *cmd = argv[0];
  int r = scenario_opt(&o->so, argc, argv, i, &name, &v);
  if (r == 1) {
    o->run_args[o->nrun_args++] = name;
    o->run_args[o->nrun_args++] = v;
  }
  if (r) return r;
  for (size_t k = 0; k < sizeof str_opts / sizeof *str_opts; k++)
    if ((r = cli_opt(argc, argv, i, str_opts[k], &v))) {
      if (r < 0) return 2;
      if (!*v) return cli_usage_error("%s: %s needs a value", cmd, str_opts[k]);
      *str_dst[k] = v;
      return 1;
    }
  if ((r = cli_opt(argc, argv, i, "--tasks", &v)))
    return r < 0 ? 2 : count(cmd, "--tasks", v, MAX_TASKS, &o->tasks);
  if ((r = cli_opt(argc, argv, i, "--cpus", &v)))
    return r < 0 ? 2 : count(cmd, "--cpus", v, 4096, &o->cpus);
  return 0;
}

/* sbatch's forms: digits with ':' and '-' (90, 01:30:00, 2-00), or unlimited. */
static int bad_time(const char *t) {
  return strspn(t, "0123456789:-") != strlen(t) && strcmp(t, "UNLIMITED") &&
         strcmp(t, "unlimited") && strcmp(t, "INFINITE") && strcmp(t, "infinite");
}

/* sbatch --mem: a number, then optionally one of K M G T. */
static int bad_mem(const char *m) {
  size_t d = strspn(m, "0123456789");
  return d == 0 || (m[d] && (!strchr("KMGTkmgt", m[d]) || m[d + 1]));
}

static int parse(slurm_opts *o, int argc, char **argv) {
  const char *cmd = argv[0];
  memset(o, 0, sizeof *o);
  o->time = DEFAULT_TIME;
  o->cpus = 1;
  /* each option takes at least one argument and keeps at most two strings */
  o->run_args = calloc(2 * (size_t)argc, sizeof *o->run_args);
  if (!o->run_args) return cli_usage_error("%s: out of memory", cmd);
  for (int i = 1; i < argc; i++) {
    int r = one_opt(o, argc, argv, &i);
    if (r == 2) return 2;
    if (r == 0 && cli_scenario_arg(cmd, argv[i], &o->scenario)) return 2;
  }
  if (cli_scenario_given(cmd, o->scenario)) return 2;
  if (!o->tasks)
    return cli_usage_error("%s: --tasks N is required (the number of array tasks)", cmd);
  if (bad_time(o->time))
    return cli_usage_error("%s: --time '%s' is not a SLURM time (90, 01:30:00, 2-00:00:00)", cmd,
                           o->time);
  if (o->mem && bad_mem(o->mem))
    return cli_usage_error("%s: --mem '%s' is not a SLURM size (4000, 4G)", cmd, o->mem);
  if (o->out && strchr(o->out, '%'))
    return cli_usage_error("%s: --out '%s': no '%%' please (sbatch reads it as a pattern)", cmd,
                           o->out);
  return 0;
}

/* ---- the plan: absolute paths and names ---- */

/* The scenario's name as a file and job name: [A-Za-z0-9._-], others '_'. */
static char *safe_name(const char *name) {
  char *s = strdup(name);
  for (char *c = s; c && *c; c++)
    if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *c)) *c = '_';
  return s;
}

static char *join(const char *a, const char *b, const char *c) {
  size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s%s%s", a, b, c);
  return s;
}

/* A word the script quotes must be plain text (text.h): a control
** character or a byte that is not UTF-8 would reach the terminal the
** script is printed on, and cannot be shown escaped without changing the
** word.  0, or 2 after a message naming it. */
static int plain_word(const char *cmd, const char *what, const char *w) {
  if (!w || text_plain(w, strlen(w))) return 0;
  return cli_usage_error("%s: %s '%s' holds control characters or bytes that are not UTF-8: a "
                         "script cannot carry it",
                         cmd, what, w);
}

static int plain_words(const char *cmd, const plan *p, const slurm_opts *o) {
  int rc = plain_word(cmd, "the current folder", p->cwd);
  if (!rc) rc = plain_word(cmd, "the scenario path", p->scenario);
  if (!rc) rc = plain_word(cmd, "the path of neosim", p->neosim);
  if (!rc) rc = plain_word(cmd, "the folder of the results", p->dir);
  if (!rc) rc = plain_word(cmd, "--partition", o->partition);
  for (size_t i = 0; !rc && i < o->nrun_args; i += 2)
    rc = plain_word(cmd, o->run_args[i], o->run_args[i + 1]);
  return rc;
}

static int make_plan(plan *p, const char *cmd, const slurm_opts *o, const scenario *s) {
  char *name = safe_name(s->name);
  memset(p, 0, sizeof *p);
  p->runs = (o->so.reps ? o->so.reps : s->replications) * (long)s->npoints;
  p->cwd = realpath(".", NULL);
  p->scenario = realpath(o->scenario, NULL);
  p->neosim = realpath("/proc/self/exe", NULL);
  if (!p->neosim) {
    fprintf(
        stderr,
        "neosim: %s: warning: cannot tell where this neosim is; the jobs run 'neosim' from PATH\n",
        cmd);
    p->neosim = strdup("neosim");
  }
  if (name) p->job = join("neosim-", name, "");
  if (name && p->cwd) {
    char *out = o->out ? strdup(o->out) : join("results/slurm-", name, "");
    for (size_t n = out ? strlen(out) : 0; n > 1 && out[n - 1] == '/'; n--) out[n - 1] = '\0';
    p->dir = !out ? NULL : out[0] == '/' ? strdup(out) : join(p->cwd, "/", out);
    free(out);
  }
  free(name);
  if (!p->cwd) return cli_usage_error("%s: cannot resolve the current folder", cmd);
  if (!p->scenario) return cli_usage_error("%s: cannot resolve the path of '%s'", cmd, o->scenario);
  if (!p->neosim || !p->job || !p->dir) return cli_usage_error("%s: out of memory", cmd);
  return plain_words(cmd, p, o);
}

/* ---- the script ---- */

/* s as one sh word: bare when made of safe characters only, else in single
** quotes with each ' written '\''. */
static void put_word(FILE *f, const char *s) {
  static const char safe[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-";
  if (*s && strspn(s, safe) == strlen(s)) {
    fputs(s, f);
    return;
  }
  fputc('\'', f);
  for (; *s; s++)
    if (*s == '\'') fputs("'\\''", f);
    else fputc(*s, f);
  fputc('\'', f);
}

/* s inside a comment line: shown as text.h says (a newline would end the
** comment, and the script may be printed on a terminal). */
static void put_comment(FILE *f, const char *s) {
  text_write(f, s, strlen(s), TEXT_LINE, SIZE_MAX);
}

/* The command a job runs (its --wrap), built in memory, then quoted. */
static int put_wrap(FILE *f, const plan *p, const slurm_opts *o, int merge) {
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (!m) return -1;
  if (merge) { /* xargs: explicit names, as many neosim merge calls as the argument limit needs */
    fputs("cd ", m);
    put_word(m, p->dir);
    fprintf(m, " && seq -f part-%%.0f.db 0 %ld | xargs ", o->tasks - 1);
    put_word(m, p->neosim);
    fprintf(m, " merge merged.db && echo neosim slurm: merged %ld parts into merged.db", o->tasks);
  } else {
    fputs("exec ", m);
    put_word(m, p->neosim);
    fputs(" run ", m);
    put_word(m, p->scenario);
    fprintf(m, " --shard \"$SLURM_ARRAY_TASK_ID\"/%ld --db ", o->tasks);
    put_word(m, p->dir);
    fprintf(m, "/part-\"$SLURM_ARRAY_TASK_ID\".db --quiet -j %ld", o->cpus);
    for (size_t i = 0; i < o->nrun_args; i += 2) {
      fprintf(m, " %s ", o->run_args[i]);
      put_word(m, o->run_args[i + 1]);
    }
  }
  if (fclose(m)) {
    free(text);
    return -1;
  }
  fputs("  --wrap=", f);
  put_word(f, text);
  fputs(")\n", f);
  free(text);
  return 0;
}

/* The sbatch options both jobs share, one continued line. */
static void put_sbatch_opts(FILE *f, const plan *p, const slurm_opts *o, const char *job,
                            long cpus) {
  fputs("  --job-name=", f);
  put_word(f, job);
  fputs(" --time=", f);
  put_word(f, o->time);
  if (o->partition) {
    fputs(" --partition=", f);
    put_word(f, o->partition);
  }
  if (o->mem) {
    fputs(" --mem=", f);
    put_word(f, o->mem);
  }
  fprintf(f, " --cpus-per-task=%ld \\\n  --chdir=", cpus);
  put_word(f, p->cwd);
  fputs(" \\\n", f);
}

static void put_header(FILE *f, const plan *p, const slurm_opts *o, const scenario *s) {
  long reps = o->so.reps ? o->so.reps : s->replications;
  fputs("#!/bin/sh\n# SLURM jobs for the neosim scenario '", f);
  put_comment(f, s->name);
  fputs("'\n# (", f);
  put_comment(f, p->scenario);
  fprintf(f,
          "),\n# made by `neosim slurm` (neosim %s).  Run it on the login node: sh THIS_FILE\n#\n",
          NEOSIM_VERSION);
  fprintf(f,
          "# 1. An array job of %ld tasks: task K runs neosim run --shard K/%ld, the runs\n"
          "#    whose index point x %ld + replication is K modulo %ld (%ld runs:\n"
          "#    %zu points x %ld replications), into part-K.db.\n",
          o->tasks, o->tasks, reps, o->tasks, p->runs, s->npoints, reps);
  fputs("# 2. A merge job, once every task has succeeded, combines the parts into\n"
        "#    merged.db with neosim merge (it is cancelled if a task fails: see that\n"
        "#    task's log, fix, re-submit; merging by hand is safe to repeat).\n#\n# Results: ",
        f);
  put_comment(f, p->dir);
  fputs("/merged.db\n# Logs:    slurm-ARRAYID_K.out (tasks), slurm-merge-ID.out, in the same "
        "folder.\n"
        "# Results do not depend on the number of tasks: a run's random numbers come\n"
        "# from (seed, replication, process name).\nset -eu\n",
        f);
}

static int print_script(FILE *f, const plan *p, const slurm_opts *o, const scenario *s) {
  char *merge_job = join(p->job, "-merge", "");
  if (!merge_job) return -1;
  put_header(f, p, o, s);
  fputs("dir=", f);
  put_word(f, p->dir);
  fputs("\nmkdir -p \"$dir\"\n\n", f);
  fprintf(f, "# --parsable prints ID or ID;CLUSTER\narray=$(sbatch --parsable --array=0-%ld \\\n",
          o->tasks - 1);
  put_sbatch_opts(f, p, o, p->job, o->cpus);
  fputs("  --output=\"$dir\"/slurm-%A_%a.out \\\n", f);
  int rc = put_wrap(f, p, o, 0);
  fputs("array=${array%%;*}\n\n", f);
  fputs("merge=$(sbatch --parsable --dependency=afterok:\"$array\" --kill-on-invalid-dep=yes \\\n",
        f);
  put_sbatch_opts(f, p, o, merge_job, 1);
  fputs("  --output=\"$dir\"/slurm-merge-%j.out \\\n", f);
  rc = rc || put_wrap(f, p, o, 1);
  fputs("merge=${merge%%;*}\n\n", f);
  fprintf(f, "printf 'array job %%s: %ld tasks writing %%s/part-K.db\\n' \"$array\" \"$dir\"\n",
          o->tasks);
  fputs("printf 'merge job %s: once they all succeed, writes %s/merged.db\\n' \"$merge\" \"$dir\"\n"
        "printf 'follow them: squeue -j %s,%s\\n' \"$array\" \"$merge\"\n",
        f);
  free(merge_job);
  return rc;
}

int cmd_slurm(int argc, char **argv) {
  slurm_opts o;
  plan p = {0};
  char err[ERR_LEN];
  scenario *s = NULL;
  int rc = parse(&o, argc, argv);
  if (!rc && !(s = scenario_load(o.scenario, o.so.sets, o.so.nsets, &o.so.lim, err, sizeof err)))
    rc = cli_usage_error("%s", err);
  if (!rc) rc = make_plan(&p, argv[0], &o, s);
  if (!rc && p.runs < o.tasks)
    fprintf(stderr,
            "neosim: %s: warning: %ld runs for %ld tasks: tasks %ld to %ld have nothing to do\n",
            argv[0], p.runs, o.tasks, p.runs, o.tasks - 1);
  if (!rc && (print_script(stdout, &p, &o, s) || fflush(stdout) || ferror(stdout)))
    rc = cli_usage_error("%s: cannot write the script", argv[0]);
  free_plan(&p);
  scenario_free(s);
  free_opts(&o);
  return rc;
}
