# tests/e2e/report.sh -- `neosim report`: the HTML page of a scenario with
# two sweep points, shocks, a market and every kind of tenant; a scenario
# without market or reserved tenants and one replication; text from the
# database escaped; the same page twice; usage and database errors; the
# page rendered by headless Chromium into a PNG that must not be blank.
. tests/lib.sh

db=$T_TMP/r.db
html=$T_TMP/r.html
count() { grep -o -- "$1" "$2" | wc -l | tr -d ' '; } # count PATTERN FILE: occurrences
has() { # has FILE FIXED-STRING what
  if grep -qF -- "$2" "$1"; then pass; else fail "$3: '$2' not in $1"; fi
}
hasnt() {
  if grep -qF -- "$2" "$1"; then fail "$3: '$2' in $1"; else pass; fi
}

# well-formed FILE: every element closed in order (void elements and
# <x/> aside), valid UTF-8; prints "ok" or the first problems.
wellformed() {
  python3 - "$1" <<'EOF'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.errors.append("line %d: </%s> closes <%s>" % (self.getpos()[0], tag, self.stack[-1] if self.stack else ""))
try:
    text = open(sys.argv[1], encoding="utf-8").read()
except UnicodeDecodeError as e:
    sys.exit(print("not UTF-8: %s" % e))
c = Check()
c.feed(text)
c.close()
if c.stack:
    c.errors.append("not closed: " + " ".join(c.stack))
if not text.startswith("<!DOCTYPE html>"):
    c.errors.append("no <!DOCTYPE html>")
print("\n".join(c.errors[:5]) or "ok")
EOF
}

# ---- a scenario with everything: 2 points x 6 replications, 2 years --------
run "$NEOSIM" run tests/e2e/scenarios/report.lua --db "$db" --reps 6 --quiet
expect_rc 0 "run the report scenario"
sha=$(sqlite3 "$db" "select sha256 from scenarios")
before=$(cksum <"$db")
run "$NEOSIM" report --db "$db" -o "$html"
expect_rc 0 "report"
expect_eq "$ERR" "" "report is silent on stderr"
expect_eq "$OUT" "" "report is silent on stdout"
expect_eq "$(cksum <"$db")" "$before" "the database is only read"
expect_eq "$(wellformed "$html")" ok "the page is well-formed"
expect_eq "$(count '<svg' "$html")" 14 \
  "14 charts: cash, revenue, utilisation, nodes, market h100, NPV for each of 2 points, cash and utilisation overlaid"
expect_eq "$(count '</svg>' "$html")" 14 "every chart closed"
expect_eq "$(count 'the median of every point</title>' "$html")" 2 "the medians of cash and utilisation in one chart each"
expect_match "$(sed -n '/Cash: the median of every point/,/<\/svg>/p' "$html" | grep -c '<path class="svg-line svg-s[01]')" "^2$" \
  "the cash overlay: a line for each of the 2 points"
for p in 0 1; do
  for t in "Cash" "Revenue by tenant kind" "Utilisation" "Nodes by state" "Market price h100" "NPV over replications"; do
    expect_eq "$(count "<title>$t, point $p</title>" "$html")" 1 "chart '$t, point $p'"
  done
done
for label in 'cash ($)' 'revenue ($ per month)' 'utilisation (% of installed GPU-hours)' 'market price ($ per GPU-hour)' \
  'NPV ($)' 'runs (count)' 'nodes (mean over the runs)'; do
  has "$html" ">$label</text>" "y axis label $label"
done
expect_eq "$(count '>date (monthly samples)</text>' "$html")" 12 "a date axis on each time chart"
# nodes by state: the 100 nodes bought, leased, busy or idle (none ordered,
# none retired); one site: no site lines
nodes=$(sed -n '/<title>Nodes by state, point 0<\/title>/,/<\/figure>/p' "$html")
for st in idle leased busy repairing; do
  expect_match "$(printf '%s\n' "$nodes" | grep -c "class=\"svg-legend\"[^>]*>$st</text>")" '^1$' "nodes: a line for $st"
