#!/bin/sh
# tests/valgrind.sh -- make valgrind: the end-to-end tests (tests/e2e/*.sh
# but the SLURM one) with $NEOSIM run under valgrind's memcheck.  An invalid
# read or write, a use of uninitialised memory or a leak valgrind calls
# definite makes neosim exit 99, which fails the test; each process's report
# is kept in $BUILD/valgrind/ and the ones with errors are shown.  neosim's
# worker processes (-j) are forks, checked as well.  The tests see
# NEOSIM_VALGRIND=1 and skip what cannot work 20-50 times slower (see each).
# TESTS=NAME keeps the tests whose name contains NAME, as for make test.
set -u
: "${NEOSIM:=bin/neosim}" "${BUILD:=build/release}"
real=$(cd "$(dirname "$NEOSIM")" && pwd)/$(basename "$NEOSIM")
logs=$(pwd)/$BUILD/valgrind
rm -rf "$logs"
mkdir -p "$logs"
wrapper=$logs/neosim
cat >"$wrapper" <<SH
#!/bin/sh
exec valgrind --quiet --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \\
  --error-exitcode=99 --trace-children=no --log-file='$logs/vg.%p.log' '$real' "\$@"
SH
chmod +x "$wrapper"
start=$(date +%s)
tests=
for t in tests/e2e/*.sh; do
  n=$(basename "$t" .sh)
  case "$n" in slurm | slurm_cluster) continue ;; esac
  case "$n" in *"${TESTS:-}"*) tests="$tests $n" ;; esac
done
status=0
for t in $tests; do
  # the test's status, not the filter's: a failed test fails make valgrind
  out=$(NEOSIM_VALGRIND=1 NEOSIM=$wrapper BUILD=$BUILD TESTS=$t sh tests/run.sh) || status=1
  printf '%s\n' "$out" | grep -v '^[0-9]* passed'

done
bad=0
for f in "$logs"/vg.*.log; do
  [ -s "$f" ] || continue
  bad=$((bad + 1))
  [ $bad -le 5 ] && { echo "--- $f"; head -n 60 "$f"; }
done
echo "valgrind: $bad process(es) with errors or definite leaks, $(ls "$logs" | grep -c '^vg\.') checked, $(($(date +%s) - start)) s"
[ $status -eq 0 ] && [ $bad -eq 0 ]
