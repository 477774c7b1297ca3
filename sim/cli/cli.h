/*
** cli.h -- the subcommands of neosim and the helpers they share for
** option parsing and messages.  Each cmd_X(argc, argv) gets argv[0] =
** "X" and returns the process exit status: 0 success, 1 some runs
** failed, 2 usage or input error (message already printed).
*/
#ifndef NEOSIM_CLI_H
#define NEOSIM_CLI_H

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);
int cmd_select(int argc, char **argv);
int cmd_seek(int argc, char **argv);
int cmd_optimize(int argc, char **argv);
int cmd_slurm(int argc, char **argv);
int cmd_rng(int argc, char **argv);

extern const char cmd_run_help[], cmd_check_help[], cmd_merge_help[], cmd_compare_help[],
    cmd_report_help[], cmd_sensitivity_help[], cmd_select_help[], cmd_seek_help[],
    cmd_optimize_help[], cmd_slurm_help[], cmd_rng_help[];

/* The results database of run, compare and report when --db is not given. */
#define CLI_DEFAULT_DB "results/neosim.db"

/* Print "neosim: MESSAGE" on stderr and return 2.  Its %s arguments are
** shown as text.h says (no control character, one line): they may hold
** what scenario code, a --set value or a database holds. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Option scanning: at argv[*i], if it is --name VALUE or --name=VALUE,
** store VALUE, advance *i past it and return 1; a missing value is a
** usage error (returns -1 after printing it); 0 when not this option. */
int cli_opt(int argc, char **argv, int *i, const char *name, const char **value);

/* --lock-wait S of the commands that write a database (run, merge): as
** cli_opt, with *seconds checked (0.1 to 1e6).  Returns 1 taken, 0 not
** this option, 2 error (printed). */
int cli_lock_wait(int argc, char **argv, int *i, double *seconds);
/* An argument of a command that takes one scenario file and is not one of
** its options: the file (into *scenario), or a usage error -- an unknown
** option, a second file -- printed: 0 or 2. */
int cli_scenario_arg(const char *cmd, const char *arg, const char **scenario);
/* 0 when the scenario file was given, else 2 after the usage error. */
int cli_scenario_given(const char *cmd, const char *scenario);

/* -j N, -jN, --jobs N: as cli_lock_wait, with *jobs checked (1 to 4096). */
int cli_jobs(int argc, char **argv, int *i, long *jobs);

#define CLI_LOCK_WAIT_HELP                                                        \
  "  --lock-wait S     while another process writes the database, wait as long\n" \
  "                    as it makes progress; give up after S seconds in which\n"  \
  "                    it wrote nothing (default 60)\n"

#endif
