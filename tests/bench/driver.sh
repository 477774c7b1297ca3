#!/bin/sh
# tests/bench/driver.sh -- the experiment driver's own share of a batch's
# wall time: `run --precision` and `select` on tests/bench/sweep.lua (4
# points, -j 2), the command's wall time against the time its rounds of runs
# took (the sum the command prints: worker pool, runs, their writes).  The
# rest is the driver's own work: loading the scenario, reading the
# statistics back between rounds, deciding, storing the experiment.
set -eu
. tests/bench/lib.sh
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}"
db=$BUILD/bench-driver.db
share() { # share CMD...: the driver's share of the wall time, in %, and the runs
  rm -f "$db" "$db-wal" "$db-shm"
  t0=$(date +%s%N)
  out=$("$@" --db "$db")
  t1=$(date +%s%N)
  w=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) runs.* in \([0-9.]*\) s.*/\2/p' | head -1)
  awk -v t=$(((t1 - t0) / 1000)) -v w="$w" 'BEGIN { s = t / 1e6; print 100 * (s - w) / s }'
}
bench_line precision_driver_share "$(share "$NEOSIM" run tests/bench/sweep.lua --precision od.jobs=0.001 -j 2)" %
bench_line precision_runs "$(sqlite3 "$db" "select count(*) from runs")" runs
bench_line select_driver_share "$(share "$NEOSIM" select tests/bench/sweep.lua --metric od.jobs --delta 0.1 -j 2)" %
bench_line select_runs "$(sqlite3 "$db" "select count(*) from runs")" runs
rm -f "$db" "$db-wal" "$db-shm"
