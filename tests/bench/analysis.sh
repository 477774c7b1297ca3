#!/bin/sh
# tests/bench/analysis.sh -- compare and report at 10^4 runs: a database of
# two made-up scenario versions (tests/bench/analysis.sql), each 10 points
# x 1000 replications with 100 metrics and 60 monthly samples of 40 series
# a run; prints the seconds to build it, its size, and the seconds compare
# and report take on the second version (best of 3 each).
set -eu
. tests/bench/lib.sh
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}"
db=$BUILD/bench-analysis.db
rm -f "$db" "$db-wal" "$db-shm"
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { print (b - a) / 1e9 }'; }
t0=$(now)
sqlite3 "$db" ".read results/schema.sql"
base=0
for name in bench-a bench-b; do
  sha=$(printf '%s' "$name" | sha256sum | cut -c1-64)
  sqlite3 "$db" ".parameter set :name '$name'" ".parameter set :sha '$sha'" ".parameter set :base $base" \
    ".parameter set :points 10" ".parameter set :reps 1000" ".read tests/bench/analysis.sql"
  base=$((base + 10000))
done
t1=$(now)
bench_line analysis_db_build "$(secs "$t0" "$t1")" s
bench_line analysis_db_size "$(($(wc -c <"$db") / 1000000))" MB
sync # the build's 1.2 GB on disk before the timings, not written back during them
best() { # best CMD...: the shortest wall time of 3 runs, in seconds
  b=
  for i in 1 2 3; do
    a=$(now)
    "$@" >/dev/null
    s=$(secs "$a" "$(now)")
    b=$(awk -v s="$s" -v b="${b:-0}" 'BEGIN { print (b == 0 || s < b) ? s : b }')
  done
  echo "$b"
}
bench_line compare_1e4_runs "$(best "$NEOSIM" compare --db "$db" --scenario bench-b)" s
bench_line report_1e4_runs "$(best "$NEOSIM" report --db "$db" --scenario bench-b -o "$BUILD/bench-analysis.html")" s
rm -f "$db" "$db-wal" "$db-shm" "$BUILD/bench-analysis.html"
