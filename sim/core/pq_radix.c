/*
** pq_radix.c -- a radix heap of pq_node (Ahuja, Mehlhorn, Orlin and
** Tarjan 1990), for sets whose keys seldom fall below the last one
** popped: a simulation never schedules before now.
**
** Bucket 0, the run, holds the nodes whose key is at most `last`, in
** (key, tag) order; bucket b > 0 those whose key is above it and first
** differs from it at bit b-1.  Every bucket's keys are below the next
** one's, so the least node is the run's head.  A push above `last` is a
** bit scan and an append; one at or below it an insertion into the run
** from its end (usually a tie, placed last at once).  When the run is
** empty, asking for the top takes the lowest non-empty bucket: a small
** one (SORT_MAX nodes or fewer, most of them in a simulation) is sorted
** into the run and its greatest key becomes `last`; a larger one is
** spread around its least key, which becomes `last`, its other nodes
** landing in lower buckets.  Either way the higher buckets stay right, as
** the new `last` agrees with the old above their bits.  A node so moves
** down a few buckets in its life, in sequential sweeps, and a large set
** costs no cache miss per level as a heap does.
**
** A run of RUN_MAX nodes or more that a push would enter (many events
** scheduled between now and `last`, or below the run: any use that is
** not monotone) is first cut back: `last` falls to the least of the key
** and the run head's, and the run's other nodes, with the buckets that
** fall crosses, move to the buckets of their keys.  An insertion so
** shifts fewer than RUN_MAX nodes, or none past its ties (whose tags are
** below its own, as for every new handle).
*/
#include <stdlib.h>
#include <string.h>

#include "invariant.h"
#include "pq_int.h"

/* The rare paths of a push and a pop stay out of line, so that the usual
** ones are small enough to inline into pq.c. */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

#define NBUCKETS 65
#define SORT_MAX 16
#define RUN_MAX 64

/* 16 bytes, so that a bucket's address is a shift.  A bucket holds at
** most the nodes stored, fewer than 2^32 (PQ_MAX_PENDING live ones and
** no more dead, see pq.c). */
typedef struct bucket {
  pq_node *a;
  uint32_t n, cap;
} bucket;

typedef struct radix {
  pq_known known; /* top: bucket 0's head, or NULL when bucket 0 is empty */
  uint64_t last;  /* the run's keys are at most last, the buckets' above (0: no key) */
  uint64_t mask;  /* bit b-1 set: bucket b > 0 is not empty */
  uint32_t head;  /* bucket 0 is b[0].a[head .. n) */
  size_t count;   /* nodes stored */
  bucket b[NBUCKETS];
} radix;

/* The bucket of key: the position of the highest bit where it differs
** from last, plus one; 0 if equal. */
static inline unsigned bucket_of(uint64_t key, uint64_t last) {
  uint64_t x = key ^ last;
  return x ? 64u - (unsigned)__builtin_clzll(x) : 0u;
}

static void *radix_create(void) { return calloc(1, sizeof(radix)); }

static void radix_destroy(void *impl) {
  radix *r = impl;
  if (!r) return;
  for (int i = 0; i < NBUCKETS; i++) free(r->b[i].a);
  free(r);
}

static int grow(bucket *b) {
  if (b->cap > UINT32_MAX / 2) return -1;
  uint32_t ncap = b->cap ? b->cap * 2 : 16;
  pq_node *na = realloc(b->a, ncap * sizeof *na);
  if (!na) return -1;
  b->a = na;
  b->cap = ncap;
  return 0;
}

/* Append to bucket i, which has room. */
static inline void put(radix *r, unsigned i, uint64_t key, uint64_t tag) {
  bucket *b = &r->b[i];
  b->a[b->n].key = key;
  b->a[b->n].tag = tag;
  b->n++;
  if (i) r->mask |= UINT64_C(1) << (i - 1);
}

static inline int empty0(const radix *r) { return r->head == r->b[0].n; }

/* The lowest non-empty bucket above 0; mask must not be 0. */
static inline unsigned lowest(const radix *r) {
  NEO_ASSERT(r->mask != 0);
  return (unsigned)__builtin_ctzll(r->mask) + 1u;
}

static inline void known(radix *r) { r->known.top = empty0(r) ? NULL : &r->b[0].a[r->head]; }

