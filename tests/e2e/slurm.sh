# tests/e2e/slurm.sh -- `neosim slurm`: the script it prints, its options
# and errors, and the script run with a stand-in sbatch that runs each job
# at once: the merged database must hold exactly the results of a local
# `neosim run -j 2` of the same scenario.  tests/e2e/slurm_cluster.sh runs
# it on a real cluster.
. tests/lib.sh
. tests/slurm_lib.sh

# ---- the script for a tiny input ----
# shellcheck disable=SC2086
run "$NEOSIM" slurm $scn --tasks 3 --cpus 2 --partition debug --out "$T_TMP/o" $opts
expect_rc 0 "slurm script"
expect_eq "$ERR" "" "no warning when there are more runs than tasks"
script=$OUT
expect_match "$script" '^#!/bin/sh$' "script: shebang"
expect_match "$script" 'sbatch --parsable --array=0-2 ' "script: array of 3 tasks"
expect_match "$script" '--dependency=afterok:"\$array" ' "script: merge after the array succeeds"
expect_match "$script" "exec $(cd "$(dirname "$NEOSIM")" && pwd -P)/$(basename "$NEOSIM") run $(pwd -P)/$scn " "script: absolute binary and scenario"
expect_match "$script" "--shard \"\\\$SLURM_ARRAY_TASK_ID\"/3 --db $T_TMP/o/part-\"\\\$SLURM_ARRAY_TASK_ID\".db --quiet -j 2 --reps 3 --seed 7 --set horizon_days=90 --max-events 1e6 --model-memory 512'" "script: task command"
expect_match "$script" "seq -f part-%.0f.db 0 2 \| xargs .* merge merged.db" "script: merge of the 3 parts"
expect_match "$script" "--cpus-per-task=2 " "script: --cpus"
expect_match "$script" "--partition=debug " "script: --partition"
expect_match "$script" "--time=01:00:00 " "script: default time"
expect_match "$script" "--chdir=$(pwd -P) " "script: jobs start here"
expect_match "$script" "--output=\"\\\$dir\"/slurm-%A_%a.out" "script: task logs"
if printf '%s\n' "$script" | grep -q -- '--mem'; then fail "script: --mem without --mem"; else pass; fi
printf '%s\n' "$script" | sh -n
expect_eq "$?" "0" "script: valid sh"
run "$NEOSIM" slurm $scn --tasks 1
expect_match "$OUT" "dir=$(pwd -P)/results/slurm-erlang-b-check$" "default --out"
if printf '%s\n' "$OUT" | grep -q -- '--partition'; then fail "script: --partition without --partition"; else pass; fi

# more tasks than runs: a warning, and the script all the same
run "$NEOSIM" slurm $scn --tasks 100000 --reps 3
expect_rc 0 "100000 tasks"
expect_eq "$ERR" "neosim: slurm: warning: 9 runs for 100000 tasks: tasks 9 to 99999 have nothing to do" "warning: idle tasks"
expect_match "$OUT" '--array=0-99999 ' "script: array of 100000 tasks"

# errors: one line, exit 2, no script
for bad in "--tasks 0" "--tasks 100001" "--tasks x" "" "--tasks 2 --cpus 0" "--tasks 2 --time 1h" \
           "--tasks 2 --mem 4X" "--tasks 2 --reps 0" "--tasks 2 --set nokey" "--tasks 2 --bogus" \
           "--tasks 2 --out a%b" "--tasks 2 --partition="; do
  # shellcheck disable=SC2086
  run "$NEOSIM" slurm $scn $bad
  expect_rc 2 "slurm $bad"
  expect_lines "$ERR" 1 "slurm $bad: one line"
  expect_eq "$OUT" "" "slurm $bad: no script"
done
run "$NEOSIM" slurm --tasks 2
expect_rc 2 "slurm without a scenario"
run "$NEOSIM" slurm tests/e2e/bad/name_missing.lua --tasks 2
expect_rc 2 "slurm of a broken scenario"
expect_match "$ERR" '^neosim: tests/e2e/bad/name_missing.lua' "broken scenario: its message"
expect_eq "$OUT" "" "broken scenario: no script"

# ---- (1) a stand-in sbatch: each job runs at once, in the order submitted;
# an awkward output folder (space, quote) checks the script's quoting ----
mkdir -p "$T_TMP/fake"
cat >"$T_TMP/fake/sbatch" <<'EOF'
#!/bin/sh
# sbatch stand-in: runs the --wrap command (each array task in turn) in --chdir
array=0-0 chdir=. wrap=
for a; do
  case $a in --array=*) array=${a#*=} ;; --chdir=*) chdir=${a#*=} ;; --wrap=*) wrap=${a#*=} ;; esac
done
printf '%s\n' "$*" >>"$FAKE_LOG"
id=$(($(wc -l <"$FAKE_LOG") + 100))
k=${array%-*}
while [ "$k" -le "${array#*-}" ]; do
  (cd "$chdir" && SLURM_ARRAY_TASK_ID=$k sh -c "$wrap") >>"$FAKE_LOG.out" 2>&1 || echo "FAKE-FAILED: job $id task $k" >>"$FAKE_LOG.out"
  k=$((k + 1))
done
echo "$id;cluster"
EOF
chmod +x "$T_TMP/fake/sbatch"
out="$T_TMP/it's a dir"
# shellcheck disable=SC2086
"$NEOSIM" slurm $scn --tasks 4 --out "$out" $opts >"$T_TMP/fake.sh"
run env PATH="$T_TMP/fake:$PATH" FAKE_LOG="$T_TMP/fake.log" sh "$T_TMP/fake.sh"
expect_rc 0 "script with the stand-in sbatch"
expect_eq "$OUT" "array job 101: 4 tasks writing $out/part-K.db
merge job 102: once they all succeed, writes $out/merged.db
follow them: squeue -j 101,102" "script prints the job ids and where results go"
expect_match "$(sed -n 2p "$T_TMP/fake.log")" "--dependency=afterok:101 " "merge depends on the array job id"
expect_eq "$(grep -c FAKE-FAILED "$T_TMP/fake.log.out")" "0" "stand-in jobs succeeded ($(cat "$T_TMP/fake.log.out"))"
expect_eq "$(cd "$out" && ls part-*.db | tr '\n' ' ')" "part-0.db part-1.db part-2.db part-3.db " "one part per task"
expect_eq "$(q "$out/part-1.db" "select group_concat(point || '.' || replication, ' ') from (select * from runs order by point, replication)")" \
  "0.1 1.2" "task 1 ran the runs with index 1 and 5 (point x 3 + replication)"
same_as_local "$out/merged.db" "stand-in sbatch"
finish
