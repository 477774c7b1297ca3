-- results/schema.sql -- the neosim results database, schema version 3.
--
-- This file is the public contract of the database that `neosim run` writes
-- (default results/neosim.db).  neosim compiles this very text in and runs it
-- on a new, empty file; `sqlite3 new.db < results/schema.sql` makes the same.
-- Query with the sqlite3 shell, e.g.
--   sqlite3 -header -column results/neosim.db < results/queries/compare_points.sql
-- and start from the examples in results/queries/.
--
-- One row of `runs` is one replication of one sweep point of one scenario
-- version.  A run and all its rows (params, metrics, series) are written in
-- one transaction: a killed batch never leaves half a run.  A run is
-- identified by (scenario_sha256, point, replication); running the same one
-- again replaces the old run and all its rows.
--
-- Conventions: times of day are unix seconds (REAL; read them with
-- datetime(x, 'unixepoch')); simulated time is in days since the scenario
-- start; money is US dollars; a value that does not exist (an IRR that has no
-- root, a mean over zero jobs) is NULL.  neosim opens the database in WAL
-- mode (PRAGMA journal_mode=WAL), so several processes can write one file.

-- Each scenario version that produced runs: the exact Lua source and the
-- --set overrides, so a result can always be traced to, and re-run from,
-- what produced it.  A version is the source plus the overrides: the same
-- file run with --set tenants.od.nodes=8 and with =9 are two versions.
-- (Modules the scenario requires are not part of the version.)
CREATE TABLE scenarios (
  -- The version's identity, lowercase hex SHA-256 of `source` when there
  -- are no overrides, else of `source` || char(10) || '-- neosim --set'
  -- || char(10) || `overrides`.
  sha256     TEXT PRIMARY KEY,
  name       TEXT NOT NULL,     -- the scenario's `name`
  path       TEXT,              -- the file it was loaded from, as given on the command line
  source     TEXT NOT NULL,     -- the Lua source text
  overrides  TEXT NOT NULL DEFAULT '',  -- the --set options, 'KEY=VALUE' lines in the order given
  created_at REAL NOT NULL      -- unix seconds when first stored
             DEFAULT ((julianday('now') - 2440587.5) * 86400.0)
);

-- One row per run: a (sweep point, replication) of one scenario version.
CREATE TABLE runs (
  id              INTEGER PRIMARY KEY,  -- referenced by params, metrics and series
  scenario        TEXT NOT NULL,        -- scenario name (as scenarios.name)
  scenario_sha256 TEXT NOT NULL REFERENCES scenarios (sha256),  -- the scenario version
  point           INTEGER NOT NULL CHECK (point >= 0),        -- sweep point, 0-based
  replication     INTEGER NOT NULL CHECK (replication >= 0),  -- 0-based
  -- Base seed of the batch.  The run's random streams derive from (seed,
  -- replication, process name), never from the point: runs with the same
  -- replication at different points share random numbers (paired
  -- comparisons).  An INTEGER; a seed above 2^63-1 (beyond SQLite's
  -- integers) is kept exactly as TEXT holding its decimal digits.
  seed            NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('done', 'failed', 'running')),
                                        -- 'running' is reserved for runs in progress
  error           TEXT,                 -- why it failed; NULL when done
  events          INTEGER,              -- simulation events dispatched
  wall_s          REAL,                 -- wall-clock seconds the run took
  started_at      REAL,                 -- unix seconds
  finished_at     REAL,                 -- unix seconds
  version         TEXT,                 -- neosim version that wrote the run
  UNIQUE (scenario_sha256, point, replication)
);

-- The parameters of each run: the swept values and the effective scalar
-- parameters, by key path (e.g. 'tenants.od.arrivals_per_hour').
CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,  -- runs.id
  name   TEXT NOT NULL,     -- key path, as `--set` and `sweep` spell it
  -- The value.  NUMERIC: text that is a number is stored as a number, so
  -- values compare and sort as numbers (value = 0.1 works); other values
  -- (names, dates) stay text.
  value  NUMERIC,
  swept  INTEGER NOT NULL DEFAULT 0 CHECK (swept IN (0, 1)),  -- 1 when the sweep sets it
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

