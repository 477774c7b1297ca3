/*
** process.c -- realisations of time-varying values.  Stochastic kinds
** are drawn as piecewise-constant paths at creation; evaluation is a
** binary search (paths) or a formula (constant, seasonal).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dist.h"
#include "err.h"
#include "process.h"
#include "rng.h"
#include "units.h"

#define TWO_PI 6.283185307179586476925

struct process {
  const process_cfg *cfg;
  char *err; /* where realise() explains a failure (process_new's buffer) */
  size_t errlen;
  mem_budget *mem; /* takes the path */
  size_t n;        /* path points (drawn or copied) */
  double *t, *v;   /* path; NULL for formula kinds */
  int step;        /* path interpolation */
  size_t *hint;    /* the point locate() found last: a cache, in cell, that a
                      lookup through a const process updates (each run has its own) */
  size_t cell;
  double log_growth; /* SEASONAL: log1p(trend) */
  double max;
  size_t nf;
  process **factors; /* PRODUCT */
};

static const char *const names[] = {
    [PROC_CONSTANT] = "constant", [PROC_PATH] = "path",
    [PROC_SEASONAL] = "seasonal", [PROC_MEAN_REVERTING] = "mean_reverting",
    [PROC_GBM] = "gbm",           [PROC_REGIME] = "regime",
    [PROC_PRODUCT] = "product"};
_Static_assert(sizeof names / sizeof *names == PROC_NKINDS, "a name per process kind");

const char *const process_param_keys[PROC_NKINDS][PROCESS_MAX_PARAMS] = {
    [PROC_CONSTANT] = {[P_CONST_VALUE] = "value"},
    [PROC_SEASONAL] = {[P_SEAS_BASE] = "base",
                       [P_SEAS_AMPLITUDE] = "amplitude",
                       [P_SEAS_PERIOD_H] = "period_hours",
                       [P_SEAS_PEAK_H] = "peak_hours",
                       [P_SEAS_TREND] = "trend"},
    [PROC_MEAN_REVERTING] = {[P_MR_START] = "start",
                             [P_MR_MEAN] = "mean",
                             [P_MR_SPEED] = "speed",
                             [P_MR_VOL] = "vol",
                             [P_MR_JUMP_RATE] = "jump_rate",
                             [P_MR_JUMP_MEAN] = "jump_mean",
                             [P_MR_JUMP_SD] = "jump_sd",
                             [P_MR_STEP_H] = "step_hours"},
    [PROC_GBM] = {[P_GBM_START] = "start",
                  [P_GBM_DRIFT] = "drift",
                  [P_GBM_VOL] = "vol",
                  [P_GBM_STEP_H] = "step_hours"},
    [PROC_REGIME] = {[P_REGIME_BASE] = "base"},
};

int process_step_param(proc_kind k) {
  return k == PROC_MEAN_REVERTING ? P_MR_STEP_H : k == PROC_GBM ? P_GBM_STEP_H : -1;
}

const char *process_kind_name(proc_kind k) { return (unsigned)k < PROC_NKINDS ? names[k] : "?"; }

int process_kind_parse(const char *name) {
  for (int k = 0; k < PROC_NKINDS; k++)
    if (strcmp(name, names[k]) == 0) return k;
  return -1;
}

process_cfg process_cfg_constant(double value) {
  process_cfg c;
  memset(&c, 0, sizeof c);
  c.kind = PROC_CONSTANT;
  c.p[0] = value;
  return c;
}

void process_cfg_clear(process_cfg *c) {
  if (!c) return;
  for (size_t i = 0; c->kind == PROC_PRODUCT && i < c->n; i++) process_cfg_clear(&c->factors[i]);
  free(c->factors);
  free(c->stream);
  free(c->t);
  free(c->v);
  memset(c, 0, sizeof *c);
}

static double *dup_array(const double *a, size_t n) {
  if (!a || n == 0) return NULL;
  double *b = malloc(n * sizeof *b);
  if (b) memcpy(b, a, n * sizeof *b);
  return b;
}

