# tests/e2e/data_loss.sh -- what a red-team found could lose results, each
# with the behaviour it must show now:
#   report -o   writes to what the path is: a device, FIFO or symlink is
#               written to, never replaced; a regular file is replaced
#               once the page is complete; a killed report's temporary
#               file is removed by the next report to that path, a live
#               one's is left alone
#   re-runs     a failed run never replaces a done run of its identity; a
#               batch of another seed is refused in a database holding
#               the version's runs of one seed, and writes nothing
#   --db        '' and ':memory:' (results kept in memory, lost at exit)
#               are refused by every command; 'file:x?mode=memory' is a file;
#               a FIFO, folder or device is refused, not opened
#   merge       checks every input before writing: a later input of
#               another seed or corrupt leaves OUT as it was (or absent);
#               the inputs are read-only, their -wal left byte for byte
. tests/lib.sh
S=scenarios/erlang_b.lua
A="--set horizon_days=60 --quiet -j 1"
db=$T_TMP/r.db
q() { sqlite3 "$1" "$2"; }
"$NEOSIM" run $S --db "$db" --reps 4 $A
expect_eq "$(q "$db" "select count(*) from runs where status = 'done'")" 12 "12 runs done"

# ---- report -o: write to what the path is --------------------------------
html=$T_TMP/page.html
"$NEOSIM" report --db "$db" -o - >"$T_TMP/want.html"
if [ "$(id -u)" = 0 ]; then
  mknod "$T_TMP/null" c 1 3 # a device like /dev/null, not the machine's own
  run "$NEOSIM" report --db "$db" -o "$T_TMP/null"
  expect_rc 0 "report to a device"
  [ -c "$T_TMP/null" ] && pass || fail "the device was replaced by a $(stat -c %F "$T_TMP/null")"
fi
mkfifo "$T_TMP/fifo"
cat "$T_TMP/fifo" >"$T_TMP/from-fifo" &
run timeout 60 "$NEOSIM" report --db "$db" -o "$T_TMP/fifo"
wait
expect_rc 0 "report to a FIFO"
[ -p "$T_TMP/fifo" ] && pass || fail "the FIFO was replaced"
cmp -s "$T_TMP/from-fifo" "$T_TMP/want.html" && pass || fail "the FIFO's reader got another page"
echo old >"$T_TMP/target.html"
ln -s target.html "$T_TMP/link.html"
run "$NEOSIM" report --db "$db" -o "$T_TMP/link.html"
expect_rc 0 "report to a symlink"
[ -L "$T_TMP/link.html" ] && pass || fail "the symlink was replaced"
cmp -s "$T_TMP/target.html" "$T_TMP/want.html" && pass || fail "the symlink's file did not get the page"
# a regular file: replaced whole; a killed report's temporary file removed,
# a live writer's (locked) left
echo old >"$html"
printf 'half a page' >"$html.tmp.Killed"
touch -d '1 minute ago' "$html.tmp.Killed"
printf 'being written' >"$html.tmp.Living"
touch -d '1 minute ago' "$html.tmp.Living"
flock "$html.tmp.Living" sleep 30 &
locker=$!
sleep 0.5
run "$NEOSIM" report --db "$db" -o "$html"
expect_rc 0 "report to a regular file"
cmp -s "$html" "$T_TMP/want.html" && pass || fail "the regular file did not get the page"
[ -e "$html.tmp.Killed" ] && fail "a killed report's temporary file is left" || pass
[ -e "$html.tmp.Living" ] && pass || fail "a live writer's temporary file was removed"
kill $locker 2>/dev/null
wait $locker 2>/dev/null
expect_eq "$(ls "$T_TMP" | grep -c 'page.html.tmp')" 1 "no other temporary file"

# ---- a failed re-run keeps the done runs ----------------------------------
dump0=$(results_dump "$db")
run "$NEOSIM" run $S --db "$db" --reps 4 $A --max-events 1000
expect_rc 1 "the re-run's runs fail"
expect_match "$ERR" "^neosim: 12 runs failed \(12 of them were done before: the done runs stay stored\); first: point 0 replication 0: the run's event budget \(1000 events, --max-events\)" \
  "the message says the done runs stay"
expect_eq "$(q "$db" "select count(*) from runs where status = 'done'")" 12 "12 runs still done"
expect_eq "$(results_dump "$db")" "$dump0" "every result as before"
# a failed run still replaces a failed one, and a done one a failed one
"$NEOSIM" run $S --db "$T_TMP/f.db" --reps 1 $A --max-events 1000 2>/dev/null
expect_eq "$(q "$T_TMP/f.db" "select group_concat(status) from runs")" "failed,failed,failed" "failed runs stored"
"$NEOSIM" run $S --db "$T_TMP/f.db" --reps 1 $A
expect_eq "$(q "$T_TMP/f.db" "select group_concat(status) from runs")" "done,done,done" "done runs replace failed ones"
# another seed: refused, nothing written
sum=$(md5sum <"$db")
for how in "" "--resume"; do
  run "$NEOSIM" run $S --db "$db" --reps 4 $A --seed 8 $how
  expect_rc 2 "another seed $how"
  expect_eq "$ERR" "neosim: '$db' holds runs of scenario 'erlang-b-check' (version $(q "$db" "select substr(sha256, 1, 12) from scenarios")) of seed 1: runs of seed 8 would mix two batches in one version; run with --seed 1, or into another --db" \
    "another seed $how: message"
  expect_eq "$(md5sum <"$db")" "$sum" "another seed $how: nothing written"
