/*
** test_rng.c -- pcg32 against the PCG reference, advance, bounded
** integers, uniform doubles, and stream derivation.
*/
#include <stdlib.h>

#include "check.h"
#include "rng.h"

static const uint32_t ref42_54[6] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
                                     0x83d2f293, 0xbfa4784b, 0xcbed606e};

static void test_reference(void) {
  rng r;
  rng_seed(&r, 42, 54);
  for (int i = 0; i < 6; i++) CHECKF(rng_next(&r) == ref42_54[i], "output %d", i);
  rng_advance(&r, (uint64_t)-6); /* back six steps */
  for (int i = 0; i < 6; i++)
    CHECKF(rng_next(&r) == ref42_54[i], "after advance(-6), output %d", i);
}

static void test_advance(void) {
  rng a, b;
  rng_seed(&a, 7, 11);
  b = a;
  for (int i = 0; i < 100003; i++) rng_next(&a);
  rng_advance(&b, 100003);
  CHECK(a.state == b.state && rng_next(&a) == rng_next(&b));
  rng_advance(&b, 0);
  CHECK(rng_next(&a) == rng_next(&b));
  rng_advance(&b, (uint64_t)-100005); /* back to the start */
  rng c;
  rng_seed(&c, 7, 11);
  CHECK(b.state == c.state);
}

/* Chi-square of rng_bounded over `bound` cells: with bound 6 and 600k
** draws, df = 5; reject at alpha = 0.001 when chi2 > 20.52. */
static void test_bounded(void) {
  rng r;
  rng_seed(&r, 1, 2);
  long cnt[6] = {0};
  const long n = 600000;
  for (long i = 0; i < n; i++) cnt[rng_bounded(&r, 6)]++;
  double chi2 = 0, e = n / 6.0;
  for (int i = 0; i < 6; i++) chi2 += (cnt[i] - e) * (cnt[i] - e) / e;
  CHECKF(chi2 < 20.52, "chi2 = %g", chi2);
  /* A bound just above 2^31: naive modulo would put 2/3 of draws below
  ** 2^31 - 1; unbiased draws are uniform, so P(x < bound/2) = 1/2. */
  uint32_t big = 0x80000001u;
  long below = 0, m = 200000, ok = 1;
  for (long i = 0; i < m; i++) {
    uint32_t x = rng_bounded(&r, big);
    ok &= x < big;
    below += x < big / 2;
  }
  CHECK(ok);
  CHECKF(labs(below - m / 2) < 5 * 224, "below = %ld of %ld (sd 224)", below, m);
  CHECK(rng_bounded(&r, 1) == 0);
}

static void test_uniform(void) {
  rng r;
  rng_seed(&r, 3, 4);
  double s = 0, mn = 1, mx = 0;
  const int n = 1000000;
  for (int i = 0; i < n; i++) {
    double u = rng_uniform(&r), v = rng_uniform_pos(&r);
    s += u;
    if (u < mn) mn = u;
    if (u > mx) mx = u;
    if (!(v > 0 && v < 1)) mx = 2;
  }
  CHECK(mn >= 0 && mx < 1);
  CHECK_NEAR(s / n, 0.5, 5 * 0.2887 / 1000); /* 5 standard errors */
}

static double corr(rng *a, rng *b, int n) {
  double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
  for (int i = 0; i < n; i++) {
    double x = rng_uniform(a), y = rng_uniform(b);
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  double cxy = sxy / n - sx / n * sy / n;
  return cxy / sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
}

static void test_derive(void) {
  rng a, b, c, d;
  CHECK(rng_fnv1a64("") == UINT64_C(0xcbf29ce484222325));
  CHECK(rng_fnv1a64("a") == UINT64_C(0xaf63dc4c8601ec8c));
  CHECK(rng_mix64(0) == UINT64_C(0xe220a8397b1dcdaf)); /* SplitMix64's first output from 0 */
  rng_derive(&a, 1, 0, "tenants.od.arrivals");
  rng_derive(&b, 1, 0, "tenants.od.arrivals");
  CHECK(a.state == b.state && a.inc == b.inc);
  /* the derivation is a results contract: pin its first outputs */
  uint32_t first = rng_next(&a);
  CHECKF(first == 0xabb7e764u,
         "first output 0x%08x changed: stored results are no longer reproducible", first);
  /* ... and the documented formula */
  uint64_t k = rng_mix64(rng_mix64(rng_mix64(1) ^ 0) ^ rng_fnv1a64("tenants.od.arrivals"));
  rng_seed(&c, k, rng_mix64(k ^ UINT64_C(0xda942042e4dd58b5)));
  CHECK(c.state == b.state && c.inc == b.inc);
  /* a name hashed in pieces is the name (model_stream: names of any length) */
  CHECK(rng_fnv1a64_more(RNG_FNV_BASIS, "") == rng_fnv1a64(""));
  CHECK(rng_fnv1a64_more(rng_fnv1a64("tenants."), "od.arrivals") ==
        rng_fnv1a64("tenants.od.arrivals"));
  rng_derive_hash(&c, 1, 0, rng_fnv1a64_more(rng_fnv1a64("tenants.od"), ".arrivals"));
  CHECK(c.state == b.state && c.inc == b.inc);
  rng_derive(&c, 1, 1, "tenants.od.arrivals");
  rng_derive(&d, 1, 0, "tenants.od.durations");
  CHECK(c.state != b.state && d.state != b.state && d.inc != b.inc);
  /* 200k pairs: |r| < 5/sqrt(n) = 0.011 for independent streams */
  CHECKF(fabs(corr(&b, &c, 200000)) < 0.011, "replications correlated");
  CHECKF(fabs(corr(&b, &d, 200000)) < 0.011, "processes correlated");
  rng e, f;
  rng_derive(&e, 2, 0, "tenants.od.arrivals");
  rng_derive(&f, 1, 0, "tenants.od.arrivals");
  CHECKF(fabs(corr(&e, &f, 200000)) < 0.011, "seeds correlated");
}

int main(void) {
  test_reference();
  test_advance();
  test_bounded();
  test_uniform();
  test_derive();
  return CHECK_DONE();
}
