/*
** err.c -- filling an error buffer.
*/
#include <stdarg.h>
#include <stdio.h>

#include "err.h"

int err_set(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (errlen) vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return -1;
}
