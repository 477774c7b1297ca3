# tests/slurm_lib.sh -- what the SLURM tests share (sourced after lib.sh):
# the scenario and options of the runs, and a local reference to compare
# the merged results of a script against.
scn=scenarios/erlang_b.lua
opts="--reps 3 --seed 7 --set horizon_days=90 --max-events 1e6 --model-memory 512" # 3 points x 3 replications = 9 runs
q() { sqlite3 "$1" "$2"; }
# same_as_local DB what: DB holds the local run's scenario version and results
same_as_local() {
  expect_eq "$(q "$1" "select count(*), sum(status = 'done') from runs")" "9|9" "$2: 9 runs done"
  expect_eq "$(q "$1" "select group_concat(sha256) from scenarios")" "$(q "$local" "select sha256 from scenarios")" "$2: same scenario version"
  a=$(results_dump "$1")
  if [ -n "$a" ] && [ "$a" = "$(results_dump "$local")" ]; then pass; else fail "$2: results differ from the local run"; fi
}

# the reference: the same scenario run here
local=$T_TMP/local.db
# shellcheck disable=SC2086
run "$NEOSIM" run $scn --db "$local" $opts -j 2 --quiet
expect_rc 0 "local run"