done
expect_match "$(printf '%s\n' "$nodes" | grep -o 'never held: [a-z_, ]*')" 'ordered, in_transit, installing.*retired' \
  "nodes: the states never held named"
hasnt "$html" "(mean)</text>" "one site: no per-site utilisation line"
for legend in median 25-75% '5-95% of runs' reserved 'on demand' spot mean 'runs per bin' 'shock (from its hit to its end)'; do
  expect_match "$(grep -c "class=\"svg-legend\"[^>]*>$legend</text>" "$html")" '^[1-9]' "legend '$legend'"
done
expect_match "$(grep -c '>\$[0-9.]*M</text>' "$html")" '^[1-9]' "dollar ticks with M"
expect_match "$(grep -c '>[0-9]*%</text>' "$html")" '^[1-9]' "percent ticks"
expect_match "$(grep -c '>2026-01</text>' "$html")" '^[1-9]' "date ticks (the scenario starts 2025-01-01)"

# header and points
has "$html" "<h1>report-test</h1>" "scenario name"
has "$html" "$sha" "SHA-256"
has "$html" "<th>runs</th><td>12 done, 0 failed</td>" "runs done and failed"
has "$html" "<th>replications per point</th><td>6</td>" "replications per point"
has "$html" "2025-01-01 to 2027-01-01 (730 days)" "start and horizon"
has "$html" "finance.debt.1.principal=10000000" "point 0 swept value"
has "$html" "finance.debt.1.principal=20000000" "point 1 swept value"
has "$html" "latest done run finished $(sqlite3 "$db" "select datetime(max(finished_at), 'unixepoch') from runs") UTC" \
  "generation time is the latest run's"

# shocks: the dated one marked at its day in every run, the random one counted
expect_eq "$(count 'class="svg-spanlabel"[^>]*>price_war<' "$html")" 2 "price_war marked on both market charts"
has "$html" "<td>price_war</td><td>market_price x0.6 for 120 days</td><td class=\"num\">12 of 12</td>" "price_war row"
has "$html" "<td>2025-09-01</td><td>dated: the same day in every run</td>" "price_war is dated"
runs_hit=$(sqlite3 "$db" "select count(distinct run_id) from events where subject = 'demand_dip' and kind = 'shock'")
has "$html" "<td>demand_dip</td>" "demand_dip row"
has "$html" "<td class=\"num\">$runs_hit of 12</td>" "demand_dip: runs hit"
has "$html" "random: differs between runs" "demand_dip is random"

# statements by year: a table per point, two years from the start
has "$html" '<h2 id="statements">Financial statements by year</h2>' "statements section"
expect_eq "$(count '<th>year 1<br>from 2025-01</th>' "$html")" 2 "year 1 column of each point"
expect_eq "$(count '<th>year 2<br>from 2026-01</th>' "$html")" 2 "year 2 column of each point"
expect_eq "$(count '<code>bs.equity</code>' "$html")" 2 "equity line of each point"
expect_eq "$(count '<tr><td>runs</td><td class="num">6</td><td class="num">6</td></tr>' "$html")" 2 \
  "medians over the 6 runs of each point and year"
# a prepayment consumed to the last bill, and receivables collected, leave
# residues of 1e-8 in coreweave-2025's balance sheet: below a cent is $0
run "$NEOSIM" run scenarios/coreweave_2025.lua --db "$T_TMP/cw.db" --reps 2 --set horizon_days=400 --quiet
run "$NEOSIM" report --db "$T_TMP/cw.db" -o "$T_TMP/cw.html"
expect_rc 0 "coreweave-2025 report"
stmt=$(sed -n '/<h2 id="statements">/,/<h2 id="notes">/p' "$T_TMP/cw.html")
expect_eq "$(printf '%s' "$stmt" | grep -c '[0-9]e-[0-9]')" 0 "statements: no rounding residue shown"

