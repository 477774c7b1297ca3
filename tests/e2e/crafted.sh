# tests/e2e/crafted.sh -- crafted and corrupt results databases: every
# reader (compare, report) and merge checks what it reads and ends with a
# message (exit 2), never a crash, a hang or an allocation the size of a
# number in the file; merge refuses such an input before writing anything.
# Each case crafts a copy of a good database with sqlite3 (a file's
# NOT NULL and CHECK constraints are only its own: anyone can drop them).
. tests/lib.sh
good=$T_TMP/good.db
"$NEOSIM" run scenarios/erlang_b.lua --db "$good" --reps 2 --set horizon_days=60 --quiet -j 1
# craft NAME SQL: a copy of the good database with its constraints dropped, then SQL
craft() {
  cp "$good" "$T_TMP/$1.db"
  sqlite3 "$T_TMP/$1.db" "PRAGMA writable_schema = 1;
    UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE type = 'table'" >/dev/null
  sqlite3 "$T_TMP/$1.db" "PRAGMA ignore_check_constraints = 1; $2" >/dev/null
}
# refused NAME REGEX [READERS [MERGE-REGEX]]: compare and report (or
# READERS) exit 2 with one line matching REGEX; merge too (its message
# matching MERGE-REGEX if given), and writes nothing
refused() {
  f=$T_TMP/$1.db
  for cmd in ${3-compare report}; do
    case $cmd in
      compare) run timeout 60 "$NEOSIM" compare --db "$f" ;;
      report) run timeout 60 "$NEOSIM" report --db "$f" -o "$T_TMP/$1.html" ;;
    esac
    expect_rc 2 "$cmd $1"
    expect_lines "$ERR" 1 "$cmd $1: one line"
    expect_match "$ERR" "^neosim: $cmd: .*$1.db: $2" "$cmd $1: message"
  done
  [ -e "$T_TMP/$1.html" ] && fail "report $1 wrote a page" || pass
  run timeout 60 "$NEOSIM" merge "$T_TMP/out-$1.db" "$good" "$f"
  expect_rc 2 "merge $1"
  expect_match "$ERR" "^neosim: merge: .*$1.db: ${4:-$2}" "merge $1: message"
  [ -e "$T_TMP/out-$1.db" ] && fail "merge $1 created its output" || pass
}
invalid='not a valid neosim results database'

craft point_1e9 "UPDATE runs SET point = 1000000000 WHERE id = 1"
refused point_1e9 "$invalid: runs.point of run 1 is 1000000000 \(must be an integer from 0 to 99999999\)$"
craft point_negative "UPDATE runs SET point = -1 WHERE id = 2"
refused point_negative "$invalid: runs.point of run 2 is -1 "
craft point_real "UPDATE runs SET point = 0.5 WHERE id = 2"
refused point_real "$invalid: runs.point of run 2 is 0.5 "
craft replication_text "UPDATE runs SET replication = 'x' WHERE id = 3"
refused replication_text "$invalid: runs.replication of run 3 is 'x' "
craft status "UPDATE runs SET status = 'maybe' WHERE id = 1"
refused status "$invalid: runs.status of run 1 is 'maybe' \(must be 'done', 'failed' or 'running'\)$"
craft seed "UPDATE runs SET seed = -5 WHERE id = 1"
refused seed "$invalid: runs.seed of run 1 is -5 "
craft sha "UPDATE runs SET scenario_sha256 = 'abc' WHERE id = 1"
refused sha "$invalid: runs.scenario_sha256 of run 1 is 'abc' \(must be the SHA-256 of a stored scenario\)$" "" # not of the version read
craft params_name "UPDATE params SET name = x'07' WHERE run_id = 1 AND name = 'start'"
refused params_name "$invalid: params.name of run 1 is X'07' \(must be a key path, as text\)$"
craft params_blob "UPDATE params SET value = x'00ff' WHERE run_id = 2 AND name = 'start'"
refused params_blob "$invalid: params.value of run 2 is X'00FF' "
craft metric_text "UPDATE metrics SET value = 'abc' WHERE run_id = 2 AND name = 'npv'"
refused metric_text "$invalid: metrics.value of run 2 is 'abc' \(must be a number or NULL\)$"
craft metric_name "UPDATE metrics SET name = x'01' WHERE run_id = 2 AND name = 'npv'"
refused metric_name "$invalid: metrics.name of run 2 is X'01' "
craft scenario_name "UPDATE scenarios SET name = NULL"
refused scenario_name "$invalid: scenarios.name of scenario '[0-9a-f]+ is NULL "
# series and events: the readers check the rows they read, merge every row
craft series_day "UPDATE series SET t_days = 1e300 WHERE name = 'cash' AND run_id = 1 AND t_days = 31"
refused series_day "$invalid: a row of series has no name, a time that is not a day within 1000 years" report \
  "$invalid: series_data.t_days of run 1 is 1.0e\+300 \(must be a day within 1000 years of the start\)$"
