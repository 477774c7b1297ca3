# tests/e2e/commas.sh -- no comma-operator statements in the C tree: clang's
# -Wcomma (every comma operator but a for loop's increments) finds none in
# any file of sim/ (with the flags of its layer) or tests/.  Skipped without
# clang (Debian's clang; .ci/run installs it).
. tests/lib.sh
command -v clang >/dev/null 2>&1 || skip "clang not installed"
std="-std=c11 -D_POSIX_C_SOURCE=200809L -fsyntax-only -Wcomma"
: >"$T_TMP/w"
for l in core model lua store run cli; do
  flags=$(make -s --no-print-directory layer-flags LAYER="$l" | tr ' ' '\n' | grep -E '^-I|^-D' | tr '\n' ' ')
  for f in sim/$l/*.c; do clang $std $flags "$f" 2>>"$T_TMP/w"; done
done
all=$(make -s --no-print-directory layer-flags LAYER=cli | tr ' ' '\n' | grep -E '^-I|^-D' | grep -v SQLITE_API | tr '\n' ' ')
lua=$(make -s --no-print-directory layer-flags LAYER=lua | tr ' ' '\n' | grep -E '^-I/' | tr '\n' ' ')
for f in tests/unit/*.c tests/bench/*.c tests/fuzz/*.c; do
  clang $std $all $lua -Itests/unit -Itests/bench -Itests/fuzz "$f" 2>>"$T_TMP/w"
done
expect_eq "$(grep -c 'error:' "$T_TMP/w")" "0" "every file compiles with clang: $(grep 'error:' "$T_TMP/w" | head -3)"
expect_eq "$(grep 'misuse of comma' "$T_TMP/w" | cut -d: -f1-2 | head -20 | tr '\n' ' ')" "" "no comma operator"
finish