int process_cfg_copy(process_cfg *dst, const process_cfg *src) {
  *dst = *src;
  dst->stream = src->stream ? strdup(src->stream) : NULL;
  dst->t = dup_array(src->t, src->n);
  dst->v = dup_array(src->v, src->n);
  dst->factors = NULL;
  int bad = (src->stream && !dst->stream) || (src->t && !dst->t) || (src->v && !dst->v);
  if (!bad && src->kind == PROC_PRODUCT) {
    dst->factors = calloc(src->n, sizeof *dst->factors);
    bad = !dst->factors;
    for (size_t i = 0; !bad && i < src->n; i++)
      bad = process_cfg_copy(&dst->factors[i], &src->factors[i]);
  }
  if (bad) {
    if (src->kind == PROC_PRODUCT && !dst->factors) dst->n = 0;
    process_cfg_clear(dst);
    return -1;
  }
  return 0;
}

/* Room for a path of up to n points (a double: horizon / step may be
** beyond size_t), taken from the memory budget first.  0, or -1 with why. */
static int alloc_path(process *p, double n) {
  const char *stream = p->cfg->stream ? p->cfg->stream : "a process";
  if (mem_take(p->mem, n * (sizeof *p->t + sizeof *p->v), p->err, p->errlen,
               "the path of %s (%s, %.0f points)", stream, process_kind_name(p->cfg->kind), n))
    return -1;
  p->t = malloc((size_t)n * sizeof *p->t);
  p->v = malloc((size_t)n * sizeof *p->v);
  if (p->t && p->v) return 0;
  return err_set(p->err, p->errlen, "out of memory drawing %s", stream);
}

static void path_max(process *p) {
  p->max = p->v[0];
  for (size_t i = 1; i < p->n; i++)
    if (p->v[i] > p->max) p->max = p->v[i];
}

static const char *stream_of(const process *p) {
  return p->cfg->stream ? p->cfg->stream : "a process";
}

/* Jumps of one step drawn one by one, up to this many; more are drawn as
** their sum at once (normal: n jumps of mean m and sd s sum to a normal of
** mean n m and sd s sqrt(n)), so a jump_rate of 1e13 a year costs one draw
** a step, not 10^10. */
#define MAX_JUMPS_ONE_BY_ONE 1000

/* Log-OU with jumps (mean-reverting) or GBM, on a grid of step_h. */
static int draw_diffusion(process *p, double horizon_h, rng *r) {
  const double *q = p->cfg->p;
  int ou = p->cfg->kind == PROC_MEAN_REVERTING;
  double step_h = q[process_step_param(p->cfg->kind)], dt = hours_to_years(step_h);
  double steps = ceil(horizon_h / step_h) + 1;
  if (alloc_path(p, steps)) return -1;
  size_t n = (size_t)steps;
  double x = log(q[ou ? P_MR_START : P_GBM_START]), lmean = ou ? log(q[P_MR_MEAN]) : 0;
  for (size_t i = 0; i < n; i++) {
    p->t[i] = (double)i * step_h;
    p->v[i] = exp(x);
    double z = dist_normal(r, 0, 1);
    if (ou) {
      x += q[P_MR_SPEED] * (lmean - x) * dt + q[P_MR_VOL] * sqrt(dt) * z;
      if (q[P_MR_JUMP_RATE] > 0) {
        double jumps = dist_poisson(r, q[P_MR_JUMP_RATE] * dt);
        double sd = q[P_MR_JUMP_SD] > 0 ? q[P_MR_JUMP_SD] : 1e-300;
        if (jumps <= MAX_JUMPS_ONE_BY_ONE)
          for (double j = 0; j < jumps; j++) x += dist_normal(r, q[P_MR_JUMP_MEAN], sd);
        else x += dist_normal(r, jumps * q[P_MR_JUMP_MEAN], sd * sqrt(jumps));
      }
    } else {
      x += (q[P_GBM_DRIFT] - 0.5 * q[P_GBM_VOL] * q[P_GBM_VOL]) * dt + q[P_GBM_VOL] * sqrt(dt) * z;
    }
  }
  p->n = n;
  p->step = 1;
  return 0;
}

