#!/bin/sh
# tests/bench/driver.sh -- the experiment driver's own share of a batch's
# wall time: `run --precision` and `select` on tests/bench/sweep.lua (4
# points, -j 2), the command's wall time against the time its rounds of runs
# took (the sum the command prints: worker pool, runs, their writes).  The
# rest is the driver's: starting, loading the scenario, reading the
# statistics back between rounds, deciding, storing the experiment.
# select also prints its procedure's own work (select_run's time outside
# its rounds: the version's and the experiment's rows, reading values,
# deciding -- not the process's start or the scenario's load), whose share
# is select_procedure_share.
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
  own=$(printf '%s\n' "$out" | sed -n "s/.*the procedure's own work \([0-9.]*\) s.*/\1/p" | head -1)
  wall_us=$(((t1 - t0) / 1000))
  awk -v t=$wall_us -v w="$w" 'BEGIN { s = t / 1e6; print 100 * (s - w) / s }'
}
own_share() { # the procedure's own work over the wall time of the last share, in %
  awk -v t="$wall_us" -v o="$own" 'BEGIN { print 100 * o / (t / 1e6) }'
}
bench_line precision_driver_share "$(share "$NEOSIM" run tests/bench/sweep.lua --precision od.jobs=0.001 -j 2)" %
bench_line precision_runs "$(sqlite3 "$db" "select count(*) from runs")" runs
share "$NEOSIM" select tests/bench/sweep.lua --metric od.jobs --delta 0.1 -j 2 >"$db.share"
bench_line select_driver_share "$(cat "$db.share")" %
bench_line select_procedure_share "$(own_share)" %
bench_line select_runs "$(sqlite3 "$db" "select count(*) from runs")" runs
rm -f "$db" "$db-wal" "$db-shm" "$db.share"
