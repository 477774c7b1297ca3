#!/bin/sh
# tests/bench/reference.sh -- scenarios/reference_100k.lua (about 100k GPUs,
# 5 years, 32 tenants, Lua policies): seconds per replication, events/s and
# peak resident memory of the whole neosim process (GNU time), and that
# memory per node online at the peak (an upper bound on a node's cost: it
# includes Lua, SQLite and the binary); the event rates of the engine's
# M/M/1 and of the hand-written floor measured beside it
# (mm1_engine_events_beside, mm1_floor_events_beside).
set -eu
. tests/bench/lib.sh
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}" "${REPS:=3}"
db=$BUILD/bench-reference.db
# Twice, each time beside the engine's M/M/1 (bench/mm1) and the floor
# (bench/mm1_floor, two events a customer), the best of each kept: the
# ratios of their event rates then compare them at one moment of the
# machine, whose speed drifts by tens of percent within minutes.
secs= mm1= floor=
for i in 1 2; do
  m=$("$BUILD/bench/mm1" | awk '$2 == "mm1_engine_events" { print $3 }')
  f=$("$BUILD/bench/mm1_floor" | awk '$2 == "mm1_floor" { print 2 * $3 }')
  rm -f "$db" "$db-wal" "$db-shm"
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$BUILD/bench-reference.rss" "$NEOSIM" run scenarios/reference_100k.lua \
    --db "$db" --reps "$REPS" -j 1 --quiet
  t1=$(date +%s%N)
  s=$(awk -v ns=$((t1 - t0)) 'BEGIN { print ns / 1e9 }')
  secs=$(least "$secs" "$s") mm1=$(most "$mm1" "$m") floor=$(most "$floor" "$f")
done
events=$(sqlite3 "$db" "select sum(events) from runs where status = 'done'")
done_runs=$(sqlite3 "$db" "select count(*) from runs where status = 'done'")
rss_kb=$(cat "$BUILD/bench-reference.rss")
nodes=$(sqlite3 "$db" "select max(s.value) from series s join runs r on r.id = s.run_id
                       where r.status = 'done' and s.name = 'nodes_online'")
bench_line reference_100k "$(awk -v s="$secs" -v n="$done_runs" 'BEGIN { print s / n }')" s/replication
bench_line reference_100k_events "$(awk -v s="$secs" -v ev="$events" 'BEGIN { print ev / s }')" events/s
bench_line mm1_engine_events_beside "$mm1" events/s
bench_line mm1_floor_events_beside "$floor" events/s
awk -v kb="$rss_kb" 'BEGIN { printf "bench reference_100k_peak_rss %.0f MB\n", kb / 1024 }'
bench_line reference_100k_nodes "$nodes" nodes
bench_line reference_100k_rss_per_node "$(awk -v kb="$rss_kb" -v n="$nodes" 'BEGIN { print kb * 1024 / n }')" bytes/node
rm -f "$db" "$db-wal" "$db-shm" "$BUILD/bench-reference.rss"
