/*
** process.h -- values that change over simulated time: demand rates,
** prices.  A process_cfg describes one (from the scenario); a process
** is one realisation of it in one replication: stochastic kinds draw
** their whole path up front from their own stream, so the path does
** not depend on what else the model does.
*/
#ifndef NEOSIM_PROCESS_H
#define NEOSIM_PROCESS_H

#include <stddef.h>
#include <stdint.h>

typedef enum proc_kind {
  PROC_CONSTANT = 0,   /* p[0] = value */
  PROC_PATH,           /* t[], v[] (hours, ascending), step = 1 for steps, else linear */
  PROC_SEASONAL,       /* p = base, amplitude, period_h, peak_h, trend per year */
  PROC_MEAN_REVERTING, /* p = start, mean, speed/yr, vol/sqrt(yr), jump_rate/yr, jump_mean, jump_sd, step_h */
  PROC_GBM,            /* p = start, drift/yr, vol/sqrt(yr), step_h */
  PROC_REGIME,         /* p[0] = base; levels[], mean_h[] per state; initial state */
  PROC_PRODUCT,        /* factors[] multiplied */
  PROC_NKINDS
} proc_kind;

typedef struct process_cfg {
  proc_kind kind;
  char *stream;        /* stream name: the scenario key path */
  double p[8];
  size_t n;            /* points (PATH), states (REGIME) or factors (PRODUCT) */
  double *t, *v;       /* PATH: times and values; REGIME: t = mean_h, v = levels */
  int step;            /* PATH: 1 = piecewise constant */
  int initial;         /* REGIME: initial state, 0-based */
  struct process_cfg *factors; /* PRODUCT */
} process_cfg;

/* Free what a process_cfg owns (not the struct itself). */
void process_cfg_clear(process_cfg *c);
/* Deep copy; 0 or -1 on no memory. */
int process_cfg_copy(process_cfg *dst, const process_cfg *src);
/* A constant process. */
process_cfg process_cfg_constant(double value);

typedef struct process process;

/* Realise cfg over [0, horizon_h] in replication (seed, rep): NULL on
** no memory.  The process borrows cfg, which must outlive it. */
process *process_new(const process_cfg *cfg, double horizon_h, uint64_t seed, uint64_t rep);
void process_free(process *p);

/* The value at time t (hours); t beyond the horizon holds the last value. */
double process_value(const process *p, double t);
/* An upper bound of the value over [0, horizon_h] (exact for all kinds
** but PRODUCT, where it is the product of the factors' bounds). */
double process_max(const process *p);
/* Is the process a constant (so callers may skip time variation)? */
int process_is_constant(const process *p);

const char *process_kind_name(proc_kind k);
int process_kind_parse(const char *name); /* -1 if unknown */

#endif
