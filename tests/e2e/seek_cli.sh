# tests/e2e/seek_cli.sh -- `neosim seek` end to end, on
# tests/validation/precision.lua (the mean of od.jobs is 240 x
# arrivals_per_hour):
#   output      the values tried, the last line; two keys moved together
#   stored      the experiment and each value tried; asked again, no new run
#   -j          the same with -j 1 and -j 2
#   killed      a seek killed mid-way, run again, ends as one not killed
#   no root     the target outside the range: said, exit 0
#   errors      usage and scenario errors; --set sweep=none itself
. tests/lib.sh
f=tests/validation/precision.lua
db=$T_TMP/s.db
sk() { "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=0.5:3 --metric od.jobs --target 300 \
  --budget 400 --max-reps 160 "$@"; }

run sk --db "$db" -j 2
expect_rc 0 "seek"
last=$(printf '%s\n' "$OUT" | tail -1)
expect_match "$last" '^root: tenants\.od\.arrivals_per_hour=[0-9.]+ \[[0-9.]+, [0-9.]+\]$' "the last line"
set -- $(echo "$last" | sed 's/.*=//; s/[],[]/ /g')
expect_eq "$(awk -v x="$1" -v a="$2" -v b="$3" 'BEGIN { print (a <= 1.25 && 1.25 <= b && a <= x && x <= b) }')" "1" \
  "the interval [$2, $3] holds 1.25 and the estimate $1"
expect_match "$(printf '%s\n' "$OUT" | sed -n 3p)" '^0\.5 +10 +[0-9.]+ +\[.*\] +below$' "the low end: below"
expect_match "$(printf '%s\n' "$OUT" | sed -n 4p)" '^3 +10 +[0-9.]+ +\[.*\] +above$' "the high end: above"
expect_match "$OUT" 'bisection on od\.jobs = 300: [0-9]+ values, [0-9]+ replications \(budget 400\), each decision at error 0\.00' \
  "the procedure's line"
run sk --db "$T_TMP/j1.db" -j 1 --quiet
j1=$OUT
run sk --db "$T_TMP/j2.db" -j 2 --quiet
expect_eq "$OUT" "$j1" "-j 1 and -j 2: the same"

# stored
q() { sqlite3 "$db" "$1"; }
expect_eq "$(q "select kind, procedure, metric, status, decision from experiments")" \
  "seek|bisection with sequential t tests|od.jobs|done|$last" "the experiment's row"
expect_eq "$(q "select parameters from experiments")" \
  "vary=tenants.od.arrivals_per_hour=0.5:3 target=300 alpha=0.05 n0=10 max_reps=160 budget=400 tol=0.001" \
  "its parameters"
ntried=$(printf '%s\n' "$OUT" | grep -c '^[0-9.]* *[0-9]* .*\(above\|below\|undecided\)$')
expect_eq "$(q "select count(*), min(point), max(point) from experiment_points")" "$ntried|0|$((ntried - 1))" \
  "a row per value tried"
expect_eq "$(q "select value, status from experiment_points where point < 2 order by point")" \
  "tenants.od.arrivals_per_hour=0.5|below
tenants.od.arrivals_per_hour=3|above" "the ends' values and sides"
expect_eq "$(q "select count(distinct scenario_sha256) from runs"):$(q "select count(*) from scenarios")" \
  "$ntried:$((ntried + 1))" "a version per value, and the experiment's own"
expect_eq "$(q "select count(*) from scenarios s join experiments e on e.scenario_sha256 = s.sha256
  where s.overrides = 'sweep=none' || char(10)")" "1" "the experiment's version: without the key varied"
runs=$(q "select count(*) from runs")
run sk --db "$db" -j 2
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "$last" "asked again: the same root"
expect_eq "$(q "select count(*) from runs"):$(q "select count(*) from experiments")" "$runs:1" \
  "asked again: no new run, one experiment"

# two keys moved together: the price follows the rate along the path
run "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=0.5:3 --vary tenants.od.price_gpu_hour=1:2 \
  --metric od.jobs --target 300 --budget 400 --max-reps 160 --db "$T_TMP/two.db" --quiet
expect_rc 0 "two keys"
expect_match "$(printf '%s\n' "$OUT" | tail -1)" '^root: tenants\.od\.arrivals_per_hour=' "two keys: the first key last"
with=$(printf '%s\n' "$OUT" | tail -2 | head -1)
expect_match "$with" '^with: tenants\.od\.price_gpu_hour=' "two keys: the second on a with: line"
x=$(printf '%s\n' "$OUT" | tail -1 | sed 's/^[^=]*=//; s/ .*//')
y=$(echo "$with" | sed 's/^[^=]*=//; s/ .*//')
expect_eq "$(awk -v x="$x" -v y="$y" 'BEGIN { d = y - (1 + (x - 0.5) / 2.5); print (d * d < 1e-12) }')" "1" \
  "two keys: price $y = 1 + (rate $x - 0.5) / 2.5"

# killed mid-way, then run again
long() { "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=0.5:3 --metric od.jobs --target 300 \
  --budget 2000 --seed 5 -j 2 --quiet "$@"; }
long --db "$T_TMP/whole.db" >"$T_TMP/whole.out"
"$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=0.5:3 --metric od.jobs --target 300 \
  --budget 2000 --seed 5 -j 2 --quiet --db "$T_TMP/killed.db" >/dev/null 2>&1 &
pid=$!
tried() { n=$(sqlite3 "$T_TMP/killed.db" "select count(distinct scenario_sha256) from runs" 2>/dev/null); echo "${n:-0}"; }
while [ "$(tried)" -lt 3 ]; do sleep 0.05; done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
expect_eq "$(sqlite3 "$T_TMP/killed.db" "select status from experiments")" "running" "killed: left running"
long --db "$T_TMP/killed.db" >"$T_TMP/again.out"
expect_eq "$(cat "$T_TMP/again.out")" "$(cat "$T_TMP/whole.out")" "killed and run again: the same end"

# no root in the range
run "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=0.5:3 --metric od.jobs --target 1000 \
  --budget 100 --db "$T_TMP/none.db" --quiet
expect_rc 0 "no root: exit 0"
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "no root: the mean is below the target at both ends: no root between" \
  "no root: said"
expect_eq "$(sqlite3 "$T_TMP/none.db" "select status, decision from experiments")" "done|no root" "no root: stored"

# errors
for args in "--metric od.jobs --target 1" "--vary tenants.od.arrivals_per_hour=1:1 --metric od.jobs --target 1" \
  "--vary tenants.od.arrivals_per_hour --metric od.jobs --target 1" "--vary tenants.od.arrivals_per_hour=1:2 --target 1" \
  "--vary tenants.od.arrivals_per_hour=1:2 --metric od.jobs" \
  "--vary tenants.od.arrivals_per_hour=1:2 --metric od.jobs --target 1 --reps 3" \
  "--vary tenants.od.arrivals_per_hour=1:2 --metric od.jobs --target 1 --tol 0" \
  "--vary tenants.od.arrivals_per_hour=1:2 --metric od.jobs --target 1 --alpha 0.5"; do
  run "$NEOSIM" seek $f $args --db "$T_TMP/err.db"
  expect_rc 2 "seek $args"
  expect_match "$ERR" '^neosim: seek: ' "seek $args: a message"
done
run "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=1:2 --metric od.jobs --target 1 --budget 10 --db "$T_TMP/err.db"
expect_rc 2 "a budget below two first rounds"
expect_match "$ERR" "seek: --budget 10 is less than two values of --n0 10 runs" "budget: said"
run "$NEOSIM" seek $f --vary tenants.od.nope=1:2 --metric od.jobs --target 1 --db "$T_TMP/err.db"
expect_rc 2 "an unknown key"
expect_match "$ERR" "^neosim: --set tenants\.od\.nope: " "an unknown key: named"
run "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=-1:2 --metric od.jobs --target 1 --db "$T_TMP/err.db"
expect_rc 2 "a value out of bounds"
expect_match "$ERR" "^neosim: --set tenants\.od\.arrivals_per_hour: " "a value out of bounds: named"

# --set sweep=none: the scenario without its sweep
run "$NEOSIM" check scenarios/h100_price_collapse.lua --set sweep=none
expect_match "$OUT" 'points +1' "--set sweep=none: one point"
run "$NEOSIM" check scenarios/h100_price_collapse.lua --set sweep=some
expect_rc 2 "--set sweep=some"
expect_eq "$ERR" "neosim: --set sweep: only 'none' (the scenario without its sweep: one point)" "--set sweep=some: said"
finish