hasnt "$html" '<h2 id="sensitivity">' "no design: no sensitivity section"
# payback: a histogram of the runs paid back, or why there is none, at each point
paid=$(sqlite3 "$db" "select r.point, count(m.value) from runs r join metrics m on m.run_id = r.id
  and m.name = 'payback_years' where r.status = 'done' group by r.point order by r.point" | tr '\n' ' ')
expect_eq "$(grep -o 'Payback over replications, point [0-9]</title>\|no run of point [0-9] paid back' "$html" |
  sed 's/.*point \([0-9]\).*/\1/' | tr '\n' ' ')" \
  "$(printf '%s' "$paid" | tr ' ' '\n' | awk -F'|' 'NF == 2 { printf "%s ", $1 }')" "payback: a chart or a message per point"
for pt in $paid; do
  p=${pt%|*} n=${pt#*|}
  if [ "$n" -gt 0 ]; then has "$html" "$n of 6 runs paid back" "payback at point $p: $n runs paid back"
  else has "$html" "no run of point $p paid back by the horizon" "payback at point $p: none"; fi
done

# a design of uncertain inputs: the sensitivity section, its bars in the order of the indices
run "$NEOSIM" run tests/e2e/uncertain/saltelli.lua --db "$T_TMP/sens.db" --quiet
run "$NEOSIM" report --db "$T_TMP/sens.db" -o "$T_TMP/sens.html"
expect_rc 0 "report of a saltelli design"
expect_eq "$(wellformed "$T_TMP/sens.html")" ok "saltelli: well-formed"
sec=$(sed -n '/<h2 id="sensitivity">/,/<\/svg>/p' "$T_TMP/sens.html")
expect_match "$sec" "Sobol indices of the npv's variance" "saltelli: Sobol bars"
expect_match "$sec" "3 of 3 base samples used \(30 runs\)" "saltelli: the units used"
expect_eq "$(printf '%s\n' "$sec" | grep -o 'text-anchor="end">[^<]*' | sed 's/.*>//' | tr '\n' ' ')" \
  "$("$NEOSIM" sensitivity --db "$T_TMP/sens.db" --metric npv --format csv |
     awk -F, '$3 == "ST" { print ($4 < 0 ? -$4 : $4), $2 }' | sort -g -r -s -k1,1 | awk '{ printf "%s ", $2 }')" \
  "saltelli: the inputs by ST, largest first"
expect_eq "$(printf '%s\n' "$sec" | grep -c '<rect class="svg-bar')" "6" "saltelli: S1 and ST of each input"
run "$NEOSIM" run tests/e2e/uncertain/lhs.lua --db "$T_TMP/lhs.db" --quiet
run "$NEOSIM" report --db "$T_TMP/lhs.db" -o "$T_TMP/lhs.html"
expect_rc 0 "report of an lhs design"
sec=$(sed -n '/<h2 id="sensitivity">/,/<\/svg>/p' "$T_TMP/lhs.html")
expect_match "$sec" "Tornado \(lhs/random design\)" "lhs: a tornado"
expect_eq "$(printf '%s\n' "$sec" | grep -c '<rect class="svg-bar')" "3" "lhs: a bar per input"

# a SKU released after the start: its index drawn from its release
run "$NEOSIM" run scenarios/reference_100k.lua --db "$T_TMP/ref.db" --reps 2 --set horizon_days=400 --quiet
run "$NEOSIM" report --db "$T_TMP/ref.db" -o "$T_TMP/ref.html"
expect_rc 0 "report of reference_100k"
has "$T_TMP/ref.html" "b200 released 2026-09-01: its index is drawn from then" "release: the caption says it"
hasnt "$T_TMP/ref.html" "h100 released" "a SKU released before the start: all of its index"
first=$(sed -n '/Market price b200, point 0/,/<\/svg>/p' "$T_TMP/ref.html" | grep -o '<path class="svg-line svg-s4" d="M[0-9.]*' | head -1 | sed 's/.*M//')
start=$(sed -n '/Market price h100, point 0/,/<\/svg>/p' "$T_TMP/ref.html" | grep -o '<path class="svg-line svg-s4" d="M[0-9.]*' | head -1 | sed 's/.*M//')
awk -v a="$first" -v b="$start" 'BEGIN { exit !(a > b + 100) }' && pass ||
  fail "release: b200's line begins at x $first, h100's at $start (8 months earlier)"

