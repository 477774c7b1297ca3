#!/bin/sh
# tests/bench/run.sh -- run the benchmarks of neosim (`make bench`, never
# `make test`: benchmarks report figures, tests never time).
# Prints only `bench NAME VALUE UNIT` lines and '#' comments, and exits
# non-zero if any benchmark fails.  To add one, add a `bench` line below.
# Environment: BUILD (build dir), PYTHON (an interpreter with SimPy).
set -u
. tests/bench/lib.sh
: "${BUILD:=build/release}" "${PYTHON:=}"
results=$BUILD/bench-results.txt
mkdir -p "$BUILD"
: >"$results"
failed=

# bench NAME CMD...: run CMD, show its lines and keep them in $results.
bench() {
  name=$1; shift
  { "$@"; echo $? >"$results.rc"; } | tee -a "$results"
  rc=$(cat "$results.rc")
  [ "$rc" -eq 0 ] || { echo "run.sh: $name failed (exit $rc)" >&2; failed="$failed $name"; }
}

# The value of figure NAME from this run, or nothing.
value() { awk -v n="$1" '$1 == "bench" && $2 == n { v = $3 } END { if (v != "") print v }' "$results"; }

# A Python with SimPy: SimPy >= 3 (module simpy) first, else SimPy 2.
find_python() {
  for mod in simpy SimPy.Simulation; do
    for p in $PYTHON python3 /usr/bin/python3; do
      "$p" -c "import $mod" >/dev/null 2>&1 && { echo "$p"; return 0; }
    done
  done
  echo "run.sh: no python3 with SimPy found (make bench-deps, or set PYTHON)" >&2
  echo false
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "# neosim benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'): $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cpus${cpu:+ ($cpu)}"
bench hold "$BUILD/bench/hold"
bench mm1 "$BUILD/bench/mm1"
bench mm1_floor "$BUILD/bench/mm1_floor"
bench mm1_contract "$BUILD/bench/mm1_contract"
bench mm1_simpy "$(find_python)" tests/bench/mm1_simpy.py
bench store_rows "$BUILD/bench/store_rows"
bench mm1_scenario sh tests/bench/mm1_scenario.sh
bench reference sh tests/bench/reference.sh
bench scale sh tests/bench/scale.sh
bench sweep sh tests/bench/sweep.sh
bench driver sh tests/bench/driver.sh
bench analysis sh tests/bench/analysis.sh

# Derived figures, kept in $results too.
derived() { bench_line "$@" | tee -a "$results"; }
# ratio NAME A B: figure NAME, A's value over B's (x), when the run has both.
ratio() {
  a=$(value "$2") b=$(value "$3")
  if [ -n "$a" ] && [ -n "$b" ]; then
    derived "$1" "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')" x
  fi
}
ratio mm1_ratio_vs_simpy mm1_engine mm1_simpy
ratio mm1_vs_floor mm1_engine mm1_floor
ratio mm1_contract_vs_floor mm1_contract mm1_floor
ratio mm1_vs_contract mm1_engine mm1_contract
ratio model_vs_engine_event_rate reference_100k_events mm1_engine_events_beside
# The two targets together (the model 0.35x the engine, the engine 1.0x
# the floor) ask the model for 0.35x the floor's event rate.
ratio model_vs_floor_event_rate reference_100k_events mm1_floor_events_beside
ratio hold_slowdown_1e3_to_1e6 hold_1e3_auto hold_1e6_auto

rm -f "$results.rc"
sh tests/bench/table.sh "$results" >"$BUILD/bench-table.md"
echo "# the README's performance table from these figures: $BUILD/bench-table.md"
[ -z "$failed" ] || { echo "run.sh: failed:$failed" >&2; exit 1; }
