-- results/schema.sql -- the neosim results database, schema version 7.
-- (Version 7: the tables of designs of uncertain inputs (designs,
-- design_inputs, design_correlations, design_points) and the metrics defaulted and
-- breached; neosim opening a version-6 file to write adds the tables and
-- makes it version 7; it reads version-6 files as they are.
-- Version 6: series is a view over series_data, whose rows code their
-- names as integers (series_names), 40% of the bytes.  neosim refuses
-- to add runs to, or read, a version-5 file, as older ones; sqlite3
-- still reads it.
-- Version 5, neosim 0.3.0: the money is kept in double-entry books and
-- the figures an audit found wrong are corrected; npv is the equity's,
-- npv_unlevered the project's; payback_years is 0 for a run whose
-- cumulative cash flow is never negative; the view statements.  neosim
-- neither adds runs to a version-4 file, whose figures are of the old
-- definitions, nor reads it.  Version 4: the views paired, tails and risk,
-- and the ziggurat exponential sampler; version 3 drew -mean*log(u).)
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
  -- (names, dates) stay text.  An integer beyond SQLite's (a seed above
  -- 2^63-1) becomes the nearest REAL: runs.seed holds the seed exactly.
  value  NUMERIC,
  swept  INTEGER NOT NULL DEFAULT 0 CHECK (swept IN (0, 1)),  -- 1 when the sweep sets it
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

-- Run-level results, one row per run and metric.  Names include at least
-- revenue_total, opex_total, power_cost_total, depreciation_total,
-- capex_total, interest_total, npv, npv_unlevered, irr, cash_min,
-- utilization_mean, failures, default_day (NULL when no default),
-- defaulted and breached (0/1 indicators: a default, any covenant breach;
-- their means are probabilities),
-- covenant_breaches (breaches of every covenant; covenant_breaches.dscr,
-- .leverage, .interest_cover, .ltv and .min_cash by kind), payback_years,
-- and per tenant
-- '<tenant>.revenue'; for on-demand and spot tenants also '<tenant>.jobs',
-- '<tenant>.blocked_fraction' and '<tenant>.wait_mean_hours' (the README
-- lists them all).  The money metrics, as defined since schema version 5:
--   npv_unlevered  NPV at finance.discount_rate of the monthly operating
--                  flows (receipts - opex - capex + sale proceeds: the
--                  flows before financing), plus the fleet's book value
--                  at the end with finance.terminal = "book": the
--                  project's value, whatever its financing.  Flows at the
--                  start are discounted as of the start, the others at
--                  their month's end (a default: the day it happens).
--   npv            the equity's: NPV of the operating flows and the
--                  lenders' (draws - interest paid - repayments), plus at
--                  the end the fleet's value (its book value with terminal
--                  "book", else 0) less the debt and interest owed.  At a
--                  default the equity loses at most what it had: cash
--                  below zero is the creditors' loss, and what the fleet
--                  leaves after the debts counts only if positive.
--                  Without debt npv = npv_unlevered.
--   npv_with_internal  npv plus the discounted value of own use.
--   irr            of the flows of npv_unlevered; NULL when none or several.
--   payback_years  of the same flows: the first time from which their
--                  cumulative sum stays >= 0; 0 when it is never negative
--                  (nothing to pay back); NULL when it ends negative.
--   book_value_end every node paid for: deposits of nodes on order or in
--                  transit at their price, delivered nodes (waiting for
--                  power, installing, in service) at cost less
--                  depreciation; lost nodes are written off; and the
--                  capacity built (build actions): construction in
--                  progress at what was paid, the built sites at cost less
--                  depreciation.
--   impairment_total  book value written down to market values (a SKU's
--                  resale_rent_share x GPUs x its index x hours of life
--                  left), in is.write_off; lease_cost_total  payments for
--                  nodes leased in (in opex);
--   build_capex_total  paid for building capacity (in capex_total);
--   mw_built       MW the builds brought online; site_depreciation_total
--                  the built sites' depreciation (in depreciation_total).
--   interest_total interest accrued by the hour on each tranche's balance
--                  (rate / 8766 an hour, at the day's rate: a floating
--                  rate's base plus its spread), paid at each month end.
--   fees_total     lenders' fees: upfront fees and facilities' commitment
--                  fees (in is.interest with the interest).
--   equity_raised_total, dividends_total, buybacks_total  the owners'
--                  flows (policy actions raise, dividend, buyback);
--   ownership_end  the share of the company the owners at the start
--                  still hold after the raises (1 without any).
--   tax_total      income tax of the run (finance.tax): each calendar
--                  year's profit before tax, less the losses carried
--                  forward, times the rate; paid at the year's end and at
--                  the run's end.  Tax paid is an operating flow: npv,
--                  npv_unlevered, irr and payback are after tax.
-- The financial statements, from the run's double-entry books, as run
-- totals (flows only; the balance sheet is in series):
--   is.revenue       revenue net of SLA credits, prepayments forfeited included
--   is.opex          power + colocation + staff + bad debt
--   is.ebitda        is.revenue - is.opex
--   is.depreciation  straight-line depreciation of the nodes in service
--   is.write_off     the book value of nodes lost (a site without repair)
--   is.gain_on_sale  proceeds of nodes sold or retired less their book value
--   is.interest      interest and lenders' fees
--   is.tax
--   is.net_income    is.ebitda - is.depreciation - is.write_off
--                    + is.gain_on_sale - is.interest - is.tax
--   cf.operating     cash from customers less opex, interest and tax paid
--   cf.investing     nodes paid for (deposits, deliveries) less sale proceeds
--   cf.financing     debt drawn less principal repaid, plus the owners'
--                    flows (cf.equity) (the opening cash is
--                    not a flow of the run)
--   cf.net           the three added: cash at the end less cash at the start
--   cf.equity        of cf.financing, the owners' flows: equity raised less
--                    dividends and buy-backs
-- Warm-up: the statistics of a steady state leave out the scenario's first
-- warmup_days -- the time averages utilization_mean and '<tenant>.queue_mean'
-- run from the end of the warm-up, and '<tenant>.jobs', '.served',
-- '.blocked_fraction', '.abandoned_fraction' and '.wait_mean_hours' count
-- only jobs arriving after it.  Money, GPU-hours, failures and every other
-- total cover the whole horizon: the cash of the warm-up is real.
CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,  -- runs.id
  name   TEXT NOT NULL,     -- metric name ('npv', 'od.jobs', ...; README lists them all)
  value  REAL,              -- NULL when the value does not exist
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;

-- Periodic samples of a run (monthly by default): 'revenue', 'opex' (in the
-- period), 'cash', 'debt', 'utilization' (busy over installed node-hours in
-- the period), 'utilization.<site>' (the same of a site's nodes, counting a
-- node lost or sold until it went; NULL when the site had none),
-- 'nodes_online', 'nodes.<state>' (nodes in each state at the sample:
-- ordered, in_transit, installing, idle, leased, busy, failed, repairing,
-- retired), market prices, '<tenant>.revenue' (in the period), ...
-- and the month's financial statements, from the run's books:
--   income statement, flows in the month: is.revenue, is.opex, is.ebitda,
--     is.depreciation, is.write_off, is.gain_on_sale, is.interest, is.tax,
--     is.net_income (as the metrics of the same names);
--   balance sheet, at the month end: bs.cash, bs.receivables (bills
--     accrued, not yet collected), bs.deposits (nodes paid for, not yet
--     delivered), bs.equipment_net (delivered nodes at cost less
--     depreciation), bs.construction (capacity being built, at what was
--     paid), bs.sites_net (capacity built, at cost less depreciation),
--     bs.assets, bs.contract_liabilities (prepayments not
--     yet earned), bs.accrued_interest, bs.tax_payable (tax of the year
--     so far, not yet paid), bs.debt, bs.liabilities, bs.equity
--     (contributed, and earnings so far); bs.assets = bs.liabilities +
--     bs.equity at every month;
--   cash-flow statement, flows in the month: cf.operating, cf.investing,
--     cf.financing, and cf.net, their sum: the change of bs.cash over the
--     month; cf.equity, the owners' part of cf.financing (so the change of
--     bs.equity over a month is is.net_income + cf.equity).
-- `series` is a view with the columns
--   run_id  runs.id
--   t_days  simulated days since the scenario start
--   name    series name ('cash', 'market.h100', 'od.revenue', ...)
--   value   NULL when the value does not exist
-- read with a plain select (e.g. SELECT t_days, value FROM series WHERE
-- run_id = ? AND name = 'cash' ORDER BY t_days) and written with INSERT,
-- UPDATE and DELETE as if it were a table (triggers do the work).  The rows are
-- kept in series_data, each name once in series_names: with names coded
-- as small integers and no rowid, a row takes about 30 bytes on disk
-- where a row of (run_id, t_days, name, value) with its index took 76.
-- Since schema version 6.
CREATE TABLE series_names (
  id   INTEGER PRIMARY KEY,   -- referenced by series_data.name_id
  name TEXT NOT NULL UNIQUE   -- the series' name
);
-- run_id is runs.id, but not declared REFERENCES: series is the bulk of
-- the database and a foreign-key check per row costs about 10% of the
-- insert speed.  neosim deletes a run's series with the run; when deleting
-- runs by hand, delete their series (and params, metrics) too.  Keyed in
-- the order the simulation writes (time, then series), so inserts append;
-- a run's samples, and one curve of a run, are a range of the key.
CREATE TABLE series_data (
  run_id  INTEGER NOT NULL,  -- runs.id
  t_days  REAL NOT NULL,     -- simulated days since the scenario start
  name_id INTEGER NOT NULL,  -- series_names.id
  value   REAL,              -- NULL when the value does not exist
  PRIMARY KEY (run_id, t_days, name_id)
) WITHOUT ROWID;
-- The series as one table: run_id, t_days, name (decoded from
-- series_names), value; INSERT, UPDATE and DELETE on it go to series_data
-- and series_names (the triggers below).
CREATE VIEW series AS
SELECT d.run_id, d.t_days, n.name, d.value
FROM series_data d JOIN series_names n ON n.id = d.name_id;
CREATE TRIGGER series_insert INSTEAD OF INSERT ON series BEGIN
  INSERT OR IGNORE INTO series_names (name) VALUES (NEW.name);
  INSERT INTO series_data (run_id, t_days, name_id, value)
  VALUES (NEW.run_id, NEW.t_days, (SELECT id FROM series_names WHERE name = NEW.name), NEW.value);
