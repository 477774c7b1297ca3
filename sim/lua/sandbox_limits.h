/*
** sandbox_limits.h -- the limits of a sandbox for scenario code (sandbox.h),
** apart so that the layers above sim/lua can set them without Lua's headers.
*/
#ifndef NEOSIM_SANDBOX_LIMITS_H
#define NEOSIM_SANDBOX_LIMITS_H

#include <stddef.h>

typedef struct sandbox_limits {
  size_t memory_bytes;    /* cap on Lua's heap; 0 = default (512 MiB) */
  long long instructions; /* budget per protected call; 0 = default (2e9) */
  double cpu_seconds;     /* CPU time per call; 0 = default (60 s + 100 ns
                             per instruction of the budget) */
} sandbox_limits;

#endif
