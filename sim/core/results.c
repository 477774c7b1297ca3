/*
** results.c -- growable arrays of metrics and samples, interned names.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "rng.h"

static int grow(void **a, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return 0;
  size_t ncap = *cap ? *cap * 2 : 64;
  void *na = realloc(*a, ncap * size);
  if (!na) return -1;
  *a = na;
  *cap = ncap;
  return 0;
}

/* The slot of name in the table (capnames a power of two, never full). */
static size_t probe(char **names, size_t cap, const char *name) {
  size_t i = (size_t)rng_fnv1a64(name) & (cap - 1);
  while (names[i] && strcmp(names[i], name) != 0) i = (i + 1) & (cap - 1);
  return i;
}

static int rehash(results *r) {
  size_t ncap = r->capnames ? r->capnames * 2 : 64;
  char **nn = calloc(ncap, sizeof *nn);
  if (!nn) return -1;
  for (size_t i = 0; i < r->capnames; i++)
    if (r->names[i]) nn[probe(nn, ncap, r->names[i])] = r->names[i];
  free(r->names);
  r->names = nn;
  r->capnames = ncap;
  return 0;
}

static const char *intern(results *r, const char *name) {
  if (2 * (r->nnames + 1) > r->capnames && rehash(r)) return NULL;
  size_t i = probe(r->names, r->capnames, name);
  if (!r->names[i]) {
    if (!(r->names[i] = strdup(name))) return NULL;
    r->nnames++;
  }
  return r->names[i];
}

int results_metric(results *r, const char *name, double value) {
  const char *n = intern(r, name);
  if (!n || grow((void **)&r->m, &r->capm, r->nm, sizeof *r->m)) return -1;
  r->m[r->nm++] = (result_metric){n, value};
  return 0;
}

int results_sample(results *r, double t_days, const char *name, double value) {
  const char *n = intern(r, name);
  if (!n || grow((void **)&r->s, &r->caps, r->ns, sizeof *r->s)) return -1;
  r->s[r->ns++] = (result_sample){t_days, n, value};
  return 0;
}

int results_event(results *r, double t_days, const char *kind, const char *subject,
                  const char *detail) {
  const char *k = intern(r, kind), *s = intern(r, subject);
  char *d = strdup(detail ? detail : "");
  if (!k || !s || !d || grow((void **)&r->ev, &r->capev, r->nev, sizeof *r->ev)) {
    free(d);
    return -1;
  }
  r->ev[r->nev++] = (result_event){.t_days = t_days, .kind = k, .subject = s, .detail = d};
  r->detail_bytes += strlen(d) + 1;
  return 0;
}

size_t results_bytes(const results *r) {
  return 2 * (r->nm * sizeof *r->m + r->ns * sizeof *r->s + r->nev * sizeof *r->ev) +
         r->detail_bytes;
}

double results_get(const results *r, const char *name) {
  for (size_t i = 0; i < r->nm; i++)
    if (strcmp(r->m[i].name, name) == 0) return r->m[i].value;
  return NAN;
}

void results_reset(results *r) {
  for (size_t i = 0; i < r->nev; i++) free(r->ev[i].detail);
  r->nm = r->ns = r->nev = 0;
  r->detail_bytes = 0;
}

void results_keep_events(results *r) { r->nm = r->ns = 0; }

void results_clear(results *r) {
  if (!r) return;
  results_reset(r);
  for (size_t i = 0; i < r->capnames; i++) free(r->names[i]);
  free(r->names);
  free(r->m);
  free(r->s);
  free(r->ev);
  memset(r, 0, sizeof *r);
}
