/*
** membudget.h -- a byte budget for the memory of one run's model.  What
** grows with a scenario's values (nodes, process paths, orders, jobs,
** queues, results) is taken from it before it is allocated, so a run that
** would need more than its budget fails with a message instead of
** exhausting the machine (--model-memory).  Sizes are doubles: a count
** from a scenario times a size may exceed SIZE_MAX.  Not thread-safe; one
** per model.
*/
#ifndef NEOSIM_MEMBUDGET_H
#define NEOSIM_MEMBUDGET_H

#include <stddef.h>

typedef struct mem_budget {
  double limit; /* bytes; INFINITY: none */
  double used;  /* bytes taken */
} mem_budget;

/* Take bytes (>= 0) for what (printf-style, e.g. "the fleet of 10 nodes"):
** 0, or -1 with nothing taken when used + bytes would pass the limit, and
** "model memory budget of N MB exceeded (--model-memory) by WHAT: X MB
** more, Y MB in use" in err.  A NULL budget takes anything. */
int mem_take(mem_budget *b, double bytes, char *err, size_t errlen, const char *what, ...)
    __attribute__((format(printf, 5, 6)));
/* Give back bytes taken earlier (a NULL budget: nothing). */
void mem_give(mem_budget *b, double bytes);

#endif
