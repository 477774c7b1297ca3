/*
** order_key.h -- a double as an unsigned integer of the same order, and
** back: what the pending-event set compares (pq_int.h) and what
** stats_sort's radix sort sorts by (stats.c).
*/
#ifndef NEOSIM_ORDER_KEY_H
#define NEOSIM_ORDER_KEY_H

#include <stdint.h>
#include <string.h>

/* The bits of x, sign bit flipped for x >= +0 and all bits for x < 0:
** unsigned order is then the order of the numbers.  -0 is made +0 first,
** as the two are equal.  x must not be NaN. */
static inline uint64_t order_key(double x) {
  uint64_t b;
  x += 0.0; /* -0 + 0 = +0 */
  memcpy(&b, &x, sizeof b);
  return b >> 63 ? ~b : b | (UINT64_C(1) << 63);
}

/* The number of a key (+0 for the key of -0). */
static inline double order_key_value(uint64_t key) {
  uint64_t b = key >> 63 ? key & ~(UINT64_C(1) << 63) : ~key;
  double x;
  memcpy(&x, &b, sizeof x);
  return x;
}

#endif
