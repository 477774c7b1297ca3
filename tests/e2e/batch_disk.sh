# tests/e2e/batch_disk.sh -- a results database on a read-only or a full
# disk: exit 2 with a message naming the file, and nothing lost (the
# read-only file untouched; on a full disk every run stored before is whole
# and the database passes its integrity check).  Needs a tmpfs mount
# (root): skipped (exit 77) otherwise.
. tests/lib.sh
S=scenarios/h100_price_collapse.lua
A="--reps 6 --quiet"
q() { sqlite3 "$1" "$2"; }
mnt=$T_TMP/mnt
mkdir -p "$mnt"
mount -t tmpfs -o size=4m tmpfs "$mnt" 2>/dev/null || skip "read-only and full disks need a tmpfs mount (root)"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$T_TMP"' EXIT
ref=$T_TMP/ref.db
"$NEOSIM" run $S --db "$ref" -j 2 $A
cp "$ref" "$mnt/ro.db"
mount -o remount,ro "$mnt"
sum1=$(md5sum <"$mnt/ro.db")
run "$NEOSIM" run $S --db "$mnt/ro.db" $A
expect_rc 2 "read-only database"
expect_match "$ERR" "ro.db.*(read-only|readonly)" "read-only message"
expect_eq "$(md5sum <"$mnt/ro.db")" "$sum1" "read-only database untouched"
# the readers read it (no -wal, no -shm beside it: read as it is)
run "$NEOSIM" compare --db "$mnt/ro.db"
expect_rc 0 "compare on a read-only disk"
expect_eq "$OUT" "$("$NEOSIM" compare --db "$ref")" "compare on a read-only disk: the same table"
run "$NEOSIM" report --db "$mnt/ro.db" -o "$T_TMP/ro.html"
expect_rc 0 "report on a read-only disk"
run "$NEOSIM" merge "$T_TMP/ro-merged.db" "$mnt/ro.db"
expect_rc 0 "merge from a read-only disk"
expect_eq "$(results_dump "$T_TMP/ro-merged.db")" "$(results_dump "$ref")" "merge from a read-only disk: every run"
expect_eq "$(md5sum <"$mnt/ro.db")" "$sum1" "read-only database still untouched"
run "$NEOSIM" merge "$mnt/out.db" "$ref"
expect_rc 2 "merge into a read-only disk"
expect_match "$ERR" "out.db.*(read-only|readonly)" "merge into a read-only disk: message"
mount -o remount,rw "$mnt"
# a -wal without its -shm on a read-only disk: its last transactions cannot be read: said
cp "$ref" "$mnt/walled.db"
printf 'x' >"$mnt/walled.db-wal"
mount -o remount,ro "$mnt"
for cmd in "compare --db" "report -o $T_TMP/w.html --db"; do
  # shellcheck disable=SC2086
  run "$NEOSIM" $cmd "$mnt/walled.db"
  expect_rc 2 "$cmd: a -wal without -shm on a read-only disk"
  expect_match "$ERR" "walled.db': the file is on a read-only disk \(or folder\) with a -wal of its last transactions but no -shm" \
    "$cmd: a -wal without -shm: message"
done
mount -o remount,rw "$mnt"
rm -f "$mnt"/*
mount -o remount,size=600k "$mnt"
# disk full: a run that does not fit is not written; the runs before it stay whole
run "$NEOSIM" run $S --db "$mnt/full.db" -j 2 --reps 20 --quiet
expect_rc 2 "disk full"
expect_match "$ERR" "full\.db.*(full|disk)" "disk full message"
expect_eq "$(q "$mnt/full.db" "pragma integrity_check")" "ok" "disk full: database intact"
kept=$(q "$mnt/full.db" "select count(*) from runs where status = 'done'")
if [ "$kept" -gt 0 ]; then pass; else fail "disk full: no run kept"; fi
# a new database on a full disk: refused, and no file of it left
rm -f "$mnt"/*
dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
run "$NEOSIM" run $S --db "$mnt/new.db" --reps 1 --quiet
expect_rc 2 "a new database on a full disk"
expect_match "$ERR" "new\.db.*(full|disk)" "a new database on a full disk: message"
expect_eq "$(ls "$mnt")" "fill" "no file of the new database left"
umount "$mnt"
finish
