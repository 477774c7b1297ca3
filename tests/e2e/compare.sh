# tests/e2e/compare.sh -- neosim compare: the three formats, metric
# patterns, the baseline, scenario choice, and clear errors.
. tests/lib.sh
db=$T_TMP/c.db
scn=scenarios/erlang_b.lua
short="--set horizon_days=60 --set warmup_days=5"
"$NEOSIM" run $scn --db "$db" --reps 4 $short --quiet

run "$NEOSIM" compare --db "$db"
expect_rc 0 "compare"
expect_match "$OUT" "^Scenario erlang-b-check \(sha256 [0-9a-f]{12}\): 3 points, 12 runs done, 0 failed$" "title"
expect_match "$OUT" "^point +tenants\.od\.arrivals_per_hour +revenue_total +opex_total +npv +cash_min +utilization_mean$" \
  "default metrics as columns, swept key first"
expect_match "$OUT" "^2 +9 +[0-9.]+k ± [0-9.]+k \(4\) " "a point's row: swept value, mean ± CI (n)"
expect_match "$OUT" "^Paired differences against point 0: " "paired section"
expect_match "$OUT" "^1 +revenue_total +\+[0-9.]+k ± [0-9.]+k +± [0-9.]+k +[0-9]\.[0-9]{2} +4$" "paired row"
expect_match "$OUT" "^Risk: " "risk section"
expect_match "$OUT" "^0 +4 +0\.000 \[0\.000, 0\.490\] +0\.000 \[0\.000, 0\.490\] " "risk row with Wilson intervals"
expect_match "$OUT" "^0 +4 .* [0-9.never]+ / [0-9.never]+ / [0-9.never]+ of 4$" "payback quantiles say over how many runs"

# every figure is the views' figure: csv at full precision against summary and paired
run "$NEOSIM" compare --db "$db" --format csv --metric 'od.*frac*' --baseline 1
expect_rc 0 "compare csv"
expect_eq "$(printf '%s\n' "$OUT" | head -1)" \
  "point,tenants.od.arrivals_per_hour,metric,n,mean,sd,ci95,baseline,n_paired,diff,diff_ci95,diff_ci95_unpaired,width_ratio" "csv header"
expect_eq "$(printf '%s\n' "$OUT" | grep -c ',od\.')" "6" "two metrics matched 'od.*frac*', three points"
expect_eq "$(printf '%s\n' "$OUT" | grep -c ',risk\.')" "45" "15 risk figures per point"
row=$(printf '%s\n' "$OUT" | grep '^0,5,od.blocked_fraction,')
sv=$(sqlite3 "$db" "select n, mean, sd, ci95 from summary where point = 0 and metric = 'od.blocked_fraction'")
pv=$(sqlite3 "$db" "select mean_diff, ci95 from paired where baseline = 1 and point = 0 and metric = 'od.blocked_fraction'")
set -- $(echo "$row" | awk -F, '{ print $4, $5, $6, $7, $10, $11 }') $(echo "$sv|$pv" | tr '|' ' ')
[ "$1" = "$7" ] && near "$2" "$8" 1e-14 && near "$3" "$9" 1e-14 && near "$4" "${10}" 1e-14 && near "$5" "${11}" 1e-14 && near "$6" "${12}" 1e-14 &&
  pass || fail "csv row [$row] vs views [$sv|$pv]"
expect_eq "$(printf '%s\n' "$OUT" | grep '^1,7,od.blocked_fraction,' | cut -d, -f8-)" ",,,,," "the baseline has no difference to itself"

run "$NEOSIM" compare --db "$db" --format md --metric npv
expect_rc 0 "compare md"
expect_match "$OUT" "^## Scenario erlang-b-check" "md title"
expect_match "$OUT" "^### Paired differences against point 0$" "md section"
expect_match "$OUT" "^\| point \| tenants\.od\.arrivals_per_hour \| +npv \|$" "md table head"
expect_match "$OUT" "^\| ----- \| -+ \| -+: \|$" "md alignment row"

# errors
run "$NEOSIM" compare --db "$db" --metric nosuch
expect_rc 2 "unknown metric"
expect_match "$ERR" "^neosim: compare: no metric of 'erlang-b-check' in .*c\.db matches 'nosuch'" "unknown metric named"
run "$NEOSIM" compare --db "$db" --baseline 7
expect_rc 2 "bad baseline"
expect_match "$ERR" "baseline 7: .* has no runs of point 7 of 'erlang-b-check' \(points 0 to 2\)" "bad baseline named"
run "$NEOSIM" compare --db "$db" --format xml
expect_rc 2 "bad format"
expect_eq "$ERR" "neosim: compare: --format 'xml': use table, csv or md" "bad format named"
run "$NEOSIM" compare --db "$T_TMP/none.db"
expect_rc 2 "missing database"
expect_match "$ERR" "none\.db" "missing database named"
[ ! -e "$T_TMP/none.db" ] && pass || fail "compare created a database"
echo "not a database" >"$T_TMP/junk.db"
run "$NEOSIM" compare --db "$T_TMP/junk.db"
expect_rc 2 "not a database"
expect_match "$ERR" "junk\.db" "junk named"
# a database of schema version 3 was drawn with the old exponential sampler
sqlite3 "$T_TMP/v3.db" "create table runs (id integer primary key); pragma user_version = 3"
run "$NEOSIM" compare --db "$T_TMP/v3.db"
expect_rc 2 "a schema version 3 database"
expect_match "$ERR" "v3\.db': a results database of an older neosim \(schema version 3; this one reads 6\): query it with sqlite3" \
  "an older database is named and explained"
run "$NEOSIM" compare "$db"
expect_rc 2 "positional argument"
expect_match "$ERR" "unexpected argument .*given with --db" "positional argument explained"

# two versions of one name: the latest by name, with a note; several names: choose
"$NEOSIM" run $scn --db "$db" --reps 2 $short --set tenants.od.price_gpu_hour=3 --quiet
run "$NEOSIM" compare --db "$db" --metric npv
expect_rc 2 "two versions"
expect_match "$ERR" "holds 2 scenario versions; choose one with --scenario" "asks to choose"
run "$NEOSIM" compare --db "$db" --metric npv --scenario erlang-b-check
expect_rc 0 "by name"
expect_match "$ERR" "note: .* holds 2 versions of 'erlang-b-check'; using the latest" "note on the version taken"
expect_match "$OUT" "6 runs done" "the latest version (2 replications x 3 points)"
sha=$(sqlite3 "$db" "select substr(sha256, 1, 8) from scenarios where overrides not like '%price_gpu_hour%'")
run "$NEOSIM" compare --db "$db" --metric npv --scenario "$sha"
expect_rc 0 "by SHA-256 prefix"
expect_match "$OUT" "12 runs done" "the first version"
run "$NEOSIM" compare --db "$db" --scenario nosuch
expect_rc 2 "unknown scenario"
expect_match "$ERR" "no runs of a scenario named or with SHA-256 starting 'nosuch'" "unknown scenario named"

# one point: no paired section
"$NEOSIM" run tests/e2e/scenarios/policies.lua --db "$T_TMP/one.db" --quiet
run "$NEOSIM" compare --db "$T_TMP/one.db"
expect_rc 0 "one point"
if printf '%s\n' "$OUT" | grep -q "^Paired"; then fail "paired section with one point"; else pass; fi
finish
