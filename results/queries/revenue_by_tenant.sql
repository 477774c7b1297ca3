-- revenue_by_tenant.sql -- revenue of each tenant month by month: the
-- series '<tenant>.revenue' (revenue earned in the month ending at t_days),
-- averaged over the replications of each sweep point.  Failed runs are
-- left out.
--
-- Run:
--   sqlite3 -header -column results/neosim.db < results/queries/revenue_by_tenant.sql
--
-- Columns: scenario, point, tenant, t_days (end of the month, days since
-- the scenario start), n (replications), revenue (mean), revenue_min and
-- revenue_max (over the replications).
-- One row per point, tenant and month: add e.g. `AND r.point = 0` to the
-- WHERE clause for one point, or `-csv` to the command for a spreadsheet.
SELECT r.scenario, r.point,
       substr(x.name, 1, length(x.name) - length('.revenue')) AS tenant,
       x.t_days, count(x.value) AS n, round(avg(x.value), 2) AS revenue,
       round(min(x.value), 2) AS revenue_min, round(max(x.value), 2) AS revenue_max
FROM series x JOIN runs r ON r.id = x.run_id
WHERE r.status = 'done' AND x.name LIKE '%.revenue'
GROUP BY r.scenario_sha256, r.point, x.name, x.t_days
ORDER BY r.scenario, r.point, tenant, x.t_days;
