# tests/e2e/escapes.sh -- no string of a scenario, a --set value, a path or
# a database reaches the terminal as a control: check, run, compare (table,
# md, csv), report, merge and slurm show swept values, names, errors and
# what scenario code prints in their escaped form (sim/core/text.h:
# \x1b, \x07, \x00, \xc2\x9b, \n ...), and not one ESC, BEL, NUL or C1 CSI
# byte is written.  A NUL in an error no longer cuts what follows it, in
# runs.error as on stderr; strings that C would read cut at a NUL are
# refused (names, values, source files).
. tests/lib.sh

# raw BYTES...: how many ESC, BEL, NUL and 0x9b (C1 CSI) bytes stdout and stderr hold
raw() { cat "$T_TMP/out" "$T_TMP/err" | tr -dc '\033\007\000\233' | wc -c | tr -d ' '; }
no_raw() { # no_raw WHAT
  n=$(raw)
  if [ "$n" -eq 0 ]; then pass; else fail "$1: $n raw control bytes on stdout and stderr"; fi
}
pwned='\\x1b\]0;pwned\\x07\\x1b\[2J' # the escaped form, as a grep -E pattern

cat >"$T_TMP/sweep.lua" <<'LUA'
local neo = require("neo")
return neo.scenario {
  name = "escapes", start = "2026-01-01", horizon_days = 30, seed = 1, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 4 } },
  tenants = { od = { kind = "on_demand", arrivals_per_hour = 2, job_hours = 1, price_gpu_hour = 2 } },
  policies = { params = { tag = "plain" } },
  sweep = { ["policies.params.tag"] = { "plain", "\27]0;pwned\7\27[2J", "\194\155" .. "31m \255 caf\195\169\nline 2" } },
}
LUA

# check: the resolved summary
run "$NEOSIM" check "$T_TMP/sweep.lua"
expect_rc 0 "check"
no_raw "check"
expect_match "$OUT" "^point 1: .*policies\.params\.tag=$pwned$" "check shows the swept value escaped"
expect_match "$OUT" "^point 2: .*tag=\\\\xc2\\\\x9b31m \\\\xff café\\\\nline 2$" \
  "check: a C1 control, a byte that is not UTF-8 and a newline escaped, é kept"

# run: the summary and its hint, into a database whose path holds an escape
db=$T_TMP/$(printf 'r\033[2Jx').db
run "$NEOSIM" run "$T_TMP/sweep.lua" --db "$db" -j 1
expect_rc 0 "run"
no_raw "run"
expect_match "$OUT" "^ +1 +2 +0 .*tag=$pwned$" "run's summary shows the swept value escaped"
expect_match "$OUT" "results in .*/r\\\\x1b\[2Jx\.db \(scenario 'escapes'" "run's hint shows the path escaped"
expect_eq "$(sqlite3 "$db" "select count(*) from runs where status = 'done'")" 6 "the runs are done"

# compare, three formats: swept values (and metric names) are cells
for f in table md csv; do
  run "$NEOSIM" compare --db "$db" --format $f
  expect_rc 0 "compare --format $f"
  no_raw "compare --format $f"
  expect_match "$OUT" "$pwned" "compare --format $f shows the swept value escaped"
done
expect_match "$OUT" "^1,$pwned,revenue_total," "csv: the escaped value is one plain cell"
expect_match "$OUT" "^2,\\\\xc2\\\\x9b31m \\\\xff café\\\\nline 2,revenue_total," "csv: one line, é kept"

# a crafted database: a metric named with escapes (a tenant's name cannot hold them)
sqlite3 "$db" "insert into metrics (run_id, name, value) select id, 'od' || char(27) || ']0;pwned'
  || char(7) || char(27) || '[2J.jobs', 1 from runs"
for f in table csv; do
  run "$NEOSIM" compare --db "$db" --metric 'od*' --format $f
  expect_rc 0 "compare of a crafted metric name, $f"
  no_raw "compare of a crafted metric name, $f"
  expect_match "$OUT" "od$pwned\.jobs" "compare --format $f shows the metric name escaped"
done

# report: the page holds no control character, and says the value escaped
run "$NEOSIM" report --db "$db" -o "$T_TMP/r.html"
expect_rc 0 "report"
no_raw "report's messages"
n=$(tr -dc '\033\007\000\233' <"$T_TMP/r.html" | wc -c | tr -d ' ')
expect_eq "$n" 0 "raw control bytes in the report's page"
if grep -q 'tag=\\x1b\]0;pwned\\x07\\x1b\[2J' "$T_TMP/r.html"; then pass; else fail "the page shows the value escaped"; fi

# merge: its summary names the output, whose path holds an escape
out=$T_TMP/$(printf 'm\033]0;t\007').db
run "$NEOSIM" merge "$out" "$db"
expect_rc 0 "merge"
no_raw "merge"
expect_match "$OUT" "^merged 1 file into .*/m\\\\x1b\]0;t\\\\x07\.db: 6 runs added" "merge shows the path escaped"

# slurm: a script cannot carry a control character in a word; refused, said escaped
run "$NEOSIM" slurm "$T_TMP/sweep.lua" --tasks 2 --set "description=$(printf 'a\033[2Jb')"
expect_rc 2 "slurm with an escape in a --set value"
no_raw "slurm"
expect_match "$ERR" "^neosim: slurm: --set 'description=a\\\\x1b\[2Jb' holds control characters" "slurm names it"
expect_eq "$OUT" "" "slurm printed no script"

# what scenario code prints, and a policy's error with an escape and a NUL
cat >"$T_TMP/policy.lua" <<'LUA'
local neo = require("neo")
print("\27]0;pwned\7\27[2J", "\0", "\155")
return neo.scenario {
  name = "escapes-policy", start = "2026-01-01", horizon_days = 30, seed = 1, replications = 2,
  skus = { h100 = { node_kw = 10 } }, sites = { dc = { power_mw = 1 } },
  fleet = { { site = "dc", sku = "h100", nodes = 4 } },
  policies = { review_every_days = 7,
               procurement = function(state) error("\27]0;pwned\7\27[2J\0after the NUL", 0) end },
}
LUA
run "$NEOSIM" check "$T_TMP/policy.lua"
expect_rc 0 "check of a scenario that prints"
no_raw "print"
expect_match "$ERR" "^$pwned	\\\\x00	\\\\x9b$" "print shows escapes, its tabs kept"
db2=$T_TMP/p.db
run "$NEOSIM" run "$T_TMP/policy.lua" --db "$db2" -j 1 --quiet
expect_rc 1 "run of a failing policy"
no_raw "a policy's error"
expect_match "$ERR" "^neosim: 2 runs failed; first: .*: ${pwned}\\\\x00after the NUL$" "the printed error, whole"
expect_eq "$(sqlite3 "$db2" "select count(*) from runs where error like '%\\x00after the NUL'")" 2 \
  "the stored errors keep what follows the NUL"
n=$(sqlite3 "$db2" "select error from runs" | tr -dc '\033\007\000' | wc -c | tr -d ' ')
expect_eq "$n" 0 "raw control bytes in runs.error"

# a source file with a NUL byte: C read it, and hashed its version, up to the NUL
printf 'local neo = require("neo")\n-- \000 x\nreturn 1\n' >"$T_TMP/nul.lua"
run "$NEOSIM" check "$T_TMP/nul.lua"
expect_rc 2 "a file with a NUL byte"
expect_match "$ERR" "^neosim: .*/nul\.lua: a NUL byte at byte 31: Lua files are text" "refused, with where"
finish
