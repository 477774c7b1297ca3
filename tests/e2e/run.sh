# tests/e2e/run.sh -- `neosim run` and `neosim check` end to end on shipped
# scenarios, read back with the sqlite3 shell.
. tests/lib.sh
db=$T_TMP/res/r.db
q() { sqlite3 "$1" "$2"; }

run "$NEOSIM" check scenarios/erlang_b.lua
expect_rc 0 "check erlang_b"
expect_match "$OUT" '^points +3$' "check: points"
expect_match "$OUT" '^replications +20$' "check: replications"
expect_match "$OUT" 'fleet +10 nodes, 80 GPUs' "check: fleet"
expect_match "$OUT" '^point 2: tenants.od.arrivals_per_hour=9$' "check: swept values"
run "$NEOSIM" check scenarios/erlang_b.lua --reps 3 --set tenants.od.price_gpu_hour=3
expect_match "$OUT" '^runs +9$' "check --reps"

# run: folder created, 3 points x 2 replications stored
run "$NEOSIM" run scenarios/erlang_b.lua --db "$db" --reps 2 --set horizon_days=365
expect_rc 0 "run erlang_b"
expect_match "$OUT" "results in $db" "run says where results went"
expect_match "$OUT" "sqlite3 " "run prints a sqlite3 command"
expect_eq "$(q "$db" "select count(*), sum(status = 'done') from runs")" "6|6" "runs stored"
expect_eq "$(q "$db" "select count(distinct point) || ',' || count(distinct replication) from runs")" "3,2" "points x replications"
expect_eq "$(q "$db" "select count(*) from scenarios where length(sha256) = 64 and source like '%erlang%'")" "1" "scenario source and sha256 stored"
for m in revenue_total opex_total power_cost_total depreciation_total npv cash_min utilization_mean od.revenue od.jobs od.blocked_fraction od.wait_mean_hours; do
  expect_eq "$(q "$db" "select count(*) from metrics where name = '$m'")" "6" "metric $m in every run"
done
expect_eq "$(q "$db" "select count(*) from metrics where name = 'irr' and value is null")" "6" "irr is NULL when it does not exist"
expect_eq "$(q "$db" "select value from params p join runs r on r.id = p.run_id where r.point = 1 and p.name = 'tenants.od.arrivals_per_hour' and p.swept = 1 limit 1")" "7" "swept param stored"
expect_eq "$(q "$db" "select value from params where name = 'horizon_days' limit 1")" "365" "--set param stored"
# monthly series: 12 month ends in 365 days from 2026-01-01 (the last one at the horizon)
expect_eq "$(q "$db" "select count(*) from series s join runs r on r.id = s.run_id where r.point = 0 and r.replication = 0 and s.name = 'cash'")" "12" "monthly cash series"
expect_eq "$(q "$db" "select count(*) from summary where scenario = 'erlang-b-check' and metric = 'od.blocked_fraction' and n = 2")" "3" "summary view"
# blocking rises with demand
b=$(q "$db" "select group_concat(round(mean, 3)) from (select mean from summary where scenario = 'erlang-b-check' and metric = 'od.blocked_fraction' order by point)")
expect_match "$b" '^0\.0[0-9]+,0\.0[0-9]+,0\.1[0-9]*$' "blocking by point ($b)"

