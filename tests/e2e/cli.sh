# tests/e2e/cli.sh -- the command line: help, version, errors, rng.
. tests/lib.sh

run "$NEOSIM" --help
expect_rc 0 "--help"
expect_match "$OUT" '^usage: neosim COMMAND' "--help usage line"
top=$OUT
for c in run check merge compare report slurm rng; do
  expect_match "$top" "^  $c " "--help lists $c"
  run "$NEOSIM" help "$c"
  expect_rc 0 "help $c"
  expect_match "$OUT" "^usage: neosim $c" "help $c usage"
done
run "$NEOSIM" rng --help
expect_match "$OUT" '^usage: neosim rng' "rng --help"

run "$NEOSIM" --version
expect_rc 0 "--version"
expect_match "$OUT" '^neosim [0-9]+\.[0-9]+\.[0-9]+$' "--version format"

run "$NEOSIM"
expect_rc 2 "no command"
run "$NEOSIM" frobnicate
expect_rc 2 "unknown command"
expect_eq "$ERR" "neosim: unknown command 'frobnicate' (see neosim --help)" "unknown command message"
run "$NEOSIM" --frob
expect_rc 2 "unknown option"
expect_lines "$ERR" 1 "unknown option is one line"
run "$NEOSIM" help frobnicate
expect_rc 2 "help of unknown command"

# rng: the PCG reference vector, and 64-bit seeds in decimal and hex
run "$NEOSIM" rng --seed 42 --stream 54 --count 6
expect_rc 0 "rng reference"
expect_eq "$OUT" "0xa15c02b7
0x7b47f409
0xba1d3330
0x83d2f293
0xbfa4784b
0xcbed606e" "rng reference vector"
run "$NEOSIM" rng --seed 0x2a --stream=0x36 --count=2
expect_eq "$OUT" "0xa15c02b7
0x7b47f409" "rng hex arguments"
run "$NEOSIM" rng --seed 18446744073709551615 --stream 18446744073709551615 --count 1
a=$OUT
run "$NEOSIM" rng --seed 0xffffffffffffffff --stream 0xFFFFFFFFFFFFFFFF --count 1
expect_rc 0 "rng max seed"
expect_eq "$OUT" "$a" "rng 2^64-1 in decimal and hex"
expect_match "$OUT" '^0x[0-9a-f]{8}$' "rng output format"
run "$NEOSIM" rng --seed 1 --stream 1 --count 0
expect_rc 0 "rng count 0"
expect_eq "$OUT" "" "rng count 0 prints nothing"
run "$NEOSIM" rng --seed 1 --stream 1 --count 100000
expect_lines "$OUT" 100000 "rng count 100000"

for bad in "--seed -1 --stream 1 --count 1" "--seed 18446744073709551616 --stream 1 --count 1" \
           "--seed 1x --stream 1 --count 1" "--seed 1 --stream 0x --count 1" \
           "--seed 1 --stream 1" "--seed 1 --stream 1 --count" "--seed 1 --stream 1 --count 1 --bogus 2" \
           "--seed 1 --stream 1 --count 1 extra"; do
  # shellcheck disable=SC2086
  run "$NEOSIM" rng $bad
  expect_rc 2 "rng $bad"
  expect_match "$ERR" '^neosim: rng: ' "rng $bad message"
  expect_lines "$ERR" 1 "rng $bad one-line error"
done
finish
