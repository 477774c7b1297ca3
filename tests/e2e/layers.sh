# tests/e2e/layers.sh -- the layers of sim/ are enforced by the build: each
# folder compiles with the include paths of its own layer and of those it
# uses only (Makefile, USES_*).  So in a layer's file, every header of the
# layers it uses compiles, except those that include Lua's own headers,
# which only sim/lua sees; a header of any other layer does not compile,
# nor does lua.h outside sim/lua or sqlite3.h outside sim/store.
. tests/lib.sh
layers="core model lua store run cli"

# the tree: folders only under sim/, includes by bare name (no ../ escape)
expect_eq "$(find sim -maxdepth 1 -type f | tr '\n' ' ')" "" "no file directly under sim/"
expect_eq "$(grep -rn '#include "[^"]*/' sim | head -3)" "" "includes name a header of an include path, never a path"

for l in $layers; do
  make -s --no-print-directory layer-flags LAYER="$l" >"$T_TMP/flags.$l"
  make -s --no-print-directory layer-uses LAYER="$l" >"$T_TMP/uses.$l"
done
# try L SNIPPET: 0 when SNIPPET compiles with the flags of layer L
try() {
  printf '%s\n' "$2" >"$T_TMP/t.c"
  $(cat "$T_TMP/flags.$1") -fsyntax-only "$T_TMP/t.c" 2>"$T_TMP/cc.err"
}
outcome() { if try "$1" "$2"; then echo compiles; else echo fails; fi; }
for l in $layers; do
  uses=" $(cat "$T_TMP/uses.$l") "
  for m in $layers; do
    case "$uses" in
      *" $m "*)
        for h in sim/$m/*.h; do
          want=compiles
          [ "$l" != lua ] && grep -Eq '^#include <(lua|lauxlib|lualib)\.h>' "$h" && want=fails
          expect_eq "$(outcome "$l" "#include \"$(basename "$h")\"")" "$want" \
            "sim/$l including $h: $(head -c 300 "$T_TMP/cc.err")"
        done ;;
      *)
        h=$(ls sim/$m/*.h | head -1)
        expect_eq "$(outcome "$l" "#include \"$(basename "$h")\"")" fails "sim/$l including $h (sim/$m)" ;;
    esac
  done
  [ "$l" = lua ] && want=compiles || want=fails
  expect_eq "$(outcome "$l" "#include <lua.h>")" "$want" "sim/$l including lua.h"
  [ "$l" = store ] && want=compiles || want=fails
  expect_eq "$(outcome "$l" "#include <sqlite3.h>")" "$want" "sim/$l including sqlite3.h"
done
# the SQLite guard says why in the compiler's message (the last try was cli's)
grep -q "sqlite3_h_is_for_sim_store_only" "$T_TMP/cc.err" && pass ||
  fail "the SQLite guard names itself: $(head -c 300 "$T_TMP/cc.err")"
finish
