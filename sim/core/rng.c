/*
** rng.c -- pcg32 seeding, jump ahead, bounded integers, stream derivation.
*/
#include "rng.h"
#include "invariant.h"

#define PCG_MULT UINT64_C(6364136223846793005)

void rng_seed(rng *r, uint64_t initstate, uint64_t initseq) {
  r->state = 0;
  r->inc = (initseq << 1u) | 1u;
  rng_next(r);
  r->state += initstate;
  rng_next(r);
}

/* Brown, "Random number generation with arbitrary strides" (1994):
** the LCG composed with itself delta times, by squaring. */
void rng_advance(rng *r, uint64_t delta) {
  uint64_t mult = PCG_MULT, plus = r->inc, acc_mult = 1, acc_plus = 0;
  while (delta > 0) {
    if (delta & 1u) {
      acc_mult *= mult;
      acc_plus = acc_plus * mult + plus;
    }
    plus = (mult + 1) * plus;
    mult *= mult;
    delta >>= 1;
  }
  r->state = acc_mult * r->state + acc_plus;
}

uint32_t rng_bounded(rng *r, uint32_t bound) {
  NEO_ASSERT(bound > 0);
  uint32_t threshold = (uint32_t)(-bound) % bound; /* 2^32 mod bound */
  for (;;) {
    uint32_t x = rng_next(r);
    if (x >= threshold) return x % bound;
  }
}

uint64_t rng_mix64(uint64_t x) {
  x += UINT64_C(0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
  return x ^ (x >> 31);
}

uint64_t rng_fnv1a64_more(uint64_t h, const char *s) {
  for (; *s; s++) h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
  return h;
}

uint64_t rng_fnv1a64(const char *s) { return rng_fnv1a64_more(RNG_FNV_BASIS, s); }

void rng_derive_hash(rng *r, uint64_t seed, uint64_t replication, uint64_t h) {
  uint64_t k = rng_mix64(rng_mix64(rng_mix64(seed) ^ replication) ^ h);
  rng_seed(r, k, rng_mix64(k ^ UINT64_C(0xda942042e4dd58b5)));
}

void rng_derive(rng *r, uint64_t seed, uint64_t replication, const char *name) {
  rng_derive_hash(r, seed, replication, rng_fnv1a64(name));
}
