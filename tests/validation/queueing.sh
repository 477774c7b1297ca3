# tests/validation/queueing.sh -- the on-demand model against queueing
# theory: Erlang B blocking (reject), Erlang C mean wait (patient queue),
# Little's law for the time-average queue length and the arrival rate, each at three (c, lambda) points;
# SKUs in order of preference (perf 2 and 1) against the ordered-hunting loss system's CTMC.  Each replication is
# one estimate; the analytic value must lie inside the 95% Student-t CI
# over 30 replications (fixed seeds, so the outcome is reproducible).
. tests/lib.sh
db=$T_TMP/v.db
S="lua5.4 tests/validation/stats.lua"

# values of metric $2 for point $1 of scenario $3, one per replication
values() {
  sqlite3 "$db" "select m.value from metrics m join runs r on r.id = m.run_id
                 where r.scenario = '$3' and r.point = $1 and m.name = '$2' order by r.replication"
}

run "$NEOSIM" run tests/validation/erlang_b.lua --db "$db" --quiet
expect_rc 0 "erlang_b runs"
p=0
for ca in "5 3" "10 7" "20 15"; do
  set -- $ca
  target=$($S erlang_b "$1" "$2")
  if values $p od.blocked_fraction validation-erlang-b | $S inside "$target" "Erlang B c=$1 a=$2"; then pass; else fail "Erlang B c=$1 a=$2"; fi
  p=$((p + 1))
done

run "$NEOSIM" run tests/validation/erlang_c.lua --db "$db" --quiet
expect_rc 0 "erlang_c runs"
p=0
for cl in "1 0.5" "3 2.4" "10 8"; do
  set -- $cl
  target=$($S erlang_c_wq "$1" "$2" 1)
  if values $p od.wait_mean_hours validation-erlang-c | $S inside "$target" "Erlang C Wq c=$1 lambda=$2"; then pass; else fail "Erlang C c=$1 lambda=$2"; fi
  # Little's law: the time-average queue length, measured by integrating
  # the queue over time (independent of the waits), is lambda * Wq
  lq=$(awk -v l="$2" -v w="$target" 'BEGIN { printf "%.12g", l * w }')
  if values $p od.queue_mean validation-erlang-c | $S inside "$lq" "Little Lq = lambda Wq, c=$1 lambda=$2"; then pass; else fail "Little's law c=$1 lambda=$2"; fi
  # and the arrival rate the model produced is lambda (thinning, streams)
  sqlite3 "$db" "select m.value / ((800 - 20) * 24.0) from metrics m join runs r on r.id = m.run_id
      where r.scenario = 'validation-erlang-c' and r.point = $p and m.name = 'od.jobs'" >"$T_TMP/rate"
  if $S inside "$2" "arrival rate c=$1 lambda=$2" <"$T_TMP/rate"; then pass; else fail "arrival rate c=$1 lambda=$2"; fi
  p=$((p + 1))
done
# SKUs in order of preference (prefs.lua): 4 B200 (perf 2: 5 h a job) and 6 H100 (10 h), hunted
# in order; blocking and busy GPU-hours against the CTMC, revenue against 1 x (1 - B) x $160 an
# hour (price_per_perf: a job costs the same on either SKU)
run "$NEOSIM" run tests/validation/prefs.lua --db "$db" --quiet
expect_rc 0 "prefs runs"
p=0
for order in "4 0.2 6 0.1" "6 0.1 4 0.2"; do
  set -- $($S ordered_loss $order 1.0)
  if values $p od.blocked_fraction validation-prefs | $S inside "$1" "ordered loss ($order) blocking"; then pass
  else fail "ordered loss ($order): blocking"; fi
  gh=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.6f", (a + b) * 8 * 87600 }')
  if values $p od.gpu_hours validation-prefs | $S inside "$gh" "ordered loss ($order) GPU-hours"; then pass
  else fail "ordered loss ($order): GPU-hours"; fi
  rev=$(awk -v b="$1" 'BEGIN { printf "%.6f", (1 - b) * 160 * 87600 }')
  if values $p od.revenue validation-prefs | $S inside "$rev" "ordered loss ($order) revenue"; then pass
  else fail "ordered loss ($order): revenue"; fi
  p=$((p + 1))
done
finish
