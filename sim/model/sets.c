/*
** sets.c -- the model's containers of node and job indices: sets with O(1)
** removal (idset) and FIFO queues (fifo).
*/
#include <stdlib.h>

#include "invariant.h"
#include "model_int.h"

int idset_grow(idset *s) {
  size_t ncap = s->cap ? s->cap * 2 : 16;
  uint32_t *na = realloc(s->a, ncap * sizeof *na);
  if (!na) return -1;
  s->a = na;
  s->cap = ncap;
  return 0;
}

uint32_t idset_take(idset *s, uint32_t pos) {
  NEO_ASSERT(pos < s->n);
  uint32_t last = s->a[--s->n];
  if (pos == s->n) return NONE;
  s->a[pos] = last;
  return last;
}

int fifo_push(model *m, fifo *q, uint32_t x, const char *what) {
  if (q->n == q->cap) {
    size_t ncap = q->cap ? q->cap * 2 : 16;
    if (model_take(m, (double)(ncap - q->cap) * sizeof *q->a, "a queue of %zu %s", q->n + 1, what))
      return -1;
    uint32_t *na = malloc(ncap * sizeof *na);
    if (!na) return -1;
    for (size_t i = 0; i < q->n; i++) na[i] = q->a[(q->head + i) % q->cap];
    free(q->a);
    q->a = na;
    q->cap = ncap;
    q->head = 0;
  }
  q->a[(q->head + q->n++) % q->cap] = x;
  return 0;
}
