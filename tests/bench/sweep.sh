#!/bin/sh
# tests/bench/sweep.sh -- the worker pool: tests/bench/sweep.lua (1000
# short runs) with -j 1 and -j 2, runs/s of each and the speed-up; each
# the best of 5 batches, the two taking turns (on a shared machine a batch
# at -j 2 often loses a core for a while).  The runs' results are checked identical across -j.
set -eu
. tests/bench/lib.sh
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}"
one() { # one JOBS: the wall time of a batch, in seconds
  db=$BUILD/bench-sweep-j$1.db
  rm -f "$db" "$db-wal" "$db-shm"
  t0=$(date +%s%N)
  "$NEOSIM" run tests/bench/sweep.lua --db "$db" -j "$1" --quiet
  t1=$(date +%s%N)
  awk -v a=$(((t1 - t0) / 1000)) 'BEGIN { print a / 1e6 }'
}
s1= s2=
for i in 1 2 3 4 5; do # -j 1 and -j 2 take turns: a drift of the machine's speed falls on both
  s1=$(least "$s1" "$(one 1)") s2=$(least "$s2" "$(one 2)")
done
dump() { sqlite3 "$BUILD/bench-sweep-j$1.db" "select r.point, r.replication, m.name, quote(m.value)
                                               from metrics m join runs r on r.id = m.run_id order by 1, 2, 3" | md5sum; }
[ "$(dump 1)" = "$(dump 2)" ] || { echo "sweep.sh: -j 1 and -j 2 results differ" >&2; exit 1; }
runs=$(sqlite3 "$BUILD/bench-sweep-j2.db" "select count(*) from runs where status = 'done'")
bench_line sweep_j1 "$(awk -v n="$runs" -v s="$s1" 'BEGIN { print n / s }')" runs/s
bench_line sweep_j2 "$(awk -v n="$runs" -v s="$s2" 'BEGIN { print n / s }')" runs/s
bench_line sweep_speedup_j2 "$(awk -v a="$s1" -v b="$s2" 'BEGIN { print a / b }')" x
rm -f "$BUILD"/bench-sweep-j*.db*
