/*
** test_pq.c -- one suite, run against every pending-event-set kind:
** ordering, equal-time FIFO, pop if due, cancel (head, middle, missing, twice),
** slot reuse, compaction, and 10^6 random operations checked against a
** simple reference (an array scanned for its least entry); then each kind
** in lockstep with a second reference (a segment tree over slots) through a
** simulation-like workload of 2*10^4 pending entries, which also moves
** PQ_AUTO between its orderings; and PQ_AUTO's timed trial of the two.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dist.h"
#include "pq.h"
#include "rng.h"

static void test_empty(pq_kind k) {
  pq *q = pq_new(k, 0);
  double t = -1;
  CHECK(q != NULL);
  CHECK(pq_size(q) == 0);
  CHECK(pq_peek(q, &t) == 0 && t == -1);
  CHECK(pq_pop(q, &t) == 0);
  CHECK(pq_cancel(q, 0) == PQ_NOTFOUND);
  CHECK(pq_cancel(q, 12345) == PQ_NOTFOUND);
  pq_free(q);
  pq_free(NULL);
}

static void test_order_and_fifo(pq_kind k) {
  pq *q = pq_new(k, 0);
  static const double times[] = {5, 1, 3, 3, 1, 0, 3, 7, 1};
  pq_handle h[9];
  for (int i = 0; i < 9; i++) h[i] = pq_insert(q, times[i], NULL);
  CHECK(pq_size(q) == 9);
  /* expected: by time, ties by insertion: 0:5 1:1 4:1 8:1 2:3 3:3 6:3 0:5 7:7 */
  static const int want[] = {5, 1, 4, 8, 2, 3, 6, 0, 7};
  for (int i = 0; i < 9; i++) {
    double t;
    pq_handle got = pq_pop(q, &t);
    CHECKF(got == h[want[i]], "pop %d gave handle %llu", i, (unsigned long long)got);
    CHECK(t == times[want[i]]);
  }
  CHECK(pq_size(q) == 0);
  pq_free(q);
}

/* pq_pop_due: the earliest entry if due by the time given (equal is
** due), nothing removed otherwise; dead entries are no entry. */
static void test_pop_due(pq_kind k) {
  pq *q = pq_new(k, 0);
  double t = -1;
  pq_handle a = pq_insert(q, 1, NULL), b = pq_insert(q, 2, NULL), c = pq_insert(q, 3, NULL);
  CHECK(pq_pop_due(q, 0.5, &t) == 0 && t == -1 && pq_size(q) == 3);
  CHECK(pq_pop_due(q, 1.5, &t) == a && t == 1 && pq_size(q) == 2);
  CHECK(pq_pop_due(q, 1.5, &t) == 0 && pq_size(q) == 2);
  CHECK(pq_cancel(q, b) == PQ_OK);
  CHECK(pq_pop_due(q, 2.5, &t) == 0 && pq_size(q) == 1);
  pq_handle d = pq_insert(q, 2.5, NULL); /* after the peek at 3, before it */
  CHECK(pq_pop_due(q, 2.5, &t) == d && t == 2.5);
  CHECK(pq_pop_due(q, (double)INFINITY, &t) == c && t == 3);
  CHECK(pq_pop_due(q, (double)INFINITY, &t) == 0 && pq_size(q) == 0);
  pq_free(q);
}

static void test_equal_times_many(pq_kind k) {
  pq *q = pq_new(k, 0);
  pq_handle h[5000];
  for (int i = 0; i < 5000; i++) h[i] = pq_insert(q, 42.0, NULL);
  int ok = 1;
  for (int i = 0; i < 5000; i++) ok &= pq_pop(q, NULL) == h[i];
  CHECK(ok);
  pq_free(q);
}