# a shock of a site (power price at dallas) hits no market index: listed, not shaded
expect_eq "$(sqlite3 "$T_TMP/ref.db" "select count(*) > 0 from events e join runs r on r.id = e.run_id
  where r.point = 0 and r.replication = 0 and e.kind = 'shock' and e.subject = 'shocks[5]'")" "1" \
  "reference_100k: the representative run has the site's shock"
expect_eq "$(count 'class="svg-spanlabel"[^>]*>shocks\[5\]<' "$T_TMP/ref.html")" 0 "a site's shock: on no market chart"
has "$T_TMP/ref.html" "<td>shocks[5]</td>" "a site's shock: in the table of shocks"

# two sites, one losing nodes: each site's utilisation as a dashed line; the
# failed nodes on the nodes chart
run "$NEOSIM" run tests/e2e/scenarios/site_lost.lua --db "$T_TMP/lost.db" --quiet
run "$NEOSIM" report --db "$T_TMP/lost.db" -o "$T_TMP/lost.html"
expect_rc 0 "report of a site losing nodes"
util=$(sed -n '/<title>Utilisation, point 0<\/title>/,/<\/figure>/p' "$T_TMP/lost.html")
for site in ground orbit; do
  expect_match "$(printf '%s\n' "$util" | grep -c "class=\"svg-legend\"[^>]*>$site (mean)</text>")" '^1$' "site line $site"
done
expect_eq "$(printf '%s\n' "$util" | grep -c '<path class="svg-line svg-dashed svg-s[34]"')" "2" "two dashed site lines"
expect_match "$util" "each site&#39;s mean utilisation, on the nodes it had installed" "site lines: the caption"
expect_match "$(sed -n '/<title>Nodes by state, point 0<\/title>/,/<\/figure>/p' "$T_TMP/lost.html")" \
  'svg-legend[^>]*>failed</text>' "nodes: the failed nodes drawn"

# own use valued: the NPV histograms are of npv_with_internal
run "$NEOSIM" run tests/validation/internal_process.lua --db "$T_TMP/own.db" --reps 2 --quiet
run "$NEOSIM" report --db "$T_TMP/own.db" -o "$T_TMP/own.html"
expect_rc 0 "report of a scenario with own use"
has "$T_TMP/own.html" '<h2 id="npv">NPV distribution, own use valued</h2>' "own use: the section says so"
has "$T_TMP/own.html" '>npv_with_internal ($)</text>' "own use: the histogram's axis"
hasnt "$html" 'own use valued' "no own use: npv's histogram"

# self-contained: nothing fetched
expect_eq "$(grep -ci 'http' "$html")" 0 "no http references"
for bad in '<script' '<link' '<img' ' src=' 'url(' '@import' '@font-face'; do
  hasnt "$html" "$bad" "self-contained: no $bad"
done

# deterministic: the same database, the same page
run "$NEOSIM" report --db "$db" -o "$T_TMP/again.html"
if cmp -s "$html" "$T_TMP/again.html"; then pass; else fail "the same database gives another page"; fi
run "$NEOSIM" report --db "$db" --output=-
expect_rc 0 "report to standard output"
expect_eq "$OUT" "$(cat "$html")" "-o - writes the same page"