-- Run-level results, one row per run and metric.  Names include at least
-- revenue_total, opex_total, power_cost_total, depreciation_total,
-- capex_total, interest_total, npv, irr, cash_min, utilization_mean,
-- failures, default_day (NULL when no default), and per tenant
-- '<tenant>.revenue'; for on-demand and spot tenants also '<tenant>.jobs',
-- '<tenant>.blocked_fraction' and '<tenant>.wait_mean_hours'.
CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,  -- runs.id
  name   TEXT NOT NULL,     -- metric name ('npv', 'od.jobs', ...; README lists them all)
  value  REAL,              -- NULL when the value does not exist
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;
CREATE INDEX metrics_by_name ON metrics (name, run_id);  -- one metric across runs

-- Periodic samples of a run (monthly by default): 'revenue', 'opex' (in the
-- period), 'cash', 'debt', 'utilization', 'nodes_online', market prices,
-- '<tenant>.revenue' (in the period), ...
-- run_id is runs.id, but not declared REFERENCES: series is the bulk of
-- the database and a foreign-key check per row costs about 10% of the
-- insert speed.  neosim deletes a run's series with the run; when deleting
-- runs by hand, delete their series (and params, metrics) too.
CREATE TABLE series (
  run_id INTEGER NOT NULL,  -- runs.id
  t_days REAL NOT NULL,     -- simulated days since the scenario start
  name   TEXT NOT NULL,     -- series name ('cash', 'market.h100', 'od.revenue', ...)
  value  REAL               -- NULL when the value does not exist
);
-- A run's samples, and one curve of a run (run_id = ? AND name = ? ORDER BY
-- t_days).  Keyed in the order the simulation writes (time, then series),
-- so inserts append: with dozens of series per run this is 2-4 times
-- faster than (run_id, name, t_days), for reading a run's few thousand
-- samples either way.
CREATE INDEX series_by_run ON series (run_id, t_days, name);

-- Business events of a run, in time order: contract starts, renewals and
-- ends, tenant defaults, orders, shocks (when they hit and end), facility
-- draws, covenant breaches and the default that ends a run.  Failures and
-- repairs (many) are recorded only for traced runs.  Answers "why did cash
-- run out in this replication?":
--   SELECT t_days, kind, subject, detail FROM events WHERE run_id = ? ORDER BY t_days;
-- Schema version 2 added this table, version 3 scenarios.overrides (older
-- databases are refused with a message: re-run into a new file).
CREATE TABLE events (
  run_id  INTEGER NOT NULL,  -- runs.id (not declared REFERENCES, as series)
  t_days  REAL NOT NULL,     -- simulated days since the scenario start
  kind    TEXT NOT NULL,     -- contract_start, renewal, contract_end, tenant_default, order,
                             -- shock, shock_end, release, draw, covenant_breach, default,
                             -- termination_notice, offer_declined, failure (traced)
  subject TEXT NOT NULL,     -- the tenant, SKU, shock, debt tranche ... it concerns
  detail  TEXT               -- a human-readable account
);
CREATE INDEX events_by_run ON events (run_id, t_days);

