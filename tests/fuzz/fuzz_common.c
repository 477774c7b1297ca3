/*
** fuzz_common.c -- the scratch folder of the fuzz targets (fuzz.h).
*/
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char dir[64];

static void remove_dir(void) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[320];
  while (d && (e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    unlink(path);
  }
  if (d) closedir(d);
  rmdir(dir);
}

/* The Lua library: $NEOSIM_LUA_PATH, or lua/ of the checkout the targets run in. */
static void find_library(void) {
  static char lib[PATH_MAX];
  char init[PATH_MAX + 32];
  if (!getenv("NEOSIM_LUA_PATH")) setenv("NEOSIM_LUA_PATH", realpath("lua", lib) ? lib : "lua", 1);
  snprintf(init, sizeof init, "%s/neo/init.lua", getenv("NEOSIM_LUA_PATH"));
  if (access(init, R_OK)) {
    fprintf(stderr, "fuzz: no %s: run from the top of the checkout or set NEOSIM_LUA_PATH\n", init);
    exit(1);
  }
}

const char *fuzz_path(const char *name) {
  static char path[320];
  if (!dir[0]) {
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/neosim-fuzz.XXXXXX",
             tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
      perror("fuzz: mkdtemp");
      exit(1);
    }
    atexit(remove_dir);
    find_library();
  }
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

int fuzz_write(const char *path, const void *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  int bad = fwrite(data, 1, size, f) != size;
  return fclose(f) || bad ? -1 : 0;
}
