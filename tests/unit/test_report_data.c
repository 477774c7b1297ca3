/*
** test_report_data.c -- the reads of `neosim report` on a database written
** by hand: type-7 quantiles; series statistics per point and time over done
** runs only (failed runs, NULL values, other versions left out; runs that
** end early counted where they have samples); metric values sorted; point
** info and swept values; series names by prefix; shock spans of the
** representative run and shock counts over all runs; errors of failed runs;
** the statements' medians by year.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "err.h"
#include "report_data.h"
#include "store.h"

#define SHA "1111111111111111111111111111111111111111111111111111111111111111"
#define OTHER "2222222222222222222222222222222222222222222222222222222222222222"

/* Runs: point 0 has replications 0-4 done; point 1 one done, one failed;
** point 2 only a failed run.  Another version has a run at point 0. */
static const char data_sql[] =
    "INSERT INTO scenarios (sha256, name, path, source, created_at) VALUES"
    " ('" SHA "', 'demo', 'demo.lua', 'return {}', 1767225600),"
    " ('" OTHER "', 'demo', 'demo.lua', 'return {1}', 1767225601);"
    "INSERT INTO runs (id, scenario, scenario_sha256, point, replication, seed, status, "
    "finished_at, version) VALUES"
    " (1, 'demo', '" SHA "', 0, 0, 42, 'done', 100, 'v1'), (2, 'demo', '" SHA
    "', 0, 1, 42, 'done', 300, 'v1'),"
    " (3, 'demo', '" SHA "', 0, 2, 42, 'done', 200, 'v1'), (4, 'demo', '" SHA
    "', 0, 3, 42, 'done', 100, 'v2'),"
    " (5, 'demo', '" SHA "', 0, 4, 42, 'done', 100, 'v1'), (6, 'demo', '" SHA
    "', 1, 0, 42, 'done', 100, 'v1'),"
    " (7, 'demo', '" SHA "', 1, 1, 42, 'failed', 900, 'v1'), (8, 'demo', '" SHA
    "', 2, 0, 42, 'failed', 100, 'v1'),"
    " (9, 'demo', '" OTHER "', 0, 0, 43, 'done', 100, 'v1'), (10, 'demo', '" OTHER
    "', 0, 1, 43, 'failed', 1, 'v1');"
    "UPDATE runs SET error = 'bad' WHERE status = 'failed';"
    "UPDATE runs SET error = NULL WHERE id = 8;"
    /* cash at day 30 in every run of point 0: 5 1 4 2 3; at day 60 only in
       runs 2 and 3 (the others ended), and NULL in run 4 */
    "INSERT INTO series VALUES (1, 30, 'cash', 5), (2, 30, 'cash', 1), (3, 30, 'cash', 4), (4, "
    "30, 'cash', 2),"
    " (5, 30, 'cash', 3), (2, 60, 'cash', 10), (3, 60, 'cash', 20), (4, 60, 'cash', NULL),"
    " (1, 30, 'util', 0.5), (6, 30, 'cash', 7), (7, 30, 'cash', 1000), (8, 30, 'cash', 1000), (9, "
    "30, 'cash', 1000),"
    " (1, 30, 'market.h100', 2), (1, 30, 'market.a100', 1), (1, 30, 'market_x', 1), (1, 30, "
    "'marketing', 1),"
    " (2, 30, 'market.zzz', 1);"
    "INSERT INTO metrics VALUES (1, 'npv', 3), (2, 'npv', -1), (3, 'npv', 2), (4, 'npv', NULL), "
    "(5, 'npv', 0),"
    " (6, 'npv', 9), (7, 'npv', 100), (9, 'npv', 100);"
    "INSERT INTO params VALUES (1, 'start', '2025-01-01', 0), (1, 'debt', 2e7, 1), (1, 'a.rate', "
    "0.5, 1),"
    " (2, 'debt', 2e7, 1), (2, 'a.rate', 0.5, 1), (6, 'debt', 'big', 1), (6, 'a.rate', 7, 1),"
    " (7, 'debt', 'big', 1), (8, 'debt', 'huge', 1);"
    /* run 1 (point 0, replication 0) is the representative run */
    "INSERT INTO events VALUES (1, 10, 'shock', 'A', 'x0.5'), (1, 20, 'shock', 'B', 'b'),"
    " (1, 40, 'shock_end', 'A', 'back'), (1, 50, 'shock', 'A', 'again'), (1, 5, 'order', 'h100', "
    "''),"
    " (2, 25, 'shock', 'B', 'b'), (7, 1, 'shock', 'C', 'failed run'), (9, 1, 'shock', 'D', 'other "
    "version');";

