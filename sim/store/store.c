/*
** store.c -- the results database: open (folder, schema, refusal of
** foreign files), then one transaction per run through statements
** prepared once.  The schema text is results/schema.sql, compiled in.
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "path.h"
#include "store.h"
#include "store_names.h"
#include "store_wait.h"

#ifndef NEOSIM_VERSION
#define NEOSIM_VERSION "unknown"
#endif

#define SAMPLE_ROWS 64 /* series rows per INSERT: 1.5x the rate of one row each */

enum {
  Q_BEGIN,
  Q_COMMIT,
  Q_ROLLBACK,
  Q_SCENARIO,
  Q_FIND_RUN,
  Q_DEL_SERIES,
  Q_DEL_METRICS,
  Q_DEL_PARAMS,
  Q_DEL_EVENTS,
  Q_DEL_RUN,
  Q_RUN,
  Q_PARAM,
  Q_METRIC,
  Q_SAMPLE,
  Q_EVENT,
  Q_DONE,
  Q_SAMPLES,
  Q_NAME_ADD,
  Q_NAME_ID,
  Q_COUNT
};

static const char *const query_sql[Q_COUNT] = {
    [Q_BEGIN] = "BEGIN IMMEDIATE", /* take the write lock now: no deadlock on upgrade */
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_SCENARIO] =
        "INSERT OR IGNORE INTO scenarios (sha256, name, path, source, overrides) VALUES (?1, ?2, "
        "?3, ?4, ?5)",
    [Q_FIND_RUN] =
        "SELECT id, status = 'done' FROM runs WHERE scenario_sha256 = ?1 AND point = ?2 AND "
        "replication = ?3",
    [Q_DEL_SERIES] = "DELETE FROM series_data WHERE run_id = ?1",
    [Q_DEL_METRICS] = "DELETE FROM metrics WHERE run_id = ?1",
    [Q_DEL_PARAMS] = "DELETE FROM params WHERE run_id = ?1",
    [Q_DEL_EVENTS] = "DELETE FROM events WHERE run_id = ?1",
    [Q_DEL_RUN] = "DELETE FROM runs WHERE id = ?1",
    [Q_RUN] =
        "INSERT INTO runs (scenario, scenario_sha256, point, replication, seed, status, error,"
        " events, wall_s, started_at, finished_at, version)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [Q_PARAM] = "INSERT INTO params (run_id, name, value, swept) VALUES (?1, ?2, ?3, ?4)",
    [Q_METRIC] = "INSERT INTO metrics (run_id, name, value) VALUES (?1, ?2, ?3)",
    [Q_SAMPLE] = "INSERT INTO series_data (run_id, t_days, name_id, value) VALUES (?1, ?2, ?3, ?4)",
    [Q_EVENT] =
        "INSERT INTO events (run_id, t_days, kind, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    [Q_DONE] =
        "SELECT point, replication FROM runs WHERE scenario_sha256 = ?1 AND seed = ?2 AND status "
        "= 'done'",
    [Q_SAMPLES] = NULL, /* SAMPLE_ROWS rows: made by samples_sql() */
    [Q_NAME_ADD] = "INSERT OR IGNORE INTO series_names (name) VALUES (?1)",
    [Q_NAME_ID] = "SELECT id FROM series_names WHERE name = ?1",
};

/* The tables a neosim database of this schema version must have. */
static const char *const required_tables[] = {"scenarios",   "runs",         "params", "metrics",
                                              "series_data", "series_names", "events", "student_t"};

struct store {
  sqlite3 *db;
  sqlite3_stmt *q[Q_COUNT];
  char *path;         /* as given */
  char *file;         /* what SQLite opens: path, or "./" path when path looks like a URI */
  store_wait *wait;   /* for another process's write lock */
  store_names *names; /* series names' ids in series_names (writers) */
  double lock_wait;   /* its idle seconds */
  char why[ERR_LEN];  /* SQLite's message for the last failed call */
  char err[ERR_LEN];  /* store_error(): operation, file, why */
};

/* ---- opening ---------------------------------------------------------- */

/* mkdir -p dir.  Walks dir by cutting it in place; on failure it is left
** cut at the folder that failed, for the message. */
static int make_dirs(char *dir) {
  for (char *p = dir + 1;; p++) {
    if (*p != '/' && *p != '\0') continue;
    char c = *p;
    struct stat st;
    *p = '\0';
    if (stat(dir, &st) == 0) {
      if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
      }
    } else if (mkdir(dir, 0777) != 0 && errno != EEXIST) { /* EEXIST: another process won */
      return -1;
    }
    *p = c;
    if (c == '\0') return 0;
  }
}

