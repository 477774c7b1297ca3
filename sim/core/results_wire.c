/*
** results_wire.c -- one run's results as bytes, to pass them from a worker
** process to the one that writes the database (results.h).  The format is
** private to one neosim binary (native byte order): counts, then each
** metric, sample and event with its names inline.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"

typedef struct wbuf {
  char *p;
  size_t n; /* bytes written (or, in the sizing pass, counted) */
} wbuf;

static void put(wbuf *w, const void *x, size_t n) {
  if (w->p) memcpy(w->p + w->n, x, n);
  w->n += n;
}
static void put_f64(wbuf *w, double x) { put(w, &x, sizeof x); }
static void put_str(wbuf *w, const char *s) {
  uint32_t n = (uint32_t)strlen(s);
  put(w, &n, sizeof n);
  put(w, s, n);
}

/* Both passes: with w->p NULL it only counts. */
static void encode(const results *r, wbuf *w) {
  uint64_t counts[3] = {r->nm, r->ns, r->nev};
  put(w, counts, sizeof counts);
  for (size_t i = 0; i < r->nm; i++) {
    put_str(w, r->m[i].name);
    put_f64(w, r->m[i].value);
  }
  for (size_t i = 0; i < r->ns; i++) {
    put_f64(w, r->s[i].t_days);
    put_str(w, r->s[i].name);
    put_f64(w, r->s[i].value);
  }
  for (size_t i = 0; i < r->nev; i++) {
    const result_event *e = &r->ev[i];
    put_f64(w, e->t_days);
    put_str(w, e->kind);
    put_str(w, e->subject);
    put_str(w, e->detail);
  }
}

void *results_encode(const results *r, size_t *len) {
  wbuf w = {NULL, 0};
  encode(r, &w);
  if (!(w.p = malloc(w.n ? w.n : 1))) return NULL;
  *len = w.n;
  w.n = 0;
  encode(r, &w);
  return w.p;
}

typedef struct rbuf {
  const char *p;
  size_t n, at;
  int bad;
} rbuf;

static void get(rbuf *b, void *x, size_t n) {
  if (b->bad || n > b->n - b->at) {
    b->bad = 1;
    memset(x, 0, n);
    return;
  }
  memcpy(x, b->p + b->at, n);
  b->at += n;
}
static double get_f64(rbuf *b) {
  double x;
  get(b, &x, sizeof x);
  return x;
}
/* A string into tmp (grown as needed); NULL when malformed. */
static const char *get_str(rbuf *b, char **tmp, size_t *cap) {
  uint32_t n;
  get(b, &n, sizeof n);
  if (b->bad || n > b->n - b->at) {
    b->bad = 1;
    return NULL;
  }
  if (n + 1 > *cap) {
    char *t = realloc(*tmp, n + 1);
    if (!t) {
      b->bad = 1;
      return NULL;
    }
    *tmp = t;
    *cap = n + 1;
  }
  memcpy(*tmp, b->p + b->at, n);
  (*tmp)[n] = '\0';
  b->at += n;
  return *tmp;
}

int results_decode(results *r, const void *bytes, size_t len) {
  rbuf b = {.p = bytes, .n = len};
  uint64_t counts[3];
  char *t1 = NULL, *t2 = NULL, *t3 = NULL;
  size_t c1 = 0, c2 = 0, c3 = 0;
  results_reset(r);
  get(&b, counts, sizeof counts);
  for (uint64_t i = 0; i < counts[0] && !b.bad; i++) {
    const char *name = get_str(&b, &t1, &c1);
    double v = get_f64(&b);
    if (!b.bad && results_metric(r, name, v)) b.bad = 1;
  }
  for (uint64_t i = 0; i < counts[1] && !b.bad; i++) {
    double t = get_f64(&b);
    const char *name = get_str(&b, &t1, &c1);
    double v = get_f64(&b);
    if (!b.bad && results_sample(r, t, name, v)) b.bad = 1;
  }
  for (uint64_t i = 0; i < counts[2] && !b.bad; i++) {
    double t = get_f64(&b);
    const char *kind = get_str(&b, &t1, &c1), *subject = get_str(&b, &t2, &c2),
               *detail = get_str(&b, &t3, &c3);
    if (!b.bad && results_event(r, t, kind, subject, detail)) b.bad = 1;
  }
  free(t1);
  free(t2);
  free(t3);
  return b.bad || b.at != len ? -1 : 0;
}