/* The run is long and key (<= last) is pushed: last falls to low, the
** least of key and the run head's.  The buckets 1 .. d-1 (d: where low
** and last first differ) then all differ from low first at bit d-1 and
** join bucket d; the run's nodes above low go to the buckets of their
** keys (d or lower); the higher buckets stay.  The run keeps its ties of
** low, after which key goes at once.  Room is made first: out of memory,
** nothing has moved. */
static int demote(radix *r, uint64_t key) {
  bucket *z = &r->b[0];
  uint64_t low = key < z->a[r->head].key ? key : z->a[r->head].key;
  unsigned d = bucket_of(low, r->last);
  if (d == 0) return 0; /* the run and key all ties of last */
  uint32_t need[NBUCKETS] = {0}, keep = r->head;
  while (keep < z->n && z->a[keep].key == low) keep++;
  for (uint32_t j = keep; j < z->n; j++) need[bucket_of(z->a[j].key, low)]++;
  for (unsigned i = 1; i < d; i++) need[d] += r->b[i].n;
  for (unsigned i = 1; i <= d; i++)
    while (r->b[i].cap - r->b[i].n < need[i])
      if (grow(&r->b[i])) return -1;
  for (unsigned i = 1; i < d; i++) {
    bucket *s = &r->b[i];
    for (uint32_t j = 0; j < s->n; j++) put(r, d, s->a[j].key, s->a[j].tag);
    s->n = 0;
  }
  r->mask &= ~((UINT64_C(1) << (d - 1)) - 1); /* buckets 1 .. d-1 now empty */
  for (uint32_t j = keep; j < z->n; j++)
    put(r, bucket_of(z->a[j].key, low), z->a[j].key, z->a[j].tag);
  z->n = keep;
  r->last = low;
  return 0;
}

/* Insert (key, tag), key <= last, into the run in order. */
static int run_insert(radix *r, uint64_t key, uint64_t tag) {
  bucket *z = &r->b[0];
  if (z->n == z->cap && r->head > 0) { /* room at the front: move the run there */
    memmove(z->a, z->a + r->head, (z->n - r->head) * sizeof *z->a);
    z->n -= r->head;
    r->head = 0;
  }
  if (z->n == z->cap && grow(z)) return -1;
  uint32_t j = z->n;
  for (; j > r->head && pq_key_before(key, tag, z->a[j - 1].key, z->a[j - 1].tag); j--)
    z->a[j] = z->a[j - 1];
  z->a[j].key = key;
  z->a[j].tag = tag;
  z->n++;
  return 0;
}

/* A push into the run, or into a full bucket: off the way of the usual
** push, an append to a bucket with room. */
NOINLINE static int push_rest(radix *r, uint64_t key, uint64_t tag) {
  if (key <= r->last && r->b[0].n - r->head >= RUN_MAX && demote(r, key)) return -1;
  if (key <= r->last) {
    if (run_insert(r, key, tag)) return -1;
    known(r);
  } else {
    unsigned i = bucket_of(key, r->last);
    bucket *b = &r->b[i];
    if (b->n == b->cap && grow(b)) return -1;
    put(r, i, key, tag);
  }
  r->count++;
  return 0;
}

static inline int radix_push(void *impl, uint64_t key, uint64_t tag) {
  radix *r = impl;
  unsigned i = bucket_of(key, r->last);
  bucket *b = &r->b[i];
  if (key <= r->last || b->n == b->cap) return push_rest(r, key, tag);
  put(r, i, key, tag);
  r->count++;
  return 0;
}

static int by_tag(const void *x, const void *y) {
  uint64_t a = ((const pq_node *)x)->tag, b = ((const pq_node *)y)->tag;
  return (a > b) - (a < b);
}

/* The run is empty: sort the lowest non-empty bucket into it, its
** greatest key the new last. */
static int sort_in(radix *r, unsigned from) {
  const pq_node *a = r->b[from].a;
  uint32_t n = r->b[from].n;
  bucket *z = &r->b[0];
  while (z->cap < n)
    if (grow(z)) return -1;
  for (uint32_t i = 0; i < n; i++) { /* insertion sort: a few nodes */
    uint64_t key = a[i].key, tag = a[i].tag;
    uint32_t j = i;
    for (; j > 0 && pq_key_before(key, tag, z->a[j - 1].key, z->a[j - 1].tag); j--)
      z->a[j] = z->a[j - 1];
    z->a[j].key = key;
    z->a[j].tag = tag;
  }
  r->head = 0;
  z->n = n;
  r->b[from].n = 0;
  r->mask &= ~(UINT64_C(1) << (from - 1));
  r->last = z->a[n - 1].key;
  known(r);
  return 0;
}

