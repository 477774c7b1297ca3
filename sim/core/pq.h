/*
** pq.h -- the pending-event set: a priority queue of (time, sequence)
** keys with O(1) cancel by handle.  Several orderings sit behind one
** interface so the engine (and its tests) can swap them.
*/
#ifndef NEOSIM_PQ_H
#define NEOSIM_PQ_H

#include <stddef.h>
#include <stdint.h>

/*
** A handle names one inserted entry.  It packs the insertion sequence
** number (high 40 bits) and a slot index (low 24 bits), so it is unique
** for the life of the queue and 0 is never valid.  pq_slot() gives the
** slot, which the caller may use to index a side array of payloads: a
** slot is owned by one pending entry and reused only after that entry
** is popped or cancelled.
*/
typedef uint64_t pq_handle;

#define PQ_SLOT_BITS 24
#define PQ_MAX_PENDING ((1u << PQ_SLOT_BITS) - 1u) /* 16,777,215 */
#define PQ_MAX_SEQ ((UINT64_C(1) << (64 - PQ_SLOT_BITS)) - 1u)

static inline uint32_t pq_slot(pq_handle h) { return (uint32_t)(h & PQ_MAX_PENDING); }

typedef enum pq_kind {
  PQ_HEAP2 = 0, /* binary heap */
  PQ_HEAP4,     /* 4-ary heap: half the levels, children share a cache line */
  PQ_RADIX,     /* radix heap: faster in large sets whose times seldom
                ** fall below the last one popped, as in a simulation */
  PQ_AUTO,      /* heap4 while small, radix once large, and between the
                ** faster on the set's own events, timed (the engine's) */
  PQ_NKINDS
} pq_kind;

typedef enum pq_status {
  PQ_OK = 0,
  PQ_NOTFOUND = -1, /* handle already popped, cancelled, or never issued */
  PQ_NOMEM = -2,
  PQ_FULL = -3,   /* PQ_MAX_PENDING pending or PQ_MAX_SEQ insertions */
  PQ_BADTIME = -4 /* NaN time */
} pq_status;

typedef struct pq pq;

/* Create an empty queue of the given kind whose entries each carry
** `data` bytes of the caller's (0 .. PQ_MAX_DATA, see pq_data); NULL on
** out of memory or a bad argument. */
pq *pq_new(pq_kind kind, size_t data);
#define PQ_MAX_DATA 56u
/* Free the queue and every pending entry; pq_free(NULL) is a no-op. */
void pq_free(pq *q);

/* Insert an entry at time t.  Returns its handle, or 0 with *status set
** (status may be NULL).  Entries with equal t leave in insertion order.
** O(log n). */
pq_handle pq_insert(pq *q, double t, pq_status *status);

/* The earliest entry without removing it: returns its handle and stores
** its time in *t, or returns 0 when the queue is empty. */
pq_handle pq_peek(pq *q, double *t);

/* Remove and return the earliest entry (its time in *t); 0 when empty. */
pq_handle pq_pop(pq *q, double *t);

/* pq_pop() if the earliest entry is due by `until` (its time <= until),
** else 0 and nothing removed: a peek and a pop in one look. */
pq_handle pq_pop_due(pq *q, double until, double *t);

/* Cancel a pending entry: PQ_OK, or PQ_NOTFOUND if the handle is not
** pending.  O(1): the entry is marked dead and dropped when it surfaces
** (or when dead entries outnumber live ones, by an O(n) compaction). */
pq_status pq_cancel(pq *q, pq_handle h);

/* The data of the entry in a slot (pq_slot() of its handle): the caller
** writes it after pq_insert() and reads it while the entry is pending,
** or after pq_pop() or pq_cancel() until the next pq_insert() reuses the
** slot.  8-byte aligned; the pointer is valid until the next pq_insert().
** Entries of a large set keep handle and data on one cache line, so a
** pop that misses the cache misses it once. */
void *pq_data(pq *q, uint32_t slot);

/* Is this handle pending? O(1). */
int pq_pending(const pq *q, pq_handle h);

/* Number of pending (live) entries. */
size_t pq_size(const pq *q);

/* Bytes held by the queue (for the memory-per-event benchmark). */
size_t pq_bytes(const pq *q);

/* The ordering in use: the kind created, or for PQ_AUTO PQ_HEAP4 or
** PQ_RADIX by the present size. */
pq_kind pq_ordering(const pq *q);

const char *pq_kind_name(pq_kind kind);
/* Parse a kind name ("heap2", "heap4", "radix", "auto"); -1 if unknown. */
int pq_kind_parse(const char *name);

#endif
