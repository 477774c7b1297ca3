# tests/e2e/optimize_cli.sh -- `neosim optimize` end to end, on
# tests/validation/optimize.lua (EBITDA largest at 14 nodes):
#   output      a line per stage, the finalists, the last line
#   stored      the experiment and each candidate; asked again, no new run
#   killed      an optimize killed mid-way, run again, ends as one not killed
#   -j          the same with -j 1 and -j 2
#   keys        a continuous key (the price: revenue grows with it, so the
#               top of its range), --minimize, a constraint
#   objective   --objective: the last line names it, the stored experiment
#               keeps it, its interval is the per-replication values'; a
#               cvar term with a negative weight gets a note; its errors
#   errors      usage errors
. tests/lib.sh
f=tests/validation/optimize.lua
db=$T_TMP/o.db
opt() { "$NEOSIM" optimize $f --vary fleet.1.nodes=5:30:int --metric is.ebitda --budget 200 "$@"; }

run opt --db "$db" -j 2
expect_rc 0 "optimize"
expect_match "$(printf '%s\n' "$OUT" | head -1)" '^stage 1, 10 replications a candidate: best so far fleet\.1\.nodes=[0-9]+, is\.ebitda = ' \
  "a line per stage"
expect_match "$OUT" '^ +n +mean +95% CI +KN +finalist$' "the finalists' table"
last=$(printf '%s\n' "$OUT" | tail -1)
expect_match "$last" '^best: fleet\.1\.nodes=1[345] is\.ebitda = [0-9.]+ ± [0-9.e+]+$' "the last line: 14 or next to it"
expect_match "$OUT" 'search: [0-9]+ stages, [0-9]+ candidates, [0-9]+ replications \(budget 200\)' "the search's line"
run opt --db "$T_TMP/j1.db" -j 1 --quiet
j1=$OUT
run opt --db "$T_TMP/j2.db" -j 2 --quiet
expect_eq "$OUT" "$j1" "-j 1 and -j 2: the same"

q() { sqlite3 "$db" "$1"; }
expect_eq "$(q "select kind, metric, status, decision from experiments")" \
  "optimize|is.ebitda|done|$(echo "$last" | sed 's/ is\.ebitda.*//')" "the experiment's row"
expect_eq "$(q "select count(*) = (select count(distinct scenario_sha256) from runs) from experiment_points")" "1" \
  "a row per candidate, a version each"
expect_eq "$(q "select count(*) from experiment_points where status = 'best'")" "1" "one best"
runs=$(q "select count(*) from runs")
run opt --db "$db" -j 2 --quiet
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "$last" "asked again: the same best"
expect_eq "$(q "select count(*) from runs"):$(q "select count(*) from experiments")" "$runs:1" \
  "asked again: no new run, one experiment"

# killed mid-way, then run again: the same end as a search not killed
opt --db "$T_TMP/whole.db" --budget 400 --seed 4 --quiet -j 2 >"$T_TMP/whole.out"
expect_rc 0 "a search not killed"
"$NEOSIM" optimize $f --vary fleet.1.nodes=5:30:int --metric is.ebitda --budget 400 --seed 4 \
  --quiet -j 2 --db "$T_TMP/killed.db" >/dev/null 2>&1 & # not the function: its pid is the shell's
kill_at_runs $! "$T_TMP/killed.db" 60
expect_eq "$(sqlite3 "$T_TMP/killed.db" "select status from experiments")" "running" "killed: the experiment is left running"
opt --db "$T_TMP/killed.db" --budget 400 --seed 4 --quiet -j 2 >"$T_TMP/again.out"
expect_eq "$(cat "$T_TMP/again.out")" "$(cat "$T_TMP/whole.out")" "killed and run again: the same end"
expect_eq "$(sqlite3 "$T_TMP/killed.db" "select status from experiments")" "done" "run again: done"

# a continuous key: revenue grows with the price, so its top
run "$NEOSIM" optimize $f --vary tenants.od.price_gpu_hour=1:3 --metric is.ebitda --budget 120 \
  --db "$T_TMP/p.db" --quiet
expect_match "$(printf '%s\n' "$OUT" | tail -1)" '^best: tenants\.od\.price_gpu_hour=(3|2\.9[0-9]*) ' \
  "a continuous key: the top of its range"
# --minimize: EBITDA is smallest at 30 nodes (power for idle nodes)
run opt --db "$T_TMP/m.db" --minimize --quiet
expect_match "$(printf '%s\n' "$OUT" | tail -1)" '^best: fleet\.1\.nodes=(29|30) ' "--minimize: the most nodes"
# a constraint the best meets: the same best
run opt --db "$T_TMP/c.db" --constraint 'od.blocked_fraction<=0.2~0.05' --quiet
expect_match "$(printf '%s\n' "$OUT" | tail -1)" '^best: fleet\.1\.nodes=1[345] ' "a constraint met: the same best"

