# tests/e2e/select_cli.sh -- `neosim select` end to end, on
# tests/validation/select.lua (five points, point 4 best by 100):
#   output      the table and its last line; the CSV columns; each point's
#               n, mean and interval recomputed from its stored runs
#   stored      the experiment and its points; asked again, the same
#               decision with no new run and still one experiment row
#   -j          the same decision and figures with -j 1 and -j 2
#   killed      a select killed mid-way, run again, ends as one not killed
#   options     --minimize, --max-reps reached, and the usage errors
#   constraints a point infeasible and why; none feasible; a 0/1 metric
#   shipped     the decision colossus1_lease.lua's header states
. tests/lib.sh
f=tests/validation/select.lua
db=$T_TMP/s.db
sel() { "$NEOSIM" select $f --metric revenue_total --delta 100 --seed 7 "$@"; }

run sel --db "$db" -j 2
expect_rc 0 "select"
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "best: point 4" "the last line names the best"
expect_match "$(printf '%s\n' "$OUT" | sed -n 2p)" '^point +n +mean +95% CI +status$' "the table's head"
expect_match "$OUT" 'KN on revenue_total \(largest\), delta 100, alpha 0.05, n0 10: [0-9]+ stages' "the procedure's line"
run sel --db "$T_TMP/csv.db" -j 1 --format csv --quiet
csv=$OUT
expect_eq "$(printf '%s\n' "$csv" | head -1)" "point,n,mean,ci_low,ci_high,status" "CSV columns"
expect_eq "$(printf '%s\n' "$csv" | grep -c '^[0-4],[0-9]*,')" "5" "a CSV row per point"
expect_eq "$(printf '%s\n' "$csv" | grep -c ',best$')" "1" "one best"
expect_eq "$(printf '%s\n' "$csv" | grep -c ',eliminated at stage [0-9]*$')" "4" "four eliminated"
run sel --db "$T_TMP/csv2.db" -j 2 --format csv --quiet
expect_eq "$OUT" "$csv" "-j 1 and -j 2: the same figures and decision"

# each point's figures from its first n stored runs
printf '%s\n' "$csv" | awk -F, '$1 ~ /^[0-9]+$/ { print $1, $2, $3, $4, $5 }' >"$T_TMP/rows"
while read -r p n mean lo hi; do
  got=$(sqlite3 "$T_TMP/csv.db" "select avg(m.value), count(*) from runs r join metrics m on m.run_id = r.id
    where m.name = 'revenue_total' and r.point = $p and r.replication < $n and r.status = 'done'")
  expect_eq "$(echo "$got" | awk -F'|' -v m="$mean" -v n="$n" '{ d = $1 - m; print (d * d < 1e-12 * m * m && $2 == n) }')" "1" \
    "point $p: the mean of its first $n runs ($got against $mean)"
  expect_eq "$(awk -v m="$mean" -v l="$lo" -v h="$hi" 'BEGIN { d = (m - l) - (h - m); print (l < m && m < h && d * d < 1e-12 * m * m) }')" "1" \
    "point $p: an interval about its mean"
done <"$T_TMP/rows"

# stored: the experiment, its points; asked again: no new run, one row
q() { sqlite3 "$db" "$1"; }
expect_eq "$(q "select kind, procedure, metric, minimize, parameters, status, decision from experiments")" \
  "select|KN (Kim and Nelson 2001)|revenue_total|0|delta=100 alpha=0.05 n0=10 max_reps=1000|done|best: point 4" \
  "the experiment's row"
expect_eq "$(q "select count(*), sum(status = 'best'), sum(status = 'eliminated' and stage >= 10) from experiment_points")" \
  "5|1|4" "its points"
expect_eq "$(q "select group_concat(n, ' ') from (select n from experiment_points order by point)")" \
  "$(printf '%s\n' "$csv" | awk -F, '$1 ~ /^[0-9]+$/ { printf "%s%s", s, $2; s = " " }')" "the stored n are the CSV's"
runs=$(q "select count(*) from runs")
run sel --db "$db" -j 2
expect_match "$OUT" '^0 runs in .* \([0-9]+ already done reused\)' "asked again: no new run"
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "best: point 4" "asked again: the same decision"
expect_eq "$(q "select count(*) from runs"):$(q "select count(*) from experiments")" "$runs:1" "asked again: the same runs, one experiment"

# killed mid-way (a small delta: about 900 runs), once 60 are stored, then run again
small() { "$NEOSIM" select $f --metric revenue_total --delta 10 --seed 3 --format csv --quiet -j 2 "$@"; }
small --db "$T_TMP/whole.db" >"$T_TMP/whole.csv"
expect_rc 0 "a long select"
"$NEOSIM" select $f --metric revenue_total --delta 10 --seed 3 --quiet -j 2 --db "$T_TMP/killed.db" >/dev/null 2>&1 &
kill_at_runs $! "$T_TMP/killed.db" 60
expect_eq "$(sqlite3 "$T_TMP/killed.db" "select status from experiments")" "running" "killed: the experiment is left running"
small --db "$T_TMP/killed.db" >"$T_TMP/again.csv"
expect_eq "$(cat "$T_TMP/again.csv")" "$(cat "$T_TMP/whole.csv")" "killed and run again: the same end"
expect_eq "$(sqlite3 "$T_TMP/killed.db" "select status from experiments")" "done" "run again: done"

# --minimize: the best is the smallest; --max-reps reached: said
run sel --db "$T_TMP/min.db" --minimize --format csv --quiet
expect_match "$(printf '%s\n' "$OUT" | tail -1)" '^best: point [0-3]$' "--minimize: one of the four lower points"
run "$NEOSIM" select $f --metric revenue_total --delta 1 --max-reps 12 --db "$T_TMP/max.db" --format csv --quiet
expect_rc 0 "select to --max-reps"
expect_match "$OUT" ',best at --max-reps \(no guarantee\)$' "at --max-reps: no guarantee"
expect_eq "$(printf '%s\n' "$OUT" | awk -F, '$1 ~ /^[0-9]+$/ && $2 > 12' | wc -l | tr -d ' ')" "0" "at most 12 replications"

# constraints: point 4 pays tenant t5, the others do not
run sel --db "$T_TMP/con.db" --constraint 't5.revenue<=100~50' --format csv --quiet
expect_rc 0 "a constraint"
expect_match "$(printf '%s\n' "$OUT" | grep '^4,')" ',infeasible: t5\.revenue mean [0-9.]+ > 100$' "point 4 infeasible, and why"
expect_match "$(printf '%s\n' "$OUT" | tail -1)" '^best: point [0-3]$' "the best among the feasible points"
expect_eq "$(sqlite3 "$T_TMP/con.db" "select count(*) from experiment_points where status = 'infeasible'")" "1" \
  "stored: one infeasible point"
expect_match "$(sqlite3 "$T_TMP/con.db" "select parameters from experiments")" ' constraint=t5\.revenue<=100~50$' \
  "stored: the constraint"
run sel --db "$T_TMP/con0.db" --constraint 'defaulted>=0.5' --quiet
expect_rc 0 "no feasible point: exit 0"
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "best: none (no point is feasible)" "no feasible point: said"
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'infeasible: defaulted mean 0 < 0.5$')" "5" "no feasible point: each says why"
expect_eq "$(sqlite3 "$T_TMP/con0.db" "select decision from experiments")" "best: none (no point is feasible)" \
  "no feasible point: stored"
