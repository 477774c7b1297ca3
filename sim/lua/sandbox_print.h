/*
** sandbox_print.h -- the cap on what scenario code's `print` writes.
**
** print writes to stderr at most SANDBOX_PRINT_CAP bytes per process, all
** sandboxes together, then one line saying the rest is dropped.  A batch
** calls sandbox_print_share once before forking its workers: the count
** then lives in memory shared with them, so a batch of any number of runs
** and workers writes at most the cap.  No Lua here: the run layer uses it.
*/
#ifndef NEOSIM_SANDBOX_PRINT_H
#define NEOSIM_SANDBOX_PRINT_H

#include <stddef.h>

#define SANDBOX_PRINT_CAP ((size_t)1 << 20)

/* Move the count to shared memory (kept for the life of the process);
** 0, or -1 when it cannot be had (each process then keeps its own). */
int sandbox_print_share(void);

/* For print: take up to want bytes of what is left; how many were given. */
size_t sandbox_print_take(size_t want);
/* For print: 1 the first time it is asked once the cap is spent, then 0. */
int sandbox_print_first_drop(void);

#endif