/* Create the folder that will hold path, when it names one. */
static int make_parent(const char *path, char *err, size_t errlen) {
  char *dir = path_folder(path);
  if (!dir) {
    err_set(err, errlen, "open '%s': out of memory", path);
    return -1;
  }
  int rc = make_dirs(dir);
  if (rc) err_set(err, errlen, "create folder '%s' for '%s': %s", dir, path, strerror(errno));
  free(dir);
  return rc;
}

/* SQLite's message for the failed call (status rc), kept in s->why, with
** what the wait for another process saw when the database was locked. */
static const char *say_why(store *s, int rc) {
  snprintf(s->why, sizeof s->why, "%s", sqlite3_errmsg(s->db));
  char seen[ERR_LEN / 2];
  store_wait_describe((rc & 0xff) == SQLITE_BUSY ? s->wait : NULL, seen, sizeof seen);
  size_t n = strlen(s->why);
  if (*seen) snprintf(s->why + n, sizeof s->why - n, " (%s)", seen);
  return s->why;
}

/* Run sql (no rows wanted); on failure "open 'path': message". */
static int open_exec(store *s, const char *sql, char *err, size_t errlen) {
  int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK) err_set(err, errlen, "open '%s': %s", s->path, say_why(s, rc));
  return rc == SQLITE_OK ? 0 : -1;
}

/* The integer in the first column of the first row of sql, text bound to ?1. */
static int open_int(store *s, const char *sql, const char *arg, int *out, char *err,
                    size_t errlen) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK && arg) rc = sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *out = sqlite3_column_int(st, 0);
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK) err_set(err, errlen, "open '%s': %s", s->path, say_why(s, rc));
  sqlite3_finalize(st); /* its status repeats step's, handled above */
  return rc == SQLITE_OK ? 0 : -1;
}

static int open_connection(store *s, char *err, size_t errlen) {
  int rc = sqlite3_open_v2(
      s->file, &s->db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_CANTOPEN && access(s->file, F_OK) != 0 && errno == ENOENT) {
    char *dir = path_folder(s->file); /* SQLite says only "unable to open": say why */
    int e = dir && access(dir, W_OK) != 0 ? errno : 0;
    free(dir);
    if (e) {
      err_set(err, errlen, "open '%s': cannot create the file in its folder: %s%s", s->path,
              strerror(e), e == EROFS ? " (a read-only disk)" : "");
      return -1;
    }
  }
  if (rc != SQLITE_OK) {
    err_set(err, errlen, "open '%s': %s", s->path,
            s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
    return -1;
  }
  if (sqlite3_db_readonly(s->db, "main") == 1) /* SQLite falls back to read-only silently */
  {
    err_set(err, errlen, "open '%s': the file is read-only", s->path);
    return -1;
  }
  if (!(s->wait = store_wait_on(s->db, s->path, s->lock_wait))) {
    err_set(err, errlen, "open '%s': out of memory", s->path);
    return -1;
  }
  return open_exec(s, "PRAGMA foreign_keys = ON", err, errlen); /* no-op inside a transaction */
}

/* A database of our version must have every table of the schema. */
static int check_tables(store *s, char *err, size_t errlen) {
  for (size_t i = 0; i < sizeof required_tables / sizeof required_tables[0]; i++) {
    int n = 0;
    if (open_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                 required_tables[i], &n, err, errlen))
      return -1;
    if (n == 0) {
      err_set(err, errlen,
              "open '%s': the file is not a neosim results database (schema version %d but no "
              "table '%s')",
              s->path, STORE_SCHEMA_VERSION, required_tables[i]);
      return -1;
    }
  }
  return 0;
}

/* A file of an older version opened to write: the parts of the schema
** between the markers of each later version (new tables and views only)
** run on it, in the caller's transaction. */
static int upgrade(store *s, int version, char *err, size_t errlen) {
  int rc = 0;
  for (int v = version + 1; !rc && v <= STORE_SCHEMA_VERSION; v++) {
    char begin[32], end[32];
    snprintf(begin, sizeof begin, "-- BEGIN version %d", v);
    snprintf(end, sizeof end, "-- END version %d", v);
    const char *a = strstr(store_schema_sql, begin), *b = a ? strstr(a, end) : NULL;
    char *sql = b ? strndup(a, (size_t)(b - a)) : NULL;
    if (!sql) return err_set(err, errlen, "open '%s': out of memory", s->path);
    rc = open_exec(s, sql, err, errlen);
    free(sql);
  }
  char pragma[40];
  snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
  return rc || open_exec(s, pragma, err, errlen);
}

