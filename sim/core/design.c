/*
** design.c -- random, Latin hypercube, Saltelli and Morris designs, and
** Iman & Conover's (1982) rank correlation: each column rearranged so that
** its ranks are those of a matrix of normal scores whose correlation is
** the target (scores S, their correlation E = Q Q', the target C = P P':
** the rows of S (P Q^-1)' have correlation C).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "design.h"
#include "dist.h"
#include "err.h"
#include "rng.h"
#include "stats.h"

static const char *const names[] = {[DESIGN_RANDOM] = "random",
                                    [DESIGN_LHS] = "lhs",
                                    [DESIGN_SALTELLI] = "saltelli",
                                    [DESIGN_MORRIS] = "morris"};
_Static_assert(sizeof names / sizeof *names == DESIGN_NKINDS, "a name per design");

const char *design_kind_name(design_kind kind) {
  return (unsigned)kind < DESIGN_NKINDS ? names[kind] : "?";
}

int design_kind_parse(const char *name) {
  for (int k = 0; k < DESIGN_NKINDS; k++)
    if (strcmp(name, names[k]) == 0) return k;
  return -1;
}

size_t design_rows(design_kind kind, size_t samples, size_t k) {
  if (k == 0 || k > DESIGN_MAX_INPUTS || samples == 0 || samples > DESIGN_MAX_ROWS) return 0;
  size_t per = kind == DESIGN_SALTELLI ? k + 2 : kind == DESIGN_MORRIS ? k + 1 : 1;
  if (samples > DESIGN_MAX_ROWS / per) return 0;
  return samples * per > DESIGN_MAX_CELLS / k ? 0 : samples * per;
}

/* A uniform permutation of 0 .. n-1 (Fisher-Yates). */
static void shuffle(size_t *p, size_t n, rng *r) {
  for (size_t i = 0; i < n; i++) p[i] = i;
  for (size_t i = n; i > 1; i--) {
    size_t j = rng_bounded(r, (uint32_t)i);
    size_t t = p[i - 1];
    p[i - 1] = p[j];
    p[j] = t;
  }
}

static int fill_random(design *d, rng *r) {
  for (size_t i = 0; i < d->rows * d->k; i++) d->u[i] = rng_uniform_pos(r);
  return 0;
}

/* Column by column: bin p[i] of n for row i, a uniform point in it. */
static int fill_lhs(design *d, rng *r) {
  size_t n = d->rows, *p = malloc(n * sizeof *p);
  if (!p) return -1;
  for (size_t j = 0; j < d->k; j++) {
    shuffle(p, n, r);
    for (size_t i = 0; i < n; i++)
      d->u[i * d->k + j] = ((double)p[i] + rng_uniform_pos(r)) / (double)n;
  }
  free(p);
  return 0;
}

/* Per base sample: A_j and B_j drawn, then k rows A_j with column i of B_j. */
static int fill_saltelli(design *d, rng *r) {
  size_t k = d->k;
  for (size_t j = 0; j < d->samples; j++) {
    double *a = &d->u[j * (k + 2) * k], *b = a + k;
    for (size_t i = 0; i < 2 * k; i++) a[i] = rng_uniform_pos(r);
    for (size_t i = 0; i < k; i++) {
      double *ab = a + (2 + i) * k;
      memcpy(ab, a, k * sizeof *ab);
      ab[i] = b[i];
    }
  }
  return 0;
}

/* Per trajectory: each input starts on a level drawn from the 4 and
** moves 2 levels (up from 0 and 1, down from 2 and 3), in a random order
** of the inputs. */
static int fill_morris(design *d, rng *r) {
  size_t k = d->k, *order = malloc(k * sizeof *order);
  int *level = malloc(k * sizeof *level);
  if (!order || !level) {
    free(order);
    free(level);
    return -1;
  }
  const int step = DESIGN_MORRIS_LEVELS / 2; /* DESIGN_MORRIS_DELTA in probability */
  for (size_t t = 0; t < d->samples; t++) {
    double *row = &d->u[t * (k + 1) * k];
    for (size_t i = 0; i < k; i++) level[i] = (int)rng_bounded(r, DESIGN_MORRIS_LEVELS);
    shuffle(order, k, r);
    for (size_t m = 0; m <= k; m++) {
      if (m > 0) {
        size_t i = order[m - 1];
        level[i] += level[i] < step ? step : -step;
      }
      for (size_t i = 0; i < k; i++) row[m * k + i] = (level[i] + 0.5) / DESIGN_MORRIS_LEVELS;
    }
  }
  free(order);
  free(level);
  return 0;
}

