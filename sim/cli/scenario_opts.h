/*
** scenario_opts.h -- the options of every command that loads a scenario
** (run, check, slurm): --seed, --reps, --set, --lua-memory,
** --lua-instructions, --lua-cpu, --max-events and --model-memory, checked
** alike everywhere.
*/
#ifndef NEOSIM_SCENARIO_OPTS_H
#define NEOSIM_SCENARIO_OPTS_H

#include <stdint.h>

#include "scenario.h"

typedef struct scenario_opts {
  uint64_t seed;
  int seed_set;
  long reps;          /* 0: the scenario's */
  scenario_set *sets; /* --set, in order (paths owned) */
  size_t nsets;
  sandbox_limits lim;  /* 0: the defaults */
  uint64_t max_events; /* --max-events, per run; 0: MODEL_MAX_EVENTS */
  uint64_t max_memory; /* --model-memory in bytes, per run; 0: MODEL_MAX_MEMORY_MB */
} scenario_opts;

/* One of these options at argv[*i] (--name VALUE or --name=VALUE): 1
** taken (*name and *value say which, e.g. to pass it on), 0 not one of
** them, 2 error (printed as "neosim: CMD: ...", CMD = argv[0]). */
int scenario_opt(scenario_opts *o, int argc, char **argv, int *i, const char **name,
                 const char **value);
void scenario_opts_free(scenario_opts *o);

#endif