# the example queries run on real results
for f in results/queries/*.sql; do
  run sh -c "sqlite3 -header -column '$db' < '$f'"
  expect_rc 0 "query $f on real results"
  expect_eq "$(printf '%s' "$ERR")" "" "query $f prints no error"
done
run sh -c "sqlite3 -header -column '$db' < results/queries/compare_points.sql"
expect_match "$OUT" "arrivals_per_hour" "compare_points shows the swept values"

# accounting identities inside one run
row=$(q "$db" "select round(sum(case name when 'revenue_total' then value end) - sum(case name when 'od.revenue' then value end), 6),
                      round(sum(case name when 'opex_total' then value end) - sum(case name when 'power_cost_total' then value end) - sum(case name when 'colo_cost_total' then value end) - sum(case name when 'staff_cost_total' then value end), 6)
               from metrics where run_id = 1")
expect_eq "$row" "0.0|0.0" "revenue = sum of tenants, opex = power + colo + staff"
# power cost closed form: 10 nodes x 10.2 kW x 1.2 PUE x 8760 h x 66 $/MWh / 1000
pc=$(q "$db" "select value from metrics where run_id = 1 and name = 'power_cost_total'")
if near "$pc" 70766.784 0.01; then pass; else fail "power cost $pc, closed form 70766.784"; fi

# determinism: the same run again gives identical metrics and series
db2=$T_TMP/r2.db
"$NEOSIM" run scenarios/erlang_b.lua --db "$db2" --reps 2 --set horizon_days=365 --quiet
dump() { q "$1" "select r.point, r.replication, m.name, quote(m.value) from metrics m join runs r on r.id = m.run_id order by 1, 2, 3
                 ; select r.point, r.replication, s.name, s.t_days, quote(s.value) from series s join runs r on r.id = s.run_id order by 1, 2, 3, 4"; }
expect_eq "$(dump "$db")" "$(dump "$db2")" "same scenario and seed: identical results"
"$NEOSIM" run scenarios/erlang_b.lua --db "$T_TMP/r3.db" --reps 2 --set horizon_days=365 --seed 2 --quiet
if [ "$(dump "$db")" != "$(dump "$T_TMP/r3.db")" ]; then pass; else fail "--seed 2 changed nothing"; fi
# common random numbers: replication 1 of the 1-replication run equals replication 1 of the 2-replication run
"$NEOSIM" run scenarios/erlang_b.lua --db "$T_TMP/r4.db" --reps 1 --set horizon_days=365 --quiet
expect_eq "$(dump "$T_TMP/r4.db")" "$(dump "$db" | grep -E '^[0-9]+\|0\|')" "a run does not depend on the others in the batch"

# re-running the same scenario replaces its runs (no duplicates)
"$NEOSIM" run scenarios/erlang_b.lua --db "$db" --reps 2 --set horizon_days=365 --quiet
expect_eq "$(q "$db" "select count(*) from runs")" "6" "re-run replaces runs"

# --quiet prints nothing; option errors exit 2
run "$NEOSIM" run scenarios/erlang_b.lua --db "$T_TMP/r5.db" --reps 1 --set horizon_days=60 --quiet
expect_eq "$OUT$ERR" "" "--quiet is quiet"
for bad in "--reps 0" "--reps x" "--seed -4" "--set nokey" "--set =3" "--bogus" "--db" \
           "--max-events 999" "--max-events 2000.5" "--max-events 1e16" "--lua-cpu 0" \
           "--lua-cpu x" "--lua-cpu 1e8" "--lua-cpu nan" \
           "--model-memory 0" "--model-memory 1048577" "--model-memory 1.5" "--model-memory x"; do
  # shellcheck disable=SC2086
  run "$NEOSIM" run scenarios/erlang_b.lua $bad
  expect_rc 2 "run $bad"
  expect_lines "$ERR" 1 "run $bad: one line"
done
run "$NEOSIM" check scenarios/erlang_b.lua --model-memory 0
expect_eq "$ERR" "neosim: check: --model-memory '0' is not a size in MB (1 to 1048576)" "--model-memory: the message"
run "$NEOSIM" check scenarios/erlang_b.lua --model-memory 1048576
expect_rc 0 "check --model-memory 1048576"
run "$NEOSIM" run
expect_rc 2 "run without scenario"
run "$NEOSIM" run no/such/file.lua --db "$T_TMP/r6.db"
expect_rc 2 "missing scenario file"
expect_match "$ERR" "^neosim: no/such/file.lua: cannot read file" "missing file message"
run "$NEOSIM" run scenarios/erlang_b.lua --set tenants.od.arrivals_per_hour=-1 --db "$T_TMP/r7.db"
expect_rc 2 "--set with a bad value"
expect_match "$ERR" "tenants.od.arrivals_per_hour" "--set error names the key"
if [ -e "$T_TMP/r7.db" ]; then fail "bad --set created the database"; else pass; fi

# two processes writing one database at once: both succeed, nothing lost
cdb=$T_TMP/conc.db
"$NEOSIM" run scenarios/erlang_b.lua --db "$cdb" --reps 4 --set horizon_days=200 --quiet & p1=$!
"$NEOSIM" run tests/validation/erlang_b.lua --db "$cdb" --reps 4 --set horizon_days=100 --quiet & p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
expect_eq "$r1,$r2" "0,0" "concurrent runs on one database"
expect_eq "$(q "$cdb" "select count(*) from runs where status = 'done'")" "24" "concurrent runs all stored"
expect_eq "$(q "$cdb" "pragma integrity_check")" "ok" "database intact"

# a model that fails in some replications: those are stored as failed with
# their error, the others go on, exit status 1
run "$NEOSIM" run tests/e2e/scenarios/blowup.lua --db "$T_TMP/f.db"
expect_rc 1 "some runs failed"
expect_match "$ERR" "^neosim: [0-9]+ runs failed; first: point 0 replication [0-9]+: tenants.od.arrivals_per_hour \(mean_reverting\): its path reaches inf on day [0-9]+\.0: its parameters make it overflow over the horizon$" "failure message"
expect_eq "$(q "$T_TMP/f.db" "select count(*), sum(status = 'failed') > 0, sum(status = 'done') > 0 from runs")" "8|1|1" "failed and done runs stored"
expect_eq "$(q "$T_TMP/f.db" "select count(*) from runs where status = 'failed' and error like '%path reaches inf%'")" \
          "$(q "$T_TMP/f.db" "select count(*) from runs where status = 'failed'")" "failed runs carry their error"
expect_eq "$(q "$T_TMP/f.db" "select count(*) from metrics m join runs r on r.id = m.run_id where r.status = 'failed'")" "0" "failed runs have no metrics"

# M/M/1 through a scenario: a short horizon runs and waits are positive
run "$NEOSIM" run scenarios/mm1.lua --db "$db" --set horizon_days=200 --quiet
expect_rc 0 "run mm1"
w=$(q "$db" "select value from metrics m join runs r on r.id = m.run_id where r.scenario = 'mm1' and m.name = 'od.wait_mean_hours'")
if near "$w" 9 8; then pass; else fail "mm1 wait $w"; fi
# --set and sweeps: a grid dimension it fixes is dropped (documented); a key
# that explicit points set, or a table of names the scenario lacks, is an error
run "$NEOSIM" check scenarios/erlang_b.lua --set tenants.od.arrivals_per_hour=8
expect_rc 0 "--set fixes a grid dimension"
expect_match "$OUT" "^points +1$" "the grid without it"
run "$NEOSIM" check scenarios/h100_price_collapse.lua --set finance.debt.1.principal=1
expect_rc 2 "--set of a key the points set"
expect_eq "$ERR" "neosim: --set finance.debt.1.principal: point 0 of the sweep sets this key too: drop it from the points, or do not --set it" \
  "--set of a key the points set: the message"
run "$NEOSIM" check scenarios/erlang_b.lua --set policies.params.x=1
expect_rc 2 "--set into params the scenario lacks"
expect_eq "$ERR" "neosim: --set policies.params.x: the scenario has no policies.params: --set cannot add one" \
  "--set into params: the message"

# --resume summarises the stored batch, not only the runs it did
"$NEOSIM" run scenarios/erlang_b.lua --db "$T_TMP/res.db" --reps 2 --set horizon_days=60 --quiet
run "$NEOSIM" run scenarios/erlang_b.lua --db "$T_TMP/res.db" --reps 2 --set horizon_days=60 --resume
expect_match "$OUT" "^    0      2      0 +[0-9]+ +0\.[0-9]+ +0 " "resume: the stored runs of point 0 in the summary"
# a batch where every run failed points at why, not at the summary
run "$NEOSIM" run tests/e2e/money/release.lua --db "$T_TMP/all-failed.db"
expect_rc 1 "every run failed"
expect_match "$OUT" "no run is done; why they failed: sqlite3 .* status = 'failed'" "the hint names the failed runs"
# a failed run keeps its events up to the failure
expect_eq "$(q "$T_TMP/all-failed.db" "select count(*) from events e join runs r on r.id = e.run_id where r.status = 'failed'")" \
  "0" "the release run failed at the first review, before any event"
run "$NEOSIM" run tests/e2e/scenarios/policy_late_error.lua --db "$T_TMP/pe.db" --quiet
expect_rc 1 "a policy that fails on day 30"
expect_eq "$(q "$T_TMP/pe.db" "select group_concat(e.t_days || ' ' || e.kind) from events e join runs r on r.id = e.run_id where r.status = 'failed'")" \
  "0.0 contract_start" "its run keeps the events before the failure"
finish
