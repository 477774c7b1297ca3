#!/bin/sh
# tests/bench/scale.sh -- scenarios/scale_1m.lua at GPUS = 100,000, 300,000
# and 1,000,000 (its `local GPUS` line): seconds per replication, peak
# resident memory of the whole process (GNU time) and the time per event at
# each size; cost that grows linearly keeps the time per event flat.  Two
# rounds over the three sizes, the best of each size kept: a drift of the
# machine's speed within a round then falls on all sizes alike.
set -eu
. tests/bench/lib.sh
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}"
sizes="100k:100000 300k:300000 1m:1000000"
cp scenarios/reference_100k.lua "$BUILD/" # scale_1m.lua requires it
db=$BUILD/bench-scale.db
rm -f "$BUILD"/bench-scale-*.best # from a run killed before its end
for round in 1 2; do
  for size in $sizes; do
    name=${size%%:*} gpus=${size#*:}
    scn=$BUILD/bench-scale-$name.lua
    sed "s/^local GPUS = 1000000\$/local GPUS = $gpus/" scenarios/scale_1m.lua >"$scn"
    grep -q "^local GPUS = $gpus\$" "$scn" || { echo "scale.sh: no 'local GPUS' line in scale_1m.lua" >&2; exit 1; }
    rm -f "$db" "$db-wal" "$db-shm"
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$BUILD/bench-scale-$name.rss" "$NEOSIM" run "$scn" --db "$db" --reps 1 -j 1 --quiet
    t1=$(date +%s%N)
    events=$(sqlite3 "$db" "select sum(events) from runs where status = 'done'")
    secs=$(awk -v ns=$((t1 - t0)) 'BEGIN { print ns / 1e9 }')
    best=$(cat "$BUILD/bench-scale-$name.best" 2>/dev/null || true)
    if [ -z "$best" ] || awk -v a="$secs" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      echo "$secs $events" >"$BUILD/bench-scale-$name.best"
    fi
    rm -f "$scn" "$db" "$db-wal" "$db-shm"
  done
done
for size in $sizes; do
  name=${size%%:*}
  read -r secs events <"$BUILD/bench-scale-$name.best"
  bench_line "scale_$name" "$secs" s/replication
  awk -v kb="$(cat "$BUILD/bench-scale-$name.rss")" -v n="$name" 'BEGIN { printf "bench scale_%s_rss %.0f MB\n", n, kb / 1024 }'
  bench_line "scale_${name}_event_ns" "$(awk -v s="$secs" -v e="$events" 'BEGIN { print s / e * 1e9 }')" ns/event
  rm -f "$BUILD/bench-scale-$name.best" "$BUILD/bench-scale-$name.rss"
done
rm -f "$BUILD/reference_100k.lua"
