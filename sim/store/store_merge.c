/*
** store_merge.c -- merge one neosim database into another (store_merge.h):
** the input is attached to the output's connection and copied with
** INSERT ... SELECT through a temporary map of old to new run ids.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store_check.h"
#include "store_merge.h"

/* Identity of a run in the input (s) and the output (o). */
#define SAME_RUN \
  "o.scenario_sha256 = s.scenario_sha256 AND o.point = s.point AND o.replication = s.replication"

/* The merge, in order, inside one transaction (src: the input).  First
** the failed runs of the output that the input has done: mapped
** (new = their output id) to be dropped. */
static const char *const mark_sql[] = {
    "CREATE TEMP TABLE IF NOT EXISTS merge_map (old INTEGER PRIMARY KEY, new INTEGER)",
    "DELETE FROM temp.merge_map",
    "INSERT OR IGNORE INTO main.scenarios (sha256, name, path, source, overrides, created_at)"
    " SELECT sha256, name, path, source, overrides, created_at FROM src.scenarios",
    "INSERT INTO temp.merge_map (old, new) SELECT -o.id, o.id FROM main.runs o JOIN src.runs s"
    " ON " SAME_RUN " WHERE o.status <> 'done' AND s.status = 'done'",
};

/* Then drop those and copy the runs the output lacks. */
static const char *const copy_sql[] = {
    "DELETE FROM main.series_data WHERE run_id IN (SELECT new FROM temp.merge_map)",
    "DELETE FROM main.events WHERE run_id IN (SELECT new FROM temp.merge_map)",
    "DELETE FROM main.metrics WHERE run_id IN (SELECT new FROM temp.merge_map)",
    "DELETE FROM main.params WHERE run_id IN (SELECT new FROM temp.merge_map)",
    "DELETE FROM main.runs WHERE id IN (SELECT new FROM temp.merge_map)",
    "DELETE FROM temp.merge_map",
    /* the input's runs the output lacks, numbered after the output's */
    "INSERT INTO temp.merge_map (old, new)"
    " SELECT s.id, (SELECT coalesce(max(id), 0) FROM main.runs) + row_number() OVER (ORDER BY s.id)"
    " FROM src.runs s WHERE NOT EXISTS (SELECT 1 FROM main.runs o WHERE " SAME_RUN ")",
    "INSERT INTO main.runs (id, scenario, scenario_sha256, point, replication, seed, status, "
    "error, events,"
    " wall_s, started_at, finished_at, version)"
    " SELECT m.new, scenario, scenario_sha256, point, replication, seed, status, error, events, "
    "wall_s,"
    " started_at, finished_at, version FROM src.runs s JOIN temp.merge_map m ON m.old = s.id "
    "ORDER BY m.new",
    "INSERT INTO main.params (run_id, name, value, swept)"
    " SELECT m.new, name, value, swept FROM src.params p JOIN temp.merge_map m ON m.old = p.run_id",
    "INSERT INTO main.metrics (run_id, name, value)"
    " SELECT m.new, name, value FROM src.metrics x JOIN temp.merge_map m ON m.old = x.run_id",
    /* series by name: the two files number their names apart */
    "INSERT OR IGNORE INTO main.series_names (name) SELECT name FROM src.series_names ORDER BY id",
    "INSERT INTO main.series_data (run_id, t_days, name_id, value)"
    " SELECT m.new, x.t_days, o.id, x.value FROM src.series_data x"
    " JOIN temp.merge_map m ON m.old = x.run_id JOIN src.series_names i ON i.id = x.name_id"
    " JOIN main.series_names o ON o.name = i.name ORDER BY m.new, x.t_days, o.id",
    "INSERT INTO main.events (run_id, t_days, kind, subject, detail)"
    " SELECT m.new, t_days, kind, subject, detail FROM src.events x JOIN temp.merge_map m ON "
    "m.old = x.run_id"
    " ORDER BY m.new, x.rowid",
};

