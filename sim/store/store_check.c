/*
** store_check.c -- the rules a results database must satisfy before a
** reader trusts it (store_check.h), each a query for the first row that
** breaks it.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store_check.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define NUMBER_OR_NULL(c) "typeof(" c ") NOT IN ('integer', 'real', 'null')"
#define TEXT(c) "typeof(" c ") <> 'text'"
#define TEXT_OR_NULL(c) "typeof(" c ") NOT IN ('text', 'null')"
/* An unsigned 64-bit count or seed: an integer >= 0, or its decimal
** digits as text when above 2^63 - 1 (store.c's bind_u64). */
#define U64(c)                                                                     \
  "NOT (typeof(" c ") = 'integer' AND " c " >= 0 OR typeof(" c ") = 'text' AND " c \
  " GLOB '[0-9]*' AND " c " NOT GLOB '*[^0-9]*' AND length(" c ") <= 20)"
#define U64_OR_NULL(c) "(" c " IS NOT NULL AND " U64(c) ")"
#define DAY(c) "typeof(" c ") NOT IN ('integer', 'real') OR abs(" c ") > " STR(STORE_MAX_DAYS)
#define INDEX(c, max) "typeof(" c ") <> 'integer' OR " c " NOT BETWEEN 0 AND " STR(max)

typedef enum scope { EVERY_READ = 0, MERGE_ONLY } scope;

typedef struct rule {
  const char *table, *column;
  const char *bad;  /* SQL condition on x, the row: true when the row breaks the rule */
  const char *must; /* what the column must be, for the message */
  scope when;       /* MERGE_ONLY: series and events, which readers check as they read */
} rule;

#define RULE(t, c, b, m, w) \
  { .table = t, .column = c, .bad = b, .must = m, .when = w }
static const rule rules[] = {
    RULE("scenarios", "sha256",
         TEXT("x.sha256") " OR length(x.sha256) <> 64 OR x.sha256 GLOB '*[^0-9a-f]*'",
         "64 lowercase hex digits", EVERY_READ),
    RULE("scenarios", "name", TEXT("x.name"), "the scenario's name, as text", EVERY_READ),
    RULE("scenarios", "path", TEXT_OR_NULL("x.path"), "text or NULL", EVERY_READ),
    RULE("scenarios", "source", TEXT("x.source"), "the scenario's source, as text", EVERY_READ),
    RULE("scenarios", "overrides", TEXT("x.overrides"), "text", EVERY_READ),
    RULE("scenarios", "created_at", NUMBER_OR_NULL("x.created_at"), "a number of unix seconds",
         EVERY_READ),
    RULE("runs", "scenario", TEXT("x.scenario"), "the scenario's name, as text", EVERY_READ),
    RULE("runs", "scenario_sha256",
         TEXT("x.scenario_sha256") " OR x.scenario_sha256 NOT IN (SELECT sha256 FROM scenarios)",
         "the SHA-256 of a stored scenario", EVERY_READ),
    RULE("runs", "point", INDEX("x.point", STORE_MAX_POINT),
         "an integer from 0 to " STR(STORE_MAX_POINT), EVERY_READ),
    RULE("runs", "replication", INDEX("x.replication", STORE_MAX_REPLICATION),
         "an integer from 0 to " STR(STORE_MAX_REPLICATION), EVERY_READ),
    RULE("runs", "seed", U64("x.seed"), "an integer from 0 to 2^64 - 1", EVERY_READ),
    RULE("runs", "status", "x.status IS NULL OR x.status NOT IN ('done', 'failed', 'running')",
         "'done', 'failed' or 'running'", EVERY_READ),
    RULE("runs", "error", TEXT_OR_NULL("x.error"), "text or NULL", EVERY_READ),
    RULE("runs", "events", U64_OR_NULL("x.events"), "a count or NULL", EVERY_READ),
    RULE("runs", "wall_s", NUMBER_OR_NULL("x.wall_s"), "a number or NULL", EVERY_READ),
    RULE("runs", "started_at", NUMBER_OR_NULL("x.started_at"), "a number or NULL", EVERY_READ),
    RULE("runs", "finished_at", NUMBER_OR_NULL("x.finished_at"), "a number or NULL", EVERY_READ),
    RULE("runs", "version", TEXT_OR_NULL("x.version"), "text or NULL", EVERY_READ),
    RULE("params", "name", TEXT("x.name"), "a key path, as text", EVERY_READ),
    RULE("params", "value", "typeof(x.value) = 'blob'", "a number, text or NULL", EVERY_READ),
    RULE("params", "swept", "x.swept IS NULL OR x.swept NOT IN (0, 1)", "0 or 1", EVERY_READ),
    RULE("metrics", "name", TEXT("x.name"), "a metric's name, as text", EVERY_READ),
    RULE("metrics", "value", NUMBER_OR_NULL("x.value"), "a number or NULL", EVERY_READ),
    RULE("series_data", "t_days", DAY("x.t_days"), "a day within 1000 years of the start",
         MERGE_ONLY),
    RULE("series_data", "name_id",
         "x.name_id NOT IN (SELECT id FROM series_names WHERE typeof(name) = 'text')",
         "the id of a series name (series_names)", MERGE_ONLY),
    RULE("series_data", "value", NUMBER_OR_NULL("x.value"), "a number or NULL", MERGE_ONLY),
    RULE("events", "t_days", DAY("x.t_days"), "a day within 1000 years of the start", MERGE_ONLY),
    RULE("events", "kind", TEXT("x.kind"), "text", MERGE_ONLY),
    RULE("events", "subject", TEXT("x.subject"), "text", MERGE_ONLY),
    RULE("events", "detail", TEXT_OR_NULL("x.detail"), "text or NULL", MERGE_ONLY),
};

