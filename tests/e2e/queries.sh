# tests/e2e/queries.sh -- results/schema.sql and the example queries
# results/queries/*.sql through the sqlite3 shell, on a small database made
# without the simulator: 2 sweep points x 3 replications, plus one failed run.
. tests/lib.sh

DB=$T_TMP/r.db
SHA=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

# q SQL: the rows of SQL on $DB, fields separated by |
q() { sqlite3 -batch -noheader -list -separator '|' "$DB" "$1"; }

# run_sql ID POINT REP STATUS ERROR M1 M2 ... : one run with its params,
# metrics (revenue_total opex_total cash_min npv utilization_mean od.revenue)
# and series (t_days 30 and 60: revenue, cash, od.revenue, res.revenue).
run_sql() {
  id=$1 p=$2 r=$3 st=$4 er=$5 rev=$6 opex=$7 cash=$8 npv=$9
  shift 9
  util=$1 od=$2
  if [ "$p" -eq 0 ]; then rate=5 dr=0.08; else rate=9 dr=0.1; fi
  cat <<EOF
INSERT INTO runs (id, scenario, scenario_sha256, point, replication, seed, status, error, events,
                  wall_s, started_at, finished_at, version)
VALUES ($id, 'demo', '$SHA', $p, $r, 42, '$st', $er, 1000, 0.5, 1767225600, 1767225600.5, 'test');
INSERT INTO params VALUES ($id, 'tenants.od.arrivals_per_hour', '$rate', 1),
  ($id, 'finance.discount_rate', '$dr', 1), ($id, 'horizon_days', '60', 0);
INSERT INTO metrics VALUES ($id, 'revenue_total', $rev), ($id, 'opex_total', $opex),
  ($id, 'power_cost_total', 1), ($id, 'cash_min', $cash), ($id, 'npv', $npv),
  ($id, 'utilization_mean', $util), ($id, 'od.revenue', $od), ($id, 'irr', NULL);
INSERT INTO series VALUES ($id, 30, 'revenue', $rev), ($id, 30, 'cash', $cash),
  ($id, 30, 'od.revenue', $od), ($id, 30, 'res.revenue', 100),
  ($id, 60, 'revenue', $rev), ($id, 60, 'cash', $cash),
  ($id, 60, 'od.revenue', $od + 1), ($id, 60, 'res.revenue', 100);
EOF
}

run sqlite3 -batch "$DB" ".read results/schema.sql"
expect_rc 0 "schema.sql runs in the sqlite3 shell"
expect_eq "$ERR" "" "schema.sql is silent"
expect_eq "$(q 'PRAGMA user_version')" 9 "schema version"
{
  echo "BEGIN;"
  echo "INSERT INTO scenarios (sha256, name, path, source) VALUES ('$SHA', 'demo', 'demo.lua', 'return {}');"
  #       id p r status   error                                   rev opex cash npv util od
  run_sql 1 0 0 done     NULL                                     100 50   -5   10  0.5  10
  run_sql 2 0 1 done     NULL                                     110 50   -1   20  0.6  20
  run_sql 3 0 2 done     NULL                                     120 50    3   30  0.7  30
  run_sql 4 1 0 done     NULL                                     200 60  -20    5  0.8  40
  run_sql 5 1 1 done     NULL                                     220 61    7   15  0.85 50
  run_sql 6 1 2 done     NULL                                     240 62    4   40  0.9  60
  run_sql 7 1 3 failed   "'tenants.od: job_hours must be positive'" 9999 0 -1000 0 0  1000000
  echo "COMMIT;"
} >"$T_TMP/data.sql"
run sqlite3 -batch "$DB" ".read $T_TMP/data.sql"
expect_rc 0 "insert the test runs"
expect_eq "$(q 'SELECT count(*) FROM runs')" 7 "runs inserted"
expect_eq "$(q 'SELECT count(*) FROM series')" 56 "series inserted"
expect_eq "$(q 'SELECT typeof(value) FROM params WHERE run_id = 1 AND name = "finance.discount_rate"')" real \
  "params.value keeps numbers as numbers"

# The summary view in the shell: needs sqrt, which the shell must have.
run sqlite3 -batch "$DB" "SELECT round(sd, 6) FROM summary WHERE point = 0 AND metric = 'revenue_total'"
expect_rc 0 "summary view in the sqlite3 shell (sqrt)"
expect_eq "$OUT" 10.0 "summary sd"
expect_eq "$(q "SELECT n FROM summary WHERE point = 1 AND metric = 'revenue_total'")" 3 "summary leaves out failed runs"
expect_eq "$(q "SELECT n FROM summary WHERE point = 0 AND metric = 'irr'")" 0 "summary n counts non-NULL values"
expect_eq "$(q "SELECT count(*) FROM point_params")" 4 "point_params: 2 points x 2 swept keys"
expect_eq "$(q "SELECT count(*) FROM run_params WHERE point = 1")" 12 "run_params"

