/*
** values.h -- what the sequential procedures (select, seek) share: run the
** replications each point needs (done ones reused) and read back one
** metric's values of them.
*/
#ifndef NEOSIM_VALUES_H
#define NEOSIM_VALUES_H

#include "batch.h"

/* Run replications 0 .. reps[p] - 1 of each point p of s (reps[p] = 0:
** none; at most max_reps), the done ones reused; the round's counts are
** added to sum as round *rounds, which is then counted.  0, or -1 (err). */
int values_run(const scenario *s, const batch_opts *o, const char *db, const long *reps,
               long max_reps, batch_report *sum, long *rounds, char *err, size_t errlen);

/* Metric's values of replications 0 .. reps[p] - 1 of each point p into
** x[p] (reallocated to reps[p] entries), each times sign.  0, or -1 with a
** message in err: the database, or the first run without a value (a run
** that failed, or a metric that does not exist). */
int values_read(const char *db, const scenario *s, uint64_t seed, const char *metric,
                const long *reps, double sign, double **x, char *err, size_t errlen);

#endif
