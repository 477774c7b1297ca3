/*
** main.c -- the neosim command line: dispatch to subcommands, help, version.
** Every message to the user is "neosim: ..." on stderr; usage errors exit 2.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
  const char *name;
  int (*fn)(int argc, char **argv); /* argv[0] is the command name */
  const char *summary;
  const char *help;
} command;

/* Command X runs cmd_X (cli.h) and shows cmd_X_help. */
#define COMMAND(x, what) \
  { .name = #x, .fn = cmd_##x, .summary = what, .help = cmd_##x##_help }
static const command commands[] = {
    COMMAND(run, "run a scenario's sweep points x replications into SQLite"),
    COMMAND(check, "validate a scenario and print what it resolves to"),
    COMMAND(merge, "combine result databases (shards) into one"),
    COMMAND(compare, "compare metrics across sweep points with CIs"),
    COMMAND(report, "write an HTML report with charts"),
    COMMAND(sensitivity, "which uncertain inputs drive a metric (Sobol, Morris, PRCC)"),
    COMMAND(select, "the best sweep point of a metric, with a guarantee (KN)"),
    COMMAND(seek, "the value of a key where a metric's mean meets a target"),
    COMMAND(optimize, "search keys for the best mean of a metric"),
    COMMAND(slurm, "print an sbatch array script for a scenario"),
    COMMAND(rng, "print raw pcg32 outputs (reference checks)"),
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const command *find(const char *name) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return &commands[i];
  return NULL;
}

static void usage(FILE *f) {
  fprintf(f, "usage: neosim COMMAND [ARGS...]\n\n"
             "neosim simulates a neocloud business (GPU fleets, tenants, supplier\n"
             "shocks, finance) as a discrete-event model; scenarios are Lua files,\n"
             "results go to SQLite.\n\ncommands:\n");
  for (size_t i = 0; i < NCOMMANDS; i++)
    fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\n  neosim help COMMAND   details of one command\n"
             "  neosim --version      print the version\n");
}

static int help(int argc, char **argv) {
  if (argc < 2) {
    usage(stdout);
    return 0;
  }
  const command *c = find(argv[1]);
  if (!c) return cli_usage_error("help: unknown command '%s' (see neosim --help)", argv[1]);
  fputs(c->help, stdout);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) return help(1, argv);
  if (strcmp(name, "help") == 0) return help(argc - 1, argv + 1);
  if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
    printf("neosim %s\n", NEOSIM_VERSION);
    return 0;
  }
  const command *c = find(name);
  if (!c) {
    if (name[0] == '-') return cli_usage_error("unknown option '%s' (see neosim --help)", name);
    return cli_usage_error("unknown command '%s' (see neosim --help)", name);
  }
  /* "neosim CMD --help" is the same as "neosim help CMD" */
  for (int i = 2; i < argc; i++)
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(c->help, stdout);
      return 0;
    }
  return c->fn(argc - 1, argv + 1);
}
