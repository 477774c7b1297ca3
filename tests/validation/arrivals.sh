# tests/validation/arrivals.sh -- time-varying arrivals (thinning) give the
# expected number of jobs, and abandonment with ~zero patience reproduces
# Erlang B; each within the 95% CI over 30 replications (fixed seeds).
. tests/lib.sh
db=$T_TMP/v.db
S="lua5.4 tests/validation/stats.lua"
values() {
  sqlite3 "$db" "select m.value from metrics m join runs r on r.id = m.run_id
                 where r.scenario = '$1' and m.name = '$2' order by r.replication"
}
run "$NEOSIM" run tests/validation/arrivals.lua --db "$db" --quiet
expect_rc 0 "arrivals runs"
if values validation-arrivals step.jobs | $S inside 19200 "step-rate arrivals"; then pass; else fail "step arrivals"; fi
if values validation-arrivals cycle.jobs | $S inside 19200 "seasonal arrivals"; then pass; else fail "seasonal arrivals"; fi
expect_eq "$(sqlite3 "$db" "select max(value) from metrics where name like '%.blocked_fraction'")" "0.0" "nothing blocked"
run "$NEOSIM" run tests/validation/patience.lua --db "$db" --quiet
expect_rc 0 "patience runs"
target=$($S erlang_b 10 7)
if values validation-patience od.abandoned_fraction | $S inside "$target" "impatient queue = Erlang B(10, 7)"; then pass; else fail "patience"; fi
finish
