/*
** cmd_merge.c -- `neosim merge OUT.db IN.db...`: combine result databases
** (the shards of a SLURM array job, batches run on several machines).
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "err.h"
#include "store_merge.h"

const char cmd_merge_help[] =
    "usage: neosim merge OUT.db IN.db... [--allow-versions] [--quiet]\n\n"
    "Copy the runs of each IN database into OUT (created if missing), without\n"
    "duplicating any: a run is (scenario version, point, replication).  A run OUT\n"
    "already has is kept, except that a done run replaces a failed one, so merging\n"
    "again is safe and changes nothing.  The inputs are only read.\n\n"
    "  --allow-versions  merge even when the files hold different versions of a\n"
    "                    scenario under one name (other source or --set values);\n"
    "                    by default that is refused, as comparing them as one\n"
    "                    scenario would mix two experiments\n"
    "  --quiet           print nothing but errors\n\n"
    "Every input is checked (readable neosim database of this schema version,\n"
    "versions) before anything is written; each input is then merged in one\n"
    "transaction.  Exit status: 0 merged, 2 usage or database error (inputs\n"
    "merged before the error stay merged; re-run after fixing it).\n";

/* The scenario versions seen so far, with the file each came from. */
typedef struct versions {
  struct version {
    char *name, *sha, *file;
  } * v;
  size_t n;
  const char *file; /* being read */
  int oom;
} versions;

static void add_version(void *ctx, const char *name, const char *sha) {
  versions *vs = ctx;
  struct version *n = realloc(vs->v, (vs->n + 1) * sizeof *n);
  if (!n) return (void)(vs->oom = 1);
  vs->v = n;
  n[vs->n++] = (struct version){strdup(name), strdup(sha), strdup(vs->file)};
}

/* Two versions under one name: the first such pair, or NULL. */
static int version_clash(const versions *vs, size_t *a, size_t *b) {
  for (size_t i = 0; i < vs->n; i++)
    for (size_t j = i + 1; j < vs->n; j++)
      if (vs->v[i].name && vs->v[j].name && strcmp(vs->v[i].name, vs->v[j].name) == 0 &&
          strcmp(vs->v[i].sha, vs->v[j].sha) != 0) {
        *a = i;
        *b = j;
        return 1;
      }
  return 0;
}

static void free_versions(versions *vs) {
  for (size_t i = 0; i < vs->n; i++) {
    free(vs->v[i].name);
    free(vs->v[i].sha);
    free(vs->v[i].file);
  }
  free(vs->v);
}

/* Read a file's versions (and check it is a database we can merge). */
static int read_versions(versions *vs, const char *path, char *err, size_t errlen) {
  store *s = store_open_read(path, err, errlen);
  if (!s) return -1;
  vs->file = path;
  int rc = store_versions(s, add_version, vs, err, errlen);
  store_close(s);
  return rc || vs->oom ? -1 : 0;
}

static int same_file(const char *a, const char *b) {
  struct stat sa, sb;
  if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return strcmp(a, b) == 0;
}

int cmd_merge(int argc, char **argv) {
  const char **files = calloc((size_t)argc, sizeof *files);
  int n = 0, allow = 0, quiet = 0;
  if (!files) return cli_usage_error("merge: out of memory");
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--allow-versions") == 0) allow = 1;
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
  int rc = 0;
  for (int i = 1; i < n && !rc; i++)
    if (same_file(files[0], files[i]))
      rc = cli_usage_error("merge: '%s' is the output as well as an input", files[i]);
  if (!rc && stat(files[0], &st) == 0 && read_versions(&vs, files[0], err, sizeof err))
    rc = cli_usage_error("merge: %s", err);
  for (int i = 1; i < n && !rc; i++)
    if (read_versions(&vs, files[i], err, sizeof err)) rc = cli_usage_error("merge: %s", err);
  size_t a, b;
  if (!rc && !allow && version_clash(&vs, &a, &b))
    rc = cli_usage_error(
        "merge: scenario '%s' has two versions: %.12s in '%s' and %.12s in '%s' (different source "
        "or "
        "--set values); merge them into separate files, or pass --allow-versions",
        vs.v[a].name, vs.v[a].sha, vs.v[a].file, vs.v[b].sha, vs.v[b].file);
  store *out = rc ? NULL : store_open(files[0], err, sizeof err);
  if (!rc && !out) rc = cli_usage_error("merge: %s", err);
  store_merge_stats sum = {0, 0, 0};
  for (int i = 1; i < n && !rc; i++)
    if (store_merge(out, files[i], &sum, err, sizeof err)) rc = cli_usage_error("%s", err);
  if (!rc && !quiet)
    printf("merged %d file%s into %s: %ld runs added, %ld failed runs replaced by done ones, %ld "
           "already there\n",
           n - 1, n == 2 ? "" : "s", files[0], sum.added, sum.replaced, sum.skipped);
  store_close(out);
  free_versions(&vs);
  free(files);
  return rc;
}
