# tests/e2e/optimize_cli.sh -- `neosim optimize` end to end, on
# tests/validation/optimize.lua (EBITDA largest at 14 nodes):
#   output      a line per stage, the finalists, the last line
#   stored      the experiment and each candidate; asked again, no new run
#   -j          the same with -j 1 and -j 2
#   keys        a continuous key (the price: revenue grows with it, so the
#               top of its range), --minimize, a constraint
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