/* New (empty) file: create the schema; ours: check it; anything else:
** refuse.  Under the write lock, so two processes creating one file
** serialise; a refused file is only read. */
static int check_or_create(store *s, char *err, size_t errlen) {
  int version = 0, tables = 0;
  if (open_exec(s, "BEGIN IMMEDIATE", err, errlen)) return -1;
  int rc = open_int(s, "PRAGMA user_version", NULL, &version, err, errlen) ||
           open_int(s, "SELECT count(*) FROM sqlite_master", NULL, &tables, err, errlen);
  if (!rc && version == 0 && tables == 0) rc = open_exec(s, store_schema_sql, err, errlen);
  else if (!rc && version >= STORE_SCHEMA_OLDEST && version < STORE_SCHEMA_VERSION)
    rc = upgrade(s, version, err, errlen) || check_tables(s, err, errlen);
  else if (!rc && version > 0 && version < STORE_SCHEMA_VERSION)
    rc = err_set(
        err, errlen,
        "open '%s': a results database of an older neosim (schema version %d; this one "
        "writes %d): "
        "move it aside or give a new file with --db (the old one stays readable with sqlite3)",
        s->path, version, STORE_SCHEMA_VERSION);
  else if (!rc && version != STORE_SCHEMA_VERSION)
    rc = err_set(err, errlen,
                 "open '%s': the file is not a neosim results database "
                 "(schema version %d, expected %d)",
                 s->path, version, STORE_SCHEMA_VERSION);
  else if (!rc) rc = check_tables(s, err, errlen);
  if (!rc) return open_exec(s, "COMMIT", err, errlen);
  if (!sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* best effort: error already said */
  return -1;
}

/* sqrt(x) as SQLite's math functions define it: NULL for NULL or x < 0. */
static void sql_sqrt(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  double x = sqlite3_value_double(argv[0]);
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL || x < 0) sqlite3_result_null(ctx);
  else sqlite3_result_double(ctx, sqrt(x));
}

int store_add_functions(struct sqlite3 *db) {
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
#ifdef SQLITE_INNOCUOUS
  flags |= SQLITE_INNOCUOUS;
#endif
  return sqlite3_create_function(db, "sqrt", 1, flags, NULL, sql_sqrt, NULL, NULL) == SQLITE_OK
             ? 0
             : -1;
}

/* After the checks, so a refused file is never switched to WAL. */
static int configure(store *s, char *err, size_t errlen) {
  if (open_exec(s, "PRAGMA journal_mode = WAL", err, errlen) ||
      open_exec(s, "PRAGMA synchronous = NORMAL", err, errlen))
    return -1;
  if (store_add_functions(s->db)) {
    err_set(err, errlen, "open '%s': add SQL function sqrt: %s", s->path, sqlite3_errmsg(s->db));
    return -1;
  }
  return 0;
}

/* Q_SAMPLE with SAMPLE_ROWS rows: run_id is ?1 in every row, row j
** binds t_days, name_id, value as ?(2+3j), ?(3+3j), ?(4+3j). */
static void samples_sql(char *buf, size_t n) {
  size_t len =
      (size_t)snprintf(buf, n, "INSERT INTO series_data (run_id, t_days, name_id, value) VALUES ");
  for (int j = 0; j < SAMPLE_ROWS && len < n; j++)
    len += (size_t)snprintf(buf + len, n - len, "%s(?1, ?%d, ?%d, ?%d)", j ? ", " : "", 2 + 3 * j,
                            3 + 3 * j, 4 + 3 * j);
}

static int prepare_all(store *s, char *err, size_t errlen) {
  char bulk[SAMPLE_ROWS * 32 + 128];
  samples_sql(bulk, sizeof bulk);
  for (int i = 0; i < Q_COUNT; i++) {
    const char *sql = i == Q_SAMPLES ? bulk : query_sql[i];
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL) !=
        SQLITE_OK) {
      err_set(err, errlen, "open '%s': prepare \"%.60s...\": %s", s->path, sql,
              sqlite3_errmsg(s->db));
      return -1;
    }
  }
  return 0;
}

