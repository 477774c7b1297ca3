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
umount "$mnt"
finish
