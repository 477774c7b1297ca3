/*
** membudget.c -- the model's byte budget (membudget.h).
*/
#include <stdarg.h>
#include <stdio.h>

#include "membudget.h"

#define MB (1024.0 * 1024.0)

int mem_take(mem_budget *b, double bytes, char *err, size_t errlen, const char *what, ...) {
  if (!b) return 0;
  if (b->used + bytes <= b->limit) {
    b->used += bytes;
    return 0;
  }
  char desc[256];
  va_list ap;
  va_start(ap, what);
  vsnprintf(desc, sizeof desc, what, ap);
  va_end(ap);
  snprintf(err, errlen,
           "model memory budget of %.0f MB exceeded (--model-memory) by %s: %.1f MB more, %.1f MB "
           "in use",
           b->limit / MB, desc, bytes / MB, b->used / MB);
  return -1;
}

void mem_give(mem_budget *b, double bytes) {
  if (b) b->used -= bytes;
}
