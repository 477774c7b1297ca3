/*
** outfile.c -- a finished document to the path a user gave (outfile.h).
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "outfile.h"
#include "path.h"

#define TMP_TAG ".tmp."
#define TMP_RANDOM 6 /* the XXXXXX of mkstemp */

static int write_all(int fd, const char *buf, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, buf, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    buf += k;
    n -= (size_t)k;
  }
  return 0;
}

static int failed(const char *path, int e, char *err, size_t errlen) {
  return err_set(err, errlen, "cannot write '%s': %s", path, strerror(e));
}

/* Remove name (in dir) when it is a temporary file of ours that no live
** writer holds: its lock is free and it is older than a second (a new one
** is locked right after it is made). */
static void remove_stale(int dir, const char *name) {
  int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st, again;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < time(NULL) - 1 &&
      flock(fd, LOCK_EX | LOCK_NB) == 0 && fstatat(dir, name, &again, AT_SYMLINK_NOFOLLOW) == 0 &&
      again.st_ino == st.st_ino && again.st_dev == st.st_dev)
    unlinkat(dir, name, 0); /* best effort: a leftover is only untidy */
  close(fd);
}

/* The temporary files of path that killed writers left behind. */
static void sweep(const char *path) {
  char *dir = path_folder(path);
  const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
  size_t nb = strlen(base), nt = strlen(TMP_TAG);
  DIR *d = dir ? opendir(dir) : NULL;
  for (struct dirent *e; d && (e = readdir(d));)
    if (strlen(e->d_name) == nb + nt + TMP_RANDOM && strncmp(e->d_name, base, nb) == 0 &&
        strncmp(e->d_name + nb, TMP_TAG, nt) == 0)
      remove_stale(dirfd(d), e->d_name);
  if (d) closedir(d);
  free(dir);
}

/* Absent or regular: beside it, then renamed over it. */
static int replace(const char *path, const char *buf, size_t n, char *err, size_t errlen) {
  sweep(path);
  size_t len = strlen(path) + strlen(TMP_TAG) + TMP_RANDOM + 1;
  char *tmp = malloc(len);
  if (!tmp) return err_set(err, errlen, "'%s': out of memory", path);
  snprintf(tmp, len, "%s" TMP_TAG "XXXXXX", path);
  int fd = mkstemp(tmp), rc = 0;
  if (fd < 0) {
    rc = failed(path, errno, err, errlen);
    free(tmp);
    return rc;
  }
  mode_t mask = umask(0);
  umask(mask);
  int e = 0;
  if (flock(fd, LOCK_EX) != 0 || fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, buf, n) != 0)
    e = errno ? errno : EIO; /* mkstemp makes it 0600: the umask's mode instead */
  if (close(fd) != 0 && !e) e = errno;
  if (!e && rename(tmp, path) != 0) e = errno;
  if (e) {
    unlink(tmp);
    rc = failed(path, e, err, errlen);
  }
  free(tmp);
  return rc;
}

int outfile_write(const char *path, const char *buf, size_t n, char *err, size_t errlen) {
  if (strcmp(path, "-") == 0) {
    if (fwrite(buf, 1, n, stdout) == n && fflush(stdout) == 0) return 0;
    return err_set(err, errlen, "writing to standard output failed");
  }
  struct stat st;
  if (lstat(path, &st) != 0 || S_ISREG(st.st_mode)) return replace(path, buf, n, err, errlen);
  /* a device, FIFO or symlink: write to what it is; O_TRUNC is ignored by
  ** devices and FIFOs, and truncates the file a symlink names */
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return failed(path, errno, err, errlen);
  int e = write_all(fd, buf, n) ? errno : 0;
  if (close(fd) != 0 && !e) e = errno;
  return e ? failed(path, e, err, errlen) : 0;
}
