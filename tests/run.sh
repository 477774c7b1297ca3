#!/bin/sh
# tests/run.sh -- run every test of neosim and print one tally line.
#   unit tests:       $BUILD/tests/test_*      (one program per C module)
#   end-to-end tests: tests/e2e/*.sh           (the real binary, sqlite3 shell)
#   validation:       tests/validation/*.sh    (analytic results with CIs)
# Each test's output goes to $BUILD/test-logs/NAME.log; failures are shown.
# A test that cannot run here exits 77 after a line "skip: why" (lib.sh's
# skip): it is counted as skipped, not passed.
# Environment: NEOSIM (binary), BUILD (build dir), TESTS (a name filter).
set -u
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}" "${TESTS:=}"
NEOSIM=$(cd "$(dirname "$NEOSIM")" && pwd)/$(basename "$NEOSIM")
export NEOSIM BUILD
logs=$BUILD/test-logs
mkdir -p "$logs"
pass=0 fail=0 skipped=0 failed=
for t in "$BUILD"/tests/test_* tests/e2e/*.sh tests/validation/*.sh; do
  [ -e "$t" ] || continue
  case "$t" in *.o|*.d) continue ;; esac
  name=$(basename "$t" .sh)
  case "$name" in *"$TESTS"*) ;; *) continue ;; esac
  start=$(date +%s)
  case "$t" in
    *.sh) sh "$t" >"$logs/$name.log" 2>&1 ;;
    *) "$t" >"$logs/$name.log" 2>&1 ;;
  esac
  rc=$?
  secs=$(($(date +%s) - start))
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1)); echo "ok   $name (${secs}s)"
  elif [ $rc -eq 77 ]; then
    skipped=$((skipped + 1)); echo "skip $name: $(sed -n 's/^skip: //p' "$logs/$name.log" | tail -n 1)"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name (exit $rc, ${secs}s)"
    sed 's/^/     | /' "$logs/$name.log" | tail -n 40
  fi
done
[ -z "$failed" ] || echo "failed:$failed"
echo "$pass passed, $fail failed, $skipped skipped"
[ $fail -eq 0 ]
