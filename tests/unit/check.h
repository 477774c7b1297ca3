/*
** check.h -- the unit-test harness: CHECK() records a failure with its
** file:line and goes on; CHECK_DONE() prints the tally and gives the
** exit status.  One test program per module.
*/
#ifndef NEOSIM_CHECK_H
#define NEOSIM_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_failed, check_passed;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (cond) check_passed++;                                                  \
    else {                                                                     \
      check_failed++;                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

/* Like CHECK, with a printf-style explanation on failure. */
#define CHECKF(cond, ...)                                                      \
  do {                                                                         \
    if (cond) check_passed++;                                                  \
    else {                                                                     \
      check_failed++;                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                            \
      fputc('\n', stderr);                                                     \
    }                                                                          \
  } while (0)

#define CHECK_NEAR(a, b, tol)                                                              \
  CHECKF(fabs((double)(a) - (double)(b)) <= (tol), "%.17g vs %.17g (tol %g)", (double)(a), \
         (double)(b), (double)(tol))

#define CHECK_DONE() \
  (printf("%d checks passed, %d failed\n", check_passed, check_failed), check_failed ? 1 : 0)

#endif
