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
eng=$(value mm1_engine) simpy=$(value mm1_simpy)
if [ -n "$eng" ] && [ -n "$simpy" ]; then
  derived mm1_ratio_vs_simpy "$(awk -v a="$eng" -v b="$simpy" 'BEGIN { print a / b }')" x
fi

floor=$(value mm1_floor)
if [ -n "$eng" ] && [ -n "$floor" ]; then
  derived mm1_vs_floor "$(awk -v a="$eng" -v b="$floor" 'BEGIN { print a / b }')" x
fi
contract=$(value mm1_contract)
if [ -n "$contract" ] && [ -n "$floor" ] && [ -n "$eng" ]; then
  derived mm1_contract_vs_floor "$(awk -v a="$contract" -v b="$floor" 'BEGIN { print a / b }')" x
  derived mm1_vs_contract "$(awk -v a="$eng" -v b="$contract" 'BEGIN { print a / b }')" x
fi
model=$(value reference_100k_events) engine_events=$(value mm1_engine_events_beside)
if [ -n "$model" ] && [ -n "$engine_events" ]; then
  derived model_vs_engine_event_rate "$(awk -v a="$model" -v b="$engine_events" 'BEGIN { print a / b }')" x
fi
# The two targets together (the model 0.35x the engine, the engine 1.0x
# the floor) ask the model for 0.35x the floor's event rate.
floor_events=$(value mm1_floor_events_beside)
if [ -n "$model" ] && [ -n "$floor_events" ]; then
  derived model_vs_floor_event_rate "$(awk -v a="$model" -v b="$floor_events" 'BEGIN { print a / b }')" x
fi

small=$(value hold_1e3_auto) large=$(value hold_1e6_auto)
if [ -n "$small" ] && [ -n "$large" ]; then
  derived hold_slowdown_1e3_to_1e6 "$(awk -v a="$small" -v b="$large" 'BEGIN { print a / b }')" x
fi

rm -f "$results.rc"
sh tests/bench/table.sh "$results" >"$BUILD/bench-table.md"
echo "# the README's performance table from these figures: $BUILD/bench-table.md"
[ -z "$failed" ] || { echo "run.sh: failed:$failed" >&2; exit 1; }
