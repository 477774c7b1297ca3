# tests/e2e/slurm_cluster.sh -- the script of `neosim slurm` submitted to a
# throwaway single-node SLURM cluster (tests/slurm_local.sh): both jobs
# succeed and the merged database holds exactly the results of a local
# `neosim run -j 2`; and `neosim select` run as one batch job decides as it
# does here.  Skipped (exit 77) without root or the SLURM daemons
# (Debian: slurmctld slurmd slurm-client munge; .ci/run installs them).
. tests/lib.sh
missing=
for c in munged slurmctld slurmd sbatch squeue scontrol sinfo; do command -v $c >/dev/null 2>&1 || missing="$missing $c"; done
if [ -n "$missing" ] || [ "$(id -u)" -ne 0 ]; then
  skip "needs root and slurmctld slurmd slurm-client munge (missing:${missing:- none}, uid $(id -u))"
fi
. tests/slurm_lib.sh
base=$T_TMP/slurm
trap 'sh tests/slurm_local.sh stop "$base" >/dev/null 2>&1; rm -rf "$T_TMP"' EXIT
trap 'exit 1' INT TERM HUP
sh tests/slurm_local.sh start "$base" || { fail "the SLURM test cluster did not start"; finish; exit; }
export SLURM_CONF="$base/etc/slurm.conf"
out=$T_TMP/cluster
# shellcheck disable=SC2086
"$NEOSIM" slurm $scn --tasks 4 --out "$out" $opts >"$T_TMP/cluster.sh"
run sh "$T_TMP/cluster.sh"
expect_rc 0 "script submitted on the cluster"
echo "$OUT"
array=$(printf '%s\n' "$OUT" | sed -n 's/^array job \([0-9]*\):.*/\1/p')
merge=$(printf '%s\n' "$OUT" | sed -n 's/^merge job \([0-9]*\):.*/\1/p')
expect_match "$array.$merge" '^[0-9]+\.[0-9]+$' "job ids printed"
# wait until both jobs have left the queue (a failed task cancels the merge)
i=0
while [ -n "$(squeue -h -j "$array,$merge" -t PD,CF,R,CG,S -o %i 2>/dev/null)" ] && [ $i -lt 600 ]; do
  sleep 0.2
  i=$((i + 1))
done
ok=$(scontrol -o show job "$merge" | grep -c 'JobState=COMPLETED .*ExitCode=0:0')
tasks=$(scontrol -o show job "$array" | grep -c 'JobState=COMPLETED .*ExitCode=0:0')
if [ "$ok" = 1 ] && [ "$tasks" = 4 ] && grep -q '^neosim slurm: merged 4 parts into merged.db$' "$out/slurm-merge-$merge.out"; then
  pass
else
  fail "jobs did not all succeed (after $i polls; $tasks of 4 tasks and $ok merge COMPLETED)"
  squeue -j "$array,$merge" >&2
  scontrol -o show job "$array" >&2
  scontrol -o show job "$merge" >&2
  for f in "$out"/slurm-*.out "$base"/log/*; do echo "--- $f" >&2; tail -n 20 "$f" >&2; done
fi
expect_eq "$(cd "$out" && ls part-*.db | tr '\n' ' ')" "part-0.db part-1.db part-2.db part-3.db " "cluster: one part per task"
if [ -f "$out/merged.db" ]; then pass; else fail "cluster: no merged.db"; fi
same_as_local "$out/merged.db" "SLURM cluster"

# an experiment inside one allocation (README, "On a cluster"): select as a
# batch job using the cores SLURM gives it, its decision and figures those
# of the same select run here
sel="select tests/validation/select.lua --metric revenue_total --delta 100 --seed 7 --format csv --quiet"
# shellcheck disable=SC2086
"$NEOSIM" $sel --db "$T_TMP/sel-local.db" -j 2 >"$T_TMP/sel-local.csv"
run sbatch --wait --parsable --chdir="$(pwd)" --cpus-per-task=2 --output="$out/select-%j.out" \
  --wrap "$NEOSIM $sel --db $out/select.db"
expect_rc 0 "select as a batch job"
expect_eq "$(cat "$out/select-$OUT.out" 2>/dev/null)" "$(cat "$T_TMP/sel-local.csv")" \
  "select in one allocation: the same decision and figures as here"
expect_eq "$(sqlite3 "$out/select.db" "select status, decision from experiments")" "done|best: point 4" \
  "select in one allocation: the experiment stored"
finish
