/*
** cli.c -- shared command-line helpers: option scanning and messages.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "text.h"

int cli_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("neosim: ", stderr);
  text_vprintf(stderr, fmt, ap); /* names, values, paths and errors: shown escaped */
  fputc('\n', stderr);
  va_end(ap);
  return 2;
}

int cli_opt(int argc, char **argv, int *i, const char *name, const char **value) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0) return 0;
  if (a[n] == '=') {
    *value = a + n + 1;
    return 1;
  }
  if (a[n] != '\0') return 0;
  if (*i + 1 >= argc) {
    cli_usage_error("%s: option %s needs a value", argv[0], name);
    return -1;
  }
  *value = argv[++*i];
  return 1;
}

int cli_lock_wait(int argc, char **argv, int *i, double *seconds) {
  const char *v;
  int r = cli_opt(argc, argv, i, "--lock-wait", &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_double(v, seconds) || !(*seconds >= 0.1 && *seconds <= 1e6))
    return cli_usage_error("%s: --lock-wait '%s' is not a number of seconds from 0.1 to 1e6",
                           argv[0], v);
  return 1;
}

int cli_jobs(int argc, char **argv, int *i, long *jobs) {
  const char *v;
  int r;
  if (strncmp(argv[*i], "-j", 2) == 0 && argv[*i][2] && argv[*i][2] != '=') {
    v = argv[*i] + 2; /* -j4 */
    r = 1;
  } else if (!(r = cli_opt(argc, argv, i, "-j", &v))) r = cli_opt(argc, argv, i, "--jobs", &v);
  if (r <= 0) return r < 0 ? 2 : 0;
  if (args_long(v, 1, 4096, jobs))
    return cli_usage_error("%s: -j '%s' is not a number of processes (1 to 4096)", argv[0], v);
  return 1;
}

int cli_scenario_arg(const char *cmd, const char *arg, const char **scenario) {
  if (arg[0] == '-' && arg[1])
    return cli_usage_error("%s: unknown option '%s' (see neosim help %s)", cmd, arg, cmd);
  if (*scenario)
    return cli_usage_error("%s: more than one scenario given ('%s', '%s')", cmd, *scenario, arg);
  *scenario = arg;
  return 0;
}

int cli_scenario_given(const char *cmd, const char *scenario) {
  if (scenario) return 0;
  return cli_usage_error("%s: no scenario file given (see neosim help %s)", cmd, cmd);
}
