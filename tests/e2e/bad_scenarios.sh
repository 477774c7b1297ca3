# tests/e2e/bad_scenarios.sh -- every file in tests/e2e/bad/ is a broken
# scenario whose first line gives the error it must produce:
#   -- expect: REGEX    (matched against neosim's whole stderr, one line)
# Both `check` and `run` must fail with exit status 2 and that message,
# and `run` must not create the results database.
. tests/lib.sh
n=0
for f in tests/e2e/bad/*.lua; do
  n=$((n + 1))
  want=$(sed -n '1s/^-- expect: //p' "$f")
  [ -n "$want" ] || { fail "$f has no '-- expect:' line"; continue; }
  run "$NEOSIM" check "$f"
  expect_rc 2 "check $f"
  expect_lines "$ERR" 1 "check $f: one-line error"
  expect_match "$ERR" "$want" "check $f"
  run "$NEOSIM" run "$f" --db "$T_TMP/db/r.db" --quiet
  expect_rc 2 "run $f"
  expect_match "$ERR" "$want" "run $f"
  if [ -e "$T_TMP/db/r.db" ]; then fail "run $f created the database"; else pass; fi
done
[ "$n" -ge 20 ] && pass || fail "only $n bad scenarios"
# nothing escaped the sandbox
if [ -e /tmp/neosim-pwned ]; then fail "a scenario wrote /tmp/neosim-pwned"; rm -f /tmp/neosim-pwned; else pass; fi
finish
