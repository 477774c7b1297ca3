/*
** results.h -- what one run produces: run-level metrics and periodic
** series samples, collected in memory and handed to the store in one
** piece.  Names are copied once (interned): results outlive the model
** that produced them.
*/
#ifndef NEOSIM_RESULTS_H
#define NEOSIM_RESULTS_H

#include <stddef.h>

typedef struct result_metric {
  const char *name;
  double value; /* NaN means "does not exist" (stored as NULL) */
} result_metric;

typedef struct result_sample {
  double t_days;
  const char *name;
  double value;
} result_sample;

/* A business event: a shock hit, a default, a covenant breach ... */
typedef struct result_event {
  double t_days;
  const char *kind, *subject; /* interned */
  char *detail;               /* owned */
} result_event;

typedef struct results {
  result_metric *m;
  size_t nm, capm;
  result_sample *s;
  size_t ns, caps;
  result_event *ev;
  size_t nev, capev;
  size_t detail_bytes; /* held by the events' details */
  char **names;        /* interned names, open addressing by FNV-1a */
  size_t nnames, capnames;
} results;

/* Append; 0, or -1 on no memory (nothing appended). */
int results_metric(results *r, const char *name, double value);
int results_sample(results *r, double t_days, const char *name, double value);
int results_event(results *r, double t_days, const char *kind, const char *subject,
                  const char *detail);
/* The bytes the metrics, samples and events appended hold, at most (their
** arrays grow by doubling), details included: O(1). */
size_t results_bytes(const results *r);
/* The value of a metric by name, NaN if absent (for tests and summaries). */
double results_get(const results *r, const char *name);
/* Forget the metrics, samples and events, keep the memory and names. */
void results_reset(results *r);
/* Forget the metrics and samples only: what a failed run keeps is its
** events up to the failure. */
void results_keep_events(results *r);
/* Free the arrays and names (not r itself); NULL is a no-op. */
void results_clear(results *r);

/* results_wire.c: r as bytes (malloc'd, *len bytes; NULL on no memory),
** and back into r (reset first): 0, or -1 if malformed or no memory. */
void *results_encode(const results *r, size_t *len);
int results_decode(results *r, const void *bytes, size_t len);

#endif
