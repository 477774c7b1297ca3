/*
** store_rows.c -- result writes into SQLite through store.h, as a batch
** writes them: runs of 60 monthly samples of 50 series (3000 series rows),
** 60 metrics and 20 params each, one transaction per run, into a new
** database file (WAL, on the disk of TMPDIR).  Prints series rows/s (the
** best of 3 passes, counting the whole run's writes against the series
** rows) and the database bytes per series row.
** usage: store_rows [runs]   (default 300)
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "err.h"
#include "store.h"

#define SERIES 50
#define SAMPLES 60
#define METRICS 60
#define PARAMS 20
#define PASSES 3

static char names[SERIES + METRICS + PARAMS][32];

/* One pass: runs runs into a new database at path; seconds, or -1. */
static double pass(const char *path, long runs, double *bytes_per_row) {
  char err[ERR_LEN];
  unlink(path);
  store *st = store_open(path, 0, err, sizeof err);
  if (!st) {
    fprintf(stderr, "store_rows: %s\n", err);
    return -1;
  }
  static store_sample s[SERIES * SAMPLES];
  static store_metric m[METRICS];
  static store_param p[PARAMS];
  char pv[PARAMS][32];
  if (store_put_scenario(st, "bench", "b3", path, "-- bench", NULL)) {
    fprintf(stderr, "store_rows: %s\n", store_error(st));
    return -1;
  }
  double t0 = bench_now();
  for (long r = 0; r < runs; r++) {
    for (int k = 0; k < SAMPLES; k++)
      for (int j = 0; j < SERIES; j++)
        s[k * SERIES + j] =
            (store_sample){30.4375 * (k + 1), names[j], 1e6 * (double)(r + 1) + k * 0.37 + j};
    for (int j = 0; j < METRICS; j++) m[j] = (store_metric){names[SERIES + j], (double)r * 1.5 + j};
    for (int j = 0; j < PARAMS; j++) {
      snprintf(pv[j], sizeof pv[j], "%.17g", 0.25 * j + (double)r);
      p[j] = (store_param){names[SERIES + METRICS + j], pv[j], j == 0};
    }
    store_run run = {.scenario = "bench",
                     .scenario_sha256 = "b3",
                     .point = (int)(r % 10),
                     .replication = (int)(r / 10),
                     .seed = 1,
                     .status = "done",
                     .events = 1000,
                     .wall_s = 0.1};
    if (store_put_run(st, &run, p, PARAMS, m, METRICS, s, SERIES * SAMPLES) < 0) {
      fprintf(stderr, "store_rows: %s\n", store_error(st));
      store_close(st);
      return -1;
    }
  }
  double secs = bench_now() - t0;
  store_close(st);
  struct stat sb;
  *bytes_per_row =
      stat(path, &sb) == 0 ? (double)sb.st_size / ((double)runs * SERIES * SAMPLES) : 0;
  return secs;
}

int main(int argc, char **argv) {
  long runs = argc > 1 ? (long)bench_count(argv[1]) : 300;
  if (runs <= 0) {
    fprintf(stderr, "usage: store_rows [runs]\n");
    return 2;
  }
  for (int j = 0; j < SERIES; j++) snprintf(names[j], sizeof names[j], "t%02d.revenue", j);
  for (int j = 0; j < METRICS; j++) snprintf(names[SERIES + j], sizeof names[0], "metric_%02d", j);
  for (int j = 0; j < PARAMS; j++)
    snprintf(names[SERIES + METRICS + j], sizeof names[0], "tenants.t%02d.nodes", j);
  const char *tmp = getenv("TMPDIR");
  char path[512];
  snprintf(path, sizeof path, "%s/neosim-store-rows-%ld.db", tmp && *tmp ? tmp : "/tmp",
           (long)getpid());
  double best = -1, bytes = 0;
  for (int i = 0; i < PASSES; i++) {
    double s = pass(path, runs, &bytes);
    if (s < 0) {
      unlink(path);
      return 1;
    }
    if (best < 0 || s < best) best = s;
  }
  char side[600];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  bench_print("store_rows", (double)runs * SERIES * SAMPLES / best, "rows/s");
  bench_print("store_rows_bytes", bytes, "bytes/row");
  return 0;
}