# ---- one replication, no market, no reserved or spot tenants -----------------
db1=$T_TMP/one.db
run "$NEOSIM" run scenarios/erlang_b.lua --db "$db1" --reps 1 --set horizon_days=90 --quiet
expect_rc 0 "run erlang_b once"
run "$NEOSIM" report --db "$db1" -o "$T_TMP/one.html"
expect_rc 0 "report of one replication"
expect_eq "$(wellformed "$T_TMP/one.html")" ok "one replication: well-formed"
expect_eq "$(count '<svg' "$T_TMP/one.html")" 14 \
  "one replication: cash, revenue, utilisation, nodes for 3 points, and the two overlays"
has "$T_TMP/one.html" "no market price series (the scenario has no market index)" "no market: a message"
expect_eq "$(count 'one replication: NPV \$' "$T_TMP/one.html")" 3 "one replication: a message per point for NPV"
has "$T_TMP/one.html" "cash (one replication: no band)" "one replication: cash without band"
has "$T_TMP/one.html" "no reserved revenue, no spot revenue" "kinds without revenue named"
has "$T_TMP/one.html" "No shock hit any run" "no shocks: said"
expect_eq "$(count 'class="svg-band' "$T_TMP/one.html")" 0 "one replication: no bands"
expect_eq "$(count 'one replication: payback' "$T_TMP/one.html")" 3 "one replication: a message per point for payback"
run "$NEOSIM" run scenarios/erlang_b.lua --db "$T_TMP/three.db" --reps 3 --set horizon_days=90 --quiet
run "$NEOSIM" report --db "$T_TMP/three.db" -o "$T_TMP/three.html"
expect_eq "$(count 'Payback over replications, point [0-9]</title>' "$T_TMP/three.html")" 3 "payback: a histogram per point"
expect_eq "$(count '3 of 3 runs paid back, median 0 years; 0 never by the horizon' "$T_TMP/three.html")" 3 \
  "payback: runs never below zero pay back at 0"

# ---- text from the database is escaped ----------------------------------------
cp "$db" "$T_TMP/esc.db"
sqlite3 "$T_TMP/esc.db" "update scenarios set name = '<b>x&y</b>', path = '\"><script>';
  update runs set scenario = '<b>x&y</b>';
  update params set value = '<i>a''b</i>' where name = 'finance.debt.1.principal' and value = 2e7;
  update events set subject = '<u>war</u>' where subject = 'price_war';
  update runs set status = 'failed', error = '<boom> & co' where point = 1 and replication = 0"
run "$NEOSIM" report --db "$T_TMP/esc.db" --scenario '<b>x&y</b>' -o "$T_TMP/esc.html"
expect_rc 0 "report of a scenario named with markup"
has "$T_TMP/esc.html" "<h1>&lt;b&gt;x&amp;y&lt;/b&gt;</h1>" "name escaped in the heading"
has "$T_TMP/esc.html" "<title>neosim report: &lt;b&gt;x&amp;y&lt;/b&gt;</title>" "name escaped in the title"
has "$T_TMP/esc.html" "finance.debt.1.principal=&lt;i&gt;a&#39;b&lt;/i&gt;" "param value escaped"
has "$T_TMP/esc.html" ">&lt;u&gt;war&lt;/u&gt;</text>" "shock name escaped in the chart"
has "$T_TMP/esc.html" "&quot;&gt;&lt;script&gt;" "path escaped"
has "$T_TMP/esc.html" "<th>runs</th><td>11 done, 1 failed</td>" "a failed run counted"
has "$T_TMP/esc.html" "<td class=\"num\">1</td><td>&lt;boom&gt; &amp; co</td>" "its error listed, escaped"
for raw in '<b>' '<i>' '<u>' '<script' '<boom>'; do hasnt "$T_TMP/esc.html" "$raw" "no raw $raw"; done
expect_eq "$(wellformed "$T_TMP/esc.html")" ok "escaped page well-formed"

