/*
** invariant.c -- what a failed NEO_ASSERT does.
*/
#include <stdio.h>
#include <stdlib.h>

#include "invariant.h"

void neo_assert_fail(const char *cond, const char *file, int line, const char *func) {
  fprintf(stderr, "neosim: internal error: %s:%d: %s: %s\n", file, line, func, cond);
  abort();
}
