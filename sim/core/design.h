/*
** design.h -- designs of experiments over uncertain inputs: the points at
** which a scenario is evaluated, as a matrix of probabilities (one row a
** point, one column an input, each entry in (0, 1)), which the caller maps
** through each input's quantile function (dist_quantile).  Deterministic
** from the seed.  Rank correlations between inputs are imposed by the
** method of Iman & Conover (1982) on random and Latin hypercube designs.
*/
#ifndef NEOSIM_DESIGN_H
#define NEOSIM_DESIGN_H

#include <stddef.h>
#include <stdint.h>

typedef enum design_kind {
  DESIGN_RANDOM = 0, /* samples independent rows */
  DESIGN_LHS,        /* samples rows, each column stratified in samples equal bins */
  DESIGN_SALTELLI,   /* Saltelli (2010): per base sample j, the rows A_j, B_j and
                     ** AB_j^(i) (A_j with column i from B_j): samples (k + 2) rows */
  DESIGN_MORRIS,     /* Morris (1991) trajectories on a grid of 4 levels: samples
                     ** trajectories of k + 1 rows, each row one input moved by
                     ** DESIGN_MORRIS_DELTA (probability) from the row before */
  DESIGN_NKINDS
} design_kind;

/* Morris: the levels of the grid, and the step.  Level g (0 .. 3) is the
** probability (g + 0.5) / 4, the middle of its quarter; a step moves one
** input p / (2 (p - 1)) of the grid's span, 2 levels of 4: its
** probability by DESIGN_MORRIS_DELTA, up or down.  An elementary effect is
** the change of the response over that change of probability. */
#define DESIGN_MORRIS_LEVELS 4
#define DESIGN_MORRIS_DELTA 0.5

/* The most inputs, rows and entries (rows x inputs) a design may have:
** each row is a point of the scenario, resolved and stored. */
#define DESIGN_MAX_INPUTS 1000
#define DESIGN_MAX_ROWS 1000000
#define DESIGN_MAX_CELLS 10000000

typedef struct design {
  design_kind kind;
  size_t k;         /* inputs */
  size_t samples;   /* as asked: rows, base samples, or trajectories */
  size_t rows;      /* design_rows(kind, samples, k) */
  double *u;        /* rows x k probabilities in (0, 1), row-major */
  double *achieved; /* k x k Spearman rank correlations of the columns */
} design;

/* The rows a design of this kind and size has; 0 when too many. */
size_t design_rows(design_kind kind, size_t samples, size_t k);

/* Make a design of k >= 1 inputs from the seed.  target: NULL, or the
** k x k matrix of rank correlations to impose (symmetric, ones on the
** diagonal, positive definite; random and LHS designs only).  0, or -1
** with a message in err (a bad argument, a target not positive definite,
** out of memory). */
int design_make(design *d, design_kind kind, size_t samples, size_t k, const double *target,
                uint64_t seed, char *err, size_t errlen);
void design_clear(design *d);

/* Spearman rank correlations of the k columns of the n x k row-major x
** (n >= 2; ties take their mean rank) into the k x k out.  0, or -1 out
** of memory. */
int design_spearman(const double *x, size_t n, size_t k, double *out);

const char *design_kind_name(design_kind kind);
int design_kind_parse(const char *name); /* -1 if unknown */

#endif
