/*
** values.h -- what the sequential procedures (select, seek, optimize)
** share: the keys they vary, run the replications each point needs (done
** ones reused) and read back one metric's values of them.
*/
#ifndef NEOSIM_VALUES_H
#define NEOSIM_VALUES_H

#include "batch.h"
#include "store.h"

/* The most keys an experiment varies. */
#define VALUES_MAX_KEYS 16

/* A numeric key varied between lo and hi: its value at u in [0, 1] is
** lo + u (hi - lo), rounded when integer (values_key_at). */
typedef struct values_key {
  const char *key;
  double lo, hi;
  int integer;
} values_key;
double values_key_at(const values_key *k, double u);

/* "KEY=VALUE KEY=VALUE ..." of the keys at vals (digits significant) into
** buf; "KEY=LO:HI[:int],..." of the keys' ranges.  Each truncated to len. */
void values_text(const values_key *keys, const double *vals, size_t nkeys, int digits, char *buf,
                 size_t len);
void values_ranges(const values_key *keys, size_t nkeys, char *buf, size_t len);

/* Where the replications of a set of points come from (the points of a
** scenario version, or candidate versions, one point each): fetch runs
** replications 0 .. reps[p] - 1 of each point p (reps[p] = 0: none; the
** done ones reused) and reads metric's values of them into x[p]
** (reallocated; each times sign).  0, or -1 with a message in err. */
typedef struct values_source {
  size_t npoints;
  int (*fetch)(void *ctx, const long *reps, const char *metric, double sign, double **x, char *err,
               size_t errlen);
  void *ctx;
} values_source;

/* The points of scenario version s as a source (values_of_version): runs
** with o into db (at most max_reps a point), rounds counted in *rounds and
** added to *sum, values read through *reader (see values_read). */
typedef struct values_version {
  const scenario *s;
  const batch_opts *o;
  const char *db;
  long max_reps;
  batch_report *sum;
  long *rounds;
  store **reader;
} values_version;
values_source values_of_version(values_version *v);

/* What an experiment varies: the scenario file with its --set overrides
** and limits, and the keys of --vary. */
typedef struct values_space {
  const char *path;
  const scenario_set *sets;
  size_t nsets;
  const sandbox_limits *lim;
  const values_key *keys; /* at most VALUES_MAX_KEYS */
  size_t nkeys;
} values_space;

/* sp's scenario without its sweep (--set sweep=none) and with each key
** set to vals[k] (vals NULL: the base, no key set): one point, or NULL
** with a message in err. */
scenario *values_load(const values_space *sp, const double *vals, char *err, size_t errlen);

/* Store version s's scenario row (for an experiment's row before any run). */
int values_put_version(const char *db, double lock_wait, const scenario *s, char *err,
                       size_t errlen);

/* Load sp's scenario without its sweep and without any key varied (the
** experiment's base version), store its row and copy its sha256 into sha
** (65 bytes).  0, or -1 (err). */
int values_put_base(const values_space *sp, const char *db, double lock_wait, char *sha, char *err,
                    size_t errlen);

/* Run replications 0 .. reps[p] - 1 of each point p of s (reps[p] = 0:
** none; at most max_reps), the done ones reused; the round's counts are
** added to sum as round *rounds, which is then counted.  0, or -1 (err). */
int values_run(const scenario *s, const batch_opts *o, const char *db, const long *reps,
               long max_reps, batch_report *sum, long *rounds, char *err, size_t errlen);

/* Metric's values of replications 0 .. reps[p] - 1 of each point p into
** x[p] (reallocated to reps[p] entries), each times sign.  0, or -1 with a
** message in err: the database, or the first run without a value (a run
** that failed, or a metric that does not exist).  reader: where a
** connection to db kept between reads is (*reader NULL until the first
** read opens it; the caller store_closes it at the end), so a procedure
** reading between rounds opens the file and reads its schema once; NULL:
** a connection for this read alone.  Each read sees every run stored
** before it. */
int values_read(const char *db, store **reader, const scenario *s, uint64_t seed,
                const char *metric, const long *reps, double sign, double **x, char *err,
                size_t errlen);

#endif