/* A store for path, not yet open: NULL with a message when path is not
** the name of a file (SQLite keeps "" and ":memory:" in memory: the
** results would be lost at exit) or on no memory. */
static store *new_store(const char *path, char *err, size_t errlen) {
  if (!*path || strcmp(path, ":memory:") == 0) {
    err_set(err, errlen,
            "open '%s': not a file name (SQLite would keep the results in memory and lose them)",
            path);
    return NULL;
  }
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    err_set(err, errlen, "open '%s': not a regular file (%s): a results database is a file", path,
            S_ISDIR(st.st_mode)                          ? "a folder"
            : S_ISFIFO(st.st_mode)                       ? "a FIFO"
            : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                         : "a socket");
    return NULL;
  }
  store *s = calloc(1, sizeof *s);
  if (s) s->path = strdup(path);
  if (s) s->names = store_names_new();
  /* the name SQLite opens: "file:..." would be a URI, "./file:..." is the file */
  if (s && s->path) s->file = strncmp(path, "file:", 5) == 0 ? path_cat("./", path) : s->path;
  if (!s || !s->path || !s->file || !s->names) {
    store_close(s);
    err_set(err, errlen, "open '%s': out of memory", path);
    return NULL;
  }
  return s;
}

/* A file that store_open created and could not make a database (a full
** disk): removed, with what SQLite made beside it, so a failed run leaves
** nothing.  Only while empty: another process may have made it since. */
static void remove_unmade(const char *file) {
  struct stat st;
  if (stat(file, &st) != 0 || st.st_size != 0) return;
  static const char *const tails[] = {"-journal", "-wal", "-shm", ""};
  for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
    char *f = path_cat(file, tails[i]);
    if (f) unlink(f); /* best effort: the error said is the open's */
    free(f);
  }
}

store *store_open(const char *path, double lock_wait_s, char *err, size_t errlen) {
  store *s = new_store(path, err, errlen);
  if (s) s->lock_wait = lock_wait_s;
  if (!s) return NULL;
  struct stat st;
  int existed = stat(s->file, &st) == 0;
  if (make_parent(path, err, errlen) || open_connection(s, err, errlen) ||
      check_or_create(s, err, errlen) || configure(s, err, errlen) || prepare_all(s, err, errlen)) {
    char *file = existed ? NULL : strdup(s->file);
    store_close(s);
    if (file) remove_unmade(file);
    free(file);
    return NULL;
  }
  return s;
}

/* "file:" path query, with every byte of path but [A-Za-z0-9/._~-]
** percent-encoded (a '?' or '#' in a file name is not a URI's). */
static char *file_uri(const char *path, const char *query) {
  size_t n = strlen(path);
  char *uri = malloc(3 * n + strlen(query) + 6), *u = uri;
  if (!uri) return NULL;
  u += sprintf(u, "file:");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (isalnum(*p) || strchr("/._~-", *p)) *u++ = (char)*p;
    else u += sprintf(u, "%%%02X", *p);
  }
  strcpy(u, query);
  return uri;
}

/* The size of path's neighbour path + tail, -1 when it does not exist. */
static long long beside(const char *path, const char *tail) {
  char *f = path_cat(path, tail);
  struct stat st;
  long long size = f && stat(f, &st) == 0 ? (long long)st.st_size : -1;
  free(f);
  return size;
}

char *store_read_uri(const char *path, char *err, size_t errlen) {
  const char *query = "?mode=ro";
  char *dir = path_folder(path);
  int ro = dir && access(dir, W_OK) != 0;
  free(dir);
  if (ro && beside(path, "-wal") <= 0 && beside(path, "-shm") < 0) {
    query = "?immutable=1"; /* nothing beside it, nowhere to put its -shm: read it as it is */
  } else if (ro && beside(path, "-shm") < 0) {
    err_set(err, errlen,
            "open '%s': the file is on a read-only disk (or folder) with a -wal of its last "
            "transactions but no -shm, and SQLite cannot read those there: copy '%s' and "
            "'%s-wal' to a writable folder",
            path, path, path);
    return NULL;
  }
  char *uri = file_uri(path, query);
  if (!uri) err_set(err, errlen, "open '%s': out of memory", path);
  return uri;
}

/* A read-only connection to file: SQLite's status.  It reads pages
** through a memory map (up to SQLite's limit, 2 GB as built by Debian)
** instead of a read() each: 17% less time to scan a 600 MB file.  A reader
** never writes, so the map is only read. */
static int open_reader(const char *file, sqlite3 **db) {
  int rc =
      sqlite3_open_v2(file, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK) sqlite3_exec(*db, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);
  return rc;
}

