# tests/e2e/policies.sh -- Lua policies: actions change the run, errors in
# policies fail the run with the policy's name and file:line, the state is
# read-only (and reads as its tables do), endless loops are stopped.
. tests/lib.sh
db=$T_TMP/p.db
q() { sqlite3 "$db" "$1"; }
d=tests/e2e/scenarios

run "$NEOSIM" run $d/policies.lua --db "$db"
expect_rc 0 "policies run"
n=$(q "select count(*) from events e join runs r on r.id = e.run_id where r.scenario = 'policies' and e.kind = 'order'")
if [ "$n" -ge 2 ]; then pass; else fail "procurement ordered ($n orders)"; fi
expect_eq "$(q "select count(*) from metrics m join runs r on r.id = m.run_id where r.scenario = 'policies' and m.name = 'capex_total' and m.value > 0")" "2" "orders paid"
nodes=$(q "select max(value) from series s join runs r on r.id = s.run_id where r.scenario = 'policies' and s.name = 'nodes_online'")
if awk -v n="$nodes" 'BEGIN { exit !(n > 20) }'; then pass; else fail "delivered nodes went online ($nodes)"; fi
# the pricing policy set 90% of the market: revenue per GPU-hour below the list price 2.5
r=$(q "select sum(case m.name when 'od.revenue' then m.value end) / sum(case m.name when 'od.gpu_hours' then m.value end)
       from metrics m join runs r on r.id = m.run_id where r.scenario = 'policies' and r.replication = 0")
if awk -v r="$r" 'BEGIN { exit !(r > 1.8 && r < 2.71) }'; then pass; else fail "price followed the market ($r)"; fi
expect_eq "$(q "select count(*) from metrics where name = 'train.value' and value > 0")" "2" "internal use valued"

# determinism: the same scenario and seed give the same results, policies included
"$NEOSIM" run $d/policies.lua --db "$T_TMP/again.db" --quiet
dump() { sqlite3 "$1" "select r.point, r.replication, m.name, quote(m.value) from metrics m join runs r on r.id = m.run_id
                        where r.scenario = 'policies' order by 1, 2, 3"; }
expect_eq "$(dump "$db")" "$(dump "$T_TMP/again.db")" "policies: identical results on a second run"
# no Lua state survives from one run to the next
run "$NEOSIM" run $d/policy_state.lua --db "$db" --quiet
expect_rc 0 "stateful policy"
expect_eq "$(q "select count(distinct e.run_id) from events e join runs r on r.id = e.run_id
                where r.scenario = 'policy-state' and e.kind = 'order' and e.t_days = 0")" "6" "every run starts from a fresh policy state"

# an offer action starts a contract; a renewal at term end bills the new
# (market) price: 25 nodes x 8 GPUs x ($2 x 182.625 days + $2.5 x 152.375 days) x 24 h
run "$NEOSIM" run $d/policy_offer.lua --db "$db" --quiet
expect_rc 0 "offer policy"
expect_eq "$(q "select group_concat(e.t_days || ' ' || e.kind, ', ') from events e join runs r on r.id = e.run_id
                where r.scenario = 'policy-offer' and r.replication = 0 and e.kind in ('contract_start', 'renewal')")" \
  "30.0 contract_start, 212.625 renewal, 212.625 contract_start" "offer accepted, then renewed"
expect_eq "$(q "select printf('%.1f', m.value) from metrics m join runs r on r.id = m.run_id
                where r.scenario = 'policy-offer' and m.name = 'anchor.revenue'")" "3581700.0
3581700.0" "contract revenue at the offered, then the renewal price"

# errors: the run fails, stored with the message naming policy and line
run "$NEOSIM" run $d/policy_error.lua --db "$db"
expect_rc 1 "failing policy"
expect_match "$ERR" "policy procurement \(tests/e2e/scenarios/policy_error.lua:10\): tests/e2e/scenarios/policy_error.lua:11: attempt to index a nil value \(field 'no_such_table'\)" "policy error message"
expect_eq "$(q "select count(*) from runs where scenario = 'policy-error' and status = 'failed' and error like 'policy procurement%'")" "2" "failed runs stored"
run "$NEOSIM" run $d/policy_bad_action.lua --db "$db"
expect_rc 1 "invalid action"
expect_match "$ERR" "policy procurement \(tests/e2e/scenarios/policy_bad_action.lua:9\): action 1: unknown sku 'b300'" "invalid action message"
run "$NEOSIM" run $d/policy_write.lua --db "$db"
expect_rc 1 "writing the state"
expect_match "$ERR" "policy pricing .*policy_write.lua:10: the policy state is read-only \(cannot set 'cash'\)" "read-only state"
run "$NEOSIM" run $d/policy_views.lua --db "$db"
expect_rc 0 "the state read by #, ipairs, pairs and fields ($ERR)"
run "$NEOSIM" run $d/policy_loop.lua --db "$db" --lua-instructions 1e6
expect_rc 1 "endless policy"
expect_match "$ERR" "policy allocation \(tests/e2e/scenarios/policy_loop.lua:9\): .*instruction budget of 1000000 instructions exceeded" "budget names the policy"
finish