/* Which rows of table are read: those of version ?1 (a reader's), or
** every row (?1 NULL: merge) -- two forms, so a reader's query goes through
** the version's runs by index however many other versions the file holds. */
static const char *rows_of(const char *table, int by_version) {
  if (strcmp(table, "scenarios") == 0) return by_version ? "x.sha256 = ?1" : "?1 IS NULL";
  if (strcmp(table, "runs") == 0) return by_version ? "x.scenario_sha256 = ?1" : "?1 IS NULL";
  return by_version ? "x.run_id IN (SELECT id FROM runs WHERE scenario_sha256 = ?1)" : "?1 IS NULL";
}

/* The first row of r's table breaking r (of version ?1 when by_version):
** "SELECT which row, its value quoted (cut)". */
static char *rule_sql(const rule *r, int by_version) {
  const char *who, *of = rows_of(r->table, by_version);
  if (strcmp(r->table, "scenarios") == 0) who = "'scenario ' || substr(quote(x.sha256), 1, 20)";
  else if (strcmp(r->table, "runs") == 0) who = "'run ' || quote(x.id)";
  else who = "'run ' || quote(x.run_id)";
#define RULE_SQL "SELECT %s, substr(quote(x.%s), 1, 40) FROM %s x WHERE (%s) AND (%s) LIMIT 1"
  size_t n = sizeof RULE_SQL + strlen(who) + strlen(r->column) + strlen(r->table) + strlen(of) +
             strlen(r->bad) + 1;
  char *sql = malloc(n);
  if (sql) snprintf(sql, n, RULE_SQL, who, r->column, r->table, of, r->bad);
  return sql;
}

/* Whether a row of rules r[0..n) (one table) breaks any of them: one scan
** of the table instead of n. */
static char *any_sql(const rule *r, size_t n, int by_version) {
  size_t len = 64 + strlen(r->table) + strlen(rows_of(r->table, by_version));
  for (size_t i = 0; i < n; i++) len += strlen(r[i].bad) + 8;
  char *sql = malloc(len);
  if (!sql) return NULL;
  size_t at = (size_t)snprintf(sql, len, "SELECT 1 FROM %s x WHERE (%s) AND (0", r->table,
                               rows_of(r->table, by_version));
  for (size_t i = 0; i < n; i++) at += (size_t)snprintf(sql + at, len - at, " OR (%s)", r[i].bad);
  snprintf(sql + at, len - at, ") LIMIT 1");
  return sql;
}

