/*
** cmd_merge.c -- `neosim merge OUT.db IN.db...`: combine result databases
** (the shards of a SLURM array job, batches run on several machines).
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "store_merge.h"
#include "text.h"

const char cmd_merge_help[] =
    "usage: neosim merge OUT.db IN.db... [--allow-versions] [--lock-wait S] [--quiet]\n\n"
    "Copy the runs of each IN database into OUT (created if missing), without\n"
    "duplicating any: a run is (scenario version, point, replication).  A run OUT\n"
    "already has is kept, except that a done run replaces a failed one, so merging\n"
    "again is safe and changes nothing.  The inputs are only read.\n\n"
    "  --allow-versions  merge even when the files hold different versions of a\n"
    "                    scenario under one name (other source or --set values);\n"
    "                    by default that is refused, as comparing them as one\n"
    "                    scenario would mix two experiments\n" CLI_LOCK_WAIT_HELP
    "  --quiet           print nothing but errors\n\n"
    "Every file is checked whole before anything is written: a neosim database\n"
    "of this schema version, not corrupt (SQLite's quick_check), every row as the\n"
    "schema says (points and replications in range, no NULL names, numbers\n"
    "where numbers belong), the versions, and one base seed per version across\n"
    "all files (runs of two seeds are two batches).  The inputs are opened\n"
    "read-only and left byte for byte as they were.  Each input is then merged\n"
    "in one transaction.  Exit status: 0 merged, 2 usage or database error;\n"
    "then nothing was written, except when the disk fails during the merge:\n"
    "the inputs merged before stay merged (merging again is safe), and an OUT\n"
    "that the merge created is removed.\n";

/* The (scenario version, seed) pairs seen so far, with the file each came from. */
typedef struct versions {
  struct version {
    char *name, *sha, *seed, *file; /* seed NULL: a version without runs */
  } * v;
  size_t n;
  const char *file; /* being read */
  int oom;
} versions;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void add_version(void *ctx, const char *name, const char *sha, const char *seed) {
  versions *vs = ctx;
  struct version *n = realloc(vs->v, (vs->n + 1) * sizeof *n);
  if (!n) return (void)(vs->oom = 1);
  vs->v = n;
  n[vs->n] = (struct version){.name = strdup(name),
                              .sha = strdup(sha),
                              .seed = dup_or_null(seed),
                              .file = strdup(vs->file)};
  if (!n[vs->n].name || !n[vs->n].sha || !n[vs->n].file || (seed && !n[vs->n].seed)) vs->oom = 1;
  vs->n++;
}

/* Two entries i < j where same(i, j) holds: the first such pair. */
static int clash(const versions *vs, int (*same)(const struct version *, const struct version *),
                 size_t *a, size_t *b) {
  for (size_t i = 0; i < vs->n; i++)
    for (size_t j = i + 1; j < vs->n; j++)
      if (same(&vs->v[i], &vs->v[j])) {
        *a = i;
        *b = j;
        return 1;
      }
  return 0;
}

/* One name, two versions: two experiments compared as one. */
static int two_versions(const struct version *x, const struct version *y) {
  return strcmp(x->name, y->name) == 0 && strcmp(x->sha, y->sha) != 0;
}

/* One version, two seeds: two batches mixed in one. */
static int two_seeds(const struct version *x, const struct version *y) {
  return strcmp(x->sha, y->sha) == 0 && x->seed && y->seed && strcmp(x->seed, y->seed) != 0;
}

static void free_versions(versions *vs) {
  for (size_t i = 0; i < vs->n; i++) {
    free(vs->v[i].name);
    free(vs->v[i].sha);
    free(vs->v[i].seed);
    free(vs->v[i].file);
  }
  free(vs->v);
}

/* Check a file whole and read its versions and seeds. */
static int inspect(versions *vs, const char *path, char *err, size_t errlen) {
  vs->file = path;
  if (store_merge_inspect(path, add_version, vs, err, errlen)) return -1;
  return vs->oom ? err_set(err, errlen, "out of memory") : 0;
}