store *store_open_read(const char *path, char *err, size_t errlen) {
  store *s = new_store(path, err, errlen);
  if (!s) return NULL;
  if (s->file != s->path) free(s->file);
  if (!(s->file = store_read_uri(path, err, errlen))) {
    s->file = s->path;
    store_close(s);
    return NULL;
  }
  int version = 0, rc = open_reader(s->file, &s->db);
  if (rc != SQLITE_OK)
    err_set(err, errlen, "open '%s': %s", path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
  else if (!(s->wait = store_wait_on(s->db, s->path, 0))) {
    rc = SQLITE_NOMEM;
    err_set(err, errlen, "open '%s': out of memory", path);
  } else if (open_int(s, "PRAGMA user_version", NULL, &version, err, errlen)) rc = SQLITE_ERROR;
  else if (version > 0 && version < STORE_SCHEMA_OLDEST) {
    rc = SQLITE_ERROR;
    err_set(
        err, errlen,
        "open '%s': a results database of an older neosim (schema version %d; this one reads %d "
        "to %d): query it with sqlite3, or run the scenario again into a new file",
        path, version, STORE_SCHEMA_OLDEST, STORE_SCHEMA_VERSION);
  } else if (version > STORE_SCHEMA_VERSION || version == 0) {
    rc = SQLITE_ERROR;
    err_set(err, errlen,
            "open '%s': not a neosim results database of schema version %d (it has %d)", path,
            STORE_SCHEMA_VERSION, version);
  } else if (check_tables(s, err, errlen) || store_add_functions(s->db)) rc = SQLITE_ERROR;
  if (rc == SQLITE_OK) return s;
  store_close(s);
  return NULL;
}

void store_close(store *s) {
  if (!s) return;
  for (int i = 0; i < Q_COUNT; i++)
    sqlite3_finalize(s->q[i]); /* repeats a step's status, handled */
  sqlite3_close(s->db);        /* fails only with unfinalized statements: none are left */
  store_wait_free(s->wait);
  store_names_free(s->names);
  if (s->file != s->path) free(s->file);
  free(s->path);
  free(s);
}

const char *store_error(const store *s) { return s ? s->err : "no results database"; }

const char *store_path(const store *s) { return s->path; }

struct sqlite3 *store_db_another(const store *s) {
  sqlite3 *db = NULL;
  if (open_reader(s->file, &db) == SQLITE_OK) return db;
  sqlite3_close(db);
  return NULL;
}

struct sqlite3 *store_db(store *s) {
  return s->db;
}

/* ---- writing ---------------------------------------------------------- */

/* Step a statement to completion and reset it; on failure keep SQLite's
** message in s->why.  A row (Q_FIND_RUN) is read by the caller. */
static int step(store *s, sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  if (rc != SQLITE_DONE) say_why(s, rc);
  sqlite3_reset(st); /* repeats step's status, handled above */
  return rc == SQLITE_DONE ? 0 : -1;
}

/* A bind failed (rc != SQLITE_OK): keep the message. */
static int bind_failed(store *s, int rc) {
  if (rc == SQLITE_OK) return 0;
  snprintf(s->why, sizeof s->why, "%s", sqlite3_errmsg(s->db));
  return -1;
}

static int bind_real(sqlite3_stmt *st, int i, double v) {
  return isnan(v) ? sqlite3_bind_null(st, i) : sqlite3_bind_double(st, i, v);
}

/* An unsigned 64-bit value: an integer when SQLite's signed integers hold
** it, else its exact decimal digits as text. */
static int bind_u64(sqlite3_stmt *st, int i, uint64_t v) {
  char digits[24];
  if (v <= (uint64_t)INT64_MAX) return sqlite3_bind_int64(st, i, (sqlite3_int64)v);
  snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
  return sqlite3_bind_text(st, i, digits, -1, SQLITE_TRANSIENT);
}

int store_put_scenario(store *s, const char *name, const char *sha256, const char *path,
                       const char *source, const char *overrides) {
  sqlite3_stmt *q = s->q[Q_SCENARIO];
  if (bind_failed(s, sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC) |
                         sqlite3_bind_text(q, 2, name, -1, SQLITE_STATIC) |
                         sqlite3_bind_text(q, 3, path, -1, SQLITE_STATIC) |
                         sqlite3_bind_text(q, 4, source, -1, SQLITE_STATIC) |
                         sqlite3_bind_text(q, 5, overrides ? overrides : "", -1, SQLITE_STATIC)) ||
      step(s, q)) {
    err_set(s->err, sizeof s->err, "store scenario '%s' in '%s': %s", name ? name : "?", s->path,
            s->why);
    return -1;
  }
  return 0;
}

static const char tally_runs_sql[] =
    "SELECT point, status = 'done', count(*) FROM runs WHERE scenario_sha256 = ?1 AND seed = ?2"
    " AND status IN ('done', 'failed') GROUP BY point, status";
static const char tally_metrics_sql[] =
    "SELECT r.point, sum(m.value) FROM runs r JOIN metrics m ON m.run_id = r.id"
    " WHERE r.scenario_sha256 = ?1 AND r.seed = ?2 AND r.status = 'done' AND m.name = ?3"
    " GROUP BY r.point";

