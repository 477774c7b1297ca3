/*
** store_merge.h -- combine neosim results databases (e.g. the shards of a
** SLURM array job) into one, without duplicating runs.
**
** A run is identified by (scenario version sha256, point, replication):
** a run of the input that the output lacks is copied with all its rows
** (params, metrics, series, events; new run ids); one the output has is
** skipped, except that a done run replaces a failed one.  Merging the
** same input twice therefore changes nothing.
*/
#ifndef NEOSIM_STORE_MERGE_H
#define NEOSIM_STORE_MERGE_H

#include "store.h"

typedef struct store_merge_stats {
  long added, replaced, skipped; /* runs */
} store_merge_stats;

/* Merge the database at in_path (a neosim database of this schema
** version, opened read-only first to check it) into out, in one
** transaction: all of it or nothing.  Refused (nothing written) when a
** run of the input has another seed than the same run in out.  Adds to
** *st.  0, or -1 with a message in err. */
int store_merge(store *out, const char *in_path, store_merge_stats *st, char *err, size_t errlen);

/* Call each(ctx, name, sha256) for every scenario version in s.  0 or
** -1 (message in err). */
int store_versions(store *s, void (*each)(void *ctx, const char *name, const char *sha256),
                   void *ctx, char *err, size_t errlen);

#endif
