/*
** args.h -- strict parsing of command-line values: a value either parses
** whole and in range, or the caller gets -1 and reports it.
*/
#ifndef NEOSIM_ARGS_H
#define NEOSIM_ARGS_H

#include <stdint.h>

/* Unsigned 64-bit, decimal or 0x-hex, the full range; no sign, no junk. */
int args_u64(const char *s, uint64_t *out);
/* Signed integer in [min, max], decimal. */
int args_long(const char *s, long min, long max, long *out);
/* Finite double (strtod syntax), no trailing junk. */
int args_double(const char *s, double *out);

#endif
