/*
** engine.h -- the simulation clock, the pending-event set and dispatch.
** No global state: each engine is independent, so several simulations
** can run in one process.
*/
#ifndef NEOSIM_ENGINE_H
#define NEOSIM_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "pq.h"

/* What a handler receives: the kind it was registered for and a small
** payload.  Models refer to their objects by index (id), never by
** pointer, so their arrays may grow while events are pending. */
typedef struct engine_event {
  uint32_t kind; /* < ENGINE_MAX_KINDS, chooses the handler */
  uint32_t id;   /* model object index: node, tenant, job ... */
  uint64_t arg;  /* extra integer payload (a generation count, a size ...) */
} engine_event;

#define ENGINE_MAX_KINDS 64u

typedef struct engine engine;

/* A handle to a scheduled event; 0 means none. */
typedef pq_handle engine_handle;

/* Handlers borrow ev (valid during the call only) and may schedule,
** cancel and stop freely. ctx is what was passed to engine_on(). */
typedef void (*engine_handler)(engine *e, const engine_event *ev, void *ctx);

typedef enum engine_status {
  ENGINE_OK = 0,
  ENGINE_NOTFOUND = -1, /* cancel/reschedule of an event not pending */
  ENGINE_NOMEM = -2,
  ENGINE_FULL = -3,    /* more pending events than the set can hold */
  ENGINE_BADTIME = -4, /* time NaN or before now */
  ENGINE_BADKIND = -5, /* kind >= ENGINE_MAX_KINDS or with no handler */
  ENGINE_BUDGET = -6,  /* engine_set_max_events()'s count dispatched */
  ENGINE_STOPPED = 1   /* engine_run() ended by engine_stop() */
} engine_status;

/* Create an engine at time 0 with the given pending-event set; NULL on
** out of memory.  engine_free(NULL) is a no-op. */
engine *engine_new(pq_kind kind);
void engine_free(engine *e);

/* Register the handler of an event kind (replacing any earlier one). */
engine_status engine_on(engine *e, uint32_t kind, engine_handler fn, void *ctx);

/* Schedule an event at absolute time t >= now (or dt >= 0 from now).
** Returns its handle, or 0 after recording the error: the first error
** is sticky and ends engine_run() with it, so models need not check
** every call.  Events at equal times run in the order scheduled. */
engine_handle engine_at(engine *e, double t, uint32_t kind, uint32_t id, uint64_t arg);
engine_handle engine_after(engine *e, double dt, uint32_t kind, uint32_t id, uint64_t arg);

/* Cancel a pending event in O(1): ENGINE_OK or ENGINE_NOTFOUND. */
engine_status engine_cancel(engine *e, engine_handle h);

/* Move a pending event to time t, keeping its payload.  Returns the new
** handle (the old one becomes invalid), or 0 if h was not pending. */
engine_handle engine_reschedule(engine *e, engine_handle h, double t);

/* Is h still pending? */
int engine_pending(const engine *e, engine_handle h);

/* Run events in time order while their time is <= until.  On return
** the clock is at until when the horizon was reached (it never moves
** back), or at the last event's time if stopped or out of events early.
** Returns ENGINE_OK, ENGINE_STOPPED, or the sticky error. */
engine_status engine_run(engine *e, double until);

/* Dispatch at most n events over the engine's life (0, the default: no
** limit); the next one is not dispatched and engine_run() returns
** ENGINE_BUDGET.  A model whose rates make events faster than time
** passes then ends with an error instead of running for years. */
void engine_set_max_events(engine *e, uint64_t n);
uint64_t engine_budget(const engine *e); /* that count; UINT64_MAX: no limit */

/* Count n units of work a handler does without dispatching events (the
** candidates a thinning draws and rejects, say) against the same budget,
** so that work which does not advance the clock is bounded too.  0, or -1
** when the budget does not hold them: the caller stops, and engine_run()
** ends with ENGINE_BUDGET before the next event.  O(1). */
int engine_charge(engine *e, uint64_t n);

/* Ask engine_run() to return after the current handler. */
void engine_stop(engine *e);

double engine_now(const engine *e);
size_t engine_size(const engine *e);         /* pending events */
uint64_t engine_events(const engine *e);     /* events dispatched so far */
engine_status engine_error(const engine *e); /* sticky error, ENGINE_OK if none */
size_t engine_bytes(const engine *e);        /* memory held, for benchmarks */
const char *engine_strerror(engine_status st);

#endif