static int same_file(const char *a, const char *b) {
  struct stat sa, sb;
  if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return strcmp(a, b) == 0;
}

/* Every check before the first write: the files, then the versions and
** seeds across all of them.  0, or 2 after a message. */
static int check_all(const char **files, int n, int allow, versions *vs) {
  char err[ERR_LEN];
  struct stat st;
  for (int i = 1; i < n; i++)
    if (same_file(files[0], files[i]))
      return cli_usage_error("merge: '%s' is the output as well as an input", files[i]);
  if (stat(files[0], &st) == 0 && inspect(vs, files[0], err, sizeof err))
    return cli_usage_error("merge: %s", err);
  for (int i = 1; i < n; i++)
    if (inspect(vs, files[i], err, sizeof err)) return cli_usage_error("merge: %s", err);
  size_t a, b;
  if (clash(vs, two_seeds, &a, &b))
    return cli_usage_error(
        "merge: scenario '%s' (version %.12s) has runs of seed %s in '%s' and of seed %s in '%s':"
        " runs of different seeds are different batches, merge them into separate files",
        vs->v[a].name, vs->v[a].sha, vs->v[a].seed, vs->v[a].file, vs->v[b].seed, vs->v[b].file);
  if (!allow && clash(vs, two_versions, &a, &b))
    return cli_usage_error(
        "merge: scenario '%s' has two versions: %.12s in '%s' and %.12s in '%s' (different source "
        "or --set values); merge them into separate files, or pass --allow-versions",
        vs->v[a].name, vs->v[a].sha, vs->v[a].file, vs->v[b].sha, vs->v[b].file);
  return 0;
}

/* OUT was made by this merge, which failed: remove it and its -wal, -shm. */
static void remove_made(const char *out) {
  static const char *const tails[] = {"-wal", "-shm", ""};
  for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
    size_t n = strlen(out) + strlen(tails[i]) + 1;
    char *f = malloc(n);
    if (f) {
      snprintf(f, n, "%s%s", out, tails[i]);
      unlink(f); /* best effort: the error said is the merge's */
    }
    free(f);
  }
}

int cmd_merge(int argc, char **argv) {
  const char **files = calloc((size_t)argc, sizeof *files);
  int n = 0, allow = 0, quiet = 0, r;
  double lock_wait = 0;
  if (!files) return cli_usage_error("merge: out of memory");
  for (int i = 1; i < argc; i++) {
    if ((r = cli_lock_wait(argc, argv, &i, &lock_wait))) {
      if (r == 2) {
        free(files);
        return 2;
      }
    } else if (strcmp(argv[i], "--allow-versions") == 0) allow = 1;
    else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) quiet = 1;
    else if (argv[i][0] == '-' && argv[i][1]) {
      free(files);
      return cli_usage_error("merge: unknown option '%s' (see neosim help merge)", argv[i]);
    } else files[n++] = argv[i];
  }
  if (n < 2) {
    free(files);
    return cli_usage_error("merge: need OUT.db and at least one IN.db (see neosim help merge)");
  }
  char err[ERR_LEN];
  versions vs = {0};
  struct stat st;
  int rc = check_all(files, n, allow, &vs);
  int made = rc == 0 && stat(files[0], &st) != 0;
  store *out = rc ? NULL : store_open(files[0], lock_wait, err, sizeof err);
  if (!rc && !out) rc = cli_usage_error("merge: %s", err);
  store_merge_stats sum = {0, 0, 0};
  for (int i = 1; i < n && !rc; i++)
    if (store_merge(out, files[i], &sum, err, sizeof err)) rc = cli_usage_error("%s", err);
  store_close(out);
  if (rc && made && out) remove_made(files[0]);
  if (!rc && !quiet)
    text_printf(
        stdout,
        "merged %d file%s into %s: %ld runs added, %ld failed runs replaced by done ones, %ld "
        "already there\n",
        n - 1, n == 2 ? "" : "s", files[0], sum.added, sum.replaced, sum.skipped);
  free_versions(&vs);
  free(files);
  return rc;
}