/* Run sql over the version's runs; row(ctx, q) for each row.  An SQLite result code. */
static int each_row(store *s, const char *sql, const char *sha256, uint64_t seed, const char *name,
                    void (*row)(void *ctx, sqlite3_stmt *q), void *ctx) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC) | bind_u64(q, 2, seed) |
         (name ? sqlite3_bind_text(q, 3, name, -1, SQLITE_STATIC) : SQLITE_OK);
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    row(ctx, q);
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE) say_why(s, rc);
  sqlite3_finalize(q);
  return rc;
}

typedef struct tally_ctx {
  size_t npoints, nmetrics, k;
  long *done, *failed;
  double *sums;
} tally_ctx;

static void tally_run(void *ctx, sqlite3_stmt *q) {
  tally_ctx *t = ctx;
  sqlite3_int64 p = sqlite3_column_int64(q, 0);
  if (p < 0 || (size_t)p >= t->npoints) return;
  (sqlite3_column_int(q, 1) ? t->done : t->failed)[p] += (long)sqlite3_column_int64(q, 2);
}

static void tally_metric(void *ctx, sqlite3_stmt *q) {
  tally_ctx *t = ctx;
  sqlite3_int64 p = sqlite3_column_int64(q, 0);
  if (p >= 0 && (size_t)p < t->npoints)
    t->sums[(size_t)p * t->nmetrics + t->k] = sqlite3_column_double(q, 1);
}

int store_tally_points(store *s, const char *sha256, uint64_t seed, size_t npoints,
                       const char *const *metrics, size_t nmetrics, long *done, long *failed,
                       double *sums) {
  tally_ctx t = {
      .npoints = npoints, .nmetrics = nmetrics, .done = done, .failed = failed, .sums = sums};
  for (size_t p = 0; p < npoints; p++) {
    done[p] = failed[p] = 0;
    for (size_t k = 0; k < nmetrics; k++) sums[p * nmetrics + k] = 0;
  }
  int rc = each_row(s, tally_runs_sql, sha256, seed, NULL, tally_run, &t);
  for (t.k = 0; rc == SQLITE_DONE && t.k < nmetrics; t.k++)
    rc = each_row(s, tally_metrics_sql, sha256, seed, metrics[t.k], tally_metric, &t);
  if (rc == SQLITE_DONE) return 0;
  err_set(s->err, sizeof s->err, "read the stored batch of '%s': %s", s->path, s->why);
  return -1;
}

typedef struct values_ctx {
  void (*each)(void *ctx, int point, int rep, double v);
  void *ctx;
} values_ctx;

static void value_row(void *ctx, sqlite3_stmt *q) {
  values_ctx *c = ctx;
  c->each(c->ctx, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1),
          sqlite3_column_type(q, 2) == SQLITE_NULL ? (double)NAN : sqlite3_column_double(q, 2));
}

int store_metric_values(store *s, const char *sha256, uint64_t seed, const char *metric,
                        void (*each)(void *ctx, int point, int rep, double v), void *ctx) {
  static const char sql[] =
      "SELECT r.point, r.replication, m.value FROM runs r JOIN metrics m ON m.run_id = r.id"
      " WHERE r.scenario_sha256 = ?1 AND r.seed = ?2 AND r.status = 'done' AND m.name = ?3";
  values_ctx c = {each, ctx};
  if (each_row(s, sql, sha256, seed, metric, value_row, &c) == SQLITE_DONE) return 0;
  err_set(s->err, sizeof s->err, "read the values of '%s' in '%s': %s", metric, s->path, s->why);
  return -1;
}

int store_other_seed(store *s, const char *sha256, uint64_t seed, char *other, size_t len) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(s->db,
                              "SELECT seed FROM runs WHERE scenario_sha256 = ?1 AND seed IS NOT ?2"
                              " ORDER BY id LIMIT 1",
                              -1, &q, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC) | bind_u64(q, 2, seed);
  if (rc == SQLITE_OK) rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(q, 0);
    snprintf(other, len, "%s", t ? t : "?");
  } else if (rc != SQLITE_DONE) {
    err_set(s->err, sizeof s->err, "read the seeds stored in '%s': %s", s->path,
            sqlite3_errmsg(s->db));
  }
  sqlite3_finalize(q);
  return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_done_runs(store *s, const char *sha256, uint64_t seed,
                    void (*each)(void *ctx, int point, int rep), void *ctx) {
  sqlite3_stmt *q = s->q[Q_DONE];
  int rc = bind_failed(s, sqlite3_bind_text(q, 1, sha256, -1, SQLITE_STATIC) | bind_u64(q, 2, seed))
               ? SQLITE_ERROR
               : SQLITE_OK;
  while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    each(ctx, sqlite3_column_int(q, 0), sqlite3_column_int(q, 1));
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE && rc != SQLITE_OK) say_why(s, rc);
  sqlite3_reset(q); /* repeats step's status, handled above */
  if (rc == SQLITE_DONE) return 0;
  err_set(s->err, sizeof s->err, "read the done runs of '%s': %s", s->path, s->why);
  return -1;
}

