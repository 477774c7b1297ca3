#!/bin/sh
# tests/bench/reference.sh -- scenarios/reference_100k.lua (about 100k GPUs,
# 5 years, 32 tenants, Lua policies): seconds per replication, events/s and
# peak resident memory of the whole neosim process (GNU time).
set -eu
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}" "${REPS:=3}"
db=$BUILD/bench-reference.db
rm -f "$db" "$db-wal" "$db-shm"
t0=$(date +%s%N)
/usr/bin/time -f '%M' -o "$BUILD/bench-reference.rss" "$NEOSIM" run scenarios/reference_100k.lua --db "$db" \
  --reps "$REPS" --quiet
t1=$(date +%s%N)
events=$(sqlite3 "$db" "select sum(events) from runs where status = 'done'")
done_runs=$(sqlite3 "$db" "select count(*) from runs where status = 'done'")
rss_kb=$(cat "$BUILD/bench-reference.rss")
awk -v ns=$((t1 - t0)) -v n="$done_runs" -v ev="$events" -v kb="$rss_kb" 'BEGIN {
  s = ns / 1e9
  printf "bench reference_100k %.3g s/replication\n", s / n
  printf "bench reference_100k_events %.3g events/s\n", ev / s
  printf "bench reference_100k_peak_rss %.0f MB\n", kb / 1024 }'
rm -f "$db" "$db-wal" "$db-shm" "$BUILD/bench-reference.rss"
