# tests/e2e/stats_views.sh -- the statistics views of results/schema.sql
# (summary, paired, tails, risk) on a synthetic database whose answers are
# known by hand: quantiles and CVaR by rank, Wilson intervals, payback
# quantiles with runs never paid back, paired differences, and accuracy for
# large values with a small spread.
. tests/lib.sh
db=$T_TMP/s.db
q() { sqlite3 "$db" "$1"; }
sqlite3 "$db" <results/schema.sql
# point 0 and point 1, replications 0..39 each; run id = point * 40 + r + 1
awk 'BEGIN {
  print "BEGIN; INSERT INTO scenarios (sha256, name, source) VALUES (\x27aaaa\x27, \x27synthetic\x27, \x27\x27);"
  for (p = 0; p < 2; p++) for (r = 0; r < 40; r++) {
    id = p * 40 + r + 1
    printf "INSERT INTO runs (id, scenario, scenario_sha256, point, replication, seed, status) VALUES (%d, \x27synthetic\x27, \x27aaaa\x27, %d, %d, 1, \x27done\x27);\n", id, p, r
    npv = (r + 1) * 1e6 + p * (1e5 + (r % 2 == 0 ? 1e3 : -1e3))
    m["npv"] = npv; m["cash_min"] = r * 1e5 - 1e6
    m["default_day"] = r < 6 ? 100 + r : "NULL"
    m["covenant_breaches"] = r % 4 == 0 ? 2 : 0
    m["payback_years"] = r < 30 ? (r + 1) * 0.5 : "NULL"
    m["big"] = sprintf("%.17g", 1e12 + 0.01 * r + p * 0.5)
    for (k in m) printf "INSERT INTO metrics (run_id, name, value) VALUES (%d, \x27%s\x27, %s);\n", id, k, m[k]
  }
  # a failed run counts nowhere
  print "INSERT INTO runs (id, scenario, scenario_sha256, point, replication, seed, status, error) VALUES (999, \x27synthetic\x27, \x27aaaa\x27, 0, 40, 1, \x27failed\x27, \x27x\x27);"
  print "INSERT INTO metrics VALUES (999, \x27npv\x27, -1e12);"
  print "COMMIT;"
}' | sqlite3 "$db"
expect_eq "$(q "select count(*) from runs")" "81" "synthetic runs"

# tails: rank ceil(q n) of 40 values 1e6 .. 40e6; CVaR05 = mean of the 2 lowest
expect_eq "$(q "select n, p05, p50, p95, cvar05, min, max from tails where point = 0 and metric = 'npv'")" \
  "40|2000000.0|20000000.0|38000000.0|1500000.0|1000000.0|40000000.0" "tails of npv"
expect_eq "$(q "select n from tails where point = 0 and metric = 'default_day'")" "6" "tails count non-NULL values only"

# risk: 6 of 40 defaulted, 10 of 40 breached, 30 of 40 paid back
expect_eq "$(q "select n, p_default, p_breach, p_payback from risk where point = 0 and scenario_sha256 = 'aaaa'")" "40|0.15|0.25|0.75" "risk shares"
# Wilson 95% for 6 / 40 by hand: [0.070612, 0.290724]
set -- $(q "select p_default_lo, p_default_hi from risk where point = 0 and scenario_sha256 = 'aaaa'" | tr '|' ' ')
near "$1" 0.070612 1e-6 && near "$2" 0.290724 1e-6 && pass || fail "Wilson interval of 6/40: [$1, $2]"
# an interval never leaves [0, 1]
q "insert into runs (id, scenario, scenario_sha256, point, replication, seed, status) values (500, 'synthetic', 'bbbb', 0, 0, 1, 'done');
   insert into scenarios (sha256, name, source) values ('bbbb', 'one', '');
   insert into metrics values (500, 'default_day', 3), (500, 'covenant_breaches', 0)"
expect_eq "$(q "select p_default, p_default_lo >= 0, p_default_hi, p_breach_lo, p_breach_hi <= 1 from risk where scenario_sha256 = 'bbbb'")" \
  "1.0|1|1.0|0.0|1" "Wilson bounds inside [0, 1]"
# VaR and CVaR at 5%: cash_min = r * 1e5 - 1e6, the two lowest are -1e6 and -9e5
expect_eq "$(q "select cash_min_var05, cash_min_cvar05, npv_var05, npv_cvar05 from risk where point = 0 and scenario_sha256 = 'aaaa'")" \
  "-900000.0|-950000.0|2000000.0|1500000.0" "VaR and CVaR"
# payback: 0.5 .. 15 years for r < 30, never for 10 runs, which sort last
expect_eq "$(q "select payback_p10, payback_p50, quote(payback_p90) from risk where point = 0 and scenario_sha256 = 'aaaa'")" "2.0|10.0|NULL" \
  "payback quantiles, not paid back as the longest"

# paired: point 1 - point 0 = 1e5 +- 1e3 alternating: mean 1e5, sd 1e3 * sqrt(40 / 39)
set -- $(q "select n, mean_diff, sd_diff, ci95, ci95_unpaired, width_ratio from paired where baseline = 0 and point = 1 and metric = 'npv'" | tr '|' ' ')
sd=$(awk 'BEGIN { printf "%.10f", 1000 * sqrt(40 / 39) }')
ci=$(awk -v s="$sd" 'BEGIN { printf "%.10f", 2.042272 * s / sqrt(40) }') # t(0.975, df 39) -> the row of df 30
expect_eq "$1" "40" "paired n"
near "$2" 100000 1e-6 && near "$3" "$sd" 1e-6 && near "$4" "$ci" 1e-6 && pass || fail "paired npv: $*, expected sd $sd ci $ci"
# unpaired: both points have the spread of 1e6 .. 40e6 (sd 11.69e6): t * sqrt(2) * sd / sqrt(40) = 5.34e6
if awk -v u="$5" -v r="$6" 'BEGIN { exit !(u > 5.3e6 && u < 5.4e6 && r < 0.001) }'; then pass; else fail "unpaired width $5, ratio $6"; fi
expect_eq "$(q "select count(*) from paired where baseline = 1 and point = 0 and metric = 'npv' and mean_diff = -100000")" "1" \
  "the other baseline too"
# large values, small spread: 1e12 + 0.01 r (sd 0.1169) and a constant difference 0.5
set -- $(q "select sd from summary where point = 0 and metric = 'big'; select mean_diff, sd_diff from paired where baseline = 0 and point = 1 and metric = 'big'" | tr '|' ' ')
near "$1" 0.116905 1e-5 && near "$2" 0.5 1e-3 && near "$3" 0 1e-3 && pass || fail "large values: sd $1, diff $2 sd $3"
# failed runs count nowhere
expect_eq "$(q "select min from tails where point = 0 and metric = 'npv'")" "1000000.0" "failed run left out"
finish
