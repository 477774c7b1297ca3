/*
** args.c -- strict number parsing for the command line.
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "args.h"

int args_u64(const char *s, uint64_t *out) {
  int base = 10;
  char *end;
  if (!s || !isdigit((unsigned char)s[0])) return -1;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
    if (!isxdigit((unsigned char)s[0])) return -1;
  }
  errno = 0;
  unsigned long long v = strtoull(s, &end, base);
  if (errno || *end) return -1;
  *out = (uint64_t)v;
  return 0;
}

int args_long(const char *s, long min, long max, long *out) {
  char *end;
  if (!s || !*s || isspace((unsigned char)s[0])) return -1;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < min || v > max) return -1;
  *out = v;
  return 0;
}

int args_double(const char *s, double *out) {
  char *end;
  if (!s || !*s || isspace((unsigned char)s[0])) return -1;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end || !isfinite(v)) return -1;
  *out = v;
  return 0;
}
