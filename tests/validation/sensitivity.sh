# tests/validation/sensitivity.sh -- `neosim sensitivity` end to end on
# tests/validation/sensitivity.lua, whose Sobol indices follow by hand (its
# header): each inside the interval the command reports, and each estimate
# equal to the estimator recomputed here from the stored revenues; the
# errors of a file without a design, an unknown metric, a sweep point the
# design does not have.
. tests/lib.sh
db=$T_TMP/s.db
run "$NEOSIM" run tests/validation/sensitivity.lua --db "$db" --quiet -j 2
expect_rc 0 "sensitivity.lua runs"
run "$NEOSIM" sensitivity --db "$db" --metric revenue_total --format csv
expect_rc 0 "sensitivity --format csv"
csv=$OUT
expect_eq "$(printf '%s\n' "$csv" | head -1)" "metric,input,index,value,ci_low,ci_high" "the CSV's columns"
expect_lines "$csv" 5 "a heading and S1, ST of two inputs"
inside() { # inside INPUT INDEX TRUTH
  printf '%s\n' "$csv" | awk -F, -v i="$1" -v x="$2" -v t="$3" '
    $2 == i && $3 == x { found = 1; ok = ($5 <= t && t <= $6); print $4, "[" $5 ", " $6 "]" }
    END { exit !(found && ok) }'
}
for c in "tenants.anchor.nodes S1 0.5639" "tenants.anchor.price_gpu_hour S1 0.4060" \
         "tenants.anchor.nodes ST 0.5940" "tenants.anchor.price_gpu_hour ST 0.4361"; do
  set -- $c
  got=$(inside "$1" "$2" "$3") && pass || fail "$2 of $1: $got does not hold $3"
done
# the estimates from the stored responses: base sample j is points 4j (A), 4j+1 (B), 4j+2+i (AB_i)
sqlite3 "$db" "select r.point, m.value from runs r join metrics m on m.run_id = r.id
  where m.name = 'revenue_total' and r.status = 'done' order by r.point" >"$T_TMP/y"
printf '%s\n' "$csv" >"$T_TMP/csv"
expect_eq "$(python3 - "$T_TMP/y" "$T_TMP/csv" <<'PY'
import sys
y = [float(l.split("|")[1]) for l in open(sys.argv[1])]
n, k = len(y) // 4, 2
fa = [y[4 * j] for j in range(n)]; fb = [y[4 * j + 1] for j in range(n)]
f0 = sum(fa + fb) / (2 * n)
v = sum((x - f0) ** 2 for x in fa + fb) / (2 * n)
out = []
for i in range(k):
    fab = [y[4 * j + 2 + i] for j in range(n)]
    out.append(sum((b - f0) * (c - a) for a, b, c in zip(fa, fb, fab)) / n / v)
for i in range(k):
    fab = [y[4 * j + 2 + i] for j in range(n)]
    out.append(sum((a - c) ** 2 for a, c in zip(fa, fab)) / (2 * n) / v)
got = [float(l.split(",")[3]) for l in open(sys.argv[2]).read().splitlines()[1:]]
print("equal" if all(abs(a - b) <= 1e-9 * abs(a) for a, b in zip(out, got)) else "%s vs %s" % (out, got))
PY
)" "equal" \
  "S1 and ST as the estimators define them, from the stored revenues"
expect_eq "$(sqlite3 "$db" "select input || printf(' %.12g %.12g', s1, st) from sobol
  where metric = 'revenue_total' order by input")" \
  "$(csv_pairs "$csv" S1 ST)" \
  "the sobol view: the command's estimates"
run "$NEOSIM" sensitivity --db "$db" --metric revenue_total
expect_match "$OUT" "^revenue_total: 512 of 512 base samples used \(2048 runs\)$" "the note: samples and runs"
run "$NEOSIM" sensitivity --db "$db" --metric revenue_totl
expect_rc 2 "an unknown metric"
expect_match "$ERR" "has no metric 'revenue_totl'" "an unknown metric: the message"
run "$NEOSIM" sensitivity --db "$db" --metric npv --sweep-point 1
expect_rc 2 "a sweep point the design does not have"
expect_match "$ERR" "--sweep-point 1: the design has sweep points 0 to 0" "the sweep point: the message"
run "$NEOSIM" sensitivity --db "$db"
expect_rc 2 "no metric"
run "$NEOSIM" run tests/validation/erlang_b.lua --db "$T_TMP/plain.db" --quiet --reps 1
run "$NEOSIM" sensitivity --db "$T_TMP/plain.db" --metric npv
expect_rc 2 "a version without a design"
expect_match "$ERR" "has no design of uncertain inputs" "no design: the message"
finish
