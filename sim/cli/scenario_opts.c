/*
** scenario_opts.c -- parse and check the options shared by the commands
** that load a scenario (scenario_opts.h).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "scenario_opts.h"

static int add_set(scenario_opts *o, const char *cmd, const char *kv) {
  const char *eq = strchr(kv, '=');
  if (!eq || eq == kv) return cli_usage_error("%s: --set needs KEY=VALUE, got '%s'", cmd, kv);
  scenario_set *n = realloc(o->sets, (o->nsets + 1) * sizeof *n);
  if (!n) return cli_usage_error("%s: out of memory", cmd);
  o->sets = n;
  char *key = strndup(kv, (size_t)(eq - kv));
  if (!key) return cli_usage_error("%s: out of memory", cmd);
  o->sets[o->nsets++] = (scenario_set){key, eq + 1};
  return 0;
}

/* Check and keep the value of option k (an index into names). */
static int take(scenario_opts *o, const char *cmd, int k, const char *v) {
  long mb;
  double n;
  switch (k) {
  case 0:
    if (args_u64(v, &o->seed))
      return cli_usage_error("%s: --seed '%s' is not an unsigned 64-bit number", cmd, v);
    o->seed_set = 1;
    return 0;
  case 1:
    if (args_long(v, 1, SCENARIO_MAX_REPLICATIONS, &o->reps))
      return cli_usage_error("%s: --reps '%s' is not an integer from 1 to %d", cmd, v,
                             SCENARIO_MAX_REPLICATIONS);
    return 0;
  case 2: return add_set(o, cmd, v);
  case 3:
    if (args_long(v, 1, 1L << 20, &mb))
      return cli_usage_error("%s: --lua-memory '%s' is not a size in MB (1 to 1048576)", cmd, v);
    o->lim.memory_bytes = (size_t)mb << 20;
    return 0;
  case 4:
    if (args_double(v, &n) || n < 1000 || n > 1e15)
      return cli_usage_error("%s: --lua-instructions '%s' is not a count from 1000 to 1e15", cmd,
                             v);
    o->lim.instructions = (long long)n;
    return 0;
  case 5:
    if (args_double(v, &n) || n < 1000 || n > 1e15 || n != floor(n))
      return cli_usage_error("%s: --max-events '%s' is not a count from 1000 to 1e15", cmd, v);
    o->max_events = (uint64_t)n;
    return 0;
  case 6:
    if (args_double(v, &n) || !(n >= 0.01 && n <= 1e7))
      return cli_usage_error("%s: --lua-cpu '%s' is not a number of seconds from 0.01 to 1e7", cmd,
                             v);
    o->lim.cpu_seconds = n;
    return 0;
  default:
    if (args_long(v, 1, 1L << 20, &mb))
      return cli_usage_error("%s: --model-memory '%s' is not a size in MB (1 to 1048576)", cmd, v);
    o->max_memory = (uint64_t)mb << 20;
    return 0;
  }
}

int scenario_opt(scenario_opts *o, int argc, char **argv, int *i, const char **name,
                 const char **value) {
  static const char *const names[] = {
      "--seed",       "--reps",    "--set",         "--lua-memory", "--lua-instructions",
      "--max-events", "--lua-cpu", "--model-memory"};
  for (int k = 0; k < (int)(sizeof names / sizeof *names); k++) {
    int r = cli_opt(argc, argv, i, names[k], value);
    if (!r) continue;
    *name = names[k];
    return r < 0 || take(o, argv[0], k, *value) ? 2 : 1;
  }
  return 0;
}

void scenario_opts_free(scenario_opts *o) {
  for (size_t i = 0; i < o->nsets; i++) free((char *)(uintptr_t)o->sets[i].path);
  free(o->sets);
  o->sets = NULL;
  o->nsets = 0;
}