/* Step q (sha bound to ?1) once: SQLITE_ROW, SQLITE_DONE, or an error
** said in err. */
static int step_once(store *st, sqlite3_stmt *q, const char *sha, const char *what, char *err,
                     size_t errlen) {
  int rc = sqlite3_bind_text(q, 1, sha, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    err_set(err, errlen, "%s: check %s: %s", store_path(st), what,
            rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(store_db(st)));
  return rc;
}

static const char *col_text(sqlite3_stmt *q, int i) {
  const char *s = (const char *)sqlite3_column_text(q, i);
  return s ? s : "?";
}

/* The first row sql (owned: freed here) finds, ?1 bound to sha: 0 when
** there is none, 1 when there is (with r, the rule it breaks, said in
** err), -1 on an error said in err.  what names the check. */
static int first_row(store *st, char *sql, const char *what, const rule *r, const char *sha,
                     char *err, size_t errlen) {
  sqlite3_stmt *q = NULL;
  int rc = sql ? sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL) : SQLITE_NOMEM;
  free(sql);
  if (rc == SQLITE_OK) rc = step_once(st, q, sha, what, err, errlen);
  else
    err_set(err, errlen, "%s: check %s: %s", store_path(st), what,
            q || rc != SQLITE_NOMEM ? sqlite3_errmsg(store_db(st)) : "out of memory");
  if (rc == SQLITE_ROW && r)
    err_set(err, errlen, "%s: not a valid neosim results database: %s of %s is %s (must be %s)",
            store_path(st), what, col_text(q, 0), col_text(q, 1), r->must);
  sqlite3_finalize(q);
  return rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ? 1 : -1;
}

/* Table by table: one scan for all its rules, each rule's own only when a
** row breaks one (for the message). */
static int check_rules(store *st, const char *sha, int merging, char *err, size_t errlen) {
  const size_t nrules = sizeof rules / sizeof rules[0];
  char what[64];
  for (size_t i = 0, j; i < nrules; i = j) {
    for (j = i; j < nrules && strcmp(rules[j].table, rules[i].table) == 0 &&
                rules[j].when == rules[i].when;
         j++)
      ;
    if (rules[i].when == MERGE_ONLY && !merging) continue;
    snprintf(what, sizeof what, "%s.*", rules[i].table);
    int any = first_row(st, any_sql(&rules[i], j - i, sha != NULL), what, NULL, sha, err, errlen);
    if (any < 0) return -1;
    for (size_t k = i; any > 0 && k < j; k++) {
      snprintf(what, sizeof what, "%s.%s", rules[k].table, rules[k].column);
      if (first_row(st, rule_sql(&rules[k], sha != NULL), what, &rules[k], sha, err, errlen))
        return -1;
    }
  }
  return 0;
}

int store_check_version(store *st, const char *sha, char *err, size_t errlen) {
  return check_rules(st, sha, 0, err, errlen);
}

/* SQLite's check of the file's structure. */
static int quick_check(store *st, char *err, size_t errlen) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(store_db(st), "PRAGMA quick_check", -1, &q, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(q);
  int ok = rc == SQLITE_ROW && strcmp(col_text(q, 0), "ok") == 0;
  if (!ok)
    err_set(err, errlen, "%s: the file is corrupt (%.200s)", store_path(st),
            rc == SQLITE_ROW ? col_text(q, 0) : sqlite3_errmsg(store_db(st)));
  sqlite3_finalize(q);
  return ok ? 0 : -1;
}

/* Two runs of one identity (a neosim file's UNIQUE constraint forbids it). */
static int no_twins(store *st, char *err, size_t errlen) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(store_db(st),
                              "SELECT min(id), max(id) FROM runs WHERE ?1 IS NULL GROUP BY"
                              " scenario_sha256, point, replication HAVING count(*) > 1 LIMIT 1",
                              -1, &q, NULL);
  if (rc == SQLITE_OK) rc = step_once(st, q, NULL, "runs", err, errlen);
  else err_set(err, errlen, "%s: check runs: %s", store_path(st), sqlite3_errmsg(store_db(st)));
  if (rc == SQLITE_ROW)
    err_set(err, errlen,
            "%s: not a valid neosim results database: runs %s and %s are one run (the same "
            "scenario version, point and replication)",
            store_path(st), col_text(q, 0), col_text(q, 1));
  sqlite3_finalize(q);
  return rc == SQLITE_DONE ? 0 : -1;
}

int store_check_file(store *st, char *err, size_t errlen) {
  return quick_check(st, err, errlen) || check_rules(st, NULL, 1, err, errlen) ||
                 no_twins(st, err, errlen)
             ? -1
             : 0;
}
