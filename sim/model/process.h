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

#include "membudget.h"

typedef enum proc_kind {
  PROC_CONSTANT = 0,   /* p: P_CONST_* */
  PROC_PATH,           /* t[], v[] (hours, ascending), step = 1 for steps, else linear */
  PROC_SEASONAL,       /* p: P_SEAS_* */
  PROC_MEAN_REVERTING, /* p: P_MR_* (a log-OU with jumps) */
  PROC_GBM,            /* p: P_GBM_* */
  PROC_REGIME,         /* p: P_REGIME_*; levels[], mean_h[] per state; initial state */
  PROC_PRODUCT,        /* factors[] multiplied */
  PROC_NKINDS
} proc_kind;

/* The parameters p[] of each kind, by index; process_param_keys names each
** as the resolved scenario does (lua/neo/CONTRACT.md).  Rates are per year,
** vol per square root of a year, times in hours. */
enum { P_CONST_VALUE = 0 };
enum { P_SEAS_BASE = 0, P_SEAS_AMPLITUDE, P_SEAS_PERIOD_H, P_SEAS_PEAK_H, P_SEAS_TREND };
enum {
  P_MR_START = 0,
  P_MR_MEAN,
  P_MR_SPEED,
  P_MR_VOL,
  P_MR_JUMP_RATE,
  P_MR_JUMP_MEAN,
  P_MR_JUMP_SD,
  P_MR_STEP_H
};
enum { P_GBM_START = 0, P_GBM_DRIFT, P_GBM_VOL, P_GBM_STEP_H };
enum { P_REGIME_BASE = 0 };
#define PROCESS_MAX_PARAMS 8

/* The key of each parameter of a kind in p[] order, NULL after the last. */
extern const char *const process_param_keys[PROC_NKINDS][PROCESS_MAX_PARAMS];

/* The index in p[] of the grid step (hours) of a kind drawn on a grid
** (mean-reverting, GBM), or -1. */
int process_step_param(proc_kind k);

typedef struct process_cfg {
  proc_kind kind;
  char *stream; /* stream name: the scenario key path */
  double p[PROCESS_MAX_PARAMS];
  size_t n;                    /* points (PATH), states (REGIME) or factors (PRODUCT) */
  double *t, *v;               /* PATH: times and values; REGIME: t = mean_h, v = levels */
  int step;                    /* PATH: 1 = piecewise constant */
  int initial;                 /* REGIME: initial state, 0-based */
  struct process_cfg *factors; /* PRODUCT */
} process_cfg;

/* Free what a process_cfg owns (not the struct itself). */
void process_cfg_clear(process_cfg *c);
/* Deep copy; 0 or -1 on no memory. */
int process_cfg_copy(process_cfg *dst, const process_cfg *src);
/* A constant process. */
process_cfg process_cfg_constant(double value);

typedef struct process process;

/* Realise cfg over [0, horizon_h] in replication (seed, rep).  The
** process borrows cfg, which must outlive it; its path (16 bytes a point)
** is taken from mem (NULL: no budget) before it is allocated.  NULL with
** why in err (its stream named): no memory, a path beyond the budget, a
** path that is not finite (a GBM whose log overflows), a regime whose
** states switch faster than time passes.
** Loops are bounded: a diffusion draws horizon / step steps and at most
** MAX_JUMPS_ONE_BY_ONE jumps a step one by one (more as their sum). */
process *process_new(const process_cfg *cfg, double horizon_h, uint64_t seed, uint64_t rep,
                     mem_budget *mem, char *err, size_t errlen);
void process_free(process *p);

/* The value at time t (hours); t beyond the horizon holds the last value. */
double process_value(const process *p, double t);
/* Bounds of every value process_value() returns for t in [t0, t1]
** (t0 <= t1): *lo <= value <= *hi, rounding included, however the
** window is placed (before the first point of a path, past the horizon).
** Cheap for a short window: a formula's value at both ends, a path's
** points in between.  A window holding more than PROCESS_RANGE_POINTS
** points of a path gets the bounds -inf and +inf (unknown).  For a caller
** that decides by comparing with the value, where most comparisons are
** settled by the bounds alone (thinning). */
#define PROCESS_RANGE_POINTS 64
void process_range(const process *p, double t0, double t1, double *lo, double *hi);

/* An upper bound of the value over [0, horizon_h] (exact for all kinds
** but PRODUCT, where it is the product of the factors' bounds). */
double process_max(const process *p);
/* Is the process a constant (so callers may skip time variation)? */
int process_is_constant(const process *p);

const char *process_kind_name(proc_kind k);
int process_kind_parse(const char *name); /* -1 if unknown */

#endif
