-- failed_runs.sql -- the runs that did not finish: status 'failed' (the
-- error says why, e.g. a Lua policy error with file:line) and 'running'
-- (in progress, or left behind by a killed batch).
--
-- Run:
--   sqlite3 -header -column results/neosim.db < results/queries/failed_runs.sql
--
-- Columns: scenario, point, replication, seed, status, error, started (UTC),
-- run_id.  Running the same scenario file again replaces these runs (a run
-- is identified by scenario_sha256, point and replication).
SELECT r.scenario, r.point, r.replication, r.seed, r.status, r.error,
       datetime(r.started_at, 'unixepoch') AS started, r.id AS run_id
FROM runs r
WHERE r.status <> 'done'
ORDER BY r.scenario, r.point, r.replication;
