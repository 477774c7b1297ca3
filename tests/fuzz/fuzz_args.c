/*
** fuzz_args.c -- the bytes as command-line arguments (NUL-separated, at
** most 32) to `neosim check`, `run` and `slurm`: the option scanner
** (cli_opt), the shared scenario options (scenario_opt: --seed, --reps,
** --set, --lua-*), the number parsers (args.h) and each command's own
** options; check and slurm resolve a small scenario with the --set
** overrides (parsed by the Lua library), run gets one that fails to load,
** so that nothing is ever written.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz.h"

#define MAX_ARGS 32

static const char good[] =
    "local neo = require('neo')\n"
    "return neo.scenario {\n"
    "  name = 'args', start = '2026-01-01', horizon_days = 30, seed = 3, replications = 2,\n"
    "  skus = { h100 = { gpus_per_node = 8, node_kw = 10 } },\n"
    "  sites = { dc = { power_mw = 5, pue = 1.2, power_price_mwh = 60 } },\n"
    "  fleet = { { site = 'dc', sku = 'h100', nodes = 10 } },\n"
    "  tenants = { od = { kind = 'on_demand', arrivals_per_hour = 5, job_nodes = 1,\n"
    "                     job_hours = neo.dist.exponential { mean = 1 }, price_gpu_hour = 2 },\n"
    "              anchor = { kind = 'reserved', nodes = 2, price_gpu_hour = 2, term_months = 12 "
    "} },\n"
    "  finance = { cash = 1e6, debt = { { principal = 1e5, rate = 0.1, term_months = 12 } } },\n"
    "  policies = { params = { batch = 4, name = 'x', on = true } },\n"
    "  sweep = { ['tenants.od.arrivals_per_hour'] = { 4, 6 } },\n"
    "}\n";
static const char bad[] = "error('not loaded')\n";

static int call(int (*cmd)(int, char **), const char *name, const char *scenario, int argc,
                char **args) {
  char *argv[MAX_ARGS + 3];
  argv[0] = (char *)(uintptr_t)name;
  argv[1] = (char *)(uintptr_t)scenario;
  memcpy(argv + 2, args, (size_t)argc * sizeof *args);
  argv[argc + 2] = NULL;
  return cmd(argc + 2, argv);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  if (fuzz_write(fuzz_path("good.lua"), good, sizeof good - 1) ||
      fuzz_write(fuzz_path("bad.lua"), bad, sizeof bad - 1))
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size + 1), *args[MAX_ARGS];
  char good_path[256], bad_path[256];
  int n = 0;
  if (!buf) return 0;
  memcpy(buf, data, size);
  buf[size] = '\0';
  for (char *p = buf; p < buf + size && n < MAX_ARGS; p += strlen(p) + 1) args[n++] = p;
  snprintf(good_path, sizeof good_path, "%s", fuzz_path("good.lua"));
  snprintf(bad_path, sizeof bad_path, "%s", fuzz_path("bad.lua"));
  call(cmd_check, "check", good_path, n, args);
  call(cmd_slurm, "slurm", good_path, n, args);
  call(cmd_run, "run", bad_path, n, args);
  free(buf);
  return 0;
}