# schema.sql documents every table, column and view: each table and view has
# a comment block above it; each column a comment on its line or on the
# line above or below it (read back from the CREATE TABLE text SQLite keeps,
# columns from pragma_table_info); each view's comment names its columns.
for t in $(q "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
  grep -B1 "^CREATE TABLE $t (" results/schema.sql | head -n 1 | grep -q '^--' && pass ||
    fail "schema.sql: no comment above table $t"
  q "SELECT sql FROM sqlite_master WHERE name = '$t'" >"$T_TMP/table.sql"
  for c in $(q "SELECT name FROM pragma_table_info('$t')"); do
    awk -v c="$c" '{ line[NR] = $0 }
      END { for (i = 1; i <= NR; i++) if (line[i] ~ ("^[ \t]*" c "[ \t]")) {
              exit !(line[i] ~ /--/ || line[i - 1] ~ /^[ \t]*--/ || line[i + 1] ~ /^[ \t]*--/) }
            exit 1 }' "$T_TMP/table.sql" && pass || fail "schema.sql: column $t.$c has no comment"
  done
done
for v in $(q "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"); do
  awk -v v="$v" '/^--/ { block = block "\n" $0; next }
                 $0 ~ ("^CREATE VIEW " v " ") { print block; exit } { block = "" }' results/schema.sql >"$T_TMP/view.txt"
  [ -s "$T_TMP/view.txt" ] && pass || fail "schema.sql: no comment above view $v"
  for c in $(q "SELECT name FROM pragma_table_info('$v')"); do
    grep -qw -- "$c" "$T_TMP/view.txt" && pass || fail "schema.sql: the comment of view $v does not name column $c"
  done
done

# Every example query runs as its header says, with a header line.
for f in results/queries/*.sql; do
  run sqlite3 -header -column "$DB" ".read $f"
  expect_rc 0 "$f runs"
  expect_eq "$ERR" "" "$f: no error"
  expect_match "$OUT" '^scenario +point' "$f: header line"
  head -n 1 "$f" | grep -q "^-- $(basename "$f") -- " && pass || fail "$f: header comment"
  grep -q "sqlite3 -header -column results/neosim.db < $f" "$f" && pass || fail "$f: says how to run it"
done

# rows of a query file, list mode
rows() { q ".read results/queries/$1"; }
t2=4.302653 # student_t, df = 2

out=$(rows compare_points.sql)
expect_lines "$out" 10 "compare_points: 2 points x 5 metrics"
line=$(printf '%s\n' "$out" | grep '^demo|0|.*|revenue_total|')
expect_eq "$(echo "$line" | cut -d'|' -f3)" "finance.discount_rate=0.08, tenants.od.arrivals_per_hour=5" \
  "compare_points: swept values of point 0"
expect_eq "$(echo "$line" | cut -d'|' -f5-6)" "3|110.0" "compare_points: n and mean"
ci=$(echo "$line" | cut -d'|' -f7)
near "$ci" "$(awk -v t=$t2 'BEGIN { print t * 10 / sqrt(3) }')" 1e-4 && pass || fail "compare_points: ci95 $ci"
line=$(printf '%s\n' "$out" | grep '^demo|1|.*|npv|')
lo=$(echo "$line" | cut -d'|' -f8)
near "$lo" "$(awk -v t=$t2 'BEGIN { m = 20; sd = sqrt(((5-m)^2 + (15-m)^2 + (40-m)^2) / 2); print m - t * sd / sqrt(3) }')" 1e-4 \
  && pass || fail "compare_points: lo of npv at point 1: $lo"
expect_eq "$(printf '%s\n' "$out" | grep '^demo|0|.*|opex_total|' | cut -d'|' -f7)" 0.0 "compare_points: ci95 0 when all equal"

out=$(rows revenue_by_tenant.sql)
expect_lines "$out" 8 "revenue_by_tenant: 2 points x 2 tenants x 2 months"
expect_eq "$(printf '%s\n' "$out" | head -n 1)" "demo|0|od|30.0|3|20.0|10.0|30.0" "revenue_by_tenant: first row"
expect_eq "$(printf '%s\n' "$out" | grep '^demo|1|od|60.0|')" "demo|1|od|60.0|3|51.0|41.0|61.0" \
  "revenue_by_tenant: failed run left out"
expect_eq "$(printf '%s\n' "$out" | cut -d'|' -f3 | sort -u | tr '\n' ' ')" "od res " "revenue_by_tenant: tenants"

out=$(rows worst_cash.sql)
expect_lines "$out" 6 "worst_cash: the done runs"
expect_eq "$(printf '%s\n' "$out" | head -n 1 | cut -d'|' -f1-5)" "demo|1|0|42|-20.0" "worst_cash: worst first"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | cut -d'|' -f1-5)" "demo|0|0|42|-5.0" "worst_cash: second"

out=$(rows failed_runs.sql)
expect_lines "$out" 1 "failed_runs: one failed run"
expect_eq "$(echo "$out" | cut -d'|' -f1-7)" \
  "demo|1|3|42|failed|tenants.od: job_hours must be positive|2026-01-01 00:00:00" "failed_runs: the row"
finish
