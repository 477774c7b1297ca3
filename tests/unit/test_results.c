/*
** test_results.c -- one run's results: metrics, samples and events with
** interned names, and their wire form (results_wire.c) between worker
** processes and the writer: a round trip keeps every value bit for bit
** (NaN included), and truncated or padded bytes are refused.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "results.h"

static void fill(results *r) {
  results_metric(r, "revenue_total", 1.5e9);
  results_metric(r, "irr", (double)NAN);
  results_metric(r, "od.jobs", 12345);
  for (int m = 0; m < 200; m++) {
    results_sample(r, m * 30.4375, "cash", -1e6 * m);
    results_sample(r, m * 30.4375, "anchor.revenue", 0.1 * m);
  }
  results_event(r, 12.5, "shock", "hbm", "lead time x2.5 for 180 days");
  results_event(r, 40, "default", "", NULL);
}

static int same(const results *a, const results *b) {
  if (a->nm != b->nm || a->ns != b->ns || a->nev != b->nev) return 0;
  for (size_t i = 0; i < a->nm; i++)
    if (strcmp(a->m[i].name, b->m[i].name) ||
        memcmp(&a->m[i].value, &b->m[i].value, sizeof(double)))
      return 0;
  for (size_t i = 0; i < a->ns; i++)
    if (a->s[i].t_days != b->s[i].t_days || strcmp(a->s[i].name, b->s[i].name) ||
        a->s[i].value != b->s[i].value)
      return 0;
  for (size_t i = 0; i < a->nev; i++)
    if (a->ev[i].t_days != b->ev[i].t_days || strcmp(a->ev[i].kind, b->ev[i].kind) ||
        strcmp(a->ev[i].subject, b->ev[i].subject) || strcmp(a->ev[i].detail, b->ev[i].detail))
      return 0;
  return 1;
}

static void test_round_trip(void) {
  results a = {0}, b = {0};
  fill(&a);
  CHECK(a.nm == 3 && a.ns == 400 && a.nev == 2);
  CHECK(isnan(results_get(&a, "irr")) && results_get(&a, "od.jobs") == 12345);
  size_t n;
  char *bytes = results_encode(&a, &n);
  CHECK(bytes != NULL);
  results_metric(&b, "left over", 1); /* decoding resets first */
  CHECK(results_decode(&b, bytes, n) == 0);
  CHECK(same(&a, &b));
  CHECK(isnan(results_get(&b, "irr")));
  /* every truncation, and trailing bytes, are malformed */
  int refused = 1;
  for (size_t k = 0; k < n; k += 7) refused &= results_decode(&b, bytes, k) == -1;
  CHECK(refused);
  char *more = malloc(n + 1);
  memcpy(more, bytes, n);
  more[n] = 0;
  CHECK(results_decode(&b, more, n + 1) == -1);
  free(more);
  free(bytes);
  results_clear(&a);
  results_clear(&b);
}

static void test_empty(void) {
  results a = {0}, b = {0};
  size_t n;
  char *bytes = results_encode(&a, &n);
  CHECK(bytes != NULL && results_decode(&b, bytes, n) == 0 && b.nm == 0 && b.ns == 0 && b.nev == 0);
  free(bytes);
  results_clear(&b);
}

/* results_bytes: what the appended entries hold (doubled), details included. */
static void test_bytes(void) {
  results a = {0};
  CHECK(results_bytes(&a) == 0);
  CHECK(results_sample(&a, 1, "cash", 2) == 0);
  CHECK(results_bytes(&a) == 2 * sizeof(result_sample));
  CHECK(results_event(&a, 1, "shock", "h100", "abc") == 0);
  CHECK(results_bytes(&a) == 2 * (sizeof(result_sample) + sizeof(result_event)) + 4);
  results_reset(&a);
  CHECK(results_bytes(&a) == 0);
  results_clear(&a);
}

int main(void) {
  test_round_trip();
  test_bytes();
  test_empty();
  return CHECK_DONE();
}