static store *st;

static void test_quantile(void) {
  const double x[] = {1, 2, 3, 4}, y[] = {1, 2, 3, 4, 5}, one[] = {7};
  CHECK_NEAR(report_quantile(x, 4, 0.5), 2.5, 1e-12);
  CHECK_NEAR(report_quantile(x, 4, 0), 1, 1e-12);
  CHECK_NEAR(report_quantile(x, 4, 1), 4, 1e-12);
  CHECK_NEAR(report_quantile(x, 4, 0.25), 1.75, 1e-12);
  CHECK_NEAR(report_quantile(y, 5, 0.05), 1.2, 1e-12);
  CHECK_NEAR(report_quantile(y, 5, 0.95), 4.8, 1e-12);
  CHECK_NEAR(report_quantile(one, 1, 0.05), 7, 0);
  CHECK_NEAR(report_quantile(one, 1, 0.95), 7, 0);
}

static void test_series(void) {
  const char *names[] = {"cash", "util", "absent"};
  report_curve c[9];
  char err[ERR_LEN];
  CHECK(report_read_series(st, SHA, names, 3, 3, c, err, sizeof err) == 0);
  const report_curve *cash0 = &c[0], *cash1 = &c[1], *cash2 = &c[2], *util0 = &c[3];
  CHECK(cash0->n == 2);
  if (cash0->n == 2) {
    const report_stat *a = &cash0->at[0], *b = &cash0->at[1];
    CHECK(a->t_days == 30 && a->n == 5);
    CHECK_NEAR(a->mean, 3, 1e-12);
    CHECK_NEAR(a->q05, 1.2, 1e-12);
    CHECK_NEAR(a->q25, 2, 1e-12);
    CHECK_NEAR(a->q50, 3, 1e-12);
    CHECK_NEAR(a->q75, 4, 1e-12);
    CHECK_NEAR(a->q95, 4.8, 1e-12);
    CHECK(b->t_days == 60 && b->n == 2); /* the NULL and the ended runs are not counted */
    CHECK_NEAR(b->mean, 15, 1e-12);
    CHECK_NEAR(b->q50, 15, 1e-12);
    CHECK_NEAR(b->q05, 10.5, 1e-12);
  }
  CHECK(cash1->n == 1 && cash1->at[0].n == 1 &&
        cash1->at[0].q50 == 7); /* the failed run's 1000 left out */
  CHECK(cash2->n == 0);         /* only failed runs */
  CHECK(util0->n == 1 && util0->at[0].mean == 0.5);
  CHECK(c[4].n == 0 && c[5].n == 0);
  for (int i = 6; i < 9; i++) CHECK(c[i].n == 0); /* absent */
  report_curves_free(c, 9);
}

/* Statements by year: runs 1 and 2 of point 0 have 14 monthly samples,
** run 3 twelve (it ended); run 1 earns 1 a month and holds cash k at
** month k, run 2 earns 2 and holds 10k, run 3 earns 3 and holds 100k.
** Year 1: revenue 12, 24, 36 (median 24), cash at month 12: 12, 120, 1200
** (median 120); year 2, runs 1 and 2 only: revenue 2 and 4 (median 3),
** cash at month 14: 14 and 140 (median 77).  Point 1's run 6 has one
** month; the failed run 7 and the other version's run 9 are left out. */
static const char stmt_sql[] =
    "WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 14)"
    " INSERT INTO series SELECT r.id, 30.5 * k, n.name,"
    "  CASE n.name WHEN 'is.revenue' THEN r.id ELSE k * (CASE r.id WHEN 1 THEN 1 WHEN 2 THEN 10"
    "  ELSE 100 END) END"
    " FROM k, (SELECT 1 AS id UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 7"
    "  UNION ALL SELECT 9) r, (SELECT 'is.revenue' AS name UNION ALL SELECT 'bs.cash'"
    "  UNION ALL SELECT 'is.unlisted') n"
    " WHERE r.id <> 3 OR k <= 12;"
    "INSERT INTO series VALUES (6, 31, 'is.revenue', 5), (6, 31, 'bs.cash', 6);";

