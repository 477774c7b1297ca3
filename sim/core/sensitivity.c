/*
** sensitivity.c -- Sobol, Morris and rank-correlation indices with their
** bootstrap intervals.  Each method is a function of a multiset of units
** (indices into its design, with repeats): the estimate takes every unit
** once, each of SENS_BOOT resamples draws as many with replacement.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "design.h"
#include "rng.h"
#include "sensitivity.h"
#include "stats.h"

/* fn(ctx, units, m, out): the nidx indices of the m units into out. */
typedef void (*estimate_fn)(const void *ctx, const size_t *units, size_t m, double *out);

/* The estimate over the n units and its percentile interval over the
** resamples: est[nidx].  0 or -1 out of memory. */
static int bootstrap(estimate_fn fn, const void *ctx, size_t n, size_t nidx, uint64_t seed,
                     sens_est *est) {
  size_t *units = malloc(n * sizeof *units);
  double *out = malloc(nidx * sizeof *out), *boot = malloc(SENS_BOOT * nidx * sizeof *boot);
  double *col = malloc(SENS_BOOT * sizeof *col);
  if (!units || !out || !boot || !col) {
    free(units);
    free(out);
    free(boot);
    free(col);
    return -1;
  }
  for (size_t u = 0; u < n; u++) units[u] = u;
  fn(ctx, units, n, out);
  for (size_t i = 0; i < nidx; i++) est[i].value = out[i];
  rng r;
  rng_derive(&r, seed, 0, "neosim.bootstrap");
  for (size_t b = 0; b < SENS_BOOT; b++) {
    for (size_t u = 0; u < n; u++) units[u] = rng_bounded(&r, (uint32_t)n);
    fn(ctx, units, n, &boot[b * nidx]);
  }
  for (size_t i = 0; i < nidx; i++) {
    size_t m = 0;
    for (size_t b = 0; b < SENS_BOOT; b++)
      if (!isnan(boot[b * nidx + i])) col[m++] = boot[b * nidx + i];
    if (m == 0) {
      est[i].lo = est[i].hi = NAN;
      continue;
    }
    stats_sort(col, m);
    est[i].lo = col[stats_rank(0.025, m) - 1];
    est[i].hi = col[stats_rank(0.975, m) - 1];
  }
  free(units);
  free(out);
  free(boot);
  free(col);
  return 0;
}

/* The nout x k indices of fn over m units, each with its interval, into
** out[0..nout) (k each).  0, -1 out of memory, -2 no estimate (the first
** index NaN: no variance). */
static int indices(estimate_fn fn, const void *ctx, size_t m, size_t k, uint64_t seed,
                   sens_est *const *out, size_t nout) {
  sens_est *est = malloc(nout * k * sizeof *est);
  int rc = est ? bootstrap(fn, ctx, m, nout * k, seed, est) : -1;
  if (!rc && isnan(est[0].value)) rc = -2;
  for (size_t i = 0; !rc && i < nout; i++) memcpy(out[i], est + i * k, k * sizeof *est);
  free(est);
  return rc;
}

/* ---- Sobol ---------------------------------------------------------- */

typedef struct sobol_ctx {
  const double *y; /* rows of the base samples used, k + 2 each, back to back */
  size_t k;
} sobol_ctx;

/* S1[0..k) then ST[0..k). */
static void sobol_estimate(const void *ctx, const size_t *units, size_t m, double *out) {
  const sobol_ctx *c = ctx;
  size_t k = c->k, w = k + 2;
  double mean = 0, var = 0;
  for (size_t u = 0; u < m; u++) mean += c->y[units[u] * w] + c->y[units[u] * w + 1];
  mean /= (double)(2 * m);
  for (size_t u = 0; u < m; u++) {
    double a = c->y[units[u] * w] - mean, b = c->y[units[u] * w + 1] - mean;
    var += a * a + b * b;
  }
  var /= (double)(2 * m);
  for (size_t i = 0; i < k; i++) {
    double first = 0, total = 0;
    for (size_t u = 0; u < m; u++) {
      const double *row = &c->y[units[u] * w];
      double fa = row[0], fb = row[1], fab = row[2 + i];
      first += (fb - mean) * (fab - fa); /* Saltelli 2010, centred: the same expectation */
      total += (fa - fab) * (fa - fab);  /* Jansen 1999 */
    }
    out[i] = var > 0 ? first / (double)m / var : (double)NAN;
    out[k + i] = var > 0 ? total / (double)(2 * m) / var : (double)NAN;
  }
}

