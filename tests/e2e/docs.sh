#!/bin/sh
# tests/e2e/docs.sh -- generated files cannot drift: the scenario and command-line
# references, and the exponential sampler's ziggurat tables (sim/core/dist_ziggurat.h, from
# python3 tools/ziggurat.py).  `make docs`'s renderer (docs/render.lua, lua5.4
# alone) reproduces the committed docs/scenario-reference.md;
# the reference's own checks pass (tests/lua/test_reference.lua: a doc and a unit for
# every key, examples that validate, the library's constructors and bounds, the
# README's key table); and the distribution and process examples of the reference,
# given to real keys, pass `neosim check` and run.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib.sh
LUA=${LUA:-lua5.4}

"$LUA" docs/render.lua >"$T_TMP/ref.md"
expect_rc_of() { if [ "$1" -eq 0 ]; then pass; else fail "$2"; fi; }
expect_rc_of $? "docs/render.lua runs"
if cmp -s "$T_TMP/ref.md" docs/scenario-reference.md; then pass; else
  fail "docs/scenario-reference.md differs from a fresh render: run make docs"
  diff docs/scenario-reference.md "$T_TMP/ref.md" | head -20
fi
# the command-line reference is the binary's own help texts
sh docs/cli.sh "$NEOSIM" >"$T_TMP/cli.md"
if cmp -s "$T_TMP/cli.md" docs/cli-reference.md; then pass; else
  fail "docs/cli-reference.md differs from the help texts of $NEOSIM: run make docs"
  diff docs/cli-reference.md "$T_TMP/cli.md" | head -20
fi
# the exponential sampler's tables are python3 tools/ziggurat.py's output
python3 tools/ziggurat.py >"$T_TMP/zig.h"
expect_rc_of $? "tools/ziggurat.py runs"
if cmp -s "$T_TMP/zig.h" sim/core/dist_ziggurat.h; then pass; else
  fail "sim/core/dist_ziggurat.h differs from python3 tools/ziggurat.py: run make tables"
fi
for cmd in run check merge compare report slurm rng; do
  grep -q "^## neosim $cmd\$" docs/cli-reference.md && pass || fail "cli reference: no section for $cmd"
done
grep -q '^### `tenants.<name>.arrivals_per_hour`$' docs/scenario-reference.md && pass ||
  fail "the reference lists tenants.<name>.arrivals_per_hour"

run "$LUA" tests/lua/run.lua test_reference
expect_rc 0 "tests/lua/test_reference.lua"
printf '%s\n' "$OUT" | grep '^FAIL' >&2

# every dist example as a job length, every process example as an arrival rate
scn=$T_TMP/examples.lua
{
  echo 'local neo = require("neo")'
  echo 'local t, n = {}, 0'
  sed -n 's/^- example: `\(neo\.dist\..*\)`$/n = n + 1; t["d" .. n] = { job_hours = \1 }/p' docs/scenario-reference.md
  sed -n 's/^- example: `\(neo\.process\..*\)`$/n = n + 1; t["p" .. n] = { arrivals_per_hour = \1 }/p' docs/scenario-reference.md
  cat <<'LUA'
local tenants = {}
for name, v in pairs(t) do
  tenants[name] = { kind = "on_demand", arrivals_per_hour = v.arrivals_per_hour or 0.5,
                    job_hours = v.job_hours or 1, price_gpu_hour = 2, queue = { patience_hours = 1 } }
end
return neo.scenario {
  name = "reference-examples", start = "2026-01-01", horizon_days = 60,
  skus = { h100 = { node_kw = 10.2 } }, sites = { dc1 = { power_mw = 5 } },
  fleet = { { site = "dc1", sku = "h100", nodes = 20 } }, tenants = tenants,
}
LUA
} >"$scn"
n=$(grep -c '^n = n + 1; t\["' "$scn")
[ "$n" -ge 20 ] && pass || fail "found only $n dist and process examples in the reference"
run "$NEOSIM" check "$scn"
expect_rc 0 "neosim check accepts every dist and process example"
run "$NEOSIM" run "$scn" --db "$T_TMP/ex.db" --quiet
expect_rc 0 "a scenario made of the examples runs"
expect_eq "$(sqlite3 "$T_TMP/ex.db" "select count(*) from metrics where name like '%.jobs' and value > 0")" "$n" \
  "every example's tenant gets jobs"
finish