# --objective: mean + cvar05 over the same search (n1 = 40, KN from 200)
run opt --db "$T_TMP/r.db" --objective 'mean(is.ebitda) + 0.5*cvar05(is.ebitda)' --budget 600 -j 2
expect_rc 0 "optimize --objective"
expect_match "$(printf '%s\n' "$OUT" | head -1)" \
  '^stage 1, 40 replications a candidate: best so far fleet\.1\.nodes=[0-9]+, mean\(is\.ebitda\) \+ 0\.5\*cvar05\(is\.ebitda\) = ' \
  "--objective: the first stage at 200 / 5 replications, the objective named"
rlast=$(printf '%s\n' "$OUT" | tail -1)
expect_match "$rlast" '^best: fleet\.1\.nodes=1[3-6] mean\(is\.ebitda\) \+ 0\.5\*cvar05\(is\.ebitda\) = [0-9.]+ ± [0-9.e+]+$' \
  "--objective: the last line"
expect_eq "$(printf '%s\n' "$OUT" | awk '$5 == "best" || $5 == "eliminated" || $5 == "in" { if ($1 < 200) bad++ } END { print bad + 0 }')" "0" \
  "--objective: KN's first stage has 200 replications"
expect_match "$(sqlite3 "$T_TMP/r.db" "select parameters from experiments")" \
  ' objective=mean\(is\.ebitda\) \+ 0\.5\*cvar05\(is\.ebitda\) ' "--objective: stored"
# the objective of the best point, from its runs: 1.5 x mean + 0.5 x cvar05 (the
# lowest 5%, the boundary value in part) over the first n -- the search's estimate
c=$(echo "$rlast" | sed 's/^best: fleet\.1\.nodes=\([0-9]*\) .*/\1/')
n=$(sqlite3 "$T_TMP/r.db" "select n from experiment_points where value = 'fleet.1.nodes=$c'")
m=$(sqlite3 "$T_TMP/r.db" "select mean from experiment_points where value = 'fleet.1.nodes=$c'")
sqlite3 "$T_TMP/r.db" "select m.value from metrics m join runs r on r.id = m.run_id
  join scenarios s on s.sha256 = r.scenario_sha256
  where m.name = 'is.ebitda' and r.replication < $n and s.overrides like '%fleet.1.nodes=$c%'
  order by m.value" >"$T_TMP/vals"
expect_eq "$(awk -v n="$n" -v m="$m" '{ x[NR] = $1; s += $1 }
  END { a = 0.05; k = int(a * n); if (k < a * n) k++; q = x[k]; t = 0
    for (i = 1; i < k; i++) t += q - x[i]
    j = s / n + 0.5 * (q - t / (a * n)); d = j - m; print (NR == n && d * d < 1e-6 * m * m) }' "$T_TMP/vals")" "1" \
  "--objective: the stored estimate is mean + 0.5 cvar05 of the runs"
run opt --db "$T_TMP/r2.db" --objective 'mean(is.ebitda) - 0.5*cvar05(is.ebitda)' --budget 60 --quiet
expect_rc 0 "a risk-seeking objective runs"
expect_match "$ERR" "^optimize: note: a cvar term of 'mean\(is\.ebitda\) - 0\.5\*cvar05\(is\.ebitda\)' has a negative weight" \
  "a risk-seeking objective: the note"

for args in "--vary fleet.1.nodes=5:30 --objective 'mean(npv) + cvar05(is.ebitda)' --budget 10" \
  "--vary fleet.1.nodes=5:30 --metric npv --objective 'mean(is.ebitda)' --budget 10" \
  "--vary fleet.1.nodes=5:30 --objective 'mean(is.ebitda)' --metric npv --budget 10" \
  "--vary fleet.1.nodes=5:30 --objective 'sd(is.ebitda)' --budget 10" \
  "--vary fleet.1.nodes=5:30 --objective 'cvar0(is.ebitda)' --budget 10"; do
  eval "run \"\$NEOSIM\" optimize \$f $args --db \"\$T_TMP/err.db\""
  expect_rc 2 "optimize $args"
  expect_match "$ERR" '^neosim: optimize: ' "optimize $args: a message"
done

for args in "--metric is.ebitda" "--vary fleet.1.nodes=5:30:int --metric is.ebitda" \
  "--vary fleet.1.nodes=5:5:int --metric is.ebitda --budget 10" \
  "--vary fleet.1.nodes=5:30:integer --metric is.ebitda --budget 10" \
  "--vary fleet.1.nodes=5:30 --budget 10" "--vary fleet.1.nodes=5:30 --metric is.ebitda --budget 10 --finalists 0" \
  "--vary fleet.1.nodes=5:30 --metric is.ebitda --budget 10 --reps 3"; do
  run "$NEOSIM" optimize $f $args --db "$T_TMP/err.db"
  expect_rc 2 "optimize $args"
  expect_match "$ERR" '^neosim: optimize: ' "optimize $args: a message"
done
finish