/* Switches in a row that leave the clock where it is before the regime
** fails: its states switch faster than time passes. */
#define MAX_STILL_SWITCHES 1000

/* Markov switching between states with exponential holding times; the
** next state is drawn uniformly among the others. */
static int draw_regime(process *p, double horizon_h, rng *r) {
  const process_cfg *c = p->cfg;
  size_t cap = 16, n = 0;
  int s = c->initial;
  double t = 0;
  if (alloc_path(p, (double)cap)) return -1;
  for (int still = 0; t <= horizon_h;) {
    still = n > 0 && !(t > p->t[n - 1]) ? still + 1 : 0; /* once in a while: a tiny draw */
    if (still >= MAX_STILL_SWITCHES)
      return err_set(p->err, p->errlen,
                     "%s (regime): its states switch faster than time passes on day %.1f "
                     "(the mean_days of state %d is too small)",
                     stream_of(p), hours_to_days(t), s + 1);
    if (n == cap) {
      if (mem_take(p->mem, (double)cap * (sizeof *p->t + sizeof *p->v), p->err, p->errlen,
                   "the path of %s (regime, more than %zu switches)", stream_of(p), cap))
        return -1;
      cap *= 2;
      double *nt = realloc(p->t, cap * sizeof *nt);
      if (nt) p->t = nt;
      double *nv = realloc(p->v, cap * sizeof *nv);
      if (nv) p->v = nv;
      if (!nt || !nv) return err_set(p->err, p->errlen, "out of memory drawing %s", stream_of(p));
    }
    p->t[n] = t;
    p->v[n] = c->p[P_REGIME_BASE] * c->v[s];
    n++;
    t += dist_exponential(r, c->t[s]);
    if (c->n > 1) {
      int k = (int)rng_bounded(r, (uint32_t)(c->n - 1));
      s = k >= s ? k + 1 : k;
    }
  }
  p->n = n;
  p->step = 1;
  return 0;
}

static double seasonal_max(const process_cfg *c, double horizon_h) {
  double growth = pow(1.0 + c->p[P_SEAS_TREND], hours_to_years(horizon_h));
  return c->p[P_SEAS_BASE] * (growth > 1 ? growth : 1.0) * (1.0 + fabs(c->p[P_SEAS_AMPLITUDE]));
}

/* A path must stay finite: a value of inf (exp of a log that overflowed)
** would make every price or rate that follows it inf. */
static int finite_path(process *p) {
  for (size_t i = 0; i < p->n; i++)
    if (!isfinite(p->v[i]))
      return err_set(p->err, p->errlen,
                     "%s (%s): its path reaches %g on day %.1f: its parameters make it overflow "
                     "over the horizon",
                     stream_of(p), process_kind_name(p->cfg->kind), p->v[i],
                     hours_to_days(p->t[i]));
  if (!isfinite(p->max))
    return err_set(p->err, p->errlen, "%s (%s): its values reach %g over the horizon", stream_of(p),
                   process_kind_name(p->cfg->kind), p->max);
  return 0;
}

static int realise(process *p, double horizon_h, uint64_t seed, uint64_t rep) {
  const process_cfg *c = p->cfg;
  rng r;
  rng_derive(&r, seed, rep, c->stream ? c->stream : "process");
  switch (c->kind) {
  case PROC_CONSTANT: p->max = c->p[P_CONST_VALUE]; return finite_path(p);
  case PROC_SEASONAL: p->max = seasonal_max(c, horizon_h); return finite_path(p);
  case PROC_PATH:
    if (alloc_path(p, (double)c->n)) return -1;
    memcpy(p->t, c->t, c->n * sizeof *p->t);
    memcpy(p->v, c->v, c->n * sizeof *p->v);
    p->n = c->n;
    p->step = c->step;
    break;
  case PROC_MEAN_REVERTING:
  case PROC_GBM:
    if (draw_diffusion(p, horizon_h, &r)) return -1;
    break;
  case PROC_REGIME:
    if (draw_regime(p, horizon_h, &r)) return -1;
    break;
  case PROC_PRODUCT:
    p->factors = calloc(c->n, sizeof *p->factors);
    if (!p->factors) return err_set(p->err, p->errlen, "out of memory drawing %s", stream_of(p));
    p->max = 1;
    for (size_t i = 0; i < c->n; i++, p->nf++) {
      p->factors[i] = process_new(&c->factors[i], horizon_h, seed, rep, p->mem, p->err, p->errlen);
      if (!p->factors[i]) return -1;
      p->max *= process_max(p->factors[i]);
    }
    return finite_path(p);
  case PROC_NKINDS: return err_set(p->err, p->errlen, "%s: unknown process kind", stream_of(p));
  }
  path_max(p);
  return finite_path(p);
}

