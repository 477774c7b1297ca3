# tests/e2e/batch.sh -- batches at scale: -j and --shard give the same
# results bit for bit, merge neither duplicates nor mixes versions, a batch
# killed with SIGKILL at any moment leaves an intact database that --resume
# finishes into the results of an uninterrupted batch, a worker killed
# mid-run fails only its run, and database errors lose nothing (a
# read-only or full disk: tests/e2e/batch_disk.sh).
. tests/lib.sh
S=scenarios/h100_price_collapse.lua # 3 points
A="--reps 6 --quiet"                  # 18 runs of ~0.15 s
q() { sqlite3 "$1" "$2"; }
same_db() { # same_db A B what
  if [ "$(results_dump "$1" | md5sum)" = "$(results_dump "$2" | md5sum)" ] && [ -n "$(results_dump "$1")" ]; then pass
  else fail "$3: $1 and $2 differ"; fi
}
ref=$T_TMP/ref.db

# -j 1, -j 2, -j 3 and three shards merged: identical
"$NEOSIM" run $S --db "$ref" -j 1 $A
expect_eq "$(q "$ref" "select count(*) from runs where status = 'done'")" "18" "reference batch"
"$NEOSIM" run $S --db "$T_TMP/j2.db" -j 2 $A
same_db "$ref" "$T_TMP/j2.db" "-j 2 equals -j 1"
"$NEOSIM" run $S --db "$T_TMP/j3.db" -j3 $A
same_db "$ref" "$T_TMP/j3.db" "-j3 equals -j 1"
for k in 0 1 2 3; do "$NEOSIM" run $S --db "$T_TMP/part-$k.db" --shard $k/4 -j 2 $A; done
expect_eq "$(for k in 0 1 2 3; do q "$T_TMP/part-$k.db" "select group_concat(point * 6 + replication) from runs"; done | tr '\n' ' ')" \
  "0,4,8,12,16 1,5,9,13,17 2,6,10,14 3,7,11,15 " "shard k/4 runs the indices k mod 4"
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP"/part-0.db "$T_TMP"/part-1.db "$T_TMP"/part-2.db "$T_TMP"/part-3.db
expect_rc 0 "merge shards"
expect_eq "$OUT" "merged 4 files into $T_TMP/merged.db: 18 runs added, 0 failed runs replaced by done ones, 0 already there" "merge summary"
same_db "$ref" "$T_TMP/merged.db" "merged shards equal one batch"
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP"/part-2.db "$ref"
expect_eq "$OUT" "merged 2 files into $T_TMP/merged.db: 0 runs added, 0 failed runs replaced by done ones, 22 already there" "merging again adds nothing"
same_db "$ref" "$T_TMP/merged.db" "merge is idempotent"
expect_eq "$(q "$T_TMP/merged.db" "pragma integrity_check")" "ok" "merged database intact"

# merge refusals: nothing written
"$NEOSIM" run $S --db "$T_TMP/v2.db" --reps 1 --quiet -j 2 --set finance.discount_rate=0.1
sum0=$(md5sum <"$T_TMP/merged.db")
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP/v2.db"
expect_rc 2 "two versions of one scenario"
expect_match "$ERR" "^neosim: merge: scenario 'h100-price-collapse' has two versions: [0-9a-f]{12} in '.*' and [0-9a-f]{12} in '.*v2.db' \(different source or --set values\); merge them into separate files, or pass --allow-versions$" "version clash message"
expect_eq "$(md5sum <"$T_TMP/merged.db")" "$sum0" "refused merge leaves the output untouched"
run "$NEOSIM" merge "$T_TMP/both.db" "$ref" "$T_TMP/v2.db" --allow-versions --quiet
expect_rc 0 "--allow-versions"
expect_eq "$(q "$T_TMP/both.db" "select count(distinct scenario_sha256) || ' ' || count(*) from runs")" "2 21" "both versions kept apart"
"$NEOSIM" run $S --db "$T_TMP/seed.db" --reps 1 --seed 99 -j 2 --quiet
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP/seed.db"
expect_rc 2 "another seed"
expect_match "$ERR" "has runs of seed 7 in '.*merged.db' and of seed 99 in '.*seed.db': runs of different seeds are different batches" "seed clash message"
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP/merged.db"
expect_rc 2 "output as input"
printf 'not a database, just text\n' >"$T_TMP/junk.db"
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP/junk.db"
expect_rc 2 "merge a file that is not a database"
expect_match "$ERR" "junk.db.*file is not a database" "junk input message"
run "$NEOSIM" merge "$T_TMP/merged.db" "$T_TMP/missing.db"
expect_rc 2 "missing input"
expect_eq "$(md5sum <"$T_TMP/merged.db")" "$sum0" "output untouched by refused inputs"
[ ! -e "$T_TMP/missing.db" ] && pass || fail "a missing input was created"