-- The 0.975 quantile of Student's t distribution with df degrees of
-- freedom, for confidence intervals.  SQLite has no t quantile function, so
-- the summary view uses the row with the largest df <= n - 1: exact for
-- df 1..30, 40, 50, 60, 80, 100, 120, 200, 500 and 1000, and slightly too
-- large (a conservative, wider interval) in between and beyond 1000
-- (1.9623 against 1.9600 for infinite df).
CREATE TABLE student_t (
  df   INTEGER PRIMARY KEY,  -- degrees of freedom
  t975 REAL NOT NULL        -- t(0.975, df)
);
INSERT INTO student_t (df, t975) VALUES
  (1, 12.706205), (2, 4.302653), (3, 3.182446), (4, 2.776445), (5, 2.570582),
  (6, 2.446912), (7, 2.364624), (8, 2.306004), (9, 2.262157), (10, 2.228139),
  (11, 2.200985), (12, 2.178813), (13, 2.160369), (14, 2.144787), (15, 2.131450),
  (16, 2.119905), (17, 2.109816), (18, 2.100922), (19, 2.093024), (20, 2.085963),
  (21, 2.079614), (22, 2.073873), (23, 2.068658), (24, 2.063899), (25, 2.059539),
  (26, 2.055529), (27, 2.051831), (28, 2.048407), (29, 2.045230), (30, 2.042272),
  (40, 2.021075), (50, 2.008559), (60, 2.000298), (80, 1.990063), (100, 1.983972),
  (120, 1.979930), (200, 1.971896), (500, 1.964720), (1000, 1.962339);

-- Each metric across the replications of a sweep point, over runs with
-- status 'done':
--   scenario         scenario name
--   point            sweep point
--   metric           metric name
--   n                replications with a non-NULL value
--   mean             sample mean (NULL when n = 0)
--   sd               sample standard deviation, divisor n - 1 (NULL when n < 2)
--   ci95             half-width of the 95% confidence interval of the mean,
--                    t(0.975, n - 1) * sd / sqrt(n), t from student_t
--                    (NULL when n < 2)
--   scenario_sha256  the scenario version: an edited scenario gets new rows
--                    rather than being mixed with the old one
-- sd is computed in two passes (deviations from the mean), which stays
-- accurate for large values with small spread (revenues of 1e9 +- 1).
-- Needs the SQL function sqrt: built into the sqlite3 shell (3.35 and
-- later) and into libraries compiled with SQLITE_ENABLE_MATH_FUNCTIONS
-- (Debian's are); neosim adds its own to its connections, so it works with
-- any library.
CREATE VIEW summary AS
WITH vals AS (
  SELECT r.scenario, r.scenario_sha256, r.point, m.name AS metric, m.value
  FROM runs r JOIN metrics m ON m.run_id = r.id
  WHERE r.status = 'done'
), moments AS (
  SELECT scenario, scenario_sha256, point, metric, count(value) AS n, avg(value) AS mean
  FROM vals GROUP BY scenario_sha256, point, metric
), spread AS (
  SELECT o.scenario, o.scenario_sha256, o.point, o.metric, o.n, o.mean,
         CASE WHEN o.n > 1
              THEN sqrt(sum((v.value - o.mean) * (v.value - o.mean)) / (o.n - 1)) END AS sd
  FROM moments o
  JOIN vals v ON v.scenario_sha256 = o.scenario_sha256 AND v.point = o.point
             AND v.metric = o.metric
  GROUP BY o.scenario_sha256, o.point, o.metric
)
SELECT scenario, point, metric, n, mean, sd,
       (SELECT t.t975 FROM student_t t WHERE t.df <= n - 1 ORDER BY t.df DESC LIMIT 1)
         * sd / sqrt(n) AS ci95,
       scenario_sha256
FROM spread;

-- The parameters of each run with its point and replication:
--   run_id, point, replication, name, value (as in params), then swept and
--   scenario.
CREATE VIEW run_params AS
SELECT r.id AS run_id, r.point, r.replication, p.name, p.value, p.swept, r.scenario
FROM runs r JOIN params p ON p.run_id = r.id;

-- The swept parameter values of each sweep point (one row per point and
-- swept key; all runs of a point share them):
--   scenario, point, name, value, then scenario_sha256.
CREATE VIEW point_params AS
SELECT DISTINCT r.scenario, r.point, p.name, p.value, r.scenario_sha256
FROM runs r JOIN params p ON p.run_id = r.id
WHERE p.swept = 1;

PRAGMA user_version = 3;
