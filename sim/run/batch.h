/*
** batch.h -- run a resolved scenario's sweep points x replications and
** store each run.  Each run's random streams come from (seed,
** replication, process name), so a run's results do not depend on which
** other runs are in the batch or in what order they run.
*/
#ifndef NEOSIM_BATCH_H
#define NEOSIM_BATCH_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "results.h"
#include "scenario.h"

typedef struct batch_opts {
  uint64_t seed;          /* base seed of every run */
  long replications;      /* per point */
  const long *point_reps; /* NULL, or per point its replications 0 .. point_reps[p] - 1
                             (each at most replications): the rounds of --precision */
  int jobs;               /* worker processes (1: runs in this process) */
  long shard, nshards;    /* run the runs whose index (point x replications +
                             replication) is shard mod nshards; 0 of 1: all */
  int resume;             /* skip runs already done with this seed */
  int progress;           /* print progress on stderr while running */
  const long *trace;      /* runs to trace (every business event and policy call
                             recorded): ntrace (point, replication) pairs */
  size_t ntrace;
  uint64_t max_events; /* events a run may dispatch; 0: MODEL_MAX_EVENTS */
  uint64_t max_memory; /* bytes a run's model may take; 0: MODEL_MAX_MEMORY_MB */
  double lock_wait;    /* seconds another writer may make no progress; 0: the default */
} batch_opts;

/* Whether run (point, rep) is one of o's traced runs. */
int batch_traced(const batch_opts *o, size_t point, long rep);

/* Per point, the stored batch (this run and the runs --resume kept) for
** the summary table. */
typedef struct batch_point {
  long done, failed;
  double revenue, utilization, cash_min; /* sums over done runs */
} batch_point;

typedef struct batch_report {
  batch_point *points; /* scenario npoints entries */
  long done, failed;   /* this batch's runs */
  long kept;           /* of the failed: a done run of the same identity was stored before,
                          and stays (a failed run never replaces a done one) */
  long skipped;        /* --resume: already done */
  long in_shard;       /* runs of this shard (all runs without --shard) */
  double wall_s;
  char first_error[ERR_LEN];
} batch_report;

/* Run replication rep of one point into res (reset first) with o's seed,
** tracing (if o traces it) and event budget.  0, or -1 with the error in
** err; *events gets the events dispatched. */
int batch_run_one(const scenario *s, const batch_opts *o, size_t point, long rep, results *res,
                  uint64_t *events, char *err, size_t errlen);

/* Run the batch into the database at db (created as needed).  Worker
** processes (pool.h) run the runs; this process alone writes them, each
** in one transaction as it ends (done, or failed with its error; a run
** whose worker process died is stored failed with why).  Returns 0 when every
** run was stored, -1 when the database could not be written (message in
** err; runs stored before stay).  With resume, traced runs are redone
** even when done, so a finished batch can be traced run by run. */
int batch_run(const scenario *s, const batch_opts *o, const char *db, batch_report *rep, char *err,
              size_t errlen);

/* The summary table (points as rows) on f. */
void batch_print_summary(const scenario *s, const batch_report *rep, FILE *f);
void batch_report_free(batch_report *rep);

/* Add the counts of round `round` (0-based) of a procedure that runs a
** stored batch in rounds (--precision, select) to sum; the round's
** per-point table replaces sum's (each round reports the whole stored
** batch), and r's is taken. */
void batch_report_add(batch_report *sum, batch_report *r, long round);

#endif
