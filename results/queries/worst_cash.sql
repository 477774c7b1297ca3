-- worst_cash.sql -- the replications that came closest to running out of
-- cash: the 20 lowest values of the metric 'cash_min' (the lowest cash
-- balance during the run) over all runs that finished.  A run is re-run
-- exactly from its scenario (scenarios.source, by scenario_sha256), point,
-- replication and seed, e.g. to trace what went wrong.
--
-- Run:
--   sqlite3 -header -column results/neosim.db < results/queries/worst_cash.sql
--
-- Columns: scenario, point, replication, seed, cash_min, run_id, and the
-- day of default (metric 'default_day', NULL when the run did not default
-- or the model does not report it).  Change LIMIT for more rows.
SELECT r.scenario, r.point, r.replication, r.seed, round(m.value, 2) AS cash_min, r.id AS run_id,
       (SELECT d.value FROM metrics d WHERE d.run_id = r.id AND d.name = 'default_day') AS default_day
FROM metrics m JOIN runs r ON r.id = m.run_id
WHERE m.name = 'cash_min' AND m.value IS NOT NULL AND r.status = 'done'
ORDER BY m.value ASC, r.scenario, r.point, r.replication
LIMIT 20;