process *process_new(const process_cfg *cfg, double horizon_h, uint64_t seed, uint64_t rep,
                     mem_budget *mem, char *err, size_t errlen) {
  process *p = calloc(1, sizeof *p);
  if (!p) {
    err_set(err, errlen, "out of memory drawing %s", cfg->stream ? cfg->stream : "a process");
    return NULL;
  }
  p->cfg = cfg;
  p->err = err;
  p->errlen = errlen;
  p->mem = mem;
  p->hint = &p->cell;
  if (cfg->kind == PROC_SEASONAL) p->log_growth = log1p(cfg->p[P_SEAS_TREND]);
  if (realise(p, horizon_h, seed, rep)) {
    process_free(p);
    return NULL;
  }
  return p;
}

void process_free(process *p) {
  if (!p) return;
  for (size_t i = 0; i < p->nf; i++) process_free(p->factors[i]);
  free(p->factors);
  free(p->t);
  free(p->v);
  free(p);
}

/* The last point at or before t (t >= t[0]): the one found last, when t
** is still in its interval (runs ask at times that mostly increase), else
** by bisection. */
static size_t locate(const process *p, double t) {
  size_t h = *p->hint;
  if (p->t[h] <= t && (h + 1 == p->n || t < p->t[h + 1])) return h;
  if (h + 2 < p->n && p->t[h + 1] <= t && t < p->t[h + 2]) return *p->hint = h + 1;
  size_t lo = 0, hi = p->n;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (p->t[mid] <= t) lo = mid;
    else hi = mid;
  }
  return *p->hint = lo;
}

static double path_value(const process *p, double t) {
  if (t < p->t[0]) return p->v[0];
  size_t i = locate(p, t);
  if (p->step || i + 1 >= p->n) return p->v[i];
  double w = (t - p->t[i]) / (p->t[i + 1] - p->t[i]);
  return p->v[i] + w * (p->v[i + 1] - p->v[i]);
}

double process_value(const process *p, double t) {
  const process_cfg *c = p->cfg;
  switch (c->kind) {
  case PROC_CONSTANT: return c->p[P_CONST_VALUE];
  case PROC_SEASONAL: {
    const double *q = c->p;
    double growth = q[P_SEAS_TREND] == 0 ? 1.0 : exp(p->log_growth * hours_to_years(t));
    return q[P_SEAS_BASE] * growth *
           (1.0 + q[P_SEAS_AMPLITUDE] * cos(TWO_PI * (t - q[P_SEAS_PEAK_H]) / q[P_SEAS_PERIOD_H]));
  }
  case PROC_PRODUCT: {
    double v = 1;
    for (size_t i = 0; i < p->nf; i++) v *= process_value(p->factors[i], t);
    return v;
  }
  default: return path_value(p, t);
  }
}

/* The product of the intervals [a0, a1] and [b0, b1]; unknown (-inf,
** +inf) unless both are finite. */
static void range_unknown(double *lo, double *hi) {
  *lo = -(double)INFINITY;
  *hi = (double)INFINITY;
}

static void range_mul(double a0, double a1, double b0, double b1, double *lo, double *hi) {
  if (!(isfinite(a0) && isfinite(a1) && isfinite(b0) && isfinite(b1))) {
    range_unknown(lo, hi);
    return;
  }
  double x = a0 * b0, y = a0 * b1, z = a1 * b0, w = a1 * b1;
  *lo = fmin(fmin(x, y), fmin(z, w));
  *hi = fmax(fmax(x, y), fmax(z, w));
}

