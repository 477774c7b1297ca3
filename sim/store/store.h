/*
** store.h -- results in SQLite: the schema of results/schema.sql, one
** transaction per run, WAL, busy timeout.  The public contract of the
** database is results/schema.sql; users query it with sqlite3.
*/
#ifndef NEOSIM_STORE_H
#define NEOSIM_STORE_H

#include <stddef.h>
#include <stdint.h>

typedef struct store store;

/* One run's identity and outcome (strings borrowed for the call). */
/* A business event of a run (table events). */
typedef struct store_event {
  double t_days;
  const char *kind, *subject, *detail;
} store_event;

typedef struct store_run {
  const char *scenario;        /* scenario name */
  const char *scenario_sha256; /* hex SHA-256 of the scenario source */
  int point;                   /* sweep point, 0-based */
  int replication;             /* 0-based */
  uint64_t seed;               /* base seed of the run */
  const char *status;          /* "done" or "failed" */
  const char *error;           /* NULL when done */
  uint64_t events;             /* events dispatched */
  double wall_s;               /* wall-clock seconds of the run */
  double started_at;           /* unix time, seconds */
  double finished_at;
  const store_event *ev; /* business events of the run (may be NULL) */
  size_t nev;
} store_run;

typedef struct store_param {
  const char *name;  /* key path, e.g. "tenants.od.arrivals_per_hour" */
  const char *value; /* as text: numbers formatted with %.17g */
  int swept;         /* 1 when the sweep sets it */
} store_param;

typedef struct store_metric {
  const char *name;
  double value; /* NaN is stored as NULL (e.g. irr that does not exist) */
} store_metric;

typedef struct store_sample {
  double t_days;
  const char *name;
  double value;
} store_sample;

/* Open (creating file, folder and schema as needed) the database at path.
** On failure returns NULL and writes a message naming the operation and
** the file into err (size errlen).  Refuses a file that is not a neosim
** database or has another schema version, without changing it.  While
** another process holds the write lock, each call waits for it as long as
** that process makes progress, and fails "database is locked" after
** lock_wait_s seconds of none (store_wait.h; 0: STORE_LOCK_WAIT_S). */
store *store_open(const char *path, double lock_wait_s, char *err, size_t errlen);
void store_close(store *s); /* NULL is a no-op */

/* Open an existing neosim database of this schema version read-only (for
** reading or merging from it); NULL with a message in err otherwise.
** Nothing of the file or its -wal is changed (no checkpoint). */
store *store_open_read(const char *path, char *err, size_t errlen);

/* The URI that store_open_read opens path by, for an ATTACH of this
** layer: "file:PATH?mode=ro", or "...?immutable=1" when path lies in a
** folder it cannot write (a read-only disk) with no -wal or -shm beside
** it (SQLite could not make the -shm index a WAL database needs).
** Malloc'd; NULL with a message in err (such a folder with a -wal and no
** -shm: its last transactions cannot be read there). */
char *store_read_uri(const char *path, char *err, size_t errlen);

/* Register the scenario version (once per version): stores name, sha256,
** source text, the file path and the --set overrides ("KEY=VALUE" lines,
** NULL or "" for none).  Idempotent. 0 or -1 (message in store_error()). */
int store_put_scenario(store *s, const char *name, const char *sha256, const char *path,
                       const char *source, const char *overrides);

/* Whether runs of scenario version sha256 are stored with another base
** seed than seed: 1 with one such seed's decimal digits in other (size
** len), 0 when none is, -1 on error (store_error()).  A version's runs
** are one batch of one seed: a run must not mix another seed in. */
int store_other_seed(store *s, const char *sha256, uint64_t seed, char *other, size_t len);

/* Call each(ctx, point, replication) for every run of scenario version
** sha256 stored as done with this base seed.  0 or -1 (store_error()). */
int store_done_runs(store *s, const char *sha256, uint64_t seed,
                    void (*each)(void *ctx, int point, int rep), void *ctx);

/* The stored batch of version sha256 and base seed, per point p <
** npoints: its runs done[p] and failed[p], and the sums over its done runs
** of each metric k < nmetrics in sums[p * nmetrics + k] (a metric a run
** lacks adds nothing).  The arrays are the caller's.  0 or -1
** (store_error()). */
int store_tally_points(store *s, const char *sha256, uint64_t seed, size_t npoints,
                       const char *const *metrics, size_t nmetrics, long *done, long *failed,
                       double *sums);

/* Call each(ctx, point, replication, value) for the value of metric in
** every run of version sha256 stored done with this base seed (NaN for
** NULL), in no set order.  0 or -1 (store_error()). */
int store_metric_values(store *s, const char *sha256, uint64_t seed, const char *metric,
                        void (*each)(void *ctx, int point, int rep, double v), void *ctx);

/* Write one run with its params, metrics and series in one transaction,
** replacing the stored run of the same identity (scenario version, point,
** replication) if any.  Returns the new run id (> 0); 0 when the run
** failed and the stored one is done: a failed run never replaces a done
** one, and nothing is written; or -1 (message in store_error()), and on
** failure nothing of the run is visible. */
int64_t store_put_run(store *s, const store_run *run, const store_param *params, size_t nparams,
                      const store_metric *metrics, size_t nmetrics, const store_sample *series,
                      size_t nseries);

const char *store_error(const store *s);

/* The file's path, as given to store_open or store_open_read. */
const char *store_path(const store *s);

/* The connection, borrowed until store_close: for the readers of this
** layer (store_pick.h, report_data.h, compare_data.h) and tests; it has the
** SQL functions the views need.  Do not leave a transaction or a
** statement open on it across store_put_run. */
struct sqlite3 *store_db(store *s);
/* Another read-only connection to the file s opened, for a reader's second
** thread (each connection is used by one thread at a time): no checks (s
** made them).  NULL on failure; close it with sqlite3_close. */
struct sqlite3 *store_db_another(const store *s);

/* Add the SQL functions the views of results/schema.sql need to a
** connection opened elsewhere (e.g. read-only by a report): sqrt, which
** libraries built without SQLITE_ENABLE_MATH_FUNCTIONS lack, with SQLite's
** own semantics (NULL for NULL or a negative argument; where the library
** has one, ours replaces it with the same results).  store_open does it
** for its connection.  0, or -1 (message in sqlite3_errmsg(db)). */
int store_add_functions(struct sqlite3 *db);

/* The schema text (results/schema.sql) compiled in, and its version
** (PRAGMA user_version of a neosim database). */
extern const char store_schema_sql[];
#define STORE_SCHEMA_VERSION 9
/* The oldest version neosim reads (as it is) and upgrades when it opens
** the file to write (the tables of each later version added). */
#define STORE_SCHEMA_OLDEST 6

#endif
