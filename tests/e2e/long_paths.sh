# tests/e2e/long_paths.sh -- a path of any length is used whole, never cut
# to fit a buffer: `require` finds the module beside a scenario whose
# folder's path is over 1024 characters, never a module of the same name
# in the folder the path would be cut to (the red team's escape: from a
# 1,272-character folder, require("evil") loaded a file from another one);
# module names over 512 characters and paths over 2048 likewise; and a
# binary installed under a path over 1024 characters finds the Lua library
# beside it.
. tests/lib.sh

# name N C: a folder name of N characters C
name() { printf "%${1}s" '' | tr ' ' "$2"; }

# P: a folder whose path is exactly 1023 characters, the longest the old
# 1024-byte buffer kept whole; the scenario is in P/sub, beside evil.lua,
# and P/evil.lua is the decoy a cut path would find.
top=$T_TMP/lp
P=$top
while [ ${#P} -lt 1023 ]; do
  left=$((1023 - ${#P} - 1))
  [ $left -gt 200 ] && left=200
  [ $left -lt 1 ] && { P=$P"x"; continue; }
  P=$P/$(name $left d)
done
expect_eq "${#P}" 1023 "the prefix folder's path is 1023 characters"
mkdir -p "$P/sub"
cat >"$P/evil.lua" <<'LUA'
error("the decoy in the cut folder was loaded")
LUA
cat >"$P/sub/evil.lua" <<'LUA'
return { name = "beside-the-long-path" }
LUA
cat >"$P/sub/s.lua" <<'LUA'
local neo = require("neo")
return neo.scenario {
  name = require("evil").name, start = "2026-01-01", horizon_days = 10,
  skus = { a = { node_kw = 1 } }, sites = { s = { power_mw = 1 } },
  fleet = { { site = "s", sku = "a", nodes = 2 } },
}
LUA
scn=$P/sub/s.lua
expect_eq "$([ ${#scn} -gt 1024 ] && echo long)" long "the scenario's path is over 1024 characters"
run "$NEOSIM" check "$scn"
expect_rc 0 "check a scenario in a folder of a ${#P}+4-character path"
expect_match "$OUT" "^scenario +beside-the-long-path " "require found the module beside it, not the decoy"
run "$NEOSIM" run "$scn" --db "$T_TMP/r.db" --reps 1 -j 1 --quiet
expect_rc 0 "run it"

# a module name of 5 x 250 characters (the old buffer held 511), so that
# the module's path is over 2048 characters; the decoy sits where a name
# cut to 511 characters would lead
a=$(name 250 a) b=$(name 250 b) c=$(name 250 c) e=$(name 250 e) f=$(name 250 f)
mkdir -p "$P/sub/$a/$b/$c/$e"
cat >"$P/sub/$a/$b/$c/$e/$f.lua" <<'LUA'
return { name = "long-module-name" }
LUA
cut=$(printf '%s' "$a/$b/$c" | cut -c1-511)
cp "$P/evil.lua" "$P/sub/$cut.lua"
sed "s/require(\"evil\")/require(\"$a.$b.$c.$e.$f\")/" "$scn" >"$P/sub/m.lua"
path=$P/sub/$a/$b/$c/$e/$f.lua
expect_eq "$([ ${#path} -gt 2048 ] && echo long)" long "the module's path is over 2048 characters"
run "$NEOSIM" check "$P/sub/m.lua"
expect_rc 0 "check a scenario requiring a module of a 1254-character name"
expect_match "$OUT" "^scenario +long-module-name " "require found the module of the whole name"

# the binary under a folder of a path over 1024 characters, with its own
# copy of the Lua library beside it (../lua), which says it was loaded
B=$top/$(name 250 f)/$(name 250 g)/$(name 250 h)/$(name 250 i)
mkdir -p "$B/bin"
cp "$NEOSIM" "$B/bin/neosim"
cp -r lua "$B/lua"
{ echo 'print("the library beside the binary")'; cat lua/neo/init.lua; } >"$B/lua/neo/init.lua"
run env -u NEOSIM_LUA_PATH "$B/bin/neosim" check scenarios/erlang_b.lua
expect_rc 0 "a binary at a ${#B}-character path"
expect_eq "$ERR" "the library beside the binary" "it loads the library beside it"
finish
