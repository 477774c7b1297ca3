-- tests/bench/analysis.sql -- one scenario version's results, made up for
-- the analysis benchmarks (tests/bench/analysis.sh: 10 sweep points x 1000
-- replications) and tests (tests/e2e/compare.sh: fewer): 100 metrics a
-- run, 60 monthly samples of 40 series.  Read by sqlite3 on a database
-- made from results/schema.sql, with .parameter set :name NAME, :sha
-- SHA256 (64 hex digits), :points, :reps and :base (run ids are :base + 1
-- ... :base + :points * :reps).  The figures are deterministic functions
-- of (point, replication, metric) whose "noise" is mostly shared across
-- points, as runs with common random numbers are; one replication in 97
-- failed; some runs default, breach a covenant or never pay back.
INSERT INTO scenarios (sha256, name, path, source) VALUES (:sha, :name, :name || '.lua', '--');

WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < :points * :reps - 1)
INSERT INTO runs (id, scenario, scenario_sha256, point, replication, seed, status, error, events, wall_s,
                  started_at, finished_at, version)
SELECT :base + k + 1, :name, :sha, k / :reps, k % :reps, 1,
       CASE WHEN k % :reps % 97 = 13 THEN 'failed' ELSE 'done' END,
       CASE WHEN k % :reps % 97 = 13 THEN 'made up' END, 1000000, 1.0, 0, 1, 'bench'
FROM i;

INSERT INTO params (run_id, name, value, swept)
SELECT id, 'x', point * 0.1, 1 FROM runs WHERE scenario_sha256 = :sha
UNION ALL
SELECT id, 'start', '2026-01-01', 0 FROM runs WHERE scenario_sha256 = :sha;

-- u: a uniform in [0, 1) of (replication, metric); the point shifts it.
WITH RECURSIVE j(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM j WHERE k < 89),
names(j, name) AS (
  VALUES (0, 'revenue_total'), (1, 'opex_total'), (2, 'npv'), (3, 'npv_unlevered'),
         (4, 'cash_min'), (5, 'utilization_mean'), (6, 'default_day'),
         (7, 'covenant_breaches'), (8, 'payback_years'), (9, 'irr')
  UNION ALL SELECT 10 + k, printf('m.%02d', k) FROM j
), u AS (
  SELECT r.id, r.point, n.j, n.name,
         ((r.replication * 7919 + n.j * 104729) % 10007) / 10007.0 AS u,
         ((r.replication * 31 + r.point * 7 + n.j * 13) % 101) / 101.0 AS w
  FROM runs r, names n WHERE r.scenario_sha256 = :sha AND r.status = 'done'
)
INSERT INTO metrics (run_id, name, value)
SELECT id, name,
       CASE name
         WHEN 'default_day' THEN CASE WHEN u + 0.01 * point < 0.06 THEN 3650 * u END
         WHEN 'covenant_breaches' THEN u + 0.01 * point < 0.12
         WHEN 'payback_years' THEN CASE WHEN u < 0.9 - 0.02 * point THEN 1 + 5 * u END
         WHEN 'irr' THEN CASE WHEN u > 0.2 THEN u - 0.3 END
         ELSE (1 + j) * 1e6 * (1 + 0.05 * point) + 3e5 * (u - 0.5) * (1 + j % 7) + 3e4 * w
       END
FROM u ORDER BY id, name;

INSERT OR IGNORE INTO series_names (name)
VALUES ('cash'), ('debt'), ('utilization'), ('nodes_online'), ('revenue'), ('opex'),
       ('revenue.reserved'), ('revenue.on_demand'), ('revenue.spot'), ('market.h100'),
       ('market.b200'), ('is.revenue'), ('is.opex'), ('is.ebitda'), ('is.depreciation'),
       ('is.write_off'), ('is.gain_on_sale'), ('is.interest'), ('is.tax'), ('is.net_income'),
       ('bs.cash'), ('bs.receivables'), ('bs.deposits'), ('bs.equipment_net'),
       ('bs.construction'), ('bs.sites_net'), ('bs.assets'), ('bs.contract_liabilities'),
       ('bs.accrued_interest'), ('bs.tax_payable'), ('bs.debt'), ('bs.liabilities'),
       ('bs.equity'), ('cf.operating'), ('cf.investing'), ('cf.financing'), ('cf.net'),
       ('cf.equity'), ('gpus_online'), ('power_mw');

WITH RECURSIVE m(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM m WHERE k < 59),
s AS (SELECT id, name FROM series_names ORDER BY id LIMIT 40)
INSERT INTO series_data (run_id, t_days, name_id, value)
SELECT r.id, round(30.4375 * (m.k + 1)), s.id,
       s.id * 1e6 * (1 + 0.05 * r.point) * (1 + 0.01 * m.k)
         + 1e5 * (((r.replication * 7919 + s.id * 104729 + m.k * 31) % 10007) / 10007.0 - 0.5)
FROM runs r, m, s WHERE r.scenario_sha256 = :sha AND r.status = 'done' ORDER BY r.id, m.k, s.id;
