/*
** fuzz.h -- what the fuzz targets share: libFuzzer's entry points, and a
** scratch folder for the scenario files they write.  Built with clang
** -fsanitize=fuzzer by `make fuzz`, and with driver.c (a plain main over
** files) in every other build, for tests/e2e/fuzz.sh.
*/
#ifndef NEOSIM_FUZZ_H
#define NEOSIM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The path of name in a fresh folder (made at the first call, removed at
** exit); a static buffer. */
const char *fuzz_path(const char *name);

/* Write size bytes to path; 0 or -1. */
int fuzz_write(const char *path, const void *data, size_t size);

#endif
