#!/bin/sh
# tests/bench/mm1_scenario.sh -- the M/M/1 queue as a shipped scenario
# (scenarios/mm1.lua: one node, lambda 0.9, 10^6 jobs) through the whole
# path: Lua set-up and validation, the model, SQLite writes.  Best of 3.
set -eu
. tests/bench/lib.sh
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}"
db=$BUILD/bench-mm1.db
best=
for i in 1 2 3; do
  rm -f "$db" "$db-wal" "$db-shm"
  t0=$(date +%s%N)
  "$NEOSIM" run scenarios/mm1.lua --db "$db" --quiet
  t1=$(date +%s%N)
  jobs=$(sqlite3 "$db" "select value from metrics where name = 'od.jobs'")
  rate=$(awk -v j="$jobs" -v ns=$((t1 - t0)) 'BEGIN { printf "%.6g", j / (ns / 1e9) }')
  best=$(awk -v a="$rate" -v b="${best:-0}" 'BEGIN { print (a > b ? a : b) }')
done
wait=$(sqlite3 "$db" "select value from metrics where name = 'od.wait_mean_hours'")
bench_line mm1_scenario "$best" jobs/s
bench_line mm1_scenario_wait_mean "$wait" hours
rm -f "$db" "$db-wal" "$db-shm"