int sens_sobol(const double *y, size_t n, size_t k, uint64_t seed, sens_est *s1, sens_est *st,
               size_t *used) {
  size_t w = k + 2, m = 0;
  double *kept = malloc((n ? n : 1) * w * sizeof *kept);
  int rc = kept ? 0 : -1;
  for (size_t j = 0; !rc && j < n; j++) {
    int ok = 1;
    for (size_t i = 0; i < w; i++) ok &= !isnan(y[j * w + i]);
    if (ok) memcpy(&kept[m++ * w], &y[j * w], w * sizeof *kept);
  }
  *used = m;
  if (!rc && m < 2) rc = -2;
  sobol_ctx c = {kept, k};
  sens_est *const out[] = {s1, st};
  if (!rc) rc = indices(sobol_estimate, &c, m, k, seed, out, 2);
  free(kept);
  return rc;
}

/* ---- Morris --------------------------------------------------------- */

typedef struct morris_ctx {
  const double *ee; /* per trajectory used, the elementary effect of each input */
  size_t k;
} morris_ctx;

/* mu*[0..k) then sigma[0..k). */
static void morris_estimate(const void *ctx, const size_t *units, size_t m, double *out) {
  const morris_ctx *c = ctx;
  for (size_t i = 0; i < c->k; i++) {
    double abs_sum = 0, mean = 0, ss = 0;
    for (size_t u = 0; u < m; u++) {
      double e = c->ee[units[u] * c->k + i];
      abs_sum += fabs(e);
      mean += e;
    }
    mean /= (double)m;
    for (size_t u = 0; u < m; u++) {
      double d = c->ee[units[u] * c->k + i] - mean;
      ss += d * d;
    }
    out[i] = abs_sum / (double)m;
    out[c->k + i] = m > 1 ? sqrt(ss / (double)(m - 1)) : (double)NAN;
  }
}

int sens_morris(const double *y, const double *p, size_t r, size_t k, uint64_t seed,
                sens_est *mu_star, sens_est *sigma, size_t *used) {
  size_t w = k + 1, m = 0;
  double *ee = malloc((r ? r : 1) * k * sizeof *ee);
  int rc = ee ? 0 : -1;
  for (size_t t = 0; !rc && t < r; t++) {
    double *e = &ee[m * k];
    int ok = 1;
    for (size_t i = 0; i < k; i++) e[i] = NAN;
    for (size_t s = 1; s < w; s++) {
      size_t before = t * w + s - 1, after = before + 1, moved = k;
      for (size_t i = 0; i < k; i++)
        if (p[after * k + i] != p[before * k + i]) moved = moved == k ? i : k + 1;
      if (moved >= k) { /* not one input moved: not a Morris trajectory */
        ok = 0;
        break;
      }
      double delta =
          p[after * k + moved] > p[before * k + moved] ? DESIGN_MORRIS_DELTA : -DESIGN_MORRIS_DELTA;
      e[moved] = (y[after] - y[before]) / delta;
    }
    for (size_t i = 0; i < k; i++) ok &= !isnan(e[i]);
    if (ok) m++;
  }
  *used = m;
  if (!rc && m < 2) rc = -2;
  morris_ctx c = {ee, k};
  sens_est *const out[] = {mu_star, sigma};
  if (!rc) rc = indices(morris_estimate, &c, m, k, seed, out, 2);
  free(ee);
  return rc;
}

/* ---- PRCC and tornado ----------------------------------------------- */

typedef struct sample_ctx {
  const double *x, *y; /* rows used: x k each */
  size_t k;
  double *rk, *col, *c, *inv; /* scratch: (k + 1) x m ranks, a column, two matrices */
} sample_ctx;