done
run "$NEOSIM" run $S --db "$T_TMP/seed8.db" --reps 4 $A --seed 8
expect_rc 0 "another seed into another database"

# ---- databases in memory are refused ----------------------------------------
mem='not a file name (SQLite would keep the results in memory and lose them)'
for f in "" ":memory:"; do
  run "$NEOSIM" run $S --reps 1 $A --db "$f"
  expect_rc 2 "run --db '$f'"
  expect_eq "$ERR" "neosim: open '$f': $mem" "run --db '$f': message"
  run "$NEOSIM" compare --db "$f"
  expect_eq "$RC $ERR" "2 neosim: compare: open '$f': $mem" "compare --db '$f'"
  run "$NEOSIM" report --db "$f" -o "$T_TMP/m.html"
  expect_eq "$RC $ERR" "2 neosim: report: open '$f': $mem" "report --db '$f'"
  run "$NEOSIM" merge "$f" "$db"
  expect_eq "$RC $ERR" "2 neosim: merge: open '$f': $mem" "merge into '$f'"
  run "$NEOSIM" merge "$T_TMP/m.db" "$f"
  expect_eq "$RC $ERR" "2 neosim: merge: open '$f': $mem" "merge from '$f'"
done
[ -e "$T_TMP/m.db" ] || [ -e "$T_TMP/m.html" ] && fail "a refused command wrote a file" || pass
( cd "$T_TMP" && "$NEOSIM" run "$OLDPWD/$S" --reps 1 --set horizon_days=60 --quiet -j 1 --db 'file:u.db?mode=memory' )
expect_eq "$(q "$T_TMP/file:u.db?mode=memory" "select count(*) from runs")" 3 "'file:u.db?mode=memory' is a file"

# ---- a database path that is not a file: refused, left as it is -----------
mkfifo "$T_TMP/dbfifo"
mkdir "$T_TMP/dbdir"
for f in "$T_TMP/dbfifo:a FIFO" "$T_TMP/dbdir:a folder" "$T_TMP/null:a device"; do
  path=${f%%:*}
  what=${f#*:}
  [ -e "$path" ] || continue # the device needs root
  want="open '$path': not a regular file ($what): a results database is a file"
  run timeout 20 "$NEOSIM" run $S --reps 1 $A --db "$path"
  expect_eq "$RC $ERR" "2 neosim: $want" "run --db $what"
  run timeout 20 "$NEOSIM" compare --db "$path"
  expect_eq "$RC $ERR" "2 neosim: compare: $want" "compare --db $what"
  run timeout 20 "$NEOSIM" merge "$path" "$db"
  expect_eq "$RC $ERR" "2 neosim: merge: $want" "merge into $what"
done
[ -p "$T_TMP/dbfifo" ] && [ -d "$T_TMP/dbdir" ] && pass || fail "the FIFO or the folder was replaced"
[ ! -e "$T_TMP/null" ] || [ -c "$T_TMP/null" ] && pass || fail "the device was replaced"

# ---- merge checks every input before its first write ----------------------
m=$T_TMP/m.db
run "$NEOSIM" merge "$m" "$db" "$T_TMP/seed8.db"
expect_rc 2 "merge: a later input of another seed"
[ -e "$m" ] && fail "merge created OUT before refusing" || pass
printf 'SQLite format 3\000 and then junk' >"$T_TMP/junk.db"
run "$NEOSIM" merge "$m" "$db" "$T_TMP/junk.db"
expect_rc 2 "merge: a later input corrupt"
[ -e "$m" ] && fail "merge created OUT before refusing" || pass
"$NEOSIM" merge "$m" "$T_TMP/f.db" --quiet
sum=$(md5sum <"$m")
run "$NEOSIM" merge "$m" "$db" "$T_TMP/seed8.db"
expect_rc 2 "merge into an existing OUT: a later input of another seed"
expect_eq "$(md5sum <"$m")" "$sum" "OUT as it was"
# an input with a -wal (its writer killed): read with its last transaction,
# left byte for byte
w=$T_TMP/w.db
cp "$db" "$w"
sqlite3 "$w" "PRAGMA journal_mode" >/dev/null
python3 - "$w" <<'PY'
import os, shutil, sqlite3, sys
w = sys.argv[1]
c = sqlite3.connect(w)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE runs SET wall_s = 123.5 WHERE point = 0 AND replication = 0")
c.commit()
for tail in ("", "-wal", "-shm"):  # the files as a killed writer leaves them
    shutil.copy(w + tail, w + ".k" + tail)
c.close()
for tail in ("", "-wal", "-shm"):
    os.replace(w + ".k" + tail, w + tail)
PY
[ -s "$w-wal" ] && pass || fail "the input has no -wal"
before=$(md5sum "$w" "$w-wal" | cut -d' ' -f1)
run "$NEOSIM" merge "$T_TMP/mw.db" "$w"
expect_rc 0 "merge an input with a -wal"
expect_eq "$(md5sum "$w" "$w-wal" | cut -d' ' -f1)" "$before" "the input and its -wal byte for byte"
expect_eq "$(q "$T_TMP/mw.db" "select wall_s from runs where point = 0 and replication = 0")" "123.5" \
  "the -wal's last transaction merged"
finish