craft series_text "UPDATE series SET value = 'x' WHERE name = 'utilization' AND run_id = 2 AND t_days = 31"
refused series_text "$invalid: a row of series " report "$invalid: series_data.value of run 2 is 'x' \(must be a number or NULL\)$"
craft event_null "INSERT INTO events (run_id, t_days, kind, subject) VALUES (1, 3, 'shock', NULL)"
refused event_null "$invalid: an event of a shock has no name" report "$invalid: events.subject of run 1 is NULL \(must be text\)$"
cp "$good" "$T_TMP/twins.db" # without its UNIQUE constraint and that constraint's index
sqlite3 "$T_TMP/twins.db" "PRAGMA writable_schema = 1; DELETE FROM sqlite_master WHERE name = 'sqlite_autoindex_runs_1';
  UPDATE sqlite_master SET sql = replace(sql, 'UNIQUE (scenario_sha256, point, replication)', 'CHECK (1)') WHERE name = 'runs'"
sqlite3 "$T_TMP/twins.db" "INSERT INTO runs (scenario, scenario_sha256, point, replication, seed, status)
             SELECT scenario, scenario_sha256, point, replication, seed, status FROM runs WHERE id = 1"
run "$NEOSIM" merge "$T_TMP/out-twins.db" "$T_TMP/twins.db"
expect_rc 2 "merge twins"
expect_match "$ERR" "$invalid: runs 1 and [0-9]+ are one run \(the same scenario version, point and replication\)$" "merge twins: message"

# a NULL where the schema allows one (params.value): read, shown empty
cp "$good" "$T_TMP/null_value.db"
sqlite3 "$T_TMP/null_value.db" "UPDATE params SET value = NULL WHERE name = 'tenants.od.arrivals_per_hour'"
run "$NEOSIM" compare --db "$T_TMP/null_value.db"
expect_rc 0 "compare: a NULL swept value"
run "$NEOSIM" report --db "$T_TMP/null_value.db" -o "$T_TMP/null_value.html"
expect_rc 0 "report: a NULL swept value"

# a run at point 10^7: compare reads it; a page holds points 0 to 999
cp "$good" "$T_TMP/far.db"
sqlite3 "$T_TMP/far.db" "UPDATE runs SET point = 10000000 WHERE id = 1"
run "$NEOSIM" compare --db "$T_TMP/far.db"
expect_rc 0 "compare: a run at point 10^7"
run timeout 60 "$NEOSIM" report --db "$T_TMP/far.db" -o "$T_TMP/far.html"
expect_rc 2 "report: a run at point 10^7"
expect_match "$ERR" "far.db: the version has runs at point 10000000: a page holds points 0 to 999 \(compare reads any number\)$" \
  "report: the bound on points"
[ -e "$T_TMP/far.html" ] && fail "report far wrote a page" || pass
# a page larger than --max-mb: refused, nothing written (20,000 market series)
cp "$good" "$T_TMP/wide.db"
sqlite3 "$T_TMP/wide.db" "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 19999)
  INSERT INTO series (run_id, t_days, name, value) SELECT 1, t.t, 'market.x' || k.i, k.i FROM k, (SELECT 0 AS t UNION SELECT 30) t"
run timeout 60 "$NEOSIM" report --db "$T_TMP/wide.db" -o "$T_TMP/wide.html" --max-mb 4
expect_rc 2 "report: a page over --max-mb"
expect_match "$ERR" "^neosim: report: the page would pass 4 MB \(3 points\): nothing written" "report: --max-mb message"
[ -e "$T_TMP/wide.html" ] && fail "report wide wrote a page" || pass

# a corrupt file: 3000 bytes in the middle overwritten (pages of the runs table or of
# the schema, as the file's layout has it)
cp "$good" "$T_TMP/corrupt.db"
sqlite3 "$T_TMP/corrupt.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null
size=$(stat -c %s "$T_TMP/corrupt.db")
printf '%s' "$(head -c 3000 /dev/zero | tr '\0' 'x')" |
  dd of="$T_TMP/corrupt.db" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
run "$NEOSIM" merge "$T_TMP/out-corrupt.db" "$good" "$T_TMP/corrupt.db"
expect_rc 2 "merge corrupt"
expect_match "$ERR" "corrupt.db'?: (the file is corrupt|database disk image is malformed|malformed database schema)" "merge corrupt: message"
[ -e "$T_TMP/out-corrupt.db" ] && fail "merge corrupt created its output" || pass
for cmd in compare report; do
  case $cmd in
    compare) run timeout 60 "$NEOSIM" compare --db "$T_TMP/corrupt.db" ;;
    report) run timeout 60 "$NEOSIM" report --db "$T_TMP/corrupt.db" -o "$T_TMP/corrupt.html" ;;
  esac
  if [ "$RC" -eq 0 ] || [ "$RC" -eq 2 ]; then pass; else fail "$cmd corrupt: exit $RC"; fi
done
finish
