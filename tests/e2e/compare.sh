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

# --points: a subset (and the baseline), each row as in the whole table
run "$NEOSIM" compare --db "$db" --format csv --metric 'od.*frac*' --baseline 1 --points 2
expect_rc 0 "compare --points 2"
expect_eq "$(printf '%s\n' "$OUT" | grep ',od\.' | cut -d, -f1 | sort -u | tr '\n' ' ')" "1 2 " \
  "--points 2 with --baseline 1: points 1 and 2"
whole=$(run "$NEOSIM" compare --db "$db" --format csv --metric 'od.*frac*' --baseline 1; printf '%s\n' "$OUT" | grep '^2,')
expect_eq "$(printf '%s\n' "$OUT" | grep '^2,')" "$whole" "--points: point 2's rows as in the whole table"
run "$NEOSIM" compare --db "$db" --points 0,9
expect_rc 2 "--points with a point that has no runs"
expect_match "$ERR" "has no runs of point 9 of 'erlang-b-check' \(points 0 to 2\)" "--points: the missing point named"
run "$NEOSIM" compare --db "$db" --points 0,x
expect_rc 2 "--points 0,x"
expect_match "$ERR" "'x' is not a sweep point" "--points: the bad item named"

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
expect_match "$ERR" "v3\.db': a results database of an older neosim \(schema version 3; this one reads 6 to 9\): query it with sqlite3" \
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
# --against: the price-3 version against the first, point by point, replication by replication
new=$(sqlite3 "$db" "select substr(sha256, 1, 8) from scenarios where overrides like '%price_gpu_hour%'")
run "$NEOSIM" compare --db "$db" --scenario "$new" --against "$sha" --metric revenue_total \
  --metric od.blocked_fraction --format csv