/* Bind the run's identity (sha256, point, replication) as ?1..?3. */
static int bind_identity(store *s, sqlite3_stmt *q, const store_run *run) {
  return bind_failed(s, sqlite3_bind_text(q, 1, run->scenario_sha256, -1, SQLITE_STATIC) |
                            sqlite3_bind_int(q, 2, run->point) |
                            sqlite3_bind_int(q, 3, run->replication));
}

/* Delete the earlier run with this identity and all its rows, if any:
** 0; 1 (nothing deleted) when run failed and the earlier one is done,
** which it must not replace; -1 on error. */
static int drop_old(store *s, const store_run *run) {
  sqlite3_stmt *q = s->q[Q_FIND_RUN];
  if (bind_identity(s, q, run)) return -1;
  int rc = sqlite3_step(q);
  sqlite3_int64 old = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
  int keep = rc == SQLITE_ROW && sqlite3_column_int(q, 1) && strcmp(run->status, "done") != 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    snprintf(s->why, sizeof s->why, "%s", sqlite3_errmsg(s->db));
  sqlite3_reset(q); /* repeats step's status, handled above */
  if (rc != SQLITE_ROW) return rc == SQLITE_DONE ? 0 : -1;
  if (keep) return 1;
  static const int del[] = {Q_DEL_SERIES, Q_DEL_EVENTS, Q_DEL_METRICS, Q_DEL_PARAMS,
                            Q_DEL_RUN}; /* children first */
  for (size_t i = 0; i < sizeof del / sizeof del[0]; i++)
    if (bind_failed(s, sqlite3_bind_int64(s->q[del[i]], 1, old)) || step(s, s->q[del[i]]))
      return -1;
  return 0;
}

static int add_run(store *s, const store_run *run, int64_t *id) {
  sqlite3_stmt *q = s->q[Q_RUN];
  int rc = sqlite3_bind_text(q, 1, run->scenario, -1, SQLITE_STATIC) |
           sqlite3_bind_text(q, 2, run->scenario_sha256, -1, SQLITE_STATIC) |
           sqlite3_bind_int(q, 3, run->point) | sqlite3_bind_int(q, 4, run->replication) |
           bind_u64(q, 5, run->seed) | sqlite3_bind_text(q, 6, run->status, -1, SQLITE_STATIC) |
           sqlite3_bind_text(q, 7, run->error, -1, SQLITE_STATIC) | bind_u64(q, 8, run->events) |
           bind_real(q, 9, run->wall_s) | bind_real(q, 10, run->started_at) |
           bind_real(q, 11, run->finished_at) |
           sqlite3_bind_text(q, 12, NEOSIM_VERSION, -1, SQLITE_STATIC);
  if (bind_failed(s, rc) || step(s, q)) return -1;
  *id = sqlite3_last_insert_rowid(s->db);
  return 0;
}

static int add_params(store *s, int64_t id, const store_param *p, size_t n) {
  sqlite3_stmt *q = s->q[Q_PARAM];
  if (bind_failed(s, sqlite3_bind_int64(q, 1, id))) return -1;
  for (size_t i = 0; i < n; i++)
    if (bind_failed(s, sqlite3_bind_text(q, 2, p[i].name, -1, SQLITE_STATIC) |
                           sqlite3_bind_text(q, 3, p[i].value, -1, SQLITE_STATIC) |
                           sqlite3_bind_int(q, 4, p[i].swept != 0)) ||
        step(s, q))
      return -1;
  return 0;
}

static int add_metrics(store *s, int64_t id, const store_metric *m, size_t n) {
  sqlite3_stmt *q = s->q[Q_METRIC];
  if (bind_failed(s, sqlite3_bind_int64(q, 1, id))) return -1;
  for (size_t i = 0; i < n; i++)
    if (bind_failed(s, sqlite3_bind_text(q, 2, m[i].name, -1, SQLITE_STATIC) |
                           bind_real(q, 3, m[i].value)) ||
        step(s, q))
      return -1;
  return 0;
}