# SIGKILL of the whole batch at several moments, then --resume (not under
# make valgrind: 20-50 times slower, every kill would land before the first
# run ends, and each resume would redo the whole batch)
delays="0.2 0.6 1.0 1.4"
[ -n "${NEOSIM_VALGRIND:-}" ] && delays=
for delay in $delays; do
  db=$T_TMP/kill-$delay.db
  setsid "$NEOSIM" run $S --db "$db" -j 2 $A &
  pid=$!
  sleep $delay
  kill -KILL -- -$pid 2>/dev/null
  wait $pid 2>/dev/null
  expect_eq "$(q "$db" "pragma integrity_check")" "ok" "killed at ${delay}s: integrity"
  # every run present is whole: as many metrics and series rows as in the reference
  bad=$(sqlite3 "$db" "attach '$ref' as ref;
    select count(*) from runs r join ref.runs x using (point, replication)
    where (select count(*) from metrics where run_id = r.id) <> (select count(*) from ref.metrics where run_id = x.id)
       or (select count(*) from series where run_id = r.id) <> (select count(*) from ref.series where run_id = x.id)")
  expect_eq "$bad" "0" "killed at ${delay}s: no half-written run"
  n=$(q "$db" "select count(*) from runs")
  run "$NEOSIM" run $S --db "$db" -j 2 --resume --reps 6
  expect_rc 0 "resume after kill at ${delay}s"
  if [ "$n" -gt 0 ]; then expect_match "$OUT" ", $n already done skipped;" "resume skipped the $n finished runs"; fi
  same_db "$ref" "$db" "killed at ${delay}s and resumed equals uninterrupted"
done
run "$NEOSIM" run $S --db "$ref" -j 2 --resume --reps 6
expect_match "$OUT" "^0 runs \(0 failed\) in .* s, 18 already done skipped;" "resume of a finished batch does nothing"

# a worker killed mid-run: its run fails with why, the others go on; --resume redoes it
db=$T_TMP/worker.db
"$NEOSIM" run $S --db "$db" -j 2 $A 2>"$T_TMP/worker.err" &
pid=$!
w=
for _ in $(seq 100); do w=$(cut -d" " -f1 /proc/$pid/task/$pid/children 2>/dev/null); [ -n "$w" ] && break; sleep 0.05; done
sleep 0.3
[ -n "$w" ] && kill -KILL "$w"
wait $pid
rc=$?
expect_eq "$rc" "1" "a lost run fails the batch"
expect_eq "$(q "$db" "select count(*) from runs where status = 'failed' and error like 'worker process killed by signal 9%'")" "1" "the lost run is stored as failed"
expect_eq "$(q "$db" "select count(*) from runs where status = 'done'")" "17" "the other runs went on"
"$NEOSIM" run $S --db "$db" -j 2 --resume $A
same_db "$ref" "$db" "resume redoes the lost run"

# database errors: exit 2, a clear message, existing data untouched
printf 'some notes\n' >"$T_TMP/notes.txt"
run "$NEOSIM" run $S --db "$T_TMP/notes.txt" $A
expect_rc 2 "a file that is not a database"
expect_eq "$(cat "$T_TMP/notes.txt")" "some notes" "the file is untouched"
sqlite3 "$T_TMP/other.db" "create table t (x); pragma user_version = 2"
run "$NEOSIM" run $S --db "$T_TMP/other.db" $A
expect_rc 2 "another schema version"
expect_match "$ERR" "a results database of an older neosim \(schema version 2; this one writes 9\)" "schema version message"
finish