static void test_cancel(pq_kind k) {
  pq *q = pq_new(k, 0);
  pq_handle a = pq_insert(q, 1, NULL), b = pq_insert(q, 2, NULL), c = pq_insert(q, 3, NULL);
  double t;
  CHECK(pq_cancel(q, a) == PQ_OK); /* the head */
  CHECK(pq_size(q) == 2);
  CHECK(pq_peek(q, &t) == b && t == 2);
  CHECK(pq_cancel(q, a) == PQ_NOTFOUND); /* twice */
  CHECK(!pq_pending(q, a) && pq_pending(q, b));
  CHECK(pq_cancel(q, c) == PQ_OK); /* the tail */
  CHECK(pq_pop(q, &t) == b && t == 2);
  CHECK(pq_cancel(q, b) == PQ_NOTFOUND); /* already popped */
  CHECK(pq_pop(q, NULL) == 0);
  /* a slot freed by cancel is reused, but the old handle stays dead */
  pq_handle d = pq_insert(q, 0.5, NULL);
  CHECK(pq_slot(d) == pq_slot(c) || pq_slot(d) == pq_slot(a) || pq_slot(d) == pq_slot(b));
  CHECK(d != a && d != b && d != c);
  CHECK(pq_cancel(q, a) == PQ_NOTFOUND && pq_cancel(q, c) == PQ_NOTFOUND);
  CHECK(pq_pop(q, &t) == d && t == 0.5);
  /* a handle from another slot range is just not found */
  CHECK(pq_cancel(q, ((pq_handle)999 << PQ_SLOT_BITS) | 77777) == PQ_NOTFOUND);
  pq_free(q);
}

static void test_bad_time(pq_kind k) {
  pq *q = pq_new(k, 0);
  pq_status st = PQ_OK;
  CHECK(pq_insert(q, NAN, &st) == 0 && st == PQ_BADTIME);
  CHECK(pq_size(q) == 0);
  CHECK(pq_insert(q, INFINITY, &st) != 0 && st == PQ_OK);
  pq_free(q);
}

/* Cancelling most entries keeps memory bounded (compaction) and order. */
static void test_compaction(pq_kind k) {
  pq *q = pq_new(k, 0);
  enum { N = 100000 };
  pq_handle *h = malloc(N * sizeof *h);
  for (int i = 0; i < N; i++) h[i] = pq_insert(q, (double)(N - i), NULL);
  size_t full = pq_bytes(q);
  for (int i = 0; i < N; i++)
    if (i % 10) pq_cancel(q, h[i]);
  CHECK(pq_size(q) == N / 10);
  for (int i = 0; i < N; i++)
    if (i % 10) {
      h[i] = pq_insert(q, 1e9 + i, NULL);
      pq_cancel(q, h[i]);
    }
  CHECKF(pq_bytes(q) <= full, "%zu > %zu bytes after cancel churn", pq_bytes(q), full);
  double prev = -1, t;
  int ok = 1;
  while (pq_pop(q, &t)) {
    ok &= t > prev;
    prev = t;
  }
  CHECK(ok && prev == N);
  free(h);
  pq_free(q);
}

/* Reference: entries (t, seq, handle) in an array; the minimum by a scan. */
typedef struct ref_entry {
  double t;
  uint64_t seq;
  pq_handle h;
} ref_entry;

static size_t ref_min(const ref_entry *r, size_t n) {
  size_t m = 0;
  for (size_t i = 1; i < n; i++)
    if (r[i].t < r[m].t || (r[i].t == r[m].t && r[i].seq < r[m].seq)) m = i;
  return m;
}

