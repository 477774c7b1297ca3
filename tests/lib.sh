# tests/lib.sh -- helpers for the shell tests (sourced).  Each assertion
# prints what it expected on failure and counts; `finish` gives the status.
: "${NEOSIM:?NEOSIM must name the neosim binary}"
T_FAIL=0 T_PASS=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/neosim-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT

fail() { T_FAIL=$((T_FAIL + 1)); echo "FAIL: $*" >&2; }
pass() { T_PASS=$((T_PASS + 1)); }
# skip WHY: this test cannot run here; tests/run.sh counts it as skipped (77)
skip() { echo "skip: $*"; exit 77; }

# run CMD...: runs it, keeping stdout in $OUT, stderr in $ERR, status in $RC
run() {
  "$@" >"$T_TMP/out" 2>"$T_TMP/err"
  RC=$?
  OUT=$(cat "$T_TMP/out")
  ERR=$(cat "$T_TMP/err")
}

expect_rc() { # expect_rc N what
  if [ "$RC" -eq "$1" ]; then pass; else fail "$2: exit $RC, expected $1; stderr: $ERR"; fi
}
expect_eq() { # expect_eq ACTUAL EXPECTED what
  if [ "$1" = "$2" ]; then pass; else fail "$3: got [$1], expected [$2]"; fi
}
expect_match() { # expect_match TEXT GREP-ERE what
  if printf '%s\n' "$1" | grep -Eq -- "$2"; then pass; else fail "$3: [$1] does not match /$2/"; fi
}
expect_lines() { # expect_lines TEXT N what
  _n=$(printf '%s\n' "$1" | grep -c .)
  if [ "$_n" -eq "$2" ]; then pass; else fail "$3: $_n lines, expected $2"; fi
}
# near ACTUAL EXPECTED TOL: |a - e| <= tol
near() { awk -v a="$1" -v e="$2" -v t="$3" 'BEGIN { d = a - e; if (d < 0) d = -d; exit !(d <= t) }'; }

# results_dump DB: everything its runs produced (status, seed, metrics,
# series, params, events), keyed by (point, replication), never by run id:
# equal dumps mean equal results however the runs were split or merged.
results_dump() {
  sqlite3 "$1" "select r.point, r.replication, r.status, r.seed from runs r order by 1, 2;
    select r.point, r.replication, m.name, quote(m.value) from metrics m join runs r on r.id = m.run_id order by 1, 2, 3;
    select r.point, r.replication, s.name, s.t_days, quote(s.value) from series s join runs r on r.id = s.run_id order by 1, 2, 3, 4;
    select r.point, r.replication, p.name, quote(p.value) from params p join runs r on r.id = p.run_id order by 1, 2, 3;
    select r.point, r.replication, e.t_days, e.kind, e.subject, e.detail from events e join runs r on r.id = e.run_id
      order by 1, 2, e.rowid"
}

# metric_of DB SCENARIO NAME [REP]: a metric of replication REP (0) of point 0
metric_of() {
  sqlite3 "$1" "select m.value from metrics m join runs r on r.id = m.run_id where r.scenario = '$2'
                and r.point = 0 and r.replication = ${4:-0} and m.name = '$3'"
}
# last_of DB SCENARIO NAME: the last sample of a series of run 0:0
last_of() {
  sqlite3 "$1" "select s.value from series s join runs r on r.id = s.run_id where r.scenario = '$2'
                and r.point = 0 and r.replication = 0 and s.name = '$3' order by s.t_days desc limit 1"
}
# expect_close WHAT GOT WANT: equal to 1e-9 relative (a figure against its hand computation)
expect_close() {
  if awk -v a="$2" -v b="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; s = (a < 0 ? -a : a) + 1
                                      exit !(a != "" && d <= 1e-9 * s) }'; then pass
  else fail "$1: got $2, by hand $3"; fi
}

# kill_at_runs PID DB N: once DB stores N runs (at most 30 s), SIGKILL process
# PID (started in the background by this shell) and reap it
kill_at_runs() {
  _k=0
  while [ "$(sqlite3 "$2" "select count(*) from runs" 2>/dev/null || echo 0)" -lt "$3" ] &&
    [ $_k -lt 600 ]; do
    sleep 0.05
    _k=$((_k + 1))
  done
  kill -9 "$1" 2>/dev/null
  wait "$1" 2>/dev/null
}

finish() {
  echo "$T_PASS checks passed, $T_FAIL failed"
  [ "$T_FAIL" -eq 0 ]
}

# csv_pairs CSV A B: from `neosim sensitivity --format csv` output, "input A B" per
# input (the values of indices A and B to 12 digits), sorted by input
csv_pairs() {
  printf '%s\n' "$1" | awk -F, -v a="$2" -v b="$3" '$3 == a { x[$2] = $4 } $3 == b { y[$2] = $4 }
    END { for (i in x) printf "%s %.12g %.12g\n", i, x[i], y[i] }' | LC_ALL=C sort
}
