# tests/validation/paired.sh -- common random numbers on the shipped Erlang B
# scenario (10 nodes, 5, 7 and 9 Erlangs, 20 replications, fixed seed):
# the paired differences of the `paired` view (and neosim compare) estimate
# the known difference of Erlang B blocking without bias -- the analytic
# difference lies inside their 95% CI -- and their intervals are narrower
# than the unpaired ones of the same runs.  The view's figures are checked
# against an independent computation (tests/validation/stats.lua).
. tests/lib.sh
db=$T_TMP/p.db
S="lua5.4 tests/validation/stats.lua"
q() { sqlite3 "$db" "$1"; }

run "$NEOSIM" run scenarios/erlang_b.lua --db "$db" --quiet
expect_rc 0 "erlang_b runs"

# value pairs (baseline, point) of a metric, replication by replication
pairs() {
  q "select b.value, m.value from runs r join metrics m on m.run_id = r.id
     join runs rb on rb.replication = r.replication and rb.point = 0
     join metrics b on b.run_id = rb.id and b.name = m.name
     where r.point = $1 and m.name = '$2' order by r.replication" | tr '|' ' '
}

b0=$($S erlang_b 10 5)
p=1
for a in 7 9; do
  target=$(awk -v x="$($S erlang_b 10 $a)" -v y="$b0" 'BEGIN { printf "%.12g", x - y }')
  # unbiased: B(10, a) - B(10, 5) inside the paired 95% CI
  pairs $p od.blocked_fraction | awk '{ print $2 - $1 }' >"$T_TMP/d"
  if $S inside "$target" "paired B(10,$a) - B(10,5)" <"$T_TMP/d"; then pass; else fail "paired difference at a=$a"; fi
  # the view says the same as the independent computation
  set -- $(pairs $p od.blocked_fraction | $S paired)
  view=$(q "select n, mean_diff, ci95, ci95_unpaired from paired where baseline = 0 and point = $p and metric = 'od.blocked_fraction'")
  echo "a=$a independent: n=$1 diff=$2 +- $3 (unpaired +- $4); view: $view"
  set -- "$1" "$2" "$3" "$4" $(echo "$view" | tr '|' ' ')
  [ "$1" = "$5" ] && near "$2" "$6" 1e-12 && near "$3" "$7" 1e-15 && near "$4" "$8" 1e-15 && pass ||
    fail "paired view at a=$a: [$view] vs [$1 $2 $3 $4]"
  # narrower than unpaired, for the blocking, the revenue and the utilisation
  for m in od.blocked_fraction revenue_total utilization_mean; do
    r=$(q "select width_ratio from paired where baseline = 0 and point = $p and metric = '$m'")
    echo "a=$a $m: paired / unpaired CI width $r"
    if awk -v r="$r" 'BEGIN { exit !(r > 0 && r < 0.9) }'; then pass; else fail "$m at a=$a: width ratio $r, expected < 0.9"; fi
  done
  p=$((p + 1))
done

# neosim compare shows the same figures
run "$NEOSIM" compare --db "$db" --metric od.blocked_fraction --format csv
expect_rc 0 "compare"
row=$(printf '%s\n' "$OUT" | grep '^2,9,od.blocked_fraction,')
view=$(q "select mean_diff, ci95, ci95_unpaired, width_ratio from paired where baseline = 0 and point = 2 and metric = 'od.blocked_fraction'")
set -- $(echo "$row" | awk -F, '{ print $10, $11, $12, $13 }') $(echo "$view" | tr '|' ' ')
near "$1" "$5" 1e-15 && near "$2" "$6" 1e-15 && near "$3" "$7" 1e-15 && near "$4" "$8" 1e-15 && pass ||
  fail "compare csv [$row] vs view [$view]"
finish
