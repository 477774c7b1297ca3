# tests/validation/business.sh -- the business model against closed forms:
# the books of a fully leased fleet (to 0.1%), failure counts against
# the renewal-process expectation inside the 95% CI over 30 replications,
# Weibull (age-dependent) losses against their survival function, site
# outages' lost node-hours against a two-state chain, and the wait for a
# repair crew against the machine-repair queue (Erlang C in its limit).
. tests/lib.sh
db=$T_TMP/v.db
S="lua5.4 tests/validation/stats.lua"
metric() { sqlite3 "$db" "select m.value from metrics m join runs r on r.id = m.run_id
                          where r.scenario = '$1' and r.point = $2 and m.name = '$3' order by r.replication"; }
within() { # within ACTUAL EXPECTED RELTOL what
  if awk -v a="$1" -v e="$2" -v r="$3" 'BEGIN { d = a - e; if (d < 0) d = -d; exit !(d <= r * (e < 0 ? -e : e)) }'; then
    pass; echo "$4: $1 vs $2"; else fail "$4: $1, closed form $2"; fi
}
run "$NEOSIM" run tests/validation/leased.lua --db "$db" --quiet
expect_rc 0 "leased runs"
within "$(metric validation-leased 0 revenue_total)" 17520000 0.001 "revenue"
within "$(metric validation-leased 0 anchor.revenue)" 17520000 0.001 "tenant revenue"
within "$(metric validation-leased 0 power_cost_total)" 893520 0.001 "power cost"
within "$(metric validation-leased 0 colo_cost_total)" 1834743.33 0.001 "colocation"
within "$(metric validation-leased 0 depreciation_total)" 5995893.22 0.001 "depreciation"
within "$(metric validation-leased 0 capex_total)" 30000000 0.001 "capex of the fleet bought at the start"
within "$(metric validation-leased 0 utilization_mean)" 1 0.001 "utilisation"
expect_eq "$(metric validation-leased 0 failures)" "0.0" "no failures"

run "$NEOSIM" run tests/validation/failures.lua --db "$db" --quiet
expect_rc 0 "failure runs"
if metric validation-failures 0 failures | $S inside 173.53 "failures with repair"; then pass; else fail "failures"; fi
if metric validation-failures 1 nodes_lost | $S inside 48.496 "nodes lost without repair"; then pass; else fail "orbital losses"; fi

# age-dependent (Weibull) failures without repair: the fraction of 20,000 nodes lost by T against
# 1 - exp(-8 (T / lambda)^k), lambda = mtbf / Gamma(1 + 1/k), inside +- 3.29 binomial standard errors
# (99.9%; Gamma(1 + 1/0.7) = 1.2658235060572833, Gamma(1.5) = 0.886226925452758)
run "$NEOSIM" run tests/validation/weibull.lua --db "$db" --quiet
expect_rc 0 "weibull runs"
lost() { sqlite3 "$db" "select 1 - s.value / 20000.0 from series s join runs r on r.id = s.run_id
  where r.scenario = 'validation-weibull' and r.point = $1 and s.name = 'nodes_online' and s.t_days = $2"; }
for c in "0 181 0.7 360000 1.2658235060572833" "0 365 0.7 360000 1.2658235060572833" \
         "1 181 2 26000 0.886226925452758" "1 365 2 26000 0.886226925452758"; do
  set -- $c
  got=$(lost "$1" "$2")
  if awk -v f="$got" -v d="$2" -v k="$3" -v mtbf="$4" -v g="$5" 'BEGIN {
       lam = mtbf / g; p = 1 - exp(-8 * (d * 24 / lam) ^ k); se = sqrt(p * (1 - p) / 20000)
       printf "weibull k = %s, day %s: lost %.5f, closed form %.5f +- %.5f\n", k, d, f, p, 3.29 * se
       d = f - p; if (d < 0) d = -d; exit !(f != "" && d <= 3.29 * se) }'; then pass
  else fail "weibull k = $3: fraction lost by day $2 ($got) outside the closed form's interval"; fi
done

# site outages (tests/validation/outages.lua's header): node-hours lost and outages, 95% CIs
run "$NEOSIM" run tests/validation/outages.lua --db "$db" --quiet
expect_rc 0 "outages run"
if metric validation-outages 0 outage_node_hours | $S inside 70976.7 "node-hours lost to outages"; then pass
else fail "outage node-hours"; fi
if metric validation-outages 0 outages | $S inside 5.99589 "outages in a year"; then pass; else fail "outages"; fi

# the repair queue (tests/validation/repair_queue.lua): M/M/4//2000, failures 1/4000 h per node, repairs
# 1/6 h; the exact finite-source wait, and Erlang C's for comparison
run "$NEOSIM" run tests/validation/repair_queue.lua --db "$db" --quiet
expect_rc 0 "repair queue runs"
wq=$($S machine_repair_wq 2000 0.00025 0.16666666666666667 4)
echo "machine-repair wait $wq h; Erlang C $($S erlang_c_wq 4 0.5 0.16666666666666667) h"
if metric validation-repair-queue 0 repair_wait_hours | $S inside "$wq" "wait for a repair crew"; then pass
else fail "repair wait"; fi
finish
