# tests/validation/select.sh -- `neosim select` (KN) keeps its guarantee:
# on tests/validation/select.lua (five points of independent revenue, the
# best exactly delta = 100 above the four others: the slippage
# configuration, KN's least favourable), independent procedures (seeds 1,
# 2, ...) with alpha 0.05 choose point 4 with probability at least 0.95:
# the 95% Wilson interval of the share of correct selections over 300
# procedures must reach 0.95 (under the sanitizers 40, mechanics only).
# Then the constraints: every feasibility decision right with probability
# at least 1 - alpha / 2, over 60 selects.
# First the configuration itself: the points' mean revenues, from 400
# replications, against 1918 and 2018 (959 x price, in the scenario's
# header).
. tests/lib.sh
f=tests/validation/select.lua
run "$NEOSIM" run $f --db "$T_TMP/means.db" --reps 400 --quiet
expect_rc 0 "the configuration's runs"
sqlite3 "$T_TMP/means.db" "select r.point, m.value from runs r join metrics m on m.run_id = r.id
  where m.name = 'revenue_total'" >"$T_TMP/means"
expect_eq "$(awk -F'|' '{ n[$1]++; s[$1] += $2; q[$1] += $2 * $2 }
  END { for (p = 0; p < 5; p++) { m = s[p] / n[p]; sd = sqrt((q[p] - n[p] * m * m) / (n[p] - 1))
          want = p < 4 ? 1918 : 2018; if ((m - want) ^ 2 > (1.97 * sd / sqrt(n[p])) ^ 2) bad = bad " " p ":" m }
        print bad == "" ? "ok" : bad }' "$T_TMP/means")" "ok" "the points' means are 1918 x4 and 2018, inside 95% intervals"

case "$BUILD" in *san-*) total=40 ;; *) total=300 ;; esac
mkdir -p "$T_TMP/s"
export NEOSIM T_TMP f
seq 1 $total | xargs -P 2 -n 1 sh -c '
  db=$T_TMP/s/p$0.db
  "$NEOSIM" select $f --metric revenue_total --delta 100 --db "$db" -j 1 --seed "$0" --quiet \
    --format csv >"$T_TMP/s/$0.csv" || echo "exit $?" >"$T_TMP/s/$0.err"
  rm -f "$db" "$db-wal" "$db-shm"'
expect_eq "$(cat "$T_TMP"/s/*.err 2>/dev/null)" "" "every procedure ran"
correct=$(cat "$T_TMP"/s/*.csv | grep -c '^best: point 4$')
decided=$(cat "$T_TMP"/s/*.csv | grep -c '^best: point ')
runs=$(cat "$T_TMP"/s/*.csv | awk -F, '$1 ~ /^[0-9]+$/ { n += $2 } END { print n }')
bounds=$(awk -v c="$correct" -v n="$total" 'BEGIN { p = c / n; z = 1.96; d = 1 + z * z / n
  mid = (p + z * z / (2 * n)) / d; w = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
  printf "%.4f %.4f", mid - w, mid + w }')
echo "select: point 4 (the best) chosen by $correct of $total procedures (95% interval $bounds);" \
  "$runs replications used, $(awk -v r="$runs" -v n="$total" 'BEGIN { printf "%.1f", r / n }') a procedure"
expect_eq "$decided" "$total" "every procedure ends with best: point K"
case "$BUILD" in
*san-*) ;;
*) expect_eq "$(echo "$bounds" | awk '{ print ($2 >= 0.95) }')" "1" \
     "P(correct selection) >= 0.95: $correct of $total, interval $bounds" ;;
esac

# feasibility: with revenue_total <= 1968 within 25, points 0-3 (mean 1918,
# 50 inside) must be found feasible and point 4 (2018, 50 outside) not, by
# decisions whose error is at most alpha / 2 = 0.025 in all: over 60
# independent selects (20 under the sanitizers) count those right on all five
case "$BUILD" in *san-*) total=20 ;; *) total=60 ;; esac
mkdir -p "$T_TMP/c"
seq 1 $total | xargs -P 2 -n 1 sh -c '
  db=$T_TMP/c/p$0.db
  "$NEOSIM" select $f --metric revenue_total --delta 100 --constraint "revenue_total<=1968~25" \
    --db "$db" -j 1 --seed "$0" --quiet --format csv >"$T_TMP/c/$0.csv" || echo "exit $?" >"$T_TMP/c/$0.err"
  rm -f "$db" "$db-wal" "$db-shm"'
expect_eq "$(cat "$T_TMP"/c/*.err 2>/dev/null)" "" "every constrained select ran"
right=$(for i in $(seq 1 $total); do
  awk -F, '$1 ~ /^[0-3]$/ && $6 !~ /infeasible|undecided/ { ok++ } $1 == 4 && $6 ~ /^infeasible/ { ok++ }
    END { print (ok == 5) }' "$T_TMP/c/$i.csv"
done | grep -c 1)
fb=$(awk -v c="$right" -v n="$total" 'BEGIN { p = c / n; z = 1.96; d = 1 + z * z / n
  mid = (p + z * z / (2 * n)) / d; w = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
  printf "%.4f %.4f", mid - w, mid + w }')
echo "select --constraint: all five points decided right in $right of $total selects (95% interval $fb)"
case "$BUILD" in
*san-*) ;;
*) expect_eq "$(echo "$fb" | awk '{ print ($2 >= 0.975) }')" "1" \
     "P(every feasibility decision right) >= 0.975: $right of $total" ;;
esac
finish
