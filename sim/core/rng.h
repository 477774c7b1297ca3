/*
** rng.h -- pcg32 random streams (O'Neill's PCG: XSH-RR output on a
** 64-bit LCG with a selectable odd increment = 2^63 streams), jump
** ahead/back, unbiased bounded integers, uniform doubles, and the
** derivation of one independent stream per named random process.
*/
#ifndef NEOSIM_RNG_H
#define NEOSIM_RNG_H

#include <stdint.h>

typedef struct rng {
  uint64_t state;
  uint64_t inc; /* always odd: (stream << 1) | 1 */
} rng;

/* Seed as the PCG reference pcg32_srandom_r(initstate, initseq). */
void rng_seed(rng *r, uint64_t initstate, uint64_t initseq);

/* Next 32-bit output. */
static inline uint32_t rng_next(rng *r) {
  uint64_t old = r->state;
  r->state = old * UINT64_C(6364136223846793005) + r->inc;
  uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
  uint32_t rot = (uint32_t)(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

/* Jump the stream by delta steps in O(log delta); a negative delta
** (two's complement, e.g. (uint64_t)-6) steps back. */
void rng_advance(rng *r, uint64_t delta);

/* Uniform integer in [0, bound) without modulo bias (bound > 0). */
uint32_t rng_bounded(rng *r, uint32_t bound);

/* Uniform double in [0, 1) with 53 random bits (two outputs). */
static inline double rng_uniform(rng *r) {
  uint64_t a = rng_next(r) >> 5, b = rng_next(r) >> 6; /* 27 + 26 bits */
  return (double)(a * 67108864u + b) * (1.0 / 9007199254740992.0);
}

/* Uniform double in (0, 1): never 0, so log() of it is finite. */
static inline double rng_uniform_pos(rng *r) {
  uint64_t a = rng_next(r) >> 5, b = rng_next(r) >> 6;
  return ((double)(a * 67108864u + b) + 0.5) * (1.0 / 9007199254740992.0);
}

/*
** The stream of one random process in one replication.  With
**   mix(x) = the SplitMix64 finaliser, h = FNV-1a 64 of name,
**   k = mix(mix(mix(seed) ^ replication) ^ h),
** the stream is rng_seed(k, mix(k ^ 0xda942042e4dd58b5)).  It depends
** on (seed, replication, name) only -- never on the sweep point, the
** worker or the order of creation -- so sweep points share random
** numbers (common random numbers) and adding a process leaves the
** others' draws unchanged.  This formula is part of the results
** contract: changing it changes every stored result.
*/
void rng_derive(rng *r, uint64_t seed, uint64_t replication, const char *name);

/* rng_derive of a name given as its hash h (rng_fnv1a64_more below): a
** name made of pieces, however long, without building it. */
void rng_derive_hash(rng *r, uint64_t seed, uint64_t replication, uint64_t h);

/* Helpers exposed for tests and for hashing scenario names. */
uint64_t rng_mix64(uint64_t x);
uint64_t rng_fnv1a64(const char *s);

/* FNV-1a 64 continued over the bytes of s from hash h: rng_fnv1a64(ab) is
** rng_fnv1a64_more(rng_fnv1a64(a), b), and rng_fnv1a64("") is RNG_FNV_BASIS. */
#define RNG_FNV_BASIS UINT64_C(0xcbf29ce484222325)
uint64_t rng_fnv1a64_more(uint64_t h, const char *s);

#endif
