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
  --reps "$REPS" -j 1 --quiet
t1=$(date +%s%N)
events=$(sqlite3 "$db" "select sum(events) from runs where status = 'done'")
done_runs=$(sqlite3 "$db" "select count(*) from runs where status = 'done'")
rss_kb=$(cat "$BUILD/bench-reference.rss")
awk -v ns=$((t1 - t0)) -v n="$done_runs" -v ev="$events" -v kb="$rss_kb" '
function g(x,  v, p) { v = sprintf("%.3g", x); if (v ~ /e/) { split(v, p, "e"); v = p[1] "e" (p[2] + 0) }; return v }
BEGIN {
  s = ns / 1e9
  printf "bench reference_100k %s s/replication\n", g(s / n)
  printf "bench reference_100k_events %s events/s\n", g(ev / s)
  printf "bench reference_100k_peak_rss %.0f MB\n", kb / 1024 }'
rm -f "$db" "$db-wal" "$db-shm" "$BUILD/bench-reference.rss"