static int exec_all(sqlite3 *db, const char *const *sql, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (sqlite3_exec(db, sql[i], NULL, NULL, NULL) != SQLITE_OK) return -1;
  return 0;
}

/* The first column of the first row of sql as an integer (0 if no row). */
static int query_long(sqlite3 *db, const char *sql, long *out) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK) return -1;
  rc = sqlite3_step(st);
  *out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int merge_attached(sqlite3 *db, store_merge_stats *st) {
  long before, after, dropped;
  if (query_long(db, "SELECT count(*) FROM main.runs", &before)) return -1;
  if (exec_all(db, mark_sql, sizeof mark_sql / sizeof *mark_sql) ||
      query_long(db, "SELECT count(*) FROM temp.merge_map", &dropped) ||
      exec_all(db, copy_sql, sizeof copy_sql / sizeof *copy_sql))
    return -1;
  long in_runs;
  if (query_long(db, "SELECT count(*) FROM main.runs", &after) ||
      query_long(db, "SELECT count(*) FROM src.runs", &in_runs))
    return -1;
  /* after = before - dropped + copied, and the dropped are copied back */
  long copied = after - before + dropped;
  st->added = copied - dropped;
  st->replaced = dropped;
  st->skipped = in_runs - copied;
  return 0;
}

int store_merge(store *out, const char *in_path, store_merge_stats *st, char *err, size_t errlen) {
  sqlite3 *db = store_db(out);
  char *uri = store_read_uri(in_path, err, errlen);
  if (!uri) return -1;
  sqlite3_stmt *att = NULL;
  int rc = sqlite3_prepare_v2(db, "ATTACH ?1 AS src", -1, &att, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(att, 1, uri, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(att) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
  sqlite3_finalize(att);
  free(uri);
  if (rc != SQLITE_OK)
    return err_set(err, errlen, "merge '%s': attach: %s", in_path, sqlite3_errmsg(db));
  store_merge_stats mine = {0, 0, 0};
  rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK
           ? merge_attached(db, &mine)
           : -1;
  if (rc) snprintf(err, errlen, "merge '%s': %s", in_path, sqlite3_errmsg(db));
  if (rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    rc = -1;
    snprintf(err, errlen, "merge '%s': commit: %s", in_path, sqlite3_errmsg(db));
  }
  if (rc && !sqlite3_get_autocommit(db))
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL); /* error already said */
  sqlite3_exec(db, "DETACH src", NULL, NULL,
               NULL); /* fails only inside a transaction: none is left */
  if (rc) return -1;
  st->added += mine.added;
  st->replaced += mine.replaced;
  st->skipped += mine.skipped;
  return 0;
}

/* Every (version, seed) of the file, versions without runs too. */
static const char inspect_sql[] =
    "SELECT s.name, s.sha256, r.seed FROM scenarios s LEFT JOIN"
    " (SELECT DISTINCT scenario_sha256, seed FROM runs) r ON r.scenario_sha256 = s.sha256"
    " ORDER BY s.name, s.sha256, r.seed";

int store_merge_inspect(const char *path,
                        void (*each)(void *ctx, const char *name, const char *sha256,
                                     const char *seed),
                        void *ctx, char *err, size_t errlen) {
  store *s = store_open_read(path, err, errlen);
  if (!s || store_check_file(s, err, errlen)) {
    store_close(s);
    return -1;
  }
  sqlite3 *db = store_db(s);
  sqlite3_stmt *q;
  int rc = sqlite3_prepare_v2(db, inspect_sql, -1, &q, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    each(ctx, (const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
         (const char *)sqlite3_column_text(q, 2)); /* checked: name and sha are text */
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE)
    err_set(err, errlen, "%s: read the scenario versions: %s", path, sqlite3_errmsg(db));
  sqlite3_finalize(q);
  store_close(s);
  return rc == SQLITE_DONE ? 0 : -1;
}
