/*
** test_store.c -- the results store: creating file, folders and schema;
** runs, params, metrics (NaN as NULL) and series read back with the
** sqlite3 API; replace on re-run; rollback of a failed run; the summary
** view's statistics; refusal of foreign files, byte for byte unchanged;
** two connections writing one file.
*/
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "err.h"
#include "store.h"

static char tmp[256]; /* this test's scratch folder */

static const char *SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/* ---- helpers ---------------------------------------------------------- */

static const char *tmp_path(const char *name) {
  static char buf[4][512];
  static int k;
  char *p = buf[k++ & 3];
  snprintf(p, sizeof buf[0], "%s/%s", tmp, name);
  return p;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

static int contains(const char *text, const char *part) {
  return text && strstr(text, part) != NULL;
}

/* The whole file in a malloc'd buffer (*n bytes), or NULL. */
static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t cap = 0;
  *n = 0;
  for (;;) {
    if (*n == cap) {
      char *nb = realloc(buf, cap = cap ? cap * 2 : 4096);
      if (!nb) break;
      buf = nb;
    }
    size_t got = fread(buf + *n, 1, cap - *n, f);
    *n += got;
    if (got == 0) break;
  }
  fclose(f);
  return buf;
}

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static sqlite3 *db_open(const char *path) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  CHECKF(rc == SQLITE_OK, "open %s: %s", path, sqlite3_errmsg(db));
  return db;
}

static void db_exec(sqlite3 *db, const char *sql) {
  char *msg = NULL;
  int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
  CHECKF(rc == SQLITE_OK, "%s: %s", sql, msg ? msg : "?");
  sqlite3_free(msg);
}