/* The id of a series name in series_names, added when new: >= 1, or -1
** (why in s->why). */
static int64_t name_id(store *s, const char *name) {
  int64_t id = store_names_get(s->names, name);
  if (id >= 0) return id;
  sqlite3_stmt *add = s->q[Q_NAME_ADD], *get = s->q[Q_NAME_ID];
  if (bind_failed(s, sqlite3_bind_text(add, 1, name, -1, SQLITE_STATIC) |
                         sqlite3_bind_text(get, 1, name, -1, SQLITE_STATIC)) ||
      step(s, add))
    return -1;
  int rc = sqlite3_step(get);
  if (rc == SQLITE_ROW) id = sqlite3_column_int64(get, 0);
  else say_why(s, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
  sqlite3_reset(get); /* repeats step's status, handled above */
  if (id >= 0 && store_names_put(s->names, name, id)) {
    snprintf(s->why, sizeof s->why, "out of memory");
    return -1;
  }
  return id;
}

/* Bind k samples to q from parameter 2 on (see samples_sql). */
static int bind_samples(store *s, sqlite3_stmt *q, const store_sample *x, int k) {
  int rc = SQLITE_OK;
  for (int j = 0; j < k; j++) {
    int64_t id = name_id(s, x[j].name);
    if (id < 0) return -1;
    rc |= sqlite3_bind_double(q, 2 + 3 * j, x[j].t_days) | sqlite3_bind_int64(q, 3 + 3 * j, id) |
          bind_real(q, 4 + 3 * j, x[j].value);
  }
  return bind_failed(s, rc);
}

/* The hot loop (thousands of samples per run): SAMPLE_ROWS rows per
** step of one reused statement, the rest one by one. */
static int add_series(store *s, int64_t id, const store_sample *x, size_t n) {
  sqlite3_stmt *bulk = s->q[Q_SAMPLES], *one = s->q[Q_SAMPLE];
  if (bind_failed(s, sqlite3_bind_int64(bulk, 1, id) | sqlite3_bind_int64(one, 1, id))) return -1;
  size_t i = 0;
  for (; n - i >= SAMPLE_ROWS; i += SAMPLE_ROWS)
    if (bind_samples(s, bulk, x + i, SAMPLE_ROWS) || step(s, bulk)) return -1;
  for (; i < n; i++)
    if (bind_samples(s, one, x + i, 1) || step(s, one)) return -1;
  return 0;
}

static int add_events(store *s, int64_t id, const store_event *e, size_t n) {
  sqlite3_stmt *q = s->q[Q_EVENT];
  if (bind_failed(s, sqlite3_bind_int64(q, 1, id))) return -1;
  for (size_t i = 0; i < n; i++)
    if (bind_failed(s, sqlite3_bind_double(q, 2, e[i].t_days) |
                           sqlite3_bind_text(q, 3, e[i].kind, -1, SQLITE_STATIC) |
                           sqlite3_bind_text(q, 4, e[i].subject, -1, SQLITE_STATIC) |
                           sqlite3_bind_text(q, 5, e[i].detail, -1, SQLITE_STATIC)) ||
        step(s, q))
      return -1;
  return 0;
}

/* Undo the open transaction after a failure already described in s->why. */
static void roll_back(store *s) {
  store_names_clear(s->names);               /* ids the transaction added are gone with it */
  if (sqlite3_get_autocommit(s->db)) return; /* SQLite rolled back already (e.g. disk full) */
  if (sqlite3_step(s->q[Q_ROLLBACK]) != SQLITE_DONE) { /* the connection is unusable: say so */
    size_t n = strlen(s->why);
    snprintf(s->why + n, sizeof s->why - n, "; rollback: %s", sqlite3_errmsg(s->db));
  }
  sqlite3_reset(s->q[Q_ROLLBACK]); /* repeats step's status, handled above */
}

int64_t store_put_run(store *s, const store_run *run, const store_param *params, size_t nparams,
                      const store_metric *metrics, size_t nmetrics, const store_sample *series,
                      size_t nseries) {
  int64_t id = -1;
  int rc = step(s, s->q[Q_BEGIN]);
  if (!rc && (rc = drop_old(s, run)) == 1) { /* a done run stays: nothing to write */
    roll_back(s);
    return 0;
  }
  if (!rc) {
    rc = add_run(s, run, &id) || add_params(s, id, params, nparams) ||
         add_metrics(s, id, metrics, nmetrics) || add_series(s, id, series, nseries) ||
         add_events(s, id, run->ev, run->nev) || step(s, s->q[Q_COMMIT]);
    if (rc) roll_back(s);
  }
  if (!rc) return id;
  err_set(s->err, sizeof s->err, "write run (scenario '%s', point %d, replication %d) to '%s': %s",
          run->scenario ? run->scenario : "?", run->point, run->replication, s->path, s->why);
  return -1;
}
