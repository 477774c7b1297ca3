/*
** store_pick.c -- choose a scenario version of a results database.
*/
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store_check.h"
#include "store_pick.h"
#include "text.h"

/* Versions with runs, newest first: name, sha, done runs, failed runs. */
static const char versions_sql[] =
    "SELECT s.name, s.sha256, sum(r.status = 'done'), sum(r.status = 'failed')"
    " FROM scenarios s JOIN runs r ON r.scenario_sha256 = s.sha256"
    " WHERE (?1 IS NULL OR s.name = ?1 OR (?2 AND s.sha256 LIKE ?1 || '%'))"
    " GROUP BY s.sha256 ORDER BY s.created_at DESC, s.sha256";

static int is_hex_prefix(const char *s) {
  size_t n = strlen(s);
  if (n < 4 || n > 64) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i])) return 0;
  return 1;
}

static const char *text_or(sqlite3_stmt *q, int i, const char *none) {
  const char *s = (const char *)sqlite3_column_text(q, i);
  return s ? s : none;
}

/* Append " NAME SHA12 (N done, M failed)" to buf, after a ';' when not the
** first: the list stays on the one line of a message (err.h). */
static void list_line(char *buf, size_t len, const store_version *v) {
  size_t used = strlen(buf);
  if (used < len)
    snprintf(buf + used, len - used, "%s %s %.12s (%ld done, %ld failed)", used ? ";" : "", v->name,
             v->sha256, v->runs_done, v->runs_failed);
}

int store_pick_scenario(store *st, const char *want, store_version *out, char *err, size_t errlen) {
  sqlite3 *db = store_db(st);
  const char *file = store_path(st);
  sqlite3_stmt *q = NULL;
  store_version v, first = {0};
  char list[2048] = "";
  int n = 0, rc, by_name = 0;
  if (sqlite3_prepare_v2(db, versions_sql, -1, &q, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", file, sqlite3_errmsg(db));
    return -1;
  }
  sqlite3_bind_text(q, 1, want, -1, SQLITE_STATIC);
  sqlite3_bind_int(q, 2, want && is_hex_prefix(want));
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    memset(&v, 0, sizeof v);
    const char *name = text_or(q, 0, "?");                 /* checked once picked */
    if (n == 0) by_name = want && strcmp(name, want) == 0; /* whole, not v.name */
    snprintf(v.name, sizeof v.name, "%s", name);
    snprintf(v.sha256, sizeof v.sha256, "%s", text_or(q, 1, "?"));
    v.runs_done = sqlite3_column_int64(q, 2);
    v.runs_failed = sqlite3_column_int64(q, 3);
    if (n++ == 0) first = v;
    list_line(list, sizeof list, &v);
  }
  if (rc != SQLITE_DONE) snprintf(err, errlen, "%s: %s", file, sqlite3_errmsg(db));
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) return -1;
  if (n == 0) {
    if (want)
      snprintf(err, errlen, "%s: no runs of a scenario named or with SHA-256 starting '%s'", file,
               want);
    else snprintf(err, errlen, "%s: no runs stored yet", file);
    return -1;
  }
  if (n > 1 && !by_name) {
    snprintf(
        err, errlen,
        "%s holds %d scenario versions%s%s; choose one with --scenario NAME (its latest version) or"
        " --scenario SHA256-PREFIX",
        file, n, want ? " matching " : "", want ? want : "");
    size_t used = strlen(err);
    if (used < errlen) snprintf(err + used, errlen - used, ":%s", list);
    return -1;
  }
  if (n > 1)
    text_printf(stderr,
                "neosim: note: %s holds %d versions of '%s'; using the latest, %.12s (give "
                "--scenario SHA256-PREFIX for another):%s\n",
                file, n, want, first.sha256, list);
  *out = first;
  return store_check_version(st, first.sha256, err, errlen);
}
