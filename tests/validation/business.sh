# tests/validation/business.sh -- the business model against closed forms:
# the books of a fully leased fleet (to 0.1%), and failure counts against
# the renewal-process expectation inside the 95% CI over 30 replications.
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
finish
