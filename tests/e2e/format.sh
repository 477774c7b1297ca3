# tests/e2e/format.sh -- the whole C tree (sim/, tests/) is formatted as
# .clang-format says (100 columns): `clang-format --dry-run -Werror` passes
# on every file; `make format` rewrites them.  Skipped without clang-format
# (Debian's clang-format; .ci/run installs it).
. tests/lib.sh
command -v clang-format >/dev/null 2>&1 || skip "clang-format not installed"
files=$(find sim tests -name '*.[ch]' | sort)
expect_match "$(printf '%s\n' "$files" | grep -c .)" '^[0-9]{2,}$' "C files found"
if clang-format --dry-run -Werror $files >"$T_TMP/fmt" 2>&1; then
  pass
else
  fail "not formatted (make format): $(grep -o '^[^:]*:[0-9]*' "$T_TMP/fmt" | sort -u | head -20 | tr '\n' ' ')"
fi
long=$(printf '%s\n' $files | xargs awk 'length > 100 { print FILENAME ":" FNR }' | head -10)
expect_eq "$long" "" "no line over 100 columns"
finish
