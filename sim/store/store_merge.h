/*
** store_merge.h -- combine neosim results databases (e.g. the shards of a
** SLURM array job) into one, without duplicating runs.
**
** A run is identified by (scenario version sha256, point, replication):
** a run of the input that the output lacks is copied with all its rows
** (params, metrics, series, events; new run ids); one the output has is
** skipped, except that a done run replaces a failed one.  Merging the
** same input twice therefore changes nothing.  The caller inspects every
** input (and the output) before it merges the first: the seeds of a
** version must agree across all of them, as its runs make one batch.
*/
#ifndef NEOSIM_STORE_MERGE_H
#define NEOSIM_STORE_MERGE_H

#include "store.h"

typedef struct store_merge_stats {
  long added, replaced, skipped; /* runs */
} store_merge_stats;

/* Before anything is written: open the file at path read-only, check it
** whole (store_check_file: SQLite's quick_check, and every row), and
** call each(ctx, name, sha256, seed) for every scenario version it holds
** and every base seed of that version's runs (seed NULL for a version
** without runs).  0, or -1 with a message in err. */
int store_merge_inspect(const char *path,
                        void (*each)(void *ctx, const char *name, const char *sha256,
                                     const char *seed),
                        void *ctx, char *err, size_t errlen);

/* Merge the database at in_path (inspected before) into out, in one
** transaction: all of it or nothing.  The input is attached read-only
** (SQLite's mode=ro): its file and -wal are left byte for byte as they
** were, never checkpointed nor removed.  Adds to *st.  0, or -1 with a
** message in err. */
int store_merge(store *out, const char *in_path, store_merge_stats *st, char *err, size_t errlen);

#endif