run sel --db "$T_TMP/con1.db" --constraint 'defaulted<=0.05~0.04' --format csv --quiet
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'infeasible\|undecided')" "0" \
  "a 0/1 metric never 1: feasible (Wilson's interval, not ten zeros)"
for bad in "t5.revenue" "t5.revenue<=abc" "t5.revenue<=0" "t5.revenue<=1~0" "<=1"; do
  run sel --db "$T_TMP/err.db" --constraint "$bad"
  expect_rc 2 "--constraint '$bad'"
  expect_match "$ERR" "^neosim: select: --constraint '" "--constraint '$bad': a message"
done

# the decision colossus1_lease.lua's header states
run "$NEOSIM" select scenarios/colossus1_lease.lua --metric npv_with_internal --delta 5e8 \
  --db "$T_TMP/c1.db" -j 2 --format csv --quiet
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "best: point 0" "colossus1_lease: the lease at \$7.78"
expect_eq "$(printf '%s\n' "$OUT" | grep -c ',10,.*,eliminated at stage 10$')" "4" \
  "colossus1_lease: the four others left at the first stage"

# usage errors
for args in "--delta 100" "--metric npv" "--metric npv --delta 0" "--metric npv --delta 1 --alpha 1" \
  "--metric npv --delta 1 --n0 1" "--metric npv --delta 1 --reps 5" "--metric npv --delta 1 --format xml" \
  "--metric npv --delta 1 --n0 20 --max-reps 10" "--metric npv --delta 1 --bogus"; do
  run "$NEOSIM" select $f $args --db "$T_TMP/err.db"
  expect_rc 2 "select $args"
  expect_match "$ERR" '^neosim: select: ' "select $args: a message"
done
run "$NEOSIM" select tests/validation/precision.lua --metric od.jobs --delta 1 --db "$T_TMP/one.db"
expect_rc 2 "one point"
expect_match "$ERR" "has one sweep point; KN chooses among two or more" "one point: said"
run "$NEOSIM" select $f --metric no_such_metric --delta 1 --db "$T_TMP/nm.db" -j 1
expect_rc 2 "an unknown metric"
expect_match "$ERR" "run 0:0 of 'validation-select' has no value of 'no_such_metric'" "an unknown metric: said"
finish
