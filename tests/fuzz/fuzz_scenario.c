/*
** fuzz_scenario.c -- the bytes as a scenario file, through the loader, the
** library's validation and resolution and the reader of the points
** (scenario_load), with a small memory cap, instruction budget and CPU
** limit so that no input holds the fuzzer up.  Nothing may crash, leak or
** trip a sanitizer, whatever the bytes.
*/
#include <stdio.h>

#include "err.h"
#include "fuzz.h"
#include "scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  fuzz_path("scenario.lua");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *path = fuzz_path("scenario.lua");
  char err[ERR_LEN];
  if (fuzz_write(path, data, size)) return 0;
  sandbox_limits lim = {32 << 20, 2000000, 2.0};
  scenario *s = scenario_load(path, NULL, 0, &lim, err, sizeof err);
  scenario_free(s);
  return 0;
}