/* First column of the first row of sql as a double (NaN when NULL or no
** row); *type gets its SQLite type when type is not NULL. */
static double db_num(sqlite3 *db, const char *sql, int *type) {
  sqlite3_stmt *st = NULL;
  double v = NAN;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  CHECKF(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
  if (type) *type = -1;
  if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (type) *type = sqlite3_column_type(st, 0);
    if (sqlite3_column_type(st, 0) != SQLITE_NULL) v = sqlite3_column_double(st, 0);
  }
  CHECKF(rc == SQLITE_ROW || rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return v;
}

/* First column of the first row as text into out ("" when NULL or no row). */
static const char *db_text(sqlite3 *db, const char *sql, char *out, size_t n) {
  sqlite3_stmt *st = NULL;
  out[0] = '\0';
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  CHECKF(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
  if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

static store *open_ok(const char *path) {
  char err[ERR_LEN] = "";
  store *s = store_open(path, 0, err, sizeof err);
  CHECKF(s != NULL, "store_open(%s): %s", path, err);
  return s;
}

static store_run a_run(int point, int rep) {
  return (store_run){.scenario = "demo",
                     .scenario_sha256 = SHA,
                     .point = point,
                     .replication = rep,
                     .seed = 42,
                     .status = "done",
                     .events = 1000,
                     .wall_s = 0.5,
                     .started_at = 1.7e9,
                     .finished_at = 1.7e9 + 0.5};
}

/* A run with one metric "x" = value and nothing else. */
static int64_t put_x(store *s, int point, int rep, double value) {
  store_run r = a_run(point, rep);
  store_metric m = {"x", value};
  int64_t id = store_put_run(s, &r, NULL, 0, &m, 1, NULL, 0);
  CHECKF(id > 0, "put_x(%d, %d): %s", point, rep, store_error(s));
  return id;
}

/* ---- opening ---------------------------------------------------------- */

static void test_open_creates(void) {
  const char *path = tmp_path("a/b/c/r.db"); /* three missing folders */
  store *s = open_ok(path);
  CHECK(exists(path));
  store_close(s);
  sqlite3 *db = db_open(path);
  CHECK(db_num(db, "PRAGMA user_version", NULL) == STORE_SCHEMA_VERSION);
  char buf[64];
  CHECK(strcmp(db_text(db, "PRAGMA journal_mode", buf, sizeof buf), "wal") == 0);
  CHECK(db_num(db,
               "SELECT count(*) FROM sqlite_master WHERE name IN "
               "('scenarios','runs','params','metrics','series','student_t','summary','run_params',"
               "'point_params')",
               NULL) == 9);
  CHECK(db_num(db, "SELECT t975 FROM student_t WHERE df = 1", NULL) == 12.706205);
  sqlite3_close(db);
  s = open_ok(path); /* reopening our own database */
  store_close(s);
  store_close(NULL);
}

/* The compiled-in schema is results/schema.sql byte for byte (tests run
** from the top folder; skipped elsewhere). */
static void test_schema_text(void) {
  size_t n;
  char *text = slurp("results/schema.sql", &n);
  if (!text) return;
  CHECK(n == strlen(store_schema_sql) && memcmp(text, store_schema_sql, n) == 0);
  free(text);
}

static void test_empty_file(void) {
  const char *path = tmp_path("empty.db");
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f) fclose(f);
  store *s = open_ok(path);
  store_close(s);
  sqlite3 *db = db_open(path);
  CHECK(db_num(db, "PRAGMA user_version", NULL) == STORE_SCHEMA_VERSION);
  sqlite3_close(db);
}

/* Refused: s is NULL, the message names file and cause, file unchanged. */
static void expect_refused(const char *path, const char *why) {
  size_t n0, n1;
  char *before = slurp(path, &n0), err[1024] = "";
  store *s = store_open(path, 0, err, sizeof err);
  CHECKF(s == NULL, "%s was accepted", path);
  store_close(s);
  CHECKF(contains(err, path) && contains(err, why), "error [%s] lacks [%s] or the path", err, why);
  char *after = slurp(path, &n1);
  CHECKF(before && after && n0 == n1 && memcmp(before, after, n0) == 0, "%s changed", path);
  char side[600];
  snprintf(side, sizeof side, "%s-wal", path);
  CHECKF(!exists(side), "%s created", side);
  snprintf(side, sizeof side, "%s-journal", path);
  CHECKF(!exists(side), "%s left", side);
  free(before);
  free(after);
}

static void test_refuse_garbage(void) {
  const char *path = tmp_path("garbage.db");
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  for (int i = 0; i < 8192; i++) fputc((i * 7919 + 13) & 255, f);
  fclose(f);
  expect_refused(path, "file is not a database");
}

static void test_refuse_foreign(void) {
  const char *v7 = tmp_path("v7.db"), *other = tmp_path("other.db"), *v1 = tmp_path("v1.db");
  sqlite3 *db = db_open(v7);
  db_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 10;");
  sqlite3_close(db);
  expect_refused(v7, "is not a neosim results database (schema version 10, expected 9)");
  db = db_open(other);
  db_exec(db, "CREATE TABLE customers (name TEXT)");
  sqlite3_close(db);
  expect_refused(other, "is not a neosim results database (schema version 0, expected 9)");
  db = db_open(v1);
  db_exec(db, "CREATE TABLE runs (id INTEGER PRIMARY KEY); PRAGMA user_version = 6;");
  sqlite3_close(db);
  expect_refused(v1, "no table 'scenarios'");
  const char *v2 = tmp_path("v2.db");
  db = db_open(v2);
  db_exec(db, "CREATE TABLE runs (id INTEGER PRIMARY KEY); PRAGMA user_version = 5;");
  sqlite3_close(db);
  expect_refused(v2, "a results database of an older neosim (schema version 5; this one writes 9)");
}

/* The schema of an older version: without the parts of the versions
** after it (each between its BEGIN and END markers), malloc'd. */
static char *old_schema(int version) {
  char *sql = strdup(store_schema_sql), begin[32], end[32];
  for (int v = version + 1; sql && v <= STORE_SCHEMA_VERSION; v++) {
    snprintf(begin, sizeof begin, "-- BEGIN version %d", v);
    snprintf(end, sizeof end, "-- END version %d", v);
    char *a = strstr(sql, begin), *b = a ? strstr(a, end) : NULL;
    CHECK(a && b);
    if (!a || !b) break;
    memmove(a, b, strlen(b) + 1);
  }
  char *pragma = sql ? strstr(sql, "PRAGMA user_version = ") : NULL;
  CHECK(pragma != NULL);
  if (pragma) snprintf(pragma, strlen(pragma) + 1, "PRAGMA user_version = %d;", version);
  return sql;
}

/* A file of version 6, 7 or 8 (with their index metrics_by_name): read as
** it is, upgraded (the tables of each later version added, the index
** dropped) when opened to write, its runs kept. */
static void test_upgrade(int version) {
  char name[16];
  snprintf(name, sizeof name, "v%d.db", version);
  const char *path = tmp_path(name);
  char *sql = old_schema(version);
  if (!sql) return;
  sqlite3 *db = db_open(path);
  db_exec(db, sql);
  db_exec(db, "CREATE INDEX metrics_by_name ON metrics (name, run_id)");
  db_exec(db, "INSERT INTO scenarios (sha256, name, source) VALUES ('ab', 'old', 'x')");
  sqlite3_close(db);
  free(sql);
  char err[ERR_LEN] = "";
  store *s = store_open_read(path, err, sizeof err);
  CHECKF(s != NULL, "[%s]", err);
  store_close(s);
  db = db_open(path);
  CHECK(db_num(db, "PRAGMA user_version", NULL) == version);
  CHECK(db_num(db, "SELECT count(*) FROM sqlite_master WHERE name = 'designs'", NULL) ==
        (version >= 7));
  CHECK(db_num(db, "SELECT count(*) FROM sqlite_master WHERE name = 'experiments'", NULL) ==
        (version >= 8));
  CHECK(db_num(db, "SELECT count(*) FROM sqlite_master WHERE name = 'metrics_by_name'", NULL) == 1);
  sqlite3_close(db);
  s = store_open(path, 0, err, sizeof err);
  CHECKF(s != NULL, "[%s]", err);
  store_close(s);
  db = db_open(path);
  CHECK(db_num(db, "PRAGMA user_version", NULL) == STORE_SCHEMA_VERSION);
  CHECK(db_num(db,
               "SELECT count(*) FROM sqlite_master WHERE name IN ('designs', "
               "'design_inputs', 'design_correlations', 'experiments', 'experiment_points')",
               NULL) == 5);
  CHECK(db_num(db, "SELECT count(*) FROM scenarios WHERE name = 'old'", NULL) == 1);
  CHECK(db_num(db, "SELECT count(*) FROM sqlite_master WHERE name = 'metrics_by_name'", NULL) == 0);
  sqlite3_close(db);
}

/* A folder that cannot be made (under a regular file: root cannot either)
** and a path that is a folder. */
static void test_uncreatable(void) {
  const char *file = tmp_path("plain"), *path = tmp_path("plain/sub/r.db");
  FILE *f = fopen(file, "wb");
  CHECK(f != NULL);
  if (f) {
    fputs("not a folder\n", f);
    fclose(f);
  }
  char err[ERR_LEN] = "";
  store *s = store_open(path, 0, err, sizeof err);
  CHECK(s == NULL);
  store_close(s);
  CHECKF(contains(err, "create folder") && contains(err, path) && contains(err, strerror(ENOTDIR)),
         "[%s]", err);
  s = store_open(tmp, 0, err, sizeof err);
  CHECK(s == NULL);
  store_close(s);
  CHECKF(contains(err, "open '") && contains(err, tmp) &&
             contains(err, "not a regular file (a folder)"),
         "[%s]", err);
}

/* ---- writing ---------------------------------------------------------- */

static void test_put_and_read(void) {
  const char *path = tmp_path("put.db");
  store *s = open_ok(path);
  if (!s) return;
  CHECK(store_put_scenario(s, "demo", SHA, "scenarios/demo.lua", "return {}", NULL) == 0);
  CHECK(store_put_scenario(s, "demo", SHA, "scenarios/demo.lua", "return {}", NULL) ==
        0); /* idempotent */
  store_param p[] = {{"tenants.od.arrivals_per_hour", "7.5", 1},
                     {"horizon_days", "3650", 0},
                     {"tenants.od.sku", "h100", 0}};
  store_metric m[] = {{"revenue_total", 1.25e9}, {"irr", NAN}, {"cash_min", -3.5}};
  store_sample x[] = {
      {30, "cash", 1e6}, {30, "revenue", 2e5}, {60, "cash", 1.1e6}, {60, "revenue", NAN}};
  store_run r = a_run(2, 3);
  r.seed = UINT64_MAX;
  int64_t id = store_put_run(s, &r, p, 3, m, 3, x, 4);
  CHECKF(id > 0, "%s", store_error(s));
  store_run f = a_run(2, 4);
  f.status = "failed";
  f.error = "tenants.od: boom";
  CHECK(store_put_run(s, &f, p, 3, NULL, 0, NULL, 0) > id);
  store_close(s);

  sqlite3 *db = db_open(path);
  char q[512], buf[256];
  int type;
  snprintf(
      q, sizeof q,
      "SELECT scenario || '|' || scenario_sha256 || '|' || point || '|' || replication || '|' || "
      "status || '|' || coalesce(error, 'NULL') || '|' || events || '|' || version FROM runs "
      "WHERE id = %lld",
      (long long)id);
  snprintf(buf, sizeof buf, "demo|%s|2|3|done|NULL|1000|%s", SHA, NEOSIM_VERSION);
  char got[256];
  CHECKF(strcmp(db_text(db, q, got, sizeof got), buf) == 0, "[%s]", got);
  CHECK(strcmp(db_text(db, "SELECT seed FROM runs WHERE replication = 3", buf, sizeof buf),
               "18446744073709551615") == 0);
  CHECK(db_num(db, "SELECT wall_s FROM runs WHERE replication = 3", NULL) == 0.5);
  CHECK(db_num(db, "SELECT finished_at - started_at FROM runs WHERE replication = 3", NULL) == 0.5);
  CHECK(strcmp(db_text(db, "SELECT error FROM runs WHERE replication = 4", buf, sizeof buf),
               "tenants.od: boom") == 0);
  CHECK(db_num(db, "SELECT value FROM metrics WHERE name = 'revenue_total'", NULL) == 1.25e9);
  CHECK(db_num(db, "SELECT value FROM metrics WHERE name = 'cash_min'", NULL) == -3.5);
  db_num(db, "SELECT value FROM metrics WHERE name = 'irr'", &type);
  CHECKF(type == SQLITE_NULL, "NaN metric stored as type %d", type);
  CHECK(db_num(db, "SELECT count(*) FROM metrics", NULL) == 3);
  CHECK(db_num(db, "SELECT count(*) FROM series", NULL) == 4);
  CHECK(db_num(db, "SELECT value FROM series WHERE name = 'cash' AND t_days = 60", NULL) == 1.1e6);
  db_num(db, "SELECT value FROM series WHERE name = 'revenue' AND t_days = 60", &type);
  CHECK(type == SQLITE_NULL);
  CHECK(
      db_num(db,
             "SELECT value FROM params WHERE name = 'tenants.od.arrivals_per_hour' AND run_id = 1",
             &type) == 7.5);
  CHECK(type == SQLITE_FLOAT); /* NUMERIC: compares as a number */
  CHECK(db_num(db, "SELECT count(*) FROM params WHERE value = 3650", NULL) == 2);
  CHECK(
      strcmp(db_text(db, "SELECT value FROM params WHERE name = 'tenants.od.sku'", buf, sizeof buf),
             "h100") == 0);
  CHECK(db_num(db, "SELECT count(*) FROM params WHERE swept = 1", NULL) == 2);
  CHECK(strcmp(db_text(db, "SELECT source FROM scenarios", buf, sizeof buf), "return {}") == 0);
  CHECK(db_num(db, "SELECT count(*) FROM scenarios", NULL) == 1);
  CHECK(db_num(db, "SELECT count(*) FROM point_params", NULL) == 1);
  CHECK(db_num(db, "SELECT count(*) FROM run_params WHERE point = 2 AND replication = 4", NULL) ==
        3);
  sqlite3_close(db);
}

static void test_replace_on_rerun(void) {
  const char *path = tmp_path("replace.db");
  store *s = open_ok(path);
  if (!s) return;
  CHECK(store_put_scenario(s, "demo", SHA, NULL, "src", NULL) == 0);
  store_metric m1[] = {{"a", 1}, {"b", 2}, {"c", 3}};
  store_sample x1[] = {{1, "cash", 1}, {2, "cash", 2}, {3, "cash", 3}};
  store_param p1[] = {{"k", "1", 1}};
  store_run r = a_run(0, 0);
  int64_t other = put_x(s, 0, 1, 9); /* a neighbour that must survive */
  int64_t old = store_put_run(s, &r, p1, 1, m1, 3, x1, 3);
  CHECK(old > 0);
  store_metric m2[] = {{"a", 10}};
  store_sample x2[] = {{1, "cash", 10}};
  r.seed = 7;
  int64_t id = store_put_run(s, &r, NULL, 0, m2, 1, x2, 1);
  CHECKF(id > 0, "%s", store_error(s));
  /* a failed replacement keeps the old run whole: duplicate metric names */
  store_metric dup[] = {{"a", 100}, {"a", 101}};
  int64_t bad = store_put_run(s, &r, NULL, 0, dup, 2, x1, 3);
  CHECK(bad == -1);
  const char *e = store_error(s);
  CHECKF(contains(e, "write run") && contains(e, path) && contains(e, "replication 0") &&
             contains(e, "UNIQUE"),
         "[%s]", e);
  /* and a run of an unregistered scenario is refused */
  store_run u = a_run(0, 5);
  u.scenario_sha256 = "ffff";
  CHECK(store_put_run(s, &u, NULL, 0, NULL, 0, NULL, 0) == -1);
  CHECKF(contains(store_error(s), "FOREIGN KEY"), "[%s]", store_error(s));
  sqlite3 *db = store_db(s);
  char q[256];
  CHECK(db_num(db, "SELECT count(*) FROM runs WHERE point = 0 AND replication = 0", NULL) == 1);
  CHECK(db_num(db, "SELECT seed FROM runs WHERE point = 0 AND replication = 0", NULL) == 7);
  CHECK(db_num(db, "SELECT count(*) FROM metrics", NULL) ==
        2); /* new a, neighbour's x: old rows gone */
  CHECK(db_num(db, "SELECT count(*) FROM series", NULL) == 1);
  CHECK(db_num(db, "SELECT count(*) FROM params", NULL) == 0);
  CHECK(db_num(db, "SELECT value FROM metrics WHERE name = 'a'", NULL) == 10);
  snprintf(q, sizeof q, "SELECT value FROM metrics WHERE run_id = %lld", (long long)other);
  CHECK(db_num(db, q, NULL) == 9);
  CHECK(db_num(db, "SELECT count(*) FROM runs", NULL) == 2);
  store_close(s);
}

/* ---- the summary view ------------------------------------------------- */

static const double T975_DF2 = 4.302653, T975_DF40 = 2.021075; /* student_t rows */

/* One column of the summary row of metric x at a point of scenario demo. */
static double summary_col(sqlite3 *db, int point, const char *col) {
  char q[256];
  snprintf(q, sizeof q,
           "SELECT %s FROM summary WHERE scenario = 'demo' AND point = %d AND metric = 'x'", col,
           point);
  return db_num(db, q, NULL);
}

/* n, mean, sd and ci95 of the summary view against the values v. */
static void expect_summary(sqlite3 *db, int point, int n, const double *v, double t) {
  double mean = 0, ss = 0;
  for (int i = 0; i < n; i++) mean += v[i];
  mean /= n;
  for (int i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
  double sd = sqrt(ss / (n - 1)), ci = t * sd / sqrt(n);
  CHECK(summary_col(db, point, "n") == n);
  CHECK_NEAR(summary_col(db, point, "mean"), mean, 1e-12 * fabs(mean));
  CHECK_NEAR(summary_col(db, point, "sd"), sd, 1e-9 * sd);
  CHECK_NEAR(summary_col(db, point, "ci95"), ci, 1e-9 * ci);
}

static void test_summary(void) {
  const char *path = tmp_path("summary.db");
  store *s = open_ok(path);
  if (!s) return;
  CHECK(store_put_scenario(s, "demo", SHA, NULL, "src", NULL) == 0);
  const double p0[] = {1, 2, 4};
  for (int i = 0; i < 3; i++) put_x(s, 0, i, p0[i]);
  store_run f = a_run(0, 3); /* a failed run does not count */
  f.status = "failed";
  f.error = "boom";
  store_metric junk = {"x", 1e6};
  CHECK(store_put_run(s, &f, NULL, 0, &junk, 1, NULL, 0) > 0);
  put_x(s, 0, 4, NAN); /* NULL: not counted in n */
  double p1[45];       /* df 44: the row of df 40; large values, small spread */
  for (int i = 0; i < 45; i++) put_x(s, 1, i, p1[i] = 1e9 + (i % 7) * 0.25 + i * 0.01);
  put_x(s, 2, 0, 5); /* one replication: sd and ci95 NULL */
  expect_summary(store_db(s), 0, 3, p0, T975_DF2);
  expect_summary(store_db(s), 1, 45, p1, T975_DF40);
  store_close(s);
  sqlite3 *db = db_open(path); /* the same through a plain connection */
  CHECK(store_add_functions(db) == 0);
  expect_summary(db, 0, 3, p0, T975_DF2);
  int type;
  CHECK(db_num(db, "SELECT n FROM summary WHERE point = 2", NULL) == 1);
  CHECK(db_num(db, "SELECT mean FROM summary WHERE point = 2", NULL) == 5);
  db_num(db, "SELECT sd FROM summary WHERE point = 2", &type);
  CHECK(type == SQLITE_NULL);
  db_num(db, "SELECT ci95 FROM summary WHERE point = 2", &type);
  CHECK(type == SQLITE_NULL);
  CHECK(db_num(db, "SELECT count(*) FROM summary", NULL) == 3);
  CHECK_NEAR(db_num(db, "SELECT sqrt(2)", NULL), 1.4142135623730951, 0);
  db_num(db, "SELECT sqrt(-1)", &type);
  CHECK(type == SQLITE_NULL);
  sqlite3_close(db);
}

/* ---- concurrency ------------------------------------------------------ */

static void test_two_connections(void) {
  const char *path = tmp_path("shared/two.db");
  store *a = open_ok(path), *b = open_ok(path);
  if (!a || !b) {
    store_close(a);
    store_close(b);
    return;
  }
  CHECK(store_put_scenario(a, "demo", SHA, NULL, "src", NULL) == 0);
  CHECK(store_put_scenario(b, "demo", SHA, NULL, "src", NULL) == 0);
  store_sample x[50];
  for (int i = 0; i < 50; i++) x[i] = (store_sample){i * 30.0, "cash", i};
  int ok = 0;
  for (int rep = 0; rep < 20; rep++) {
    store *s = rep % 2 ? b : a;
    store_run r = a_run(0, rep);
    store_metric m = {"x", rep};
    ok += store_put_run(s, &r, NULL, 0, &m, 1, x, 50) > 0;
  }
  CHECK(ok == 20);
  CHECK(db_num(store_db(a), "SELECT count(*) FROM runs", NULL) == 20);
  CHECK(db_num(store_db(b), "SELECT count(*) FROM series", NULL) == 1000);
  CHECK(db_num(store_db(a), "SELECT sum(value) FROM metrics", NULL) == 190);
  store_close(a);
  store_close(b);
}

static void test_many_samples(void) {
  const char *path = tmp_path("many.db");
  store *s = open_ok(path);
  if (!s) return;
  CHECK(store_put_scenario(s, "demo", SHA, NULL, "src", NULL) == 0);
  enum { N = 100000 };
  store_sample *x = malloc(N * sizeof *x);
  static const char *names[] = {"revenue", "opex", "cash", "utilization", "nodes_online"};
  if (x) {
    for (int i = 0; i < N; i++) x[i] = (store_sample){(i / 5) * 30.0, names[i % 5], i};
    store_run r = a_run(0, 0);
    CHECK(store_put_run(s, &r, NULL, 0, NULL, 0, x, N) > 0);
    CHECK(db_num(store_db(s), "SELECT count(*) FROM series", NULL) == N);
    CHECK(db_num(store_db(s), "SELECT sum(value) FROM series WHERE name = 'cash'", NULL) ==
          999990000.0);
  }
  free(x);
  store_close(s);
}

int main(void) {
  snprintf(tmp, sizeof tmp, "%s/neosim-store.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(tmp)) {
    perror("mkdtemp");
    return 2;
  }
  test_open_creates();
  test_schema_text();
  test_empty_file();
  test_refuse_garbage();
  test_refuse_foreign();
  test_upgrade(6);
  test_upgrade(7);
  test_upgrade(8);
  test_uncreatable();
  test_put_and_read();
  test_replace_on_rerun();
  test_summary();
  test_two_connections();
  test_many_samples();
  nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
  return CHECK_DONE();
}
