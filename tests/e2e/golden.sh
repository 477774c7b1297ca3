# tests/e2e/golden.sh -- the results of every shipped scenario (whole
# horizon, 2 replications, its own seed, run 0:0 traced) equal the golden
# record tests/golden/shipped.golden bit for bit: every metric, every series
# and every event.  A change of results is deliberate: `make golden`
# rewrites the record, and its commit says which figures moved and why.
. tests/lib.sh
if sh tests/golden/run.sh "$NEOSIM" "$T_TMP/golden" >"$T_TMP/now.golden" 2>"$T_TMP/err"; then
  pass
else
  fail "tests/golden/run.sh: $(cat "$T_TMP/err")"
fi
if cmp -s tests/golden/shipped.golden "$T_TMP/now.golden"; then
  pass
else
  fail "results differ from tests/golden/shipped.golden (- golden, + now; make golden rewrites it):"
  diff -u tests/golden/shipped.golden "$T_TMP/now.golden" | sed -n '3,60p' >&2
fi
finish