static void test_statements(void) {
  const char *lines[] = {"is.revenue", "bs.cash", "cf.net"};
  report_statements s;
  char err[ERR_LEN], *msg = NULL;
  CHECKF(sqlite3_exec(store_db(st), stmt_sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg);
  sqlite3_free(msg);
  CHECK(report_read_statements(st, SHA, lines, 3, 3, &s, err, sizeof err) == 0);
  CHECK(s.nlines == 3 && s.nyears == 2);
  if (s.nyears != 2) {
    report_statements_free(&s);
    return;
  }
#define MED(p, line, y) s.median[((p)*3 + (line)) * 2 + (y)]
  CHECK_NEAR(MED(0, 0, 0), 24, 1e-12);
  CHECK_NEAR(MED(0, 1, 0), 120, 1e-12);
  CHECK_NEAR(MED(0, 0, 1), 3, 1e-12);
  CHECK_NEAR(MED(0, 1, 1), 77, 1e-12);
  CHECK(s.runs[0] == 3 && s.runs[1] == 2);
  CHECK(MED(1, 0, 0) == 5 && MED(1, 1, 0) == 6 && s.runs[2] == 1);
  CHECK(isnan(MED(1, 0, 1)) && s.runs[3] == 0);
  CHECK(isnan(MED(2, 0, 0)) && s.runs[4] == 0); /* only a failed run */
  CHECK(isnan(MED(0, 2, 0)));                   /* not stored */
#undef MED
  report_statements_free(&s);
  CHECK(s.median == NULL && s.nyears == 0);
  CHECK(report_read_statements(st, "0000", lines, 3, 3, &s, err, sizeof err) == 0);
  CHECK(s.nyears == 0 && s.median == NULL); /* nothing stored */
  report_statements_free(&s);
}

static void test_metric(void) {
  report_values v[3];
  char err[ERR_LEN];
  CHECK(report_read_metric(st, SHA, "npv", 3, v, err, sizeof err) == 0);
  CHECK(v[0].n == 4);
  if (v[0].n == 4) CHECK(v[0].v[0] == -1 && v[0].v[1] == 0 && v[0].v[2] == 2 && v[0].v[3] == 3);
  CHECK(v[1].n == 1 && v[1].v[0] == 9);
  CHECK(v[2].n == 0);
  report_values_free(v, 3);
  CHECK(report_read_metric(st, SHA, "nothing", 3, v, err, sizeof err) == 0);
  CHECK(v[0].n == 0 && v[1].n == 0);
  report_values_free(v, 3);
}

static void test_info(void) {
  report_info in;
  char err[ERR_LEN];
  CHECK(report_read_info(st, SHA, &in, err, sizeof err) == 0);
  CHECK(in.npoints == 3);
  if (in.npoints == 3) {
    CHECK(in.point[0].done == 5 && in.point[0].failed == 0 && in.point[0].reps == 5);
    CHECK(in.point[1].done == 1 && in.point[1].failed == 1 && in.point[1].reps == 2);
    CHECK(in.point[2].done == 0 && in.point[2].failed == 1);
    CHECK(in.point[0].nparam == 2);
    if (in.point[0].nparam == 2) {
      CHECK(strcmp(in.point[0].param[0].name, "a.rate") == 0 &&
            strcmp(in.point[0].param[0].value, "0.5") == 0);
      CHECK(strcmp(in.point[0].param[1].name, "debt") == 0 &&
            strcmp(in.point[0].param[1].value, "20000000") == 0);
    }
    CHECK(in.point[1].nparam == 2 && strcmp(in.point[1].param[1].value, "big") == 0);
    CHECK(in.point[2].nparam == 1 && strcmp(in.point[2].param[0].value, "huge") == 0);
  }
  CHECK(in.start && strcmp(in.start, "2025-01-01") == 0);
  CHECK(in.path && strcmp(in.path, "demo.lua") == 0);
  CHECK(strcmp(in.seeds, "42") == 0);
  CHECK(strcmp(in.versions, "v1, v2") == 0);
  CHECK(in.created_at == 1767225600);
  CHECK(in.finished_at == 300); /* of done runs only */
  report_info_free(&in);
  report_info_free(NULL);
}

static void test_names(void) {
  char **names, err[256];
  size_t n;
  CHECK(report_series_names(st, SHA, "market.", &names, &n, err, sizeof err) == 0);
  CHECK(n == 2);
  if (n == 2) CHECK(strcmp(names[0], "market.a100") == 0 && strcmp(names[1], "market.h100") == 0);
  report_names_free(names, n);
  CHECK(report_series_names(st, SHA, "nothing.", &names, &n, err, sizeof err) == 0);
  CHECK(n == 0 && names == NULL);
}

static void test_shocks(void) {
  report_shocks s;
  char err[ERR_LEN];
  CHECK(report_read_shocks(st, SHA, &s, err, sizeof err) == 0);
  CHECK(s.point == 0 && s.rep == 0 && s.runs == 6);
  CHECK(s.n == 3);
  if (s.n == 3) {
    CHECK(strcmp(s.s[0].name, "A") == 0 && s.s[0].t0 == 10 && s.s[0].t1 == 40);
    CHECK(strcmp(s.s[0].detail, "x0.5") == 0);
    CHECK(strcmp(s.s[1].name, "B") == 0 && s.s[1].t0 == 20 && isinf(s.s[1].t1));
    CHECK(strcmp(s.s[2].name, "A") == 0 && s.s[2].t0 == 50 && isinf(s.s[2].t1));
  }
  CHECK(s.nc == 2); /* C hit a failed run, D another version */
  if (s.nc == 2) {
    CHECK(strcmp(s.c[0].name, "A") == 0 && s.c[0].hits == 2 && s.c[0].runs == 1);
    CHECK(s.c[0].first == 10 && s.c[0].last == 50);
    CHECK(strcmp(s.c[1].name, "B") == 0 && s.c[1].hits == 2 && s.c[1].runs == 2);
  }
  report_shocks_free(&s);
  report_shocks_free(NULL);
}

static void test_failures(void) {
  report_failure *f;
  size_t n;
  char err[ERR_LEN];
  CHECK(report_read_failures(st, SHA, 5, &f, &n, err, sizeof err) == 0);
  CHECK(n == 2); /* run 10 is of the other version */
  if (n == 2)
    CHECK(strcmp(f[0].error, "") == 0 && f[0].runs == 1 && strcmp(f[1].error, "bad") == 0 &&
          f[1].runs == 1);
  report_failures_free(f, n);
  CHECK(report_read_failures(st, SHA, 1, &f, &n, err, sizeof err) == 0);
  CHECK(n == 1);
  report_failures_free(f, n);
  CHECK(report_read_failures(st, OTHER, 5, &f, &n, err, sizeof err) == 0);
  CHECK(n == 1 && f[0].runs == 1);
  report_failures_free(f, n);
}

int main(void) {
  char dir[] = "/tmp/neosim-test-report-XXXXXX", path[64], err[512];
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  snprintf(path, sizeof path, "%s/r.db", dir);
  store *s = store_open(path, 0, err, sizeof err);
  CHECKF(s != NULL, "%s", err);
  if (!s) return CHECK_DONE();
  char *msg = NULL;
  CHECKF(sqlite3_exec(store_db(s), data_sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg);
  sqlite3_free(msg);
  st = s;
  test_quantile();
  test_series();
  test_metric();
  test_info();
  test_names();
  test_shocks();
  test_failures();
  test_statements();
  store_close(s);
  char side[80];
  const char *ext[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) {
    snprintf(side, sizeof side, "%s%s", path, ext[i]);
    unlink(side);
  }
  rmdir(dir);
  return CHECK_DONE();
}
