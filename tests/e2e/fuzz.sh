# tests/e2e/fuzz.sh -- the fuzz targets (tests/fuzz/) without libFuzzer: make
# test builds them with a plain main, under the sanitizers of the build
# (make SANITIZE=address,undefined test), and this runs every input that
# once broke one (tests/fuzz/regress/TARGET/) and the seed corpora.  A crash,
# a sanitizer report or a leak LeakSanitizer finds is a failure; so is a hang.
. tests/lib.sh
for t in scenario args; do
  drv=$BUILD/fuzz/fuzz_$t
  [ -x "$drv" ] || { fail "$drv is not built"; continue; }
  set --
  for f in tests/fuzz/regress/$t/*; do [ -e "$f" ] && set -- "$@" "$f"; done
  nregress=$#
  if [ $t = scenario ]; then
    set -- "$@" scenarios/*.lua tests/e2e/bad/*.lua tests/e2e/hostile/*.lua tests/e2e/scenarios/*.lua
  else
    set -- "$@" tests/fuzz/corpus/args/*
  fi
  run timeout 900 "$drv" "$@"
  expect_rc 0 "fuzz_$t on $nregress regression inputs and $(($# - nregress)) seeds; stderr: $(printf '%s' "$ERR" | tail -c 2000)"
done
finish
