/*
** grow.c -- arrays that grow by doubling (grow.h).
*/
#include <stdint.h>
#include <stdlib.h>

#include "grow.h"

int grow_array(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 64;
  while (c < need) {
    if (c > SIZE_MAX / 2) return -1;
    c *= 2;
  }
  if (size && c > SIZE_MAX / size) return -1;
  void *n = realloc(*p, c * size);
  if (!n) return -1;
  *p = n;
  *cap = c;
  return 0;
}
