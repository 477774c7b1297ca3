#!/bin/sh
# tests/fuzz/run.sh BUILD -- make fuzz: run each libFuzzer target in
# BUILD/fuzz/ for FUZZ_SECONDS (one process, one job: the machine is shared)
# from its seed corpus.  The corpora grow in BUILD/corpus/TARGET/ from one
# run to the next; a crash, leak, sanitizer report or timeout leaves its
# input in BUILD/artifacts/ and fails.  Keep such an input in
# tests/fuzz/regress/TARGET/ once fixed: tests/e2e/fuzz.sh runs them all.
set -u
b=$1
secs=${FUZZ_SECONDS:-60}
mkdir -p "$b/corpus/scenario" "$b/corpus/args" "$b/artifacts"
# seeds, copied (not kept twice in git): every scenario the tests know
for f in scenarios/*.lua tests/e2e/bad/*.lua tests/e2e/hostile/*.lua tests/e2e/scenarios/*.lua tests/fuzz/regress/scenario/*; do
  [ -e "$f" ] && cp "$f" "$b/corpus/scenario/$(printf '%s' "$f" | tr / _)"
done
for f in tests/fuzz/corpus/args/* tests/fuzz/regress/args/*; do
  [ -e "$f" ] && cp "$f" "$b/corpus/args/$(printf '%s' "$f" | tr / _)"
done
status=0
for t in scenario args; do
  log=$b/fuzz_$t.log
  start=$(date +%s)
  "$b/fuzz/fuzz_$t" "$b/corpus/$t" -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -max_len=16384 \
    -close_fd_mask=3 -print_final_stats=1 -dict="tests/fuzz/$t.dict" -artifact_prefix="$b/artifacts/$t-" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz_$t: ${runs:-?} inputs in $(($(date +%s) - start)) s, corpus $(ls "$b/corpus/$t" | wc -l), $(grep -o 'cov: [0-9]*' "$log" | tail -n 1)"
  if [ $rc -ne 0 ]; then
    status=1
    echo "fuzz_$t: FAILED (exit $rc): $(grep -m 1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log")"
    echo "  input: $(ls -t "$b/artifacts/$t-"* 2>/dev/null | head -n 1); log: $log"
  fi
done
exit $status