# no done run at all: the header, the errors, no chart
cp "$db" "$T_TMP/failed.db"
sqlite3 "$T_TMP/failed.db" "update runs set status = 'failed', error = 'boom'"
run "$NEOSIM" report --db "$T_TMP/failed.db" -o "$T_TMP/failed.html"
expect_rc 0 "report of a version whose runs all failed"
expect_eq "$(count '<svg' "$T_TMP/failed.html")" 0 "all failed: no chart"
has "$T_TMP/failed.html" "No run of this version is done: there is nothing to chart." "all failed: said"
has "$T_TMP/failed.html" "<td class=\"num\">12</td><td>boom</td>" "all failed: the error and its count"
expect_eq "$(wellformed "$T_TMP/failed.html")" ok "all failed: well-formed"

# ---- errors: exit 2, one line naming the file, no page written --------------
nopage=$T_TMP/none.html
expect_error() { # expect_error REGEX what: the last run failed as it should
  expect_rc 2 "$2"
  expect_match "$ERR" "$1" "$2: message"
  expect_lines "$ERR" 1 "$2: one line"
  if [ -e "$nopage" ]; then fail "$2: a page was written"; else pass; fi
}
run "$NEOSIM" report --db "$T_TMP/missing.db" -o "$nopage"
expect_error "^neosim: report: open '$T_TMP/missing.db': " "missing database"
if [ -e "$T_TMP/missing.db" ]; then fail "a missing database is not created"; else pass; fi
sqlite3 "$T_TMP/other.db" "create table t (x); insert into t values (1)"
run "$NEOSIM" report --db "$T_TMP/other.db" -o "$nopage"
expect_error "^neosim: report: open '$T_TMP/other.db': not a neosim results database" "not a neosim database"
echo "hello" >"$T_TMP/text.db"
run "$NEOSIM" report --db "$T_TMP/text.db" -o "$nopage"
expect_error "^neosim: report: open '$T_TMP/text.db': " "a text file"
run "$NEOSIM" report --db "$db" --scenario nope -o "$nopage"
expect_error "^neosim: report: $db: no runs of a scenario named or with SHA-256 starting 'nope'" "unknown --scenario"
run "$NEOSIM" report --db "$db"
expect_error "^neosim: report: -o FILE.html is required" "missing -o"
mkdir -p "$T_TMP/empty"
run sh -c "cd '$T_TMP/empty' && '$NEOSIM' report -o page.html"
expect_error "^neosim: report: open 'results/neosim.db': " "no --db and no results/neosim.db here"
run "$NEOSIM" report --db "$db" -o "$nopage" --frob
expect_error "^neosim: report: unknown option '--frob'" "unknown option"
run "$NEOSIM" report --db "$db" -o "$nopage" extra
expect_error "^neosim: report: unexpected argument 'extra'" "extra argument"
run "$NEOSIM" report --db "$db" -o
expect_error "option -o needs a value" "-o without a value"
run "$NEOSIM" report --db "$db" -o "$db"
expect_error "^neosim: report: '$db' is the database" "-o is the database"
expect_eq "$(cksum <"$db")" "$before" "-o the database: left alone"
run "$NEOSIM" report --db "$db" -o "$T_TMP/no/such/dir/r.html"
expect_error "^neosim: report: cannot write '$T_TMP/no/such/dir/r.html': " "output folder missing"
# two versions: the choice is asked for, then made by SHA-256 prefix
"$NEOSIM" run tests/e2e/scenarios/report.lua --db "$db" --reps 1 --set horizon_days=60 --quiet
run "$NEOSIM" report --db "$db" -o "$nopage"
expect_rc 2 "two versions"
expect_match "$ERR" "^neosim: report: $db holds 2 scenario versions; choose one with --scenario" "two versions: message"
expect_match "$ERR" "report-test +$(printf %.12s "$sha")" "two versions: listed"
if [ -e "$nopage" ]; then fail "two versions: a page was written"; else pass; fi
run "$NEOSIM" report --db "$db" --scenario "$(printf %.8s "$sha")" -o "$T_TMP/pick.html"
expect_rc 0 "--scenario SHA-prefix"
has "$T_TMP/pick.html" "$sha" "--scenario SHA-prefix: that version"
run "$NEOSIM" help report
expect_match "$OUT" '^usage: neosim report \[--db FILE\]' "help report"