expect_rc 0 "--against"
want=$(sqlite3 "$db" "select a.point, avg(ma.value - mb.value) from runs a join runs b on b.point = a.point
  and b.replication = a.replication and b.scenario_sha256 like '$sha%'
  join metrics ma on ma.run_id = a.id and ma.name = 'revenue_total'
  join metrics mb on mb.run_id = b.id and mb.name = 'revenue_total'
  where a.scenario_sha256 like '$new%' group by a.point order by a.point")
got=$(printf '%s\n' "$OUT" | awk -F, '$3 == "revenue_total" { print $1 "|" $10 }')
ok=1
for p in 0 1 2; do
  w=$(printf '%s\n' "$want" | awk -F'|' -v p=$p '$1 == p { print $2 }')
  g=$(printf '%s\n' "$got" | awk -F'|' -v p=$p '$1 == p { print $2 }')
  near "$g" "$w" "$(awk -v w="$w" 'BEGIN { print (w < 0 ? -w : w) * 1e-9 }')" || ok=0
done
[ "$ok" = 1 ] && pass || fail "--against: revenue differences [$got], from the runs [$want]"
expect_eq "$(printf '%s\n' "$OUT" | awk -F, '$3 == "od.blocked_fraction" { printf "%s %s;", $9, $10 }')" \
  "2 0;2 0;2 0;" "--against: the same jobs blocked (common random numbers), 2 pairs a point"
run "$NEOSIM" compare --db "$db" --scenario "$new" --against "$new"
expect_rc 2 "--against itself"
expect_match "$ERR" "is the version compared itself" "--against itself: the message"
run "$NEOSIM" compare --db "$db" --scenario "$new" --against "$sha" --baseline 1
expect_rc 2 "--against with --baseline"
run "$NEOSIM" compare --db "$db" --scenario nosuch
expect_rc 2 "unknown scenario"
expect_match "$ERR" "no runs of a scenario named or with SHA-256 starting 'nosuch'" "unknown scenario named"

# Every figure compare prints is the views' (summary, paired, risk), which
# it computes in C from one scan: all metrics of a made-up version with
# failed runs, defaults, breaches, runs never paid back and NULL values
# (tests/bench/analysis.sql), two other versions around it.  Tolerance:
# 1e-11 of the larger of 1, the figure and the metric's mean.
syn=$T_TMP/syn.db
sqlite3 "$syn" ".read results/schema.sql"
for spec in a:0:3 b:1000:4 c:2000:2; do # name:base:points
  IFS=: read name base points <<EOF_SPEC
$spec
EOF_SPEC
  sha=$(printf '%s' "$name" | sha256sum | cut -c1-64)
  sqlite3 "$syn" ".parameter set :name '$name'" ".parameter set :sha '$sha'" ".parameter set :base $base" \
    ".parameter set :points $points" ".parameter set :reps 60" ".read tests/bench/analysis.sql"
done
same() { echo "((nullif($1, '') IS NULL AND $2 IS NULL) OR abs(nullif($1, '') - $2) <= 1e-11 * max(1.0, abs($2), abs(coalesce(s.mean, 0))))"; }
rcase="CASE c.metric"
for col in n p_default p_default_lo p_default_hi p_breach p_breach_lo p_breach_hi cash_min_var05 cash_min_cvar05 \
  npv_var05 npv_cvar05 p_payback payback_p10 payback_p50 payback_p90; do
  rcase="$rcase WHEN 'risk.$col' THEN r.$col"
done
rcase="$rcase END"
for base in 0 2; do
  run "$NEOSIM" compare --db "$syn" --scenario b --format csv --metric '*' --baseline $base
  expect_rc 0 "compare all metrics of b, baseline $base"
  printf '%s\n' "$OUT" >"$T_TMP/all.csv"
  expect_eq "$(grep -c ',risk\.' "$T_TMP/all.csv")" 60 "15 risk figures x 4 points"
  expect_eq "$(grep -vc ',risk\.' "$T_TMP/all.csv")" 401 "a header, then 100 metrics x 4 points"
  rm -f "$T_TMP/v.db"
  cp "$syn" "$T_TMP/v.db"
  sqlite3 "$T_TMP/v.db" ".import --csv $T_TMP/all.csv cmp"
  sha=$(printf b | sha256sum | cut -c1-64)
  bad=$(sqlite3 "$T_TMP/v.db" "SELECT c.point || ' ' || c.metric FROM cmp c
    LEFT JOIN summary s ON s.scenario_sha256 = '$sha' AND s.point = CAST(c.point AS INTEGER) AND s.metric = c.metric
    LEFT JOIN paired p ON p.scenario_sha256 = '$sha' AND p.baseline = $base AND p.point = CAST(c.point AS INTEGER)
                      AND p.metric = c.metric
    LEFT JOIN risk r ON r.scenario_sha256 = '$sha' AND r.point = CAST(c.point AS INTEGER)
    WHERE CASE WHEN c.metric LIKE 'risk.%' THEN NOT $(same c.mean "$rcase")
          ELSE CAST(c.n AS INTEGER) <> coalesce(s.n, 0) OR NOT ($(same c.mean s.mean) AND $(same c.sd s.sd)
            AND $(same c.ci95 s.ci95) AND $(same c.diff p.mean_diff) AND $(same c.diff_ci95 p.ci95)
            AND $(same c.diff_ci95_unpaired p.ci95_unpaired) AND $(same c.width_ratio p.width_ratio)
            AND CAST(coalesce(nullif(c.n_paired, ''), 0) AS INTEGER) = coalesce(p.n, 0)) END")
  expect_eq "$bad" "" "every figure is the views' (baseline $base)"
done
expect_eq "$(sqlite3 "$T_TMP/v.db" "SELECT count(*) FROM cmp WHERE metric = 'risk.payback_p90' AND mean = ''")" 3 \
  "payback p90 falls among runs not paid back at 3 points of 4"
expect_eq "$(sqlite3 "$T_TMP/v.db" "SELECT count(*) FROM cmp WHERE metric = 'risk.p_default' AND mean > 0")" 4 \
  "the made-up runs default"

# one point: no paired section
"$NEOSIM" run tests/e2e/scenarios/policies.lua --db "$T_TMP/one.db" --quiet
run "$NEOSIM" compare --db "$T_TMP/one.db"
expect_rc 0 "one point"
if printf '%s\n' "$OUT" | grep -q "^Paired"; then fail "paired section with one point"; else pass; fi
finish