/* 10^6 random inserts, pops and cancels (some of missing handles), with
** coarse times so that ties are common; pending size stays near 300 so
** the linear reference is affordable. */
static void test_random_ops(pq_kind k) {
  pq *q = pq_new(k, 0);
  rng r;
  rng_derive(&r, 2026, 0, pq_kind_name(k));
  size_t cap = 4096, n = 0, maxn = 0;
  ref_entry *ref = malloc(cap * sizeof *ref);
  pq_handle dead[64] = {0};
  uint64_t seq = 0;
  long bad = 0;
  for (long op = 0; op < 1000000; op++) {
    uint32_t c = rng_bounded(&r, 100);
    if (c < (n < 300 ? 60u : 45u) && n < cap) {
      double t = (double)rng_bounded(&r, 500);
      pq_handle h = pq_insert(q, t, NULL);
      ref[n++] = (ref_entry){t, ++seq, h};
    } else if (c < 80 && n > 0) { /* 80 - 60 or 80 - 45 */
      size_t m = ref_min(ref, n);
      double t;
      pq_handle h = pq_pop(q, &t);
      bad += h != ref[m].h || t != ref[m].t;
      dead[op % 64] = h;
      ref[m] = ref[--n];
    } else if (c < 95 && n > 0) {
      size_t m = rng_bounded(&r, (uint32_t)n);
      bad += pq_cancel(q, ref[m].h) != PQ_OK;
      dead[op % 64] = ref[m].h;
      ref[m] = ref[--n];
    } else {
      pq_handle h = dead[rng_bounded(&r, 64)];
      bad += pq_cancel(q, h) != PQ_NOTFOUND;
    }
    bad += pq_size(q) != n;
    if (n > maxn) maxn = n;
  }
  CHECKF(bad == 0, "%s: %ld mismatches against the reference", pq_kind_name(k), bad);
  CHECKF(maxn > 250, "reference never grew (max %zu pending)", maxn);
  free(ref);
  pq_free(q);
}

/* An independent reference for the lockstep workload: a segment tree over
** slots, each leaf the (time, insertion count) of the entry pending in that
** slot (h = 0: none), each inner node the earlier of its two children.
** O(log n) a change, and no code in common with the orderings under test. */
enum { TREE_LEAVES = 1 << 16 };
typedef struct tref {
  double t;
  uint64_t seq;
  pq_handle h;
} tref;

