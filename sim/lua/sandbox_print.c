/*
** sandbox_print.c -- print's cap, per process or shared by a batch's
** workers (sandbox_print.h).
*/
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <stdatomic.h>
#include <sys/mman.h>

#include "sandbox_print.h"

typedef struct print_count {
  atomic_size_t used; /* bytes written, of SANDBOX_PRINT_CAP */
  atomic_int told;    /* the line saying the rest is dropped was written */
} print_count;

static print_count own;
static print_count *count = &own;

int sandbox_print_share(void) {
  if (count != &own) return 0;
  void *m = mmap(NULL, sizeof own, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return -1;
  print_count *shared = m;
  atomic_init(&shared->used, atomic_load(&own.used));
  atomic_init(&shared->told, atomic_load(&own.told));
  count = shared;
  return 0;
}

size_t sandbox_print_take(size_t want) {
  size_t used = atomic_load(&count->used);
  for (;;) {
    if (used >= SANDBOX_PRINT_CAP) return 0;
    size_t got = want < SANDBOX_PRINT_CAP - used ? want : SANDBOX_PRINT_CAP - used;
    if (atomic_compare_exchange_weak(&count->used, &used, used + got)) return got;
  }
}

int sandbox_print_first_drop(void) { return !atomic_exchange(&count->told, 1); }