# ---- rendered by headless Chromium: a PNG that is not blank ------------------
# shot HTML PNG: a 1200 x 4000 screenshot of the page
shot() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$T_TMP/chromium" \
    --window-size=1200,4000 --screenshot="$2" "file://$1" >"$T_TMP/chromium.log" 2>&1
}
# ok_stats STATS: the thresholds a page with charts passes and a blank one cannot
ok_stats() {
  printf '%s\n' "$1" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { exit !(v["width"] == 1200 && v["colours"] >= 200 && v["nonwhite"] >= 0.03 && v["rows"] >= 0.3 &&
                 v["1f77b4"] >= 300 && v["d62728"] >= 300 && v["2ca02c"] >= 300 && v["9467bd"] >= 300) }'
}
colours="1f77b4 d62728 2ca02c 9467bd" # the chart colours of cash, on demand, utilisation, market
if shot "$html" "$T_TMP/r.png"; then pass; else fail "chromium screenshot (exit $?): $(tail -n 5 "$T_TMP/chromium.log")"; fi
# shellcheck disable=SC2086
stats=$(python3 tests/png_stats.py "$T_TMP/r.png" $colours)
echo "report page PNG: $stats"
if ok_stats "$stats"; then pass; else fail "the rendered page looks blank or chartless: $stats"; fi
# the same thresholds tell a blank page apart
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n' >"$T_TMP/blank.html"
if shot "$T_TMP/blank.html" "$T_TMP/blank.png"; then pass; else fail "chromium screenshot of a blank page"; fi
# shellcheck disable=SC2086
blank=$(python3 tests/png_stats.py "$T_TMP/blank.png" $colours)
echo "blank page PNG: $blank"
if ok_stats "$blank"; then fail "a blank page passes the thresholds: $blank"; else pass; fi

# the database defaults to results/neosim.db, as for run and compare
mkdir -p "$T_TMP/here"
scn=$(pwd)/scenarios/erlang_b.lua
(cd "$T_TMP/here" && "$NEOSIM" run "$scn" --reps 1 --set horizon_days=60 --quiet) >/dev/null 2>&1
run sh -c "cd '$T_TMP/here' && '$NEOSIM' report -o page.html"
expect_rc 0 "report without --db reads results/neosim.db"
expect_match "$(cat "$T_TMP/here/page.html" 2>/dev/null | head -c 2000)" "erlang-b-check" "the default database's page"

# Past 1000 done runs the series are read in two threads, each point by one
# of them: the page is the same byte for byte as read by one thread.
syn=$T_TMP/syn.db
sqlite3 "$syn" ".read results/schema.sql"
sqlite3 "$syn" ".parameter set :name 'syn'" ".parameter set :sha '$(printf syn | sha256sum | cut -c1-64)'" \
  ".parameter set :base 0" ".parameter set :points 3" ".parameter set :reps 400" ".read tests/bench/analysis.sql"
run env NEOSIM_READ_THREADS=1 "$NEOSIM" report --db "$syn" -o "$T_TMP/one.html"
expect_rc 0 "report in one thread"
run env NEOSIM_READ_THREADS=2 "$NEOSIM" report --db "$syn" -o "$T_TMP/two.html"
expect_rc 0 "report in two threads"
if cmp -s "$T_TMP/one.html" "$T_TMP/two.html"; then pass; else fail "one thread and two give other pages"; fi
expect_match "$(cat "$T_TMP/two.html")" "<td>1188 done, 12 failed</td>" "every run counted"
finish
