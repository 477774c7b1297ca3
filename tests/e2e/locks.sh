# tests/e2e/locks.sh -- writers wait for each other as long as the one
# holding the write lock makes progress, whatever its transaction's length;
# one that writes nothing for --lock-wait seconds makes the others give up
# with a message, their database unchanged:
#   idle holder       an sqlite3 shell holding BEGIN IMMEDIATE for 4 s:
#                     run and merge with --lock-wait 0.5 exit 2 within 3 s,
#                     "database is locked (another process holds its write
#                     lock and wrote nothing in the last 0.5 s ..."
#   busy holder       an sqlite3 shell writing every 0.2 s for 3 s: run with
#                     --lock-wait 0.5 waits it out and stores its runs
#   a long traced run one run writing about 10^6 events in one transaction
#                     of several seconds, and four writers started while it
#                     writes, each with --lock-wait 0.5: all exit 0
. tests/lib.sh
S=scenarios/erlang_b.lua
A="--set horizon_days=60 --reps 2 --quiet -j 1"
db=$T_TMP/l.db
q() { sqlite3 "$1" "$2"; }
"$NEOSIM" run $S --db "$db" $A
expect_eq "$(q "$db" "select count(*) from runs")" 6 "6 runs stored"
dump0=$(results_dump "$db")

# ---- a holder that writes nothing: the waiter gives up after --lock-wait --
hold_idle() { (echo "begin immediate;"; sleep "$2"; echo "commit;") | sqlite3 "$1" & }
hold_idle "$db" 4
holder=$!
sleep 0.5
t0=$(date +%s.%N)
run "$NEOSIM" run $S --db "$db" $A --reps 3 --lock-wait 0.5
t1=$(date +%s.%N)
expect_rc 2 "run gives up on an idle holder"
expect_match "$ERR" "database is locked \(another process holds its write lock and wrote nothing in the last 0\.[5-9] s of the 0\.[5-9] s waited; --lock-wait sets how long\)" \
  "the message says why"
awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a < 3) }' && pass || fail "run waited $t0..$t1, past the idle holder's limit"
"$NEOSIM" run $S --db "$T_TMP/in.db" $A --seed 9 --set horizon_days=61
run "$NEOSIM" merge "$db" "$T_TMP/in.db" --allow-versions --lock-wait 0.5
expect_rc 2 "merge gives up on an idle holder"
expect_match "$ERR" "database is locked \(another process holds its write lock" "merge says why"
wait $holder
expect_eq "$(results_dump "$db")" "$dump0" "the database is as it was"
run "$NEOSIM" run $S --db "$db" $A --lock-wait x
expect_rc 2 "--lock-wait x"
expect_match "$ERR" "^neosim: run: --lock-wait 'x' is not a number of seconds from 0.1 to 1e6" "--lock-wait checked"

# ---- a holder that keeps writing: waited for, however long ----------------
(
  echo "pragma cache_size = 5; begin immediate; create table scratch (x);"
  for _ in $(seq 15); do echo "insert into scratch values (randomblob(100000));"; sleep 0.2; done
  echo "rollback;"
) | sqlite3 "$db" &
holder=$!
sleep 0.3
run "$NEOSIM" run $S --db "$db" $A --set horizon_days=62 --lock-wait 0.5
expect_rc 0 "run waits for a holder that writes"
wait $holder
expect_eq "$(q "$db" "select count(*) from runs where status = 'done'")" 12 "its runs are stored"

# ---- a long traced run and writers started while it writes ----------------
big=$T_TMP/big.db
C=scenarios/coreweave_2025.lua
"$NEOSIM" run $C --db "$big" --reps 1 --quiet --trace 0:0 \
  --set skus.h100.mtbf_gpu_hours=10000 --set skus.h200.mtbf_gpu_hours=10000 2>"$T_TMP/big.err" &
tracer=$!
# its transaction has begun when the -wal passes 8 MB
for _ in $(seq 600); do
  [ "$(stat -c %s "$big-wal" 2>/dev/null || echo 0)" -gt 8000000 ] && break
  sleep 0.05
done
pids=
for k in 1 2 3 4; do
  "$NEOSIM" run $S --db "$big" $A --set horizon_days=$((70 + k)) --lock-wait 0.5 \
    2>"$T_TMP/w$k.err" &
  pids="$pids $!"
done
for p in $pids; do
  wait "$p"
  expect_eq "$?" 0 "a writer started during the traced run's transaction ($(cat "$T_TMP"/w*.err))"
done
wait $tracer
expect_eq "$?" 0 "the traced run ($(cat "$T_TMP/big.err"))"
expect_eq "$(q "$big" "select count(*) from runs where status = 'done'")" 25 "every run stored"
n=$(q "$big" "select count(*) from events")
[ "$n" -gt 500000 ] && pass || fail "the traced run wrote $n events, too few to last"
finish