/* Pearson correlations of the k columns of the n x k row-major x. */
static void pearson(const double *x, size_t n, size_t k, double *out) {
  for (size_t a = 0; a < k; a++)
    for (size_t b = a; b < k; b++) {
      double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
      for (size_t i = 0; i < n; i++) {
        ma += x[i * k + a];
        mb += x[i * k + b];
      }
      ma /= (double)n;
      mb /= (double)n;
      for (size_t i = 0; i < n; i++) {
        double da = x[i * k + a] - ma, db = x[i * k + b] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
      }
      double r = saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : (a == b ? 1 : 0);
      out[a * k + b] = out[b * k + a] = a == b ? 1 : r;
    }
}

int design_spearman(const double *x, size_t n, size_t k, double *out) {
  double *rk = malloc(n * k * sizeof *rk), *col = malloc(n * sizeof *col);
  int rc = rk && col ? 0 : -1;
  for (size_t j = 0; rc == 0 && j < k; j++) {
    rc = stats_ranks(x + j, n, k, col);
    for (size_t i = 0; rc == 0 && i < n; i++) rk[i * k + j] = col[i];
  }
  if (rc == 0) pearson(rk, n, k, out);
  free(rk);
  free(col);
  return rc;
}

/* Lower Cholesky factor L of the k x k a (L L' = a): 0, or -1 when a is
** not positive definite. */
static int cholesky(const double *a, size_t k, double *l) {
  memset(l, 0, k * k * sizeof *l);
  for (size_t i = 0; i < k; i++)
    for (size_t j = 0; j <= i; j++) {
      double s = a[i * k + j];
      for (size_t m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
      if (i == j) {
        if (!(s > 1e-12)) return -1;
        l[i * k + i] = sqrt(s);
      } else {
        l[i * k + j] = s / l[j * k + j];
      }
    }
  return 0;
}

/* Iman & Conover: rearrange each column of the n x k u so its ranks are
** those of the target-correlated scores.  0, -1 out of memory, -2 target
** not positive definite, -3 the scores' correlation singular (n too small). */
static int iman_conover(double *u, size_t n, size_t k, const double *target, rng *r) {
  size_t nk = n * k;
  double *s = malloc(nk * sizeof *s), *t = malloc(nk * sizeof *t), *e = malloc(k * k * sizeof *e);
  double *p = malloc(k * k * sizeof *p), *q = malloc(k * k * sizeof *q);
  double *rk = malloc(n * sizeof *rk), *col = malloc(n * sizeof *col);
  size_t *perm = malloc(n * sizeof *perm);
  int rc = s && t && e && p && q && rk && col && perm ? 0 : -1;
  if (rc == 0 && cholesky(target, k, p)) rc = -2;
  for (size_t j = 0; rc == 0 && j < k; j++) { /* van der Waerden scores, shuffled */
    shuffle(perm, n, r);
    for (size_t i = 0; i < n; i++)
      s[i * k + j] = dist_normal_quantile((double)(perm[i] + 1) / (double)(n + 1));
  }
  if (rc == 0) {
    pearson(s, n, k, e);
    if (cholesky(e, k, q)) rc = -3;
  }
  for (size_t i = 0; rc == 0 && i < n; i++) { /* t_i = P Q^-1 s_i */
    double *z = &t[i * k];
    for (size_t a = 0; a < k; a++) { /* forward substitution: Q z = s_i */
      double v = s[i * k + a];
      for (size_t m = 0; m < a; m++) v -= q[a * k + m] * z[m];
      z[a] = v / q[a * k + a];
    }
    for (size_t a = k; a-- > 0;) { /* z := P z, from the last row up (P lower) */
      double v = 0;
      for (size_t m = 0; m <= a; m++) v += p[a * k + m] * z[m];
      z[a] = v;
    }
  }
  for (size_t j = 0; rc == 0 && j < k; j++) { /* column j of u in the order of t's */
    for (size_t i = 0; i < n; i++) col[i] = u[i * k + j];
    if (stats_ranks(t + j, n, k, rk) || stats_ranks(col, n, 1, s)) {
      rc = -1;
      break;
    }
    for (size_t i = 0; i < n; i++) perm[(size_t)s[i] - 1] = i; /* continuous: no ties */
    for (size_t i = 0; i < n; i++) u[i * k + j] = col[perm[(size_t)rk[i] - 1]];
  }
  free(s);
  free(t);
  free(e);
  free(p);
  free(q);
  free(rk);
  free(col);
  free(perm);
  return rc;
}

/* The target's shape: symmetric, ones on the diagonal, entries in (-1, 1). */
static const char *target_problem(const double *c, size_t k) {
  for (size_t a = 0; a < k; a++)
    for (size_t b = 0; b < k; b++) {
      double v = c[a * k + b];
      if (a == b && v != 1) return "a rank correlation matrix has ones on its diagonal";
      if (a != b && !(v > -1 && v < 1)) return "rank correlations must be in (-1, 1)";
      if (v != c[b * k + a]) return "a rank correlation matrix is symmetric";
    }
  return NULL;
}

int design_make(design *d, design_kind kind, size_t samples, size_t k, const double *target,
                uint64_t seed, char *err, size_t errlen) {
  memset(d, 0, sizeof *d);
  size_t rows = (unsigned)kind < DESIGN_NKINDS ? design_rows(kind, samples, k) : 0;
  if (!rows) {
    err_set(err, errlen,
            "a %s design of %zu samples over %zu inputs: at most %d points and %d values "
            "(points x inputs), at least one sample and one input",
            design_kind_name(kind), samples, k, DESIGN_MAX_ROWS, DESIGN_MAX_CELLS);
    return -1;
  }
  const char *bad = target ? target_problem(target, k) : NULL;
  if (!bad && target && (kind == DESIGN_SALTELLI || kind == DESIGN_MORRIS))
    bad = "correlations need a random or lhs design (Sobol indices and Morris effects assume "
          "independent inputs)";
  if (!bad && target && samples < k + 2) bad = "correlations need more samples than inputs + 1";
  if (bad) {
    err_set(err, errlen, "%s", bad);
    return -1;
  }
  d->kind = kind;
  d->k = k;
  d->samples = samples;
  d->rows = rows;
  d->u = malloc(rows * k * sizeof *d->u);
  d->achieved = malloc(k * k * sizeof *d->achieved);
  rng r;
  rng_derive(&r, seed, 0, "neosim.design");
  int rc = d->u && d->achieved ? 0 : -1;
  if (rc == 0) {
    static int (*const fill[])(design *, rng *) = {[DESIGN_RANDOM] = fill_random,
                                                   [DESIGN_LHS] = fill_lhs,
                                                   [DESIGN_SALTELLI] = fill_saltelli,
                                                   [DESIGN_MORRIS] = fill_morris};
    rc = fill[kind](d, &r);
  }
  if (rc == 0 && target) rc = iman_conover(d->u, rows, k, target, &r);
  if (rc == 0) rc = rows >= 2 ? design_spearman(d->u, rows, k, d->achieved) : 0;
  if (rc == 0 && rows < 2)
    for (size_t i = 0; i < k * k; i++) d->achieved[i] = i % (k + 1) == 0 ? 1 : 0;
  if (rc) {
    if (rc == -2) err_set(err, errlen, "the rank correlation matrix is not positive definite");
    else if (rc == -3)
      err_set(err, errlen, "too few samples (%zu) to impose correlations on %zu inputs", samples,
              k);
    else err_set(err, errlen, "out of memory");
    design_clear(d);
    return -1;
  }
  return 0;
}

void design_clear(design *d) {
  if (!d) return;
  free(d->u);
  free(d->achieved);
  d->u = d->achieved = NULL;
}