/* Widen [lo, hi] by far more than the rounding of a few operations. */
static void range_widen(double *lo, double *hi) {
  double d = 1e-9 * (fabs(*lo) + fabs(*hi)) + 1e-300;
  *lo -= d;
  *hi += d;
}

/* Is a phase of k + shift turns (k an integer) within [x0, x1] turns,
** widened far beyond their rounding?  shift 0: a crest of the cosine,
** shift 0.5: a trough. */
static int phase_within(double x0, double x1, double shift) {
  double e = 1e-9 * (1 + fabs(x0) + fabs(x1));
  return floor(x1 + e - shift) >= ceil(x0 - e - shift);
}

/* The seasonal formula of process_value() over [t0, t1].  Its computed
** phase and growth are monotone in t (each rounding is), so the values
** between lie within the ends' unless a crest or a trough is between. */
static void seasonal_range(const process *p, double t0, double t1, double *lo, double *hi) {
  const double *q = p->cfg->p;
  double g0 = 1, g1 = 1, c0 = -1, c1 = 1, a = q[P_SEAS_AMPLITUDE], per = q[P_SEAS_PERIOD_H];
  if (q[P_SEAS_TREND] != 0) {
    double e0 = exp(p->log_growth * hours_to_years(t0));
    double e1 = exp(p->log_growth * hours_to_years(t1));
    g0 = fmin(e0, e1);
    g1 = fmax(e0, e1);
  }
  if (per > 0 && t1 - t0 < per) {
    double x0 = TWO_PI * (t0 - q[P_SEAS_PEAK_H]) / per, x1 = TWO_PI * (t1 - q[P_SEAS_PEAK_H]) / per;
    double y0 = cos(x0), y1 = cos(x1);
    c0 = phase_within(x0 / TWO_PI, x1 / TWO_PI, 0.5) ? -1 : fmin(y0, y1);
    c1 = phase_within(x0 / TWO_PI, x1 / TWO_PI, 0.0) ? 1 : fmax(y0, y1);
  }
  double f0 = a >= 0 ? 1.0 + a * c0 : 1.0 + a * c1, f1 = a >= 0 ? 1.0 + a * c1 : 1.0 + a * c0;
  range_mul(q[P_SEAS_BASE], q[P_SEAS_BASE], g0, g1, lo, hi);
  range_mul(*lo, *hi, f0, f1, lo, hi);
}

/* A path over [t0, t1]: its points from the one in force at t0 to the
** last before t1, and the next one where values are interpolated (from
** the first point on: before it the value is the first's). */
static void path_range(const process *p, double t0, double t1, double *lo, double *hi) {
  size_t i = t0 < p->t[0] ? 0 : locate(p, t0), seen = 0;
  int far = !p->step && t1 >= p->t[0];
  *lo = *hi = p->v[i];
  while (++i < p->n && (p->t[i] <= t1 || far)) {
    if (++seen > PROCESS_RANGE_POINTS) {
      range_unknown(lo, hi);
      return;
    }
    *lo = fmin(*lo, p->v[i]);
    *hi = fmax(*hi, p->v[i]);
    if (p->t[i] > t1) break; /* the interpolation's far end */
  }
}

void process_range(const process *p, double t0, double t1, double *lo, double *hi) {
  const process_cfg *c = p->cfg;
  switch (c->kind) {
  case PROC_CONSTANT: *lo = *hi = c->p[P_CONST_VALUE]; return;
  case PROC_SEASONAL: seasonal_range(p, t0, t1, lo, hi); break;
  case PROC_PRODUCT:
    *lo = *hi = 1;
    for (size_t i = 0; i < p->nf; i++) {
      double a, b;
      process_range(p->factors[i], t0, t1, &a, &b);
      range_mul(*lo, *hi, a, b, lo, hi);
    }
    break;
  default: path_range(p, t0, t1, lo, hi); break;
  }
  range_widen(lo, hi);
}

double process_max(const process *p) { return p->max; }
int process_is_constant(const process *p) { return p->cfg->kind == PROC_CONSTANT; }