END;
CREATE TRIGGER series_update INSTEAD OF UPDATE ON series BEGIN
  INSERT OR IGNORE INTO series_names (name) VALUES (NEW.name);
  UPDATE series_data SET run_id = NEW.run_id, t_days = NEW.t_days,
    name_id = (SELECT id FROM series_names WHERE name = NEW.name), value = NEW.value
  WHERE run_id = OLD.run_id AND t_days = OLD.t_days
    AND name_id = (SELECT id FROM series_names WHERE name = OLD.name);
END;
CREATE TRIGGER series_delete INSTEAD OF DELETE ON series BEGIN
  DELETE FROM series_data WHERE run_id = OLD.run_id AND t_days = OLD.t_days
    AND name_id = (SELECT id FROM series_names WHERE name = OLD.name);
END;

-- Business events of a run, in time order: contract starts, renewals and
-- ends, tenant defaults, orders, shocks (when they hit and end), facility
-- draws, covenant breaches and the default that ends a run.  Runs traced
-- with `neosim run --trace P:R` also record the frequent ones: shipments,
-- deliveries, installs (and waits for power), failures, repairs, sales
-- and retirements of nodes, and every policy call with its actions.
-- Answers "why did cash run out in this replication?":
--   SELECT t_days, kind, subject, detail FROM events WHERE run_id = ? ORDER BY t_days;
-- Schema version 2 added this table, version 3 scenarios.overrides (older
-- databases are refused with a message: re-run into a new file).
CREATE TABLE events (
  run_id  INTEGER NOT NULL,  -- runs.id (not declared REFERENCES, as series)
  t_days  REAL NOT NULL,     -- simulated days since the scenario start
  -- Every run: contract_start, renewal, contract_end, tenant_default, order,
  -- shock, shock_end, release, draw, covenant_test (monthly and quarterly
  -- tests), covenant_breach, covenant_cured, covenant_action (a breach not
  -- cured acted on), sweep, acceleration, repay, refinance, equity_raise,
  -- dividend, buyback, tax (each tax year), default,
  -- termination_notice, recall (the operator's notice), offer_declined,
  -- outage (a site's nodes down together).  Traced runs also: shipment,
  -- delivery, power_wait, install, failure, repair, sale, retirement,
  -- policy.
  kind    TEXT NOT NULL,
  -- What it concerns: the tenant, SKU, shock, debt tranche, 'cash'; for
  -- 'policy' the policy (procurement, pricing, allocation).
  subject TEXT NOT NULL,
  -- A human-readable account; for 'policy' "REASON: ACTION; ACTION" with
  -- REASON review, shock or contract_end and each action as key=value
  -- pairs ("review: order=h100 site=dc1 nodes=100"), or "REASON: no action".
  detail  TEXT
);
CREATE INDEX events_by_run ON events (run_id, t_days);

-- BEGIN version 7 (neosim adds these tables to a version-6 file it opens
-- to write; version 6 had none of them)
-- The design of a scenario version with uncertain inputs (the scenario key
-- `uncertain`): point p is row p % rows of the design at sweep point
-- p / rows, and each input's value at a point is in params (swept = 1,
-- named as in design_inputs).
CREATE TABLE designs (
  scenario_sha256 TEXT PRIMARY KEY REFERENCES scenarios (sha256),  -- the scenario version
  design       TEXT NOT NULL CHECK (design IN ('random', 'lhs', 'saltelli', 'morris')),
  -- as asked: rows of random and lhs; base samples N of saltelli, whose
  -- rows go A, B, then A with input i from B (AB_i) for each i, per base
  -- sample (rows = N (k + 2)); trajectories of morris, k + 1 rows each,
  -- every row one input moved from the row before (rows = N (k + 1))
  samples      INTEGER NOT NULL CHECK (samples >= 1),
  rows         INTEGER NOT NULL CHECK (rows >= 1),          -- design points per sweep point
  sweep_points INTEGER NOT NULL CHECK (sweep_points >= 1)   -- points = rows x sweep_points
);

-- The inputs of a design, in its column order.
CREATE TABLE design_inputs (
  scenario_sha256 TEXT NOT NULL REFERENCES designs (scenario_sha256),  -- the scenario version
  input INTEGER NOT NULL CHECK (input >= 0),  -- 0-based column
  name  TEXT NOT NULL,   -- key path, as --set writes it
  dist  TEXT NOT NULL,   -- its distribution: 'uniform(1.5,3.5)', 'triangular(4,5,6)'
  PRIMARY KEY (scenario_sha256, input)
) WITHOUT ROWID;

-- Rank correlations between a design's inputs, for every pair a < b: the
-- one asked for (0 when none was) and Spearman's of the design's columns.
CREATE TABLE design_correlations (
  scenario_sha256 TEXT NOT NULL REFERENCES designs (scenario_sha256),  -- the scenario version
  a        INTEGER NOT NULL,               -- design_inputs.input
  b        INTEGER NOT NULL CHECK (b > a), -- design_inputs.input
  target   REAL NOT NULL,                  -- the rank correlation asked for
  achieved REAL NOT NULL,                  -- Spearman's of the design's columns
  PRIMARY KEY (scenario_sha256, a, b)
) WITHOUT ROWID;
-- The design itself: the probability of each input at each row.  The
-- value of input i at a row (in params) is the quantile of its
-- distribution at p, rounded for an integer key; the analyses read which
-- input a Morris step moved, and which way, from p.
CREATE TABLE design_points (
  scenario_sha256 TEXT NOT NULL REFERENCES designs (scenario_sha256),  -- the scenario version
  row   INTEGER NOT NULL CHECK (row >= 0),    -- design row: points row, row + rows, ...
  input INTEGER NOT NULL CHECK (input >= 0),  -- design_inputs.input
  p     REAL NOT NULL CHECK (p > 0 AND p < 1),  -- its probability
  PRIMARY KEY (scenario_sha256, row, input)
) WITHOUT ROWID;
-- The response at each design point: each metric's mean over the point's
-- done runs (NULL when none has a value), what `neosim sensitivity` and the
-- views below analyse:
--   scenario_sha256, sweep_point, row (point = sweep_point * rows + row),
--   metric, y, n (runs with a value)
CREATE VIEW design_responses AS
SELECT r.scenario_sha256, r.point / d.rows AS sweep_point, r.point % d.rows AS row,
       m.name AS metric, avg(m.value) AS y, count(m.value) AS n
FROM designs d
JOIN runs r ON r.scenario_sha256 = d.scenario_sha256 AND r.status = 'done'
JOIN metrics m ON m.run_id = r.id
GROUP BY r.scenario_sha256, r.point, m.name;

-- Sobol indices of a saltelli design, per sweep point, metric and input
-- (the estimates of `neosim sensitivity`, without their intervals):
--   scenario_sha256, sweep_point, metric, input (its name), n (base samples
--   whose k + 2 points all have a response), s1 (Saltelli 2010:
--   avg((f(B) - f0) (f(AB_i) - f(A))) / V), st (Jansen: avg((f(A) -
--   f(AB_i))^2) / 2V), with f0 and V the mean and variance (divisor 2n) of
--   the f(A) and f(B) of those base samples.  Query it for one metric:
--   WHERE metric = 'npv'.
CREATE VIEW sobol AS
WITH k AS (
  SELECT scenario_sha256, count(*) AS k FROM design_inputs GROUP BY scenario_sha256
), base AS (
  SELECT y.scenario_sha256, y.sweep_point, y.metric, y.row / (k.k + 2) AS j, k.k,
         max(CASE WHEN y.row % (k.k + 2) = 0 THEN y.y END) AS fa,
         max(CASE WHEN y.row % (k.k + 2) = 1 THEN y.y END) AS fb
  FROM design_responses y
  JOIN designs d ON d.scenario_sha256 = y.scenario_sha256 AND d.design = 'saltelli'
  JOIN k ON k.scenario_sha256 = y.scenario_sha256
  GROUP BY y.scenario_sha256, y.sweep_point, y.metric, y.row / (k.k + 2)
  HAVING count(y.y) = k.k + 2
), moments AS (
  SELECT scenario_sha256, sweep_point, metric, count(*) AS n, avg((fa + fb) / 2.0) AS f0
  FROM base GROUP BY scenario_sha256, sweep_point, metric
), spread AS (
  SELECT o.*, (SELECT avg(((b.fa - o.f0) * (b.fa - o.f0) + (b.fb - o.f0) * (b.fb - o.f0)) / 2.0)
               FROM base b WHERE b.scenario_sha256 = o.scenario_sha256
                 AND b.sweep_point = o.sweep_point AND b.metric = o.metric) AS v
  FROM moments o
)
SELECT s.scenario_sha256, s.sweep_point, s.metric, i.name AS input, s.n,
       avg((b.fb - s.f0) * (ab.y - b.fa)) / s.v AS s1,
       avg((b.fa - ab.y) * (b.fa - ab.y)) / (2 * s.v) AS st
FROM spread s
JOIN base b ON b.scenario_sha256 = s.scenario_sha256 AND b.sweep_point = s.sweep_point
  AND b.metric = s.metric
JOIN design_inputs i ON i.scenario_sha256 = s.scenario_sha256
JOIN design_responses ab ON ab.scenario_sha256 = s.scenario_sha256
  AND ab.sweep_point = s.sweep_point AND ab.metric = s.metric
  AND ab.row = b.j * (b.k + 2) + 2 + i.input
WHERE s.v > 0
GROUP BY s.scenario_sha256, s.sweep_point, s.metric, i.input;

-- Morris's elementary effects of a morris design, per sweep point, metric
-- and input: each step's (y after - y before) / (+-0.5, the change of the
-- moved input's probability), over the trajectories whose k + 1 points all
-- have a response:
--   scenario_sha256, sweep_point, metric, input, n (trajectories),
--   mu_star (mean absolute effect), sigma (their standard deviation,
--   divisor n - 1).
CREATE VIEW morris AS
WITH k AS (
  SELECT scenario_sha256, count(*) AS k FROM design_inputs GROUP BY scenario_sha256
), whole AS (
  SELECT y.scenario_sha256, y.sweep_point, y.metric, y.row / (k.k + 1) AS t
  FROM design_responses y
  JOIN designs d ON d.scenario_sha256 = y.scenario_sha256 AND d.design = 'morris'
  JOIN k ON k.scenario_sha256 = y.scenario_sha256
  GROUP BY y.scenario_sha256, y.sweep_point, y.metric, y.row / (k.k + 1)
  HAVING count(y.y) = k.k + 1
), steps AS (
  SELECT y1.scenario_sha256, y1.sweep_point, y1.metric, p1.input,
         (y1.y - y0.y) / (CASE WHEN p1.p > p0.p THEN 0.5 ELSE -0.5 END) AS ee
  FROM whole w
  JOIN k ON k.scenario_sha256 = w.scenario_sha256
  JOIN design_responses y1 ON y1.scenario_sha256 = w.scenario_sha256
    AND y1.sweep_point = w.sweep_point AND y1.metric = w.metric
    AND y1.row / (k.k + 1) = w.t AND y1.row % (k.k + 1) <> 0
  JOIN design_responses y0 ON y0.scenario_sha256 = y1.scenario_sha256
    AND y0.sweep_point = y1.sweep_point AND y0.metric = y1.metric AND y0.row = y1.row - 1
  JOIN design_points p1 ON p1.scenario_sha256 = y1.scenario_sha256 AND p1.row = y1.row
  JOIN design_points p0 ON p0.scenario_sha256 = y1.scenario_sha256 AND p0.row = y0.row
    AND p0.input = p1.input AND p0.p <> p1.p
), moments AS (
  SELECT scenario_sha256, sweep_point, metric, input, count(*) AS n, avg(abs(ee)) AS mu_star,
         avg(ee) AS mean
  FROM steps GROUP BY scenario_sha256, sweep_point, metric, input
)
SELECT o.scenario_sha256, o.sweep_point, o.metric, i.name AS input, o.n, o.mu_star,
       CASE WHEN o.n > 1 THEN sqrt((SELECT sum((s.ee - o.mean) * (s.ee - o.mean)) FROM steps s
         WHERE s.scenario_sha256 = o.scenario_sha256 AND s.sweep_point = o.sweep_point
           AND s.metric = o.metric AND s.input = o.input) / (o.n - 1)) END AS sigma
FROM moments o
JOIN design_inputs i ON i.scenario_sha256 = o.scenario_sha256 AND i.input = o.input;

-- The tornado of a random or lhs design, per sweep point, metric and input:
-- the mean response where the input is in the lowest fifth of its
-- distribution (low: probability below 0.2) and in the highest (high:
-- above 0.8), over the points with a response:
--   scenario_sha256, sweep_point, metric, input, n_low, low, n_high, high.
CREATE VIEW tornado AS
SELECT y.scenario_sha256, y.sweep_point, y.metric, i.name AS input,
       count(CASE WHEN p.p < 0.2 THEN y.y END) AS n_low, avg(CASE WHEN p.p < 0.2 THEN y.y END) AS low,
       count(CASE WHEN p.p > 0.8 THEN y.y END) AS n_high, avg(CASE WHEN p.p > 0.8 THEN y.y END) AS high
FROM design_responses y
JOIN designs d ON d.scenario_sha256 = y.scenario_sha256 AND d.design IN ('random', 'lhs')
JOIN design_points p ON p.scenario_sha256 = y.scenario_sha256 AND p.row = y.row
JOIN design_inputs i ON i.scenario_sha256 = p.scenario_sha256 AND i.input = p.input
WHERE y.y IS NOT NULL
GROUP BY y.scenario_sha256, y.sweep_point, y.metric, p.input;
-- END version 7

-- BEGIN version 8 (neosim adds these tables to a file of version 6 or 7
-- it opens to write)
-- The experiments run on a scenario version (neosim select, seek, optimize):
-- the runs they use are ordinary runs (with the experiment's seed): of the
-- version for select; for seek and optimize, of a version per value tried
-- (the version with --set sweep=none and the values of the keys varied:
-- scenarios.overrides), the experiment's version being the one without the
-- keys varied.  An
-- experiment asked again with the same settings replaces its row.
CREATE TABLE experiments (
  id              INTEGER PRIMARY KEY,  -- experiment_points.experiment_id
  scenario_sha256 TEXT NOT NULL REFERENCES scenarios (sha256),  -- the scenario version
  kind            TEXT NOT NULL CHECK (kind IN ('select', 'seek', 'optimize')),  -- the command
  -- 'KN (Kim and Nelson 2001)' (with constraints: '... on the points found
  -- feasible by sequential tests'), 'bisection with sequential t tests',
  -- 'retrospective approximation by Nelder-Mead, then KN'
  procedure       TEXT NOT NULL,
  seed            INTEGER NOT NULL,  -- base seed of its runs
  metric          TEXT NOT NULL,     -- the metric compared
  minimize        INTEGER NOT NULL CHECK (minimize IN (0, 1)),  -- 1: the best is the smallest
  -- the settings: select 'delta=D alpha=A n0=N max_reps=M' and each
  -- ' constraint=METRIC<=V~TOL'; optimize 'vary=KEY=LO:HI[:int],... budget=B
  -- alpha=A n0=N max_reps=M finalists=K delta=D'; seek 'vary=KEY=LO:HI,...
  -- target=T alpha=A n0=N max_reps=M budget=B tol=X'
  parameters      TEXT NOT NULL,
  -- 'running' from its start (a killed one stays so until run again), 'done'
  status          TEXT NOT NULL CHECK (status IN ('running', 'done')),
  -- select: the last stage (replications of the points left); seek: values
  -- tried; optimize: stages of the search
  stages          INTEGER,
  -- 'best: point K', 'root: KEY=VALUE [LO, HI]', 'best: KEY=VALUE ...', when done
  decision        TEXT,
  started_at      REAL NOT NULL,  -- unix time of its last start
  finished_at     REAL,           -- unix time it ended, when done
  UNIQUE (scenario_sha256, kind, seed, metric, minimize, parameters)
);

-- Each sweep point of a finished select; each value a seek or an optimize
-- tried, in order.
CREATE TABLE experiment_points (
  experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,  -- experiments.id
  point   INTEGER NOT NULL,  -- the sweep point; seek, optimize: the value's number, 0 first
  value   TEXT,              -- seek, optimize: the keys' values, 'KEY=VALUE ...'; select: NULL
  n       INTEGER NOT NULL,  -- replications its figures use (select: its last stage)
  mean    REAL,              -- the metric's mean over them
  ci_low  REAL,              -- its 95% confidence interval (Student's t)
  ci_high REAL,
  -- select: 'best' (the point chosen), 'eliminated' (at stage), 'in' (not
  -- eliminated, not chosen: tied with the best, or in at max_reps),
  -- 'infeasible' (a constraint's mean found outside its bound), 'undecided'
  -- (feasibility not decided at max_reps); seek:
  -- 'above' or 'below' (the mean decided above or below the target),
  -- 'undecided' (not decided within max_reps or the budget); optimize: 'best'
  -- and 'eliminated' (the finalists, by the final KN), 'tried' (the others)
  status  TEXT NOT NULL CHECK (status IN ('best', 'eliminated', 'in', 'infeasible', 'above',
                                          'below', 'undecided', 'tried')),
  stage   INTEGER,           -- the stage it was eliminated at; NULL otherwise
  PRIMARY KEY (experiment_id, point)
) WITHOUT ROWID;
-- END version 8

-- BEGIN version 9 (neosim drops this index from a file of version 6 to 8 it
-- opens to write).  Every read of the metrics goes from runs to metrics by
-- run_id (the primary key); an index by name made each run's insert touch a
-- page per metric name, and took a third of a batch's time.
DROP INDEX IF EXISTS metrics_by_name;
-- END version 9

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
-- The summary, tails, paired and risk views compute each group by its own
-- subqueries, so a query that names the metric (and the baseline) reads
-- only its rows: at 10^4 runs of 100 metrics, WHERE metric = 'npv' answers
-- in about 0.1 s (summary, tails, risk) and 0.3 s (paired, one baseline);
-- a whole view takes seconds, paired with every baseline at once minutes.
CREATE VIEW summary AS
WITH moments AS (
  SELECT r.scenario, r.scenario_sha256, r.point, m.name AS metric, count(m.value) AS n,
         avg(m.value) AS mean
  FROM runs r JOIN metrics m ON m.run_id = r.id
  WHERE r.status = 'done'
  GROUP BY r.scenario_sha256, r.point, m.name
), spread AS (
  SELECT o.*,
         CASE WHEN o.n > 1
              THEN sqrt((SELECT sum((m.value - o.mean) * (m.value - o.mean))
                         FROM runs r JOIN metrics m ON m.run_id = r.id AND m.name = o.metric
                         WHERE r.scenario_sha256 = o.scenario_sha256 AND r.point = o.point
                           AND r.status = 'done') / (o.n - 1)) END AS sd
  FROM moments o
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

-- Paired differences between sweep points, replication by replication.
-- Runs with the same replication at different points share their random
-- numbers (runs.seed), so d = value(point) - value(baseline) of the same
-- replication varies much less than two independent samples would: the
-- common random numbers method.  One row per scenario version, baseline
-- point, other point and metric, over the replications done at both with
-- non-NULL values:
--   scenario, baseline, point, metric
--   n              replications paired
--   mean_diff      mean of d: the estimate of mean(point) - mean(baseline)
--   sd_diff        sample standard deviation of d (NULL when n < 2)
--   ci95           half-width of the 95% confidence interval of mean_diff,
--                  t(0.975, n - 1) * sd_diff / sqrt(n) (NULL when n < 2)
--   ci95_unpaired  the half-width the same difference would have from
--                  independent samples of each point,
--                  t(0.975, n - 1) * sqrt(sd_b^2 / n + sd_p^2 / n), over the
--                  same replications
--   width_ratio    ci95 / ci95_unpaired: below 1 when pairing helps (NULL
--                  when the unpaired width is 0)
--   scenario_sha256
-- Filter on baseline (WHERE baseline = 0) as neosim compare does; sd is
-- computed one-pass from deviations to the first replication's d, which
-- stays accurate for large values with small spread.
CREATE VIEW paired AS
WITH g AS (
  SELECT r.scenario, r.scenario_sha256, r.point, m.name AS metric
  FROM runs r JOIN metrics m ON m.run_id = r.id
  WHERE r.status = 'done' AND m.value IS NOT NULL
  GROUP BY r.scenario_sha256, r.point, m.name
), pr AS (
  SELECT p.scenario, p.scenario_sha256, b.point AS baseline, p.point, p.metric
  FROM g p JOIN (SELECT DISTINCT scenario_sha256, point FROM runs WHERE status = 'done') b
    ON b.scenario_sha256 = p.scenario_sha256 AND b.point <> p.point
), agg AS (
  SELECT pr.*,
    (SELECT count(*) FROM (SELECT rp.replication AS rep, mp.value AS xp, mb.value AS xb
       FROM runs rp JOIN metrics mp ON mp.run_id = rp.id AND mp.name = pr.metric
       JOIN runs rb ON rb.scenario_sha256 = rp.scenario_sha256 AND rb.point = pr.baseline
                   AND rb.replication = rp.replication
       JOIN metrics mb ON mb.run_id = rb.id AND mb.name = pr.metric
       WHERE rp.scenario_sha256 = pr.scenario_sha256 AND rp.point = pr.point
         AND rp.status = 'done' AND rb.status = 'done'
         AND mp.value IS NOT NULL AND mb.value IS NOT NULL)) AS n,
    (SELECT avg(xp - xb) FROM (SELECT rp.replication AS rep, mp.value AS xp, mb.value AS xb
       FROM runs rp JOIN metrics mp ON mp.run_id = rp.id AND mp.name = pr.metric
       JOIN runs rb ON rb.scenario_sha256 = rp.scenario_sha256 AND rb.point = pr.baseline
                   AND rb.replication = rp.replication
       JOIN metrics mb ON mb.run_id = rb.id AND mb.name = pr.metric
       WHERE rp.scenario_sha256 = pr.scenario_sha256 AND rp.point = pr.point
         AND rp.status = 'done' AND rb.status = 'done'
         AND mp.value IS NOT NULL AND mb.value IS NOT NULL)) AS mean_diff,
    (SELECT (sum((x - k) * (x - k)) - sum(x - k) * sum(x - k) / count(*)) / (count(*) - 1)
     FROM (SELECT xp - xb AS x, first_value(xp - xb) OVER (ORDER BY rep) AS k FROM (SELECT rp.replication AS rep, mp.value AS xp, mb.value AS xb
       FROM runs rp JOIN metrics mp ON mp.run_id = rp.id AND mp.name = pr.metric
       JOIN runs rb ON rb.scenario_sha256 = rp.scenario_sha256 AND rb.point = pr.baseline
                   AND rb.replication = rp.replication
       JOIN metrics mb ON mb.run_id = rb.id AND mb.name = pr.metric
       WHERE rp.scenario_sha256 = pr.scenario_sha256 AND rp.point = pr.point
         AND rp.status = 'done' AND rb.status = 'done'
         AND mp.value IS NOT NULL AND mb.value IS NOT NULL))) AS var_d,
    (SELECT (sum((x - k) * (x - k)) - sum(x - k) * sum(x - k) / count(*)) / (count(*) - 1)
     FROM (SELECT xp AS x, first_value(xp) OVER (ORDER BY rep) AS k FROM (SELECT rp.replication AS rep, mp.value AS xp, mb.value AS xb
       FROM runs rp JOIN metrics mp ON mp.run_id = rp.id AND mp.name = pr.metric
       JOIN runs rb ON rb.scenario_sha256 = rp.scenario_sha256 AND rb.point = pr.baseline
                   AND rb.replication = rp.replication
       JOIN metrics mb ON mb.run_id = rb.id AND mb.name = pr.metric
       WHERE rp.scenario_sha256 = pr.scenario_sha256 AND rp.point = pr.point
         AND rp.status = 'done' AND rb.status = 'done'
         AND mp.value IS NOT NULL AND mb.value IS NOT NULL))) AS var_p,
    (SELECT (sum((x - k) * (x - k)) - sum(x - k) * sum(x - k) / count(*)) / (count(*) - 1)
     FROM (SELECT xb AS x, first_value(xb) OVER (ORDER BY rep) AS k FROM (SELECT rp.replication AS rep, mp.value AS xp, mb.value AS xb
       FROM runs rp JOIN metrics mp ON mp.run_id = rp.id AND mp.name = pr.metric
       JOIN runs rb ON rb.scenario_sha256 = rp.scenario_sha256 AND rb.point = pr.baseline
                   AND rb.replication = rp.replication
       JOIN metrics mb ON mb.run_id = rb.id AND mb.name = pr.metric
       WHERE rp.scenario_sha256 = pr.scenario_sha256 AND rp.point = pr.point
         AND rp.status = 'done' AND rb.status = 'done'
         AND mp.value IS NOT NULL AND mb.value IS NOT NULL))) AS var_b
  FROM pr
), tq AS (
  SELECT a.*, (SELECT t.t975 FROM student_t t WHERE t.df <= a.n - 1 ORDER BY t.df DESC LIMIT 1) AS t975
  FROM agg a WHERE a.n > 0
)
SELECT scenario, baseline, point, metric, n, mean_diff,
       sqrt(max(var_d, 0)) AS sd_diff,
       t975 * sqrt(max(var_d, 0) / n) AS ci95,
       t975 * sqrt((max(var_p, 0) + max(var_b, 0)) / n) AS ci95_unpaired,
       CASE WHEN max(var_p, 0) + max(var_b, 0) > 0
            THEN sqrt(max(var_d, 0) / (max(var_p, 0) + max(var_b, 0))) END AS width_ratio,
       scenario_sha256
FROM tq;

-- Tails of each metric across the replications of a sweep point, over runs
-- done and non-NULL values: the empirical quantiles
--   p05, p50, p95  the value of rank ceil(q * n) in ascending order (the
--                  inverse of the empirical distribution function: always
--                  one of the observed values)
--   cvar05         the mean of the ceil(0.05 * n) lowest values (the mean
--                  of the worst 5% when low is bad, as for cash and NPV)
--   min, max
-- with scenario, point, metric, n, then scenario_sha256.
CREATE VIEW tails AS
WITH g AS (
  SELECT r.scenario, r.scenario_sha256, r.point, m.name AS metric, count(*) AS n,
         min(m.value) AS min, max(m.value) AS max
  FROM runs r JOIN metrics m ON m.run_id = r.id
  WHERE r.status = 'done' AND m.value IS NOT NULL
  GROUP BY r.scenario_sha256, r.point, m.name
)
SELECT scenario, point, metric, n,
       (SELECT max(CASE WHEN k = CAST(ceil(0.05 * g.n) AS INTEGER) THEN v END) FROM (SELECT m.value AS v, row_number() OVER (ORDER BY m.value) AS k
        FROM runs r JOIN metrics m ON m.run_id = r.id AND m.name = g.metric
        WHERE r.scenario_sha256 = g.scenario_sha256 AND r.point = g.point
          AND r.status = 'done' AND m.value IS NOT NULL)) AS p05,
       (SELECT max(CASE WHEN k = CAST(ceil(0.5 * g.n) AS INTEGER) THEN v END) FROM (SELECT m.value AS v, row_number() OVER (ORDER BY m.value) AS k
        FROM runs r JOIN metrics m ON m.run_id = r.id AND m.name = g.metric
        WHERE r.scenario_sha256 = g.scenario_sha256 AND r.point = g.point
          AND r.status = 'done' AND m.value IS NOT NULL)) AS p50,
       (SELECT max(CASE WHEN k = CAST(ceil(0.95 * g.n) AS INTEGER) THEN v END) FROM (SELECT m.value AS v, row_number() OVER (ORDER BY m.value) AS k
        FROM runs r JOIN metrics m ON m.run_id = r.id AND m.name = g.metric
        WHERE r.scenario_sha256 = g.scenario_sha256 AND r.point = g.point
          AND r.status = 'done' AND m.value IS NOT NULL)) AS p95,
       (SELECT avg(CASE WHEN k <= CAST(ceil(0.05 * g.n) AS INTEGER) THEN v END) FROM (SELECT m.value AS v, row_number() OVER (ORDER BY m.value) AS k
        FROM runs r JOIN metrics m ON m.run_id = r.id AND m.name = g.metric
        WHERE r.scenario_sha256 = g.scenario_sha256 AND r.point = g.point
          AND r.status = 'done' AND m.value IS NOT NULL)) AS cvar05,
       min, max, scenario_sha256
FROM g;

-- The risks of each sweep point over its replications (runs done):
--   scenario, point, n             replications done
--   p_default                      share of replications that defaulted
--                                  (metric default_day not NULL)
--   p_default_lo, p_default_hi     its 95% Wilson score interval
--   p_breach, p_breach_lo, p_breach_hi  the same for a covenant breach
--                                  (covenant_breaches > 0)
--   cash_min_var05, cash_min_cvar05  value at risk and conditional value at
--                                  risk at 5% of the minimum cash: the 5%
--                                  quantile (as tails.p05: 5% of the
--                                  replications end at or below it) and
--                                  the mean of that worst 5%
--   npv_var05, npv_cvar05          the same for the NPV
--   p_payback                      share paid back by the horizon
--                                  (payback_years not NULL)
--   payback_p10, payback_p50, payback_p90  quantiles of payback_years with
--                                  "not paid back" as the longest: NULL
--                                  when the quantile is not paid back
--   then scenario_sha256.  $ for money, years for payback.
CREATE VIEW risk AS
WITH per AS (
  SELECT r.scenario, r.scenario_sha256, r.point,
         max(CASE WHEN m.name = 'default_day' THEN m.value IS NOT NULL END) AS defaulted,
         max(CASE WHEN m.name = 'covenant_breaches' THEN m.value > 0 END) AS breached,
         max(CASE WHEN m.name = 'payback_years' THEN m.value END) AS payback
  FROM runs r JOIN metrics m ON m.run_id = r.id
  WHERE r.status = 'done' AND m.name IN ('default_day', 'covenant_breaches', 'payback_years')
  GROUP BY r.id
), pb AS (
  SELECT *, row_number() OVER (PARTITION BY scenario_sha256, point ORDER BY payback IS NULL, payback) AS k,
         count(*) OVER (PARTITION BY scenario_sha256, point) AS n
  FROM per
), pts AS (
  SELECT scenario, scenario_sha256, point, n, avg(coalesce(defaulted, 0)) AS p_default,
         avg(coalesce(breached, 0)) AS p_breach, avg(payback IS NOT NULL) AS p_payback,
         max(CASE WHEN k = CAST(ceil(0.1 * n) AS INTEGER) THEN payback END) AS payback_p10,
         max(CASE WHEN k = CAST(ceil(0.5 * n) AS INTEGER) THEN payback END) AS payback_p50,
         max(CASE WHEN k = CAST(ceil(0.9 * n) AS INTEGER) THEN payback END) AS payback_p90
  FROM pb GROUP BY scenario_sha256, point
), wilson AS (  -- z = 1.959964
  SELECT *, 1.959964 * 1.959964 AS z2 FROM pts
)
SELECT w.scenario, w.point, w.n,
       w.p_default,
       max(0.0, (w.p_default + w.z2 / (2 * w.n) - 1.959964 * sqrt(w.p_default * (1 - w.p_default) / w.n + w.z2 / (4 * w.n * w.n)))
         / (1 + w.z2 / w.n)) AS p_default_lo,
       min(1.0, (w.p_default + w.z2 / (2 * w.n) + 1.959964 * sqrt(w.p_default * (1 - w.p_default) / w.n + w.z2 / (4 * w.n * w.n)))
         / (1 + w.z2 / w.n)) AS p_default_hi,
       w.p_breach,
       max(0.0, (w.p_breach + w.z2 / (2 * w.n) - 1.959964 * sqrt(w.p_breach * (1 - w.p_breach) / w.n + w.z2 / (4 * w.n * w.n)))
         / (1 + w.z2 / w.n)) AS p_breach_lo,
       min(1.0, (w.p_breach + w.z2 / (2 * w.n) + 1.959964 * sqrt(w.p_breach * (1 - w.p_breach) / w.n + w.z2 / (4 * w.n * w.n)))
         / (1 + w.z2 / w.n)) AS p_breach_hi,
       c.p05 AS cash_min_var05, c.cvar05 AS cash_min_cvar05,
       v.p05 AS npv_var05, v.cvar05 AS npv_cvar05,
       w.p_payback, w.payback_p10, w.payback_p50, w.payback_p90,
       w.scenario_sha256
FROM wilson w
LEFT JOIN tails c ON c.scenario_sha256 = w.scenario_sha256 AND c.point = w.point AND c.metric = 'cash_min'
LEFT JOIN tails v ON v.scenario_sha256 = w.scenario_sha256 AND v.point = w.point AND v.metric = 'npv';

-- One run's financial statements side by side, one row per month (the
-- is.*, bs.* and cf.* series of the run as columns, '.' spelt '_'):
--   run_id, scenario, point, replication, t_days (the month's end, as in
--   series), month ('YYYY-MM', the month that ends there), then
--   the income statement, flows in the month: is_revenue, is_opex,
--     is_ebitda, is_depreciation, is_write_off, is_gain_on_sale,
--     is_interest, is_tax, is_net_income;
--   the balance sheet at its end: bs_cash, bs_receivables, bs_deposits,
--     bs_equipment_net, bs_construction, bs_sites_net, bs_assets,
--     bs_contract_liabilities,
--     bs_accrued_interest, bs_tax_payable, bs_debt, bs_liabilities, bs_equity;
--   the cash flows in the month: cf_operating, cf_investing,
--     cf_financing, cf_net; cf_equity (the owners' part of cf_financing).
-- e.g. select * from statements where run_id = 1 order by t_days;
CREATE VIEW statements AS
SELECT r.id AS run_id, r.scenario, r.point, r.replication, s.t_days,
       strftime('%Y-%m', p.value, printf('%+.6f days', s.t_days - 1e-6)) AS month,
       max(CASE WHEN s.name = 'is.revenue' THEN s.value END) AS is_revenue,
       max(CASE WHEN s.name = 'is.opex' THEN s.value END) AS is_opex,
       max(CASE WHEN s.name = 'is.ebitda' THEN s.value END) AS is_ebitda,
       max(CASE WHEN s.name = 'is.depreciation' THEN s.value END) AS is_depreciation,
       max(CASE WHEN s.name = 'is.write_off' THEN s.value END) AS is_write_off,
       max(CASE WHEN s.name = 'is.gain_on_sale' THEN s.value END) AS is_gain_on_sale,
       max(CASE WHEN s.name = 'is.interest' THEN s.value END) AS is_interest,
       max(CASE WHEN s.name = 'is.tax' THEN s.value END) AS is_tax,
       max(CASE WHEN s.name = 'is.net_income' THEN s.value END) AS is_net_income,
       max(CASE WHEN s.name = 'bs.cash' THEN s.value END) AS bs_cash,
       max(CASE WHEN s.name = 'bs.receivables' THEN s.value END) AS bs_receivables,
       max(CASE WHEN s.name = 'bs.deposits' THEN s.value END) AS bs_deposits,
       max(CASE WHEN s.name = 'bs.equipment_net' THEN s.value END) AS bs_equipment_net,
       max(CASE WHEN s.name = 'bs.construction' THEN s.value END) AS bs_construction,
       max(CASE WHEN s.name = 'bs.sites_net' THEN s.value END) AS bs_sites_net,
       max(CASE WHEN s.name = 'bs.assets' THEN s.value END) AS bs_assets,
       max(CASE WHEN s.name = 'bs.contract_liabilities' THEN s.value END) AS bs_contract_liabilities,
       max(CASE WHEN s.name = 'bs.accrued_interest' THEN s.value END) AS bs_accrued_interest,
       max(CASE WHEN s.name = 'bs.tax_payable' THEN s.value END) AS bs_tax_payable,
       max(CASE WHEN s.name = 'bs.debt' THEN s.value END) AS bs_debt,
       max(CASE WHEN s.name = 'bs.liabilities' THEN s.value END) AS bs_liabilities,
       max(CASE WHEN s.name = 'bs.equity' THEN s.value END) AS bs_equity,
       max(CASE WHEN s.name = 'cf.operating' THEN s.value END) AS cf_operating,
       max(CASE WHEN s.name = 'cf.investing' THEN s.value END) AS cf_investing,
       max(CASE WHEN s.name = 'cf.financing' THEN s.value END) AS cf_financing,
       max(CASE WHEN s.name = 'cf.net' THEN s.value END) AS cf_net,
       max(CASE WHEN s.name = 'cf.equity' THEN s.value END) AS cf_equity
FROM runs r JOIN series s ON s.run_id = r.id
LEFT JOIN params p ON p.run_id = r.id AND p.name = 'start'
WHERE s.name GLOB 'is.*' OR s.name GLOB 'bs.*' OR s.name GLOB 'cf.*'
GROUP BY r.id, s.t_days;

PRAGMA user_version = 9;
