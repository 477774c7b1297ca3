# tests/e2e/long_names.sh -- names of any length count whole: two tenants
# whose names differ only after 600 characters draw from different random
# streams (a stream name was cut to 511 bytes, so they drew the same jobs),
# and `compare --scenario NAME` takes the latest of two versions of a
# scenario whose name is 300 characters long, as for a short name (the
# name was compared cut to 255 bytes, so it asked to choose), and compare
# prints metric names whole.
. tests/lib.sh
cat >"$T_TMP/names.lua" <<'LUA'
local neo = require("neo")
local long = "t" .. string.rep("x", 600)
local od = { kind = "on_demand", sku = "h100", arrivals_per_hour = 2.0, job_nodes = 1,
  job_hours = neo.dist.exponential { mean = 1.0 }, queue = "reject", price_gpu_hour = 2.0 }
return neo.scenario {
  name = string.rep("n", 300), start = "2026-01-01", horizon_days = 30, seed = 1, replications = 1,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 4 } },
  tenants = { [long .. "1"] = od, [long .. "2"] = od },
}
LUA
db=$T_TMP/n.db
run "$NEOSIM" run "$T_TMP/names.lua" --db "$db" --quiet -j 1
expect_rc 0 "run"
jobs=$(sqlite3 "$db" "select group_concat(value, ' ') from (select value from metrics
  where name like 't%.jobs' order by name)")
expect_match "$jobs" "^[0-9.]+ [0-9.]+$" "both tenants have a job count"
if [ "${jobs% *}" != "${jobs#* }" ]; then pass; else fail "the two tenants drew the same jobs: $jobs"; fi

name=$(printf '%300s' '' | tr ' ' n)
run "$NEOSIM" run "$T_TMP/names.lua" --db "$db" --quiet -j 1 --set horizon_days=20
expect_rc 0 "a second version"
run "$NEOSIM" compare --db "$db" --scenario "$name" --metric revenue_total
expect_rc 0 "compare --scenario with a 300-character name"
expect_match "$ERR" "note: .* holds 2 versions of 'n+'; using the latest" "the latest version, with a note"

# compare --format csv gives each metric's whole name (cells were cut to 95 bytes)
x=$(printf '%600s' '' | tr ' ' x)
run "$NEOSIM" compare --db "$db" --scenario "$name" --metric 't*.jobs' --format csv
expect_rc 0 "compare --format csv"
for t in 1 2; do
  expect_eq "$(printf '%s\n' "$OUT" | grep -c "^0,t$x$t\.jobs,")" 1 "tenant $t's metric named whole in csv"
done
finish