/* The run is empty: take the lowest non-empty bucket, sorted in when
** small, else spread over the lower buckets (all empty) around its least
** key, which becomes last; the nodes of that key (ties) form the run, put
** in tag order.  Out of memory, the lower buckets are emptied again:
** nothing moved. */
static int spread(radix *r) {
  unsigned from = lowest(r);
  if (r->b[from].n <= SORT_MAX) return sort_in(r, from);
  const pq_node *a = r->b[from].a; /* locals: node stores could alias the fields */
  size_t n = r->b[from].n;
  uint64_t last = a[0].key, mask = 0;
  for (size_t j = 1; j < n; j++) last = a[j].key < last ? a[j].key : last;
  r->head = r->b[0].n = 0;
  for (size_t j = 0; j < n; j++) {
    unsigned i = bucket_of(a[j].key, last);
    bucket *b = &r->b[i];
    if (b->n == b->cap && grow(b)) {
      for (unsigned k = 0; k < from; k++) r->b[k].n = 0;
      return -1;
    }
    b->a[b->n++] = a[j];
    mask |= UINT64_C(1) << i;
  }
  r->b[from].n = 0;
  r->mask = (r->mask & ~(UINT64_C(1) << (from - 1))) | mask >> 1;
  r->last = last;
  bucket *z = &r->b[0];
  for (size_t j = 1; j < z->n; j++)
    if (z->a[j].tag < z->a[j - 1].tag) {
      qsort(z->a, z->n, sizeof *z->a, by_tag);
      break;
    }
  known(r);
  return 0;
}

/* The least node is bucket 0's head, once the lowest bucket is spread
** there.  Out of memory for that, the least node of the lowest bucket
** is swapped to its front and returned in place: every node is still
** in the bucket of its key, and last stays. */
static const pq_node *radix_top(void *impl) {
  radix *r = impl;
  if (!empty0(r)) return &r->b[0].a[r->head];
  if (!r->mask) return NULL;
  if (spread(r) == 0) return r->known.top;
  bucket *s = &r->b[lowest(r)];
  size_t m = 0;
  for (size_t j = 1; j < s->n; j++)
    if (pq_node_before(&s->a[j], &s->a[m])) m = j;
  pq_node x = s->a[m];
  s->a[m] = s->a[0];
  s->a[0] = x;
  return &s->a[0];
}

static void pop_rest(radix *r);

/* Usually the run's head; pop_rest when the run is empty. */
static inline void radix_pop(void *impl) {
  radix *r = impl;
  if (empty0(r)) {
    pop_rest(r);
    return;
  }
  if (++r->head == r->b[0].n) r->head = r->b[0].n = 0;
  r->count--;
  known(r);
}

/* The run empty: its lowest bucket taken, then the run's head popped;
** or, out of memory for that, the lowest bucket's front (see radix_top). */
NOINLINE static void pop_rest(radix *r) {
  if (!radix_top(r)) return;
  if (!empty0(r)) {
    radix_pop(r);
    return;
  }
  bucket *s = &r->b[lowest(r)];
  s->a[0] = s->a[--s->n];
  if (s->n == 0) r->mask &= r->mask - 1;
  r->count--;
  known(r);
}

/* After bucket 0's head come its other nodes, else the lowest bucket's
** (all below the rest): those if they fit in *n. */
static const pq_node *radix_ahead(void *impl, size_t *n) {
  radix *r = impl;
  const bucket *b = &r->b[0];
  size_t from = r->head + 1;
  if (from >= b->n) {
    b = r->mask ? &r->b[lowest(r)] : b;
    from = r->mask ? 0 : b->n;
  }
  size_t k = b->n - from;
  *n = k <= *n ? k : 0;
  return b->a + from;
}

static size_t radix_count(const void *impl) { return ((const radix *)impl)->count; }

static void radix_each(const void *impl, void (*fn)(void *, const pq_node *), void *ctx) {
  const radix *r = impl;
  for (unsigned i = 0; i < NBUCKETS; i++)
    for (size_t j = i ? 0 : r->head; j < r->b[i].n; j++) fn(ctx, &r->b[i].a[j]);
}

/* Keep the nodes keep() accepts, each in its bucket and order. */
static void radix_filter(void *impl, int (*keep)(const void *, const pq_node *), const void *ctx) {
  radix *r = impl;
  r->count = 0;
  for (unsigned i = 0; i < NBUCKETS; i++) {
    bucket *b = &r->b[i];
    size_t m = 0;
    for (size_t j = i ? 0 : r->head; j < b->n; j++)
      if (keep(ctx, &b->a[j])) b->a[m++] = b->a[j];
    b->n = m;
    r->count += m;
    if (i && m == 0) r->mask &= ~(UINT64_C(1) << (i - 1));
  }
  r->head = 0;
  known(r);
}

static size_t radix_bytes(const void *impl) {
  const radix *r = impl;
  size_t n = sizeof *r;
  for (unsigned i = 0; i < NBUCKETS; i++) n += r->b[i].cap * sizeof(pq_node);
  return n;
}

const pq_ops pq_radix_ops = {
    .create = radix_create,
    .destroy = radix_destroy,
    .push = radix_push,
    .top = radix_top,
    .pop = radix_pop,
    .replace_top = NULL, /* a pop and a push cost no more */
    .ahead = radix_ahead,
    .count = radix_count,
    .each = radix_each,
    .filter = radix_filter,
    .bytes = radix_bytes,
};
