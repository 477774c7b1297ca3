# tests/e2e/limits.sh -- values at the limits of what neosim accepts: what validates
# can be simulated (or is refused with its file, line and key), and validation and
# set-up take time linear in a scenario's size.  Scenarios in tests/e2e/limits/.
. tests/lib.sh
lim=tests/e2e/limits

# a 20,000-entry fleet validates well within the instruction budget: the linear
# check needs about 1e8 instructions, the quadratic one it replaces 4e9
run "$NEOSIM" check "$lim/fleet_20000.lua" --lua-instructions 5e8
expect_rc 0 "check a fleet of 20000 entries (stderr: $ERR)"
expect_match "$OUT" '^fleet +20000 nodes, 160000 GPUs' "check: the 20000 entries"


# seeds: --set seed takes what --seed takes, the full unsigned 64-bit range, and both
# give the same runs (stored as the exact decimal text above 2^63-1)
max=18446744073709551615
for v in $max 0xffffffffffffffff 0xFFFFFFFFFFFFFFFF; do
  run "$NEOSIM" check "$lim/review.lua" --set seed=$v
  expect_rc 0 "check --set seed=$v (stderr: $ERR)"
  expect_match "$OUT" "^seed +$max$" "check --set seed=$v: the seed"
done
for v in 18446744073709551616 -1 0x10000000000000000 1.5; do
  run "$NEOSIM" check "$lim/review.lua" --set seed=$v
  expect_rc 2 "check --set seed=$v"
  expect_eq "$ERR" "neosim: --set seed: must be an integer from 0 to $max, got $(echo "$v" | sed "s/^[^1]/'&/; s/^1\./'1./; s/[^0-9]\$/&/; /'/s/\$/'/")" \
    "--set seed=$v: the message"
done
"$NEOSIM" run "$lim/patience_negative.lua" --db "$T_TMP/s1.db" --set seed=$max --quiet
"$NEOSIM" run "$lim/patience_negative.lua" --db "$T_TMP/s2.db" --seed $max --quiet
q() { sqlite3 "$1" "$2"; }
expect_eq "$(q "$T_TMP/s1.db" "select group_concat(seed || ':' || typeof(seed)) from runs")" \
  "$max:text,$max:text" "--set seed: runs.seed is the exact text"
expect_eq "$(q "$T_TMP/s1.db" "select value = 18446744073709551615.0 from params where name = 'seed' limit 1")" 1 \
  "--set seed: the params record the seed (as the nearest REAL: NUMERIC affinity)"
metrics() { q "$1" "select r.replication, m.name, quote(m.value) from metrics m join runs r on r.id = m.run_id order by 1, 2"; }
expect_eq "$(metrics "$T_TMP/s1.db")" "$(metrics "$T_TMP/s2.db")" "--set seed=$max and --seed $max: the same runs"

# a patience drawn below 0: the job leaves at once (it used to fail every run)
run "$NEOSIM" run "$lim/patience_negative.lua" --db "$T_TMP/p.db" --quiet
expect_rc 0 "patience below 0 (stderr: $ERR)"
expect_eq "$(q "$T_TMP/p.db" "select group_concat(status) from runs")" "done,done" "patience below 0: runs done"

# a job of 2^32 + 1 nodes fits no fleet: blocked, not wrapped around to 1 node
run "$NEOSIM" run "$lim/job_nodes_wrap.lua" --db "$T_TMP/j.db" --quiet
expect_rc 0 "job_nodes 2^32 + 1 (stderr: $ERR)"
expect_eq "$(q "$T_TMP/j.db" "select value from metrics where name = 'od.blocked_fraction'")" "1.0" \
  "job_nodes 2^32 + 1: every job blocked"

# review ticks: every review_every_days from day 0; longer than the horizon: none (the
# integer 2^63 - 1 days used to resolve to -24 hours and fail every run; it is refused)
orders() { q "$1" "select count(*) from events where kind = 'order'"; }
"$NEOSIM" run "$lim/review.lua" --db "$T_TMP/r1.db" --quiet
expect_eq "$(orders "$T_TMP/r1.db")" 4 "review every 10 days over 30: days 0, 10, 20, 30"
"$NEOSIM" run "$lim/review.lua" --db "$T_TMP/r2.db" --quiet --set policies.review_every_days=31
expect_eq "$(orders "$T_TMP/r2.db")" 0 "review every 31 days over 30: never"
"$NEOSIM" run "$lim/review.lua" --db "$T_TMP/r3.db" --quiet --set policies.review_every_days=1e15
expect_eq "$(orders "$T_TMP/r3.db")" 0 "review every 1e15 days: never"
run "$NEOSIM" run "$lim/review.lua" --db "$T_TMP/r4.db" --quiet --set policies.review_every_days=9223372036854775807
expect_rc 2 "review every 2^63 - 1 days"
expect_eq "$ERR" "neosim: --set policies.review_every_days: must be <= 1e+15, got 9223372036854775807" \
  "review every 2^63 - 1 days: the message"
run "$NEOSIM" check "$lim/review.lua" --set policies.review_every_days=0.001
expect_eq "$ERR" "neosim: --set policies.review_every_days: must be >= 0.01, got 0.001" \
  "review more often than 100 a day: the message"

finish
