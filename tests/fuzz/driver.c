/*
** driver.c -- a plain main for the fuzz targets: each file named on the
** command line is one input (the regression inputs of tests/fuzz/regress/
** and the seed corpora, run by tests/e2e/fuzz.sh without clang).
*/
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int main(int argc, char **argv) {
  LLVMFuzzerInitialize(&argc, &argv);
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      perror(argv[i]);
      return 1;
    }
    size_t cap = 1 << 16, n = 0, k;
    unsigned char *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0)
      if ((n += k) == cap) {
        unsigned char *nb = realloc(buf, cap *= 2);
        if (!nb) free(buf);
        buf = nb;
      }
    fclose(f);
    if (!buf) {
      fprintf(stderr, "%s: out of memory\n", argv[i]);
      return 1;
    }
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
  }
  return 0;
}
