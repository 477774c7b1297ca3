/*
** cmd_rng.c -- `neosim rng`: raw pcg32 outputs, for checking the
** generator against the PCG reference and across machines.
*/
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "rng.h"

const char cmd_rng_help[] =
    "usage: neosim rng --seed S --stream Q --count N\n\n"
    "Print N raw pcg32 outputs (XSH-RR, 64-bit LCG) seeded as the PCG\n"
    "reference pcg32_srandom_r(S, Q), one 0x%08x per line.  S and Q are\n"
    "unsigned 64-bit values, decimal or 0x-hex; N >= 0.\n\n"
    "  neosim rng --seed 42 --stream 54 --count 6   (the PCG reference vector)\n";

int cmd_rng(int argc, char **argv) {
  const char *seed = NULL, *stream = NULL, *count = NULL, *v;
  for (int i = 1; i < argc; i++) {
    int r;
    if ((r = cli_opt(argc, argv, &i, "--seed", &v))) seed = v;
    else if ((r = cli_opt(argc, argv, &i, "--stream", &v))) stream = v;
    else if ((r = cli_opt(argc, argv, &i, "--count", &v))) count = v;
    else if (argv[i][0] == '-') return cli_usage_error("rng: unknown option '%s'", argv[i]);
    else return cli_usage_error("rng: unexpected argument '%s'", argv[i]);
    if (r < 0) return 2;
  }
  uint64_t s, q, n;
  if (!seed || !stream || !count)
    return cli_usage_error("rng: needs --seed S --stream Q --count N (see neosim help rng)");
  if (args_u64(seed, &s))
    return cli_usage_error("rng: --seed '%s' is not an unsigned 64-bit number", seed);
  if (args_u64(stream, &q))
    return cli_usage_error("rng: --stream '%s' is not an unsigned 64-bit number", stream);
  if (args_u64(count, &n))
    return cli_usage_error("rng: --count '%s' is not a non-negative integer", count);
  rng r;
  rng_seed(&r, s, q);
  for (uint64_t k = 0; k < n; k++)
    if (printf("0x%08x\n", rng_next(&r)) < 0) return 1;
  return fflush(stdout) ? 1 : 0;
}