static int tref_before(const tref *a, const tref *b) {
  if (!a->h || !b->h) return a->h != 0;
  return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

static void tree_set(tref *tree, uint32_t slot, tref v) {
  size_t i = TREE_LEAVES + slot;
  tree[i] = v;
  for (i /= 2; i > 0; i /= 2)
    tree[i] = tref_before(&tree[2 * i + 1], &tree[2 * i]) ? tree[2 * i + 1] : tree[2 * i];
}

/* Run kind k and the reference on one sequence of operations.  Pending
** entries grow to 20000, hold, then drain to none, twice.  Times are mostly
** the last one popped plus a coarse exponential (ties are common); 3% fall
** below it (a radix heap then re-buckets), 2% equal it.  Every pop must give
** the reference's earliest entry; returns the mismatches. */
static long lockstep(pq_kind k, int *switched) {
  pq *q = pq_new(k, 8);
  tref *tree = calloc(2 * TREE_LEAVES, sizeof *tree);
  rng r;
  rng_derive(&r, 7, 0, pq_kind_name(k));
  enum { CAP = 20000 };
  pq_handle *h = malloc(CAP * sizeof *h);        /* pending, in any order */
  size_t *at = malloc(TREE_LEAVES * sizeof *at); /* at[slot]: its index in h */
  size_t n = 0;
  uint64_t inserted = 0;
  double now = 0;
  long bad = 0;
  *switched = 0;
  for (long op = 0; op < 400000; op++) {
    long phase = op % 200000;
    unsigned grow = phase < 60000 ? 70 : phase < 140000 ? 50 : 30; /* % inserts */
    uint32_t c = rng_bounded(&r, 100);
    if (c < grow && n < CAP) {
      uint32_t how = rng_bounded(&r, 100);
      double t = how < 3   ? now - 1 - rng_bounded(&r, 50)
                 : how < 5 ? now
                           : now + floor(dist_exponential(&r, 40.0));
      pq_handle a = pq_insert(q, t, NULL);
      if (pq_slot(a) >= TREE_LEAVES) { /* the tree is too small: fail */
        bad++;
        break;
      }
      tree_set(tree, pq_slot(a), (tref){.t = t, .seq = ++inserted, .h = a});
      *(uint64_t *)pq_data(q, pq_slot(a)) = a ^ 0x5a5a;
      at[pq_slot(a)] = n;
      h[n++] = a;
    } else if (c < 95 && n > 0) {
      double ta;
      tref want = tree[1];
      pq_handle a = pq_pop(q, &ta);
      if (a != want.h || ta != want.t ||
          *(const uint64_t *)pq_data(q, pq_slot(a)) != (a ^ 0x5a5a)) {
        bad++; /* the two now differ in what is pending: stop */
        break;
      }
      tree_set(tree, pq_slot(want.h), (tref){0});
      now = ta;
      size_t i = at[pq_slot(want.h)];
      at[pq_slot(h[n - 1])] = i;
      h[i] = h[--n];
    } else if (n > 0) {
      size_t i = rng_bounded(&r, (uint32_t)n);
      bad += pq_cancel(q, h[i]) != PQ_OK;
      tree_set(tree, pq_slot(h[i]), (tref){0});
      at[pq_slot(h[n - 1])] = i;
      h[i] = h[--n];
    }
    bad += pq_size(q) != n;
    pq_kind now_k = pq_ordering(q);
    if (now_k == PQ_RADIX && n > 1000) *switched |= 1;
    if (now_k == PQ_HEAP4 && (*switched & 1)) *switched |= 2;
  }
  while (!bad && tree[1].h) {
    double ta;
    tref want = tree[1];
    bad += pq_pop(q, &ta) != want.h || ta != want.t;
    tree_set(tree, pq_slot(want.h), (tref){0});
  }
  bad += !bad && pq_pop(q, NULL) != 0;
  free(at);
  free(h);
  free(tree);
  pq_free(q);
  return bad;
}

static void test_lockstep(pq_kind k) {
  int switched; /* bit 0: radix in use when large; bit 1: heap4 after that */
  long bad = lockstep(k, &switched);
  CHECKF(bad == 0, "%s: %ld mismatches against the reference", pq_kind_name(k), bad);
  int want = k == PQ_AUTO ? 3 : k == PQ_RADIX ? 1 : 0;
  CHECKF(switched == want, "%s: orderings seen %d, want %d", pq_kind_name(k), switched, want);
}

/* PQ_AUTO between AUTO_LOW and AUTO_UP stored nodes times both orderings
** on the set's own workload (a hold model at 1000 pending here, with ties
** and cancels): within 3*10^5 holds it has used both, and every pop is the
** binary heap's, the same entry at the same time, whichever it chose. */
static void test_auto_trial(void) {
  pq *a = pq_new(PQ_AUTO, 0), *b = pq_new(PQ_HEAP2, 0);
  rng r;
  rng_derive(&r, 11, 0, "trial");
  long bad = 0;
  int seen = 0; /* bit 0: heap4, bit 1: radix */
  for (int i = 0; i < 1000; i++) {
    double t = floor(dist_exponential(&r, 100.0));
    bad += pq_insert(a, t, NULL) != pq_insert(b, t, NULL);
  }
  for (long op = 0; op < 300000 && !bad; op++) {
    double ta, tb;
    pq_handle ha = pq_pop(a, &ta), hb = pq_pop(b, &tb);
    bad += ha != hb || ta != tb;
    double t = ta + floor(dist_exponential(&r, 100.0));
    pq_handle na = pq_insert(a, t, NULL), nb = pq_insert(b, t, NULL);
    bad += na != nb;
    if (op % 97 == 0) { /* a cancel and its replacement */
      bad += pq_cancel(a, na) != PQ_OK || pq_cancel(b, nb) != PQ_OK;
      bad += pq_insert(a, t + 1, NULL) != pq_insert(b, t + 1, NULL);
    }
    seen |= pq_ordering(a) == PQ_HEAP4 ? 1 : pq_ordering(a) == PQ_RADIX ? 2 : 4;
  }
  CHECKF(bad == 0, "auto against heap2: %ld mismatches", bad);
  CHECKF(seen == 3, "auto's trial: orderings seen %d, want heap4 and radix (3)", seen);
  pq_free(a);
  pq_free(b);
}

/* The radix heap's run: a small bucket sorted into it, then many entries
** scheduled between now and its last key (and a few below now), which
** cut it back once it is long.  Each kind pops the binary heap's order. */
static void test_run(pq_kind k) {
  pq *a = pq_new(k, 0), *b = pq_new(PQ_HEAP2, 0);
  long bad = 0;
  for (int i = 1; i <= 10; i++) bad += pq_insert(a, i, NULL) != pq_insert(b, i, NULL);
  for (int round = 0; round < 3 && !bad; round++) {
    double ta, tb;
    bad += pq_pop(a, &ta) != pq_pop(b, &tb) || ta != tb;
    for (int i = 0; i < 300; i++) { /* descending, ties, and below now */
      double t = i % 50 == 49 ? ta - 1 : i % 7 == 0 ? ta : 10 - (double)i / 40;
      bad += pq_insert(a, t, NULL) != pq_insert(b, t, NULL);
    }
  }
  while (!bad && pq_size(b) > 0) {
    double ta, tb;
    bad += pq_pop(a, &ta) != pq_pop(b, &tb) || ta != tb;
  }
  /* a run of 200 ties, found by a peek, then entries due before it */
  bad += pq_insert(a, 1, NULL) != pq_insert(b, 1, NULL);
  for (int i = 0; i < 200; i++) bad += pq_insert(a, 50, NULL) != pq_insert(b, 50, NULL);
  bad += pq_pop(a, NULL) != pq_pop(b, NULL) || pq_peek(a, NULL) != pq_peek(b, NULL);
  for (int i = 0; i < 300; i++) {
    double t = 49.9 - (double)(i % 150) / 4;
    bad += pq_insert(a, t, NULL) != pq_insert(b, t, NULL);
  }
  while (!bad && pq_size(b) > 0) {
    double ta, tb;
    bad += pq_pop(a, &ta) != pq_pop(b, &tb) || ta != tb;
  }
  CHECKF(bad == 0 && pq_size(a) == 0, "%s: the run against heap2: %ld mismatches", pq_kind_name(k),
         bad);
  pq_free(a);
  pq_free(b);
}

static void test_data(void) {
  CHECK(pq_new(PQ_HEAP4, PQ_MAX_DATA + 1) == NULL);
  pq *q = pq_new(PQ_RADIX, PQ_MAX_DATA);
  pq_handle a = pq_insert(q, 1, NULL);
  memset(pq_data(q, pq_slot(a)), 0xab, PQ_MAX_DATA);
  pq_handle b = pq_insert(q, 2, NULL);
  memset(pq_data(q, pq_slot(b)), 0xcd, PQ_MAX_DATA);
  CHECK(pq_pop(q, NULL) == a && ((unsigned char *)pq_data(q, pq_slot(a)))[PQ_MAX_DATA - 1] == 0xab);
  CHECK(pq_peek(q, NULL) == b && ((unsigned char *)pq_data(q, pq_slot(b)))[0] == 0xcd);
  CHECK(pq_ordering(q) == PQ_RADIX);
  pq_free(q);
}

static void test_names(void) {
  for (int k = 0; k < PQ_NKINDS; k++) CHECK(pq_kind_parse(pq_kind_name((pq_kind)k)) == k);
  CHECK(pq_kind_parse("nope") == -1);
  CHECK(pq_new(PQ_NKINDS, 0) == NULL);
}

int main(void) {
  for (int k = 0; k < PQ_NKINDS; k++) {
    test_empty((pq_kind)k);
    test_order_and_fifo((pq_kind)k);
    test_equal_times_many((pq_kind)k);
    test_pop_due((pq_kind)k);
    test_cancel((pq_kind)k);
    test_bad_time((pq_kind)k);
    test_compaction((pq_kind)k);
    test_random_ops((pq_kind)k);
    test_lockstep((pq_kind)k);
    test_run((pq_kind)k);
  }
  test_auto_trial();
  test_data();
  test_names();
  return CHECK_DONE();
}
