-- compare_points.sql -- the sweep points side by side: for a few key
-- metrics, the mean over the replications of each point and the half-width
-- of its 95% confidence interval (mean +- ci95), with the swept parameter
-- values that make the point.  Failed runs are left out (summary view).
--
-- Run:
--   sqlite3 -header -column results/neosim.db < results/queries/compare_points.sql
--
-- Columns: scenario, point, swept ("key=value, ..." of the point), metric,
-- n (replications), mean, ci95 (NULL with one replication), lo and hi
-- (mean -+ ci95).  Points whose intervals do not overlap differ clearly;
-- for overlapping ones compare replication by replication (the points share
-- random numbers, so paired differences are much tighter).
-- Change the list in `IN (...)` to compare other metrics, e.g.
-- '<tenant>.blocked_fraction' or 'power_cost_total'.
WITH swept AS (
  SELECT scenario_sha256, point, group_concat(name || '=' || value, ', ') AS swept
  FROM (SELECT * FROM point_params ORDER BY name)
  GROUP BY scenario_sha256, point
)
SELECT s.scenario, s.point, coalesce(w.swept, '') AS swept, s.metric, s.n,
       round(s.mean, 4) AS mean, round(s.ci95, 4) AS ci95,
       round(s.mean - s.ci95, 4) AS lo, round(s.mean + s.ci95, 4) AS hi
FROM summary s
LEFT JOIN swept w ON w.scenario_sha256 = s.scenario_sha256 AND w.point = s.point
WHERE s.metric IN ('revenue_total', 'opex_total', 'cash_min', 'npv', 'utilization_mean')
ORDER BY s.scenario, s.metric, s.point;
