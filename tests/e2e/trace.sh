# tests/e2e/trace.sh -- neosim run --trace P:R: a traced run records every
# business event (shipments, deliveries, installs, failures, repairs, each
# policy call with its actions); untraced runs only the business events;
# tracing changes no result.
. tests/lib.sh
db=$T_TMP/t.db
q() { sqlite3 "$db" "$1"; }
scn=tests/e2e/scenarios/policies.lua
fail_fast="--set skus.h100.mtbf_gpu_hours=20000 --set skus.h100.repair_hours=48"
kinds() { q "select group_concat(kind, ' ') from (select distinct e.kind from events e join runs r on r.id = e.run_id
             where r.point = $1 and r.replication = $2 order by 1)"; }

run "$NEOSIM" run $scn --db "$db" --reps 3 --trace 0:1 $fail_fast --quiet
expect_rc 0 "traced batch"
expect_eq "$(kinds 0 0)" "order" "untraced run: business events only"
expect_eq "$(kinds 0 1)" "delivery failure install order policy repair shipment" "traced run: every event kind"
# 365 days reviewed every 14: 27 reviews (day 0 .. 364) x 3 policies
expect_eq "$(q "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'policy'")" \
  "81" "every policy call recorded"
expect_eq "$(q "select count(distinct subject) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'policy'")" \
  "3" "each policy by name"
expect_match "$(q "select detail from events e join runs r on r.id = e.run_id
                    where r.replication = 1 and kind = 'policy' and subject = 'procurement' and detail like '%order%' limit 1")" \
  "^review: order=h100 site=dc nodes=10$" "a policy call with its action"
expect_match "$(q "select detail from events e join runs r on r.id = e.run_id
                    where r.replication = 1 and kind = 'policy' and subject = 'allocation' limit 1")" \
  "^review: internal=train nodes=5$" "allocation action"
# every node ordered was shipped, delivered and installed, in that order
ordered=$(q "select sum(cast(detail as integer)) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'order'")
delivered=$(q "select sum(cast(detail as integer)) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'delivery'")
installed=$(q "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'install'")
expect_eq "$delivered" "$ordered" "deliveries add up to orders"
expect_eq "$installed" "$ordered" "installs add up to orders"
expect_eq "$(q "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 1
                 and kind = 'delivery' and t_days < (select min(t_days) from events e2 where e2.run_id = e.run_id and e2.kind = 'order')")" \
  "0" "no delivery before the first order"
# failures: as many as the metric counts; repairs follow (48 h) unless the horizon comes first
nf=$(q "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'failure'")
expect_eq "$nf" "$(q "select cast(m.value as integer) from metrics m join runs r on r.id = m.run_id where r.replication = 1 and m.name = 'failures'")" \
  "one failure event per failure"
nr=$(q "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'repair'")
late=$(q "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 1 and kind = 'failure' and t_days > 365 - 2")
if [ "$nf" -gt 5 ] && [ $((nf - nr)) -ge 0 ] && [ $((nf - nr)) -le "$late" ]; then pass; else fail "repairs: $nr of $nf failures ($late in the last 2 days)"; fi
# the one query of the README: a run's story in time order
expect_match "$(q "select t_days, kind, subject, detail from events where run_id = (select id from runs where point = 0 and replication = 1)
                   order by t_days limit 3")" "^0\.0\|policy\|procurement\|review: no action" "the run's story starts at day 0"

# tracing changes no result: the same runs without --trace give the same metrics and series
"$NEOSIM" run $scn --db "$T_TMP/plain.db" --reps 3 $fail_fast --quiet
same() { sqlite3 "$1" "select r.point, r.replication, m.name, quote(m.value) from metrics m join runs r on r.id = m.run_id order by 1, 2, 3;
                      select r.point, r.replication, s.t_days, s.name, quote(s.value) from series s join runs r on r.id = s.run_id order by 1, 2, 3, 4"; }
expect_eq "$(same "$db")" "$(same "$T_TMP/plain.db")" "traced and untraced runs give identical results"

# --resume --trace redoes just the traced run, now traced
run "$NEOSIM" run $scn --db "$T_TMP/plain.db" --reps 3 $fail_fast --resume --trace 0:2
expect_rc 0 "resume with trace"
expect_match "$OUT" "1 runs \(0 failed\).*2 already done skipped" "only the traced run redone"
expect_eq "$(sqlite3 "$T_TMP/plain.db" "select count(*) from events e join runs r on r.id = e.run_id where r.replication = 2 and kind = 'policy'")" \
  "81" "the redone run is traced"
expect_eq "$(same "$db")" "$(same "$T_TMP/plain.db")" "redone traced run: same results"

# errors
for bad in "x" "0" "0:" ":1" "0:-1" "a:b" "0:1:2"; do
  run "$NEOSIM" run $scn --db "$T_TMP/e.db" --trace "$bad"
  expect_rc 2 "--trace '$bad'"
  expect_match "$ERR" "^neosim: run: --trace '$bad'" "--trace '$bad' named"
done
run "$NEOSIM" run $scn --db "$T_TMP/e.db" --reps 3 --trace 0:3
expect_rc 2 "--trace beyond the replications"
expect_eq "$ERR" "neosim: run: --trace 0:3: the scenario has points 0 to 0 and replications 0 to 2" "out of range named"
[ ! -e "$T_TMP/e.db" ] && pass || fail "a refused --trace wrote a database"
finish
