# tests/e2e/hostile.sh -- the hostile corpus: every file in tests/e2e/hostile/
# attacks the sandbox one way (README, "Security of scenario code").  Its
# first lines say what must stop it and how to run it:
#   -- expect: REGEX          the error (grep -E), or `done` when every run must succeed
#   -- neosim: run [OPTIONS]  policies attacked at run time (default: `check`, load time)
# A load-time attack must fail `check` and `run` with exit status 2 and one
# line on stderr, and create no database.  A run-time attack runs 2
# replications in the neosim process itself (-j 1): exit status 1, both runs
# stored as failed with that error and nothing else.  None may end by a
# signal, hang, write a file or flood stderr.
. tests/lib.sh
hostile=tests/e2e/hostile
db=$T_TMP/h.db
limit=120 # seconds: none of these needs more than a few
[ -n "${NEOSIM_VALGRIND:-}" ] && limit=900 # 20-50 times slower

files_before=$(ls -A . "$hostile" | grep -c .)
no_signal() { # no_signal WHAT: the status is not a signal's, nor timeout's
  if [ "$RC" -ge 124 ]; then fail "$1: exit $RC (a signal or a hang); stderr: $(printf '%s' "$ERR" | tail -c 300)"; else pass; fi
}
# one_error WHAT REGEX: stderr holds one neosim line, the last, matching REGEX
one_error() {
  last=$(printf '%s\n' "$ERR" | tail -n 1)
  expect_lines "$(printf '%s\n' "$ERR" | grep '^neosim:')" 1 "$1: one neosim line on stderr"
  expect_match "$last" "$2" "$1"
  size=$(wc -c <"$T_TMP/err")
  if [ "$size" -le 1100000 ]; then pass; else fail "$1: $size bytes on stderr"; fi
}

n=0
for f in "$hostile"/*.lua; do
  n=$((n + 1))
  want=$(sed -n '1s/^-- expect: //p' "$f")
  how=$(sed -n '2s/^-- neosim: //p' "$f")
  [ -n "$want" ] || { fail "$f has no '-- expect:' line"; continue; }
  set -- ${how:-check}
  mode=$1
  shift
  rm -f "$db" "$db-wal" "$db-shm"
  if [ "$mode" = check ]; then
    run timeout $limit "$NEOSIM" check "$f" "$@"
    no_signal "check $f"
    expect_rc 2 "check $f"
    one_error "check $f" "$want"
    run timeout $limit "$NEOSIM" run "$f" --db "$db" --quiet "$@"
    no_signal "run $f"
    expect_rc 2 "run $f"
    one_error "run $f" "$want"
    if [ -e "$db" ]; then fail "run $f created the database"; else pass; fi
    continue
  fi
  run timeout $limit "$NEOSIM" run "$f" --db "$db" --reps 2 -j 1 --quiet "$@"
  no_signal "run $f"
  q() { sqlite3 "$db" "$1"; }
  if [ "$want" = done ]; then
    expect_rc 0 "run $f"
    expect_eq "$(q "select group_concat(status, ' ') from runs")" "done done" "$f: both runs done"
    continue
  fi
  expect_rc 1 "run $f"
  one_error "run $f" "^neosim: 2 runs failed; first: point 0 replication [01]: $(printf '%s' "$want" | sed 's/^\^//')"
  expect_eq "$(q "select group_concat(status, ' ') from runs")" "failed failed" "$f: both runs failed"
  q "select error from runs" >"$T_TMP/errors"
  if [ "$(grep -Ec -- "$want" "$T_TMP/errors")" -eq 2 ]; then pass; else fail "$f: run errors [$(cat "$T_TMP/errors")] do not match /$want/"; fi
  expect_eq "$(q "select (select count(*) from metrics) + (select count(*) from series)")" 0 \
    "$f: nothing stored beyond the failed runs and their events"
done
[ "$n" -ge 60 ] && pass || fail "only $n hostile scenarios"

# no attack wrote anything: not where it aimed, not anywhere near
for m in /tmp/neosim-pwned neosim-pwned "$hostile/neosim-pwned"; do
  if [ -e "$m" ]; then fail "a hostile scenario wrote $m"; rm -f "$m"; else pass; fi
done
expect_eq "$(ls -A . "$hostile" | grep -c .)" "$files_before" "no file appeared here or beside the corpus"
finish
