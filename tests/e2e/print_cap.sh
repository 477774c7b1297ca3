# tests/e2e/print_cap.sh -- scenario code's print writes at most 1 MiB to
# stderr per batch, whatever its runs, workers and shards of work: a policy
# printing 256 KiB at each of 5 reviews in each of 20 runs (25 MiB asked)
# writes 1 MiB and one line saying the rest is dropped, with -j 1 and -j 2;
# the runs are done (print never fails a run).
. tests/lib.sh
S=tests/e2e/print_cap/chatty.lua
for j in 1 2; do
  db=$T_TMP/p$j.db
  "$NEOSIM" run $S --db "$db" --quiet -j $j 2>"$T_TMP/err$j"
  expect_eq "$?" 0 "-j $j: the batch is done"
  expect_eq "$(sqlite3 "$db" "select count(*) from runs where status = 'done'")" 20 "-j $j: 20 runs done"
  size=$(wc -c <"$T_TMP/err$j")
  [ "$size" -ge 1048576 ] && [ "$size" -le $((1048576 + 100)) ] && pass ||
    fail "-j $j: $size bytes on stderr, not 1 MiB and a line"
  expect_eq "$(grep -c '^(print: output past 1024 KiB dropped, the cap of a whole batch)$' "$T_TMP/err$j")" 1 \
    "-j $j: one line says the rest is dropped"
done
finish