/* Invert the n x n a (destroyed) into inv by Gauss-Jordan with partial
** pivoting: 0, or -1 when singular. */
static int invert(double *a, double *inv, size_t n) {
  for (size_t i = 0; i < n * n; i++) inv[i] = i % (n + 1) == 0;
  for (size_t c = 0; c < n; c++) {
    size_t piv = c;
    for (size_t r = c + 1; r < n; r++)
      if (fabs(a[r * n + c]) > fabs(a[piv * n + c])) piv = r;
    if (!(fabs(a[piv * n + c]) > 1e-12)) return -1;
    for (size_t j = 0; j < n; j++) {
      double t = a[c * n + j];
      a[c * n + j] = a[piv * n + j];
      a[piv * n + j] = t;
      t = inv[c * n + j];
      inv[c * n + j] = inv[piv * n + j];
      inv[piv * n + j] = t;
    }
    double d = a[c * n + c];
    for (size_t j = 0; j < n; j++) {
      a[c * n + j] /= d;
      inv[c * n + j] /= d;
    }
    for (size_t r = 0; r < n; r++) {
      if (r == c) continue;
      double f = a[r * n + c];
      for (size_t j = 0; j < n; j++) {
        a[r * n + j] -= f * a[c * n + j];
        inv[r * n + j] -= f * inv[c * n + j];
      }
    }
  }
  return 0;
}

/* prcc[0..k), low[0..k), high[0..k). */
static void sample_estimate(const void *ctx, const size_t *units, size_t m, double *out) {
  const sample_ctx *c = ctx;
  size_t k = c->k, v = k + 1;
  for (size_t j = 0; j < v; j++) { /* ranks of each input, then of y, over the units */
    for (size_t u = 0; u < m; u++) c->col[u] = j < k ? c->x[units[u] * k + j] : c->y[units[u]];
    if (stats_ranks(c->col, m, 1, &c->rk[j * m])) {
      for (size_t i = 0; i < 3 * k; i++) out[i] = NAN;
      return;
    }
  }
  for (size_t a = 0; a < v; a++) /* their correlations */
    for (size_t b = a; b < v; b++) {
      double mean = (double)(m + 1) / 2, sab = 0, saa = 0, sbb = 0;
      for (size_t u = 0; u < m; u++) {
        double da = c->rk[a * m + u] - mean, db = c->rk[b * m + u] - mean;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
      }
      c->c[a * v + b] = c->c[b * v + a] = saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : (double)NAN;
    }
  int singular = 0;
  for (size_t i = 0; i < v * v; i++) singular |= isnan(c->c[i]);
  singular = singular || invert(c->c, c->inv, v);
  for (size_t i = 0; i < k; i++) {
    double pii = c->inv[i * v + i], pyy = c->inv[k * v + k], piy = c->inv[i * v + k];
    out[i] = singular || !(pii * pyy > 0) ? (double)NAN : -piy / sqrt(pii * pyy);
  }
  for (size_t i = 0; i < k; i++) { /* the mean response in the extreme fifths of input i */
    double lo = 0, hi = 0;
    size_t nlo = 0, nhi = 0;
    for (size_t u = 0; u < m; u++) {
      double p = c->x[units[u] * k + i], y = c->y[units[u]];
      if (p < 0.2) {
        lo += y;
        nlo++;
      } else if (p > 0.8) {
        hi += y;
        nhi++;
      }
    }
    out[k + i] = nlo ? lo / (double)nlo : (double)NAN;
    out[2 * k + i] = nhi ? hi / (double)nhi : (double)NAN;
  }
}

int sens_sample(const double *x, const double *y, size_t n, size_t k, uint64_t seed, sens_est *prcc,
                sens_est *low, sens_est *high, size_t *used) {
  size_t m = 0, v = k + 1;
  double *kx = malloc((n ? n : 1) * k * sizeof *kx), *ky = malloc((n ? n : 1) * sizeof *ky);
  sample_ctx c = {.k = k};
  c.rk = malloc((n ? n : 1) * v * sizeof *c.rk);
  c.col = malloc((n ? n : 1) * sizeof *c.col);
  c.c = malloc(v * v * sizeof *c.c);
  c.inv = malloc(v * v * sizeof *c.inv);
  int rc = kx && ky && c.rk && c.col && c.c && c.inv ? 0 : -1;
  for (size_t r = 0; !rc && r < n; r++)
    if (!isnan(y[r])) {
      memcpy(&kx[m * k], &x[r * k], k * sizeof *kx);
      ky[m++] = y[r];
    }
  *used = m;
  if (!rc && m < k + 3) rc = -2;
  c.x = kx;
  c.y = ky;
  sens_est *const out[] = {prcc, low, high};
  if (!rc) rc = indices(sample_estimate, &c, m, k, seed, out, 3);
  free(kx);
  free(ky);
  free(c.rk);
  free(c.col);
  free(c.c);
  free(c.inv);
  return rc;
}
