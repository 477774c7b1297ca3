# tests/e2e/style.sh -- two rules of the C style that a compiler can see
# (clang; Debian's clang, which .ci/run installs; skipped without it):
#   - no comma-operator statements: clang's -Wcomma (every comma operator but
#     a for loop's increments) finds none;
#   - designated initializers for structs with more than three fields: an
#     initializer list setting four or more names them (tests/designated.py).
# Every file of sim/ is compiled with the flags of its layer, tests/ with all.
. tests/lib.sh
command -v clang >/dev/null 2>&1 || skip "clang not installed"
std="-std=c11 -D_POSIX_C_SOURCE=200809L"
flags() { make -s --no-print-directory layer-flags LAYER="$1" | tr ' ' '\n' | grep -E '^-I|^-D' | tr '\n' ' '; }
: >"$T_TMP/w"
: >"$T_TMP/d"
for l in core model lua store run cli; do
  f=$(flags "$l")
  for c in sim/$l/*.c; do clang $std $f -fsyntax-only -Wcomma "$c" 2>>"$T_TMP/w"; done
  python3 tests/designated.py $std $f -- sim/$l/*.c >>"$T_TMP/d"
done
all="$std $(flags cli | sed 's/-DSQLITE_API=[^ ]*//') $(flags lua | tr ' ' '\n' | grep '^-I/' | tr '\n' ' ')"
all="$all -Itests/unit -Itests/bench -Itests/fuzz"
for c in tests/unit/*.c tests/bench/*.c tests/fuzz/*.c; do clang $all -fsyntax-only -Wcomma "$c" 2>>"$T_TMP/w"; done
python3 tests/designated.py $all -- tests/unit/*.c tests/bench/*.c tests/fuzz/*.c >>"$T_TMP/d"
expect_eq "$(grep -c 'error:' "$T_TMP/w")" "0" "every file compiles with clang: $(grep 'error:' "$T_TMP/w" | head -3)"
expect_eq "$(grep 'misuse of comma' "$T_TMP/w" | cut -d: -f1-2 | head -20 | tr '\n' ' ')" "" "no comma operator"
expect_eq "$(head -20 "$T_TMP/d")" "" "designated initializers for structs over three fields"
finish
