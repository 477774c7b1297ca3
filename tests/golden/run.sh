#!/bin/sh
# tests/golden/run.sh NEOSIM DIR -- run every shipped scenario over its whole
# horizon, 2 replications at its own seed, replication 0 of point 0 traced
# (every event), into DIR/NAME.db; then print the golden record of them all
# (tests/golden/dump.py) on stdout.  `make golden` writes it to
# tests/golden/shipped.golden; tests/e2e/golden.sh compares against it.
set -eu
neosim=$1 dir=$2
mkdir -p "$dir"
for f in scenarios/*.lua; do
  db=$dir/$(basename "$f" .lua).db
  rm -f "$db" "$db-wal" "$db-shm"
  "$neosim" run "$f" --db "$db" --reps 2 --trace 0:0 --quiet >/dev/null
done
python3 tests/golden/dump.py "$dir"/*.db
