/*
** store_names.c -- series name to id (store_names.h).
*/
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "store_names.h"

typedef struct slot {
  char *name; /* NULL: empty */
  int64_t id;
} slot;

struct store_names {
  slot *s;
  size_t n, cap; /* cap a power of two, at most half full */
};

store_names *store_names_new(void) { return calloc(1, sizeof(store_names)); }

void store_names_clear(store_names *t) {
  for (size_t i = 0; i < t->cap; i++) {
    free(t->s[i].name);
    t->s[i].name = NULL;
  }
  t->n = 0;
}

void store_names_free(store_names *t) {
  if (!t) return;
  store_names_clear(t);
  free(t->s);
  free(t);
}

/* The slot of name in s (cap a power of two, never full). */
static size_t probe(const slot *s, size_t cap, const char *name) {
  size_t i = (size_t)rng_fnv1a64(name) & (cap - 1);
  while (s[i].name && strcmp(s[i].name, name) != 0) i = (i + 1) & (cap - 1);
  return i;
}

int64_t store_names_get(const store_names *t, const char *name) {
  if (!t->cap) return -1;
  const slot *x = &t->s[probe(t->s, t->cap, name)];
  return x->name ? x->id : -1;
}

static int grow(store_names *t) {
  size_t cap = t->cap ? 2 * t->cap : 64;
  slot *s = calloc(cap, sizeof *s);
  if (!s) return -1;
  for (size_t i = 0; i < t->cap; i++)
    if (t->s[i].name) s[probe(s, cap, t->s[i].name)] = t->s[i];
  free(t->s);
  t->s = s;
  t->cap = cap;
  return 0;
}

int store_names_put(store_names *t, const char *name, int64_t id) {
  if (2 * (t->n + 1) > t->cap && grow(t)) return -1;
  slot *x = &t->s[probe(t->s, t->cap, name)];
  if (!x->name) {
    if (!(x->name = strdup(name))) return -1;
    t->n++;
  }
  x->id = id;
  return 0;
}
