# tests/e2e/shipped.sh -- every shipped scenario validates, begins with a
# comment giving its question, its measured results and the figures it uses,
# runs (shortened, few replications) without a failed run, and shows the
# direction its headline claims.
. tests/lib.sh
db=$T_TMP/s.db
avg() { sqlite3 "$db" "select avg(m.value) from metrics m join runs r on r.id = m.run_id
                       where r.scenario = '$1' and r.point = $2 and m.name = '$3'"; }
gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

for f in scenarios/*.lua; do
  run "$NEOSIM" check "$f"
  expect_rc 0 "check $f"
  head=$(awk '!/^--/ { exit } { print }' "$f")
  for part in '^-- Question: ' '^-- Results \(.*replication' '^-- Figures'; do
    printf '%s\n' "$head" | grep -Eq "$part" && pass || fail "$f: its opening comment has no /$part/ paragraph"
  done
  # the figures cite the project's own sources: docs/sources.md, by its sections
  figs=$(printf '%s\n' "$head" | awk '/^-- Figures/ { on = 1 } on && /^--$/ { exit } on { print }')
  case "$figs" in *"none needed"*) ;; *)
    expect_match "$figs" "docs/sources\.md" "$f: its figures cite docs/sources.md" ;;
  esac
  printf '%s\n' "$figs" | sed 's/^-- *//' | tr '\n' ' ' | grep -o '"[^"]*"' | tr -d '"' | while read -r sec; do
    grep -qxF "## $sec" docs/sources.md || echo "$sec"
  done >"$T_TMP/missing"
  expect_eq "$(cat "$T_TMP/missing")" "" "$f: every section it cites is in docs/sources.md"
done
# a clone holds everything the project cites
expect_eq "$(grep -rln '\.\./shared' scenarios lua docs results README.md | tr '\n' ' ')" "" "nothing cites outside the project"
# short runs: name horizon
for sh in erlang_b:60 mm1:60 colossus1_lease:90 coreweave_2025:90 h100_price_collapse:120 hbm_shock:400 \
          orbital_2035:365 reference_100k:90 bust_cycle:120 scale_1m:60 what_drives_npv:365 \
          order_and_markup:120; do
  f=${sh%%:*} h=${sh#*:}
  run "$NEOSIM" run "scenarios/$f.lua" --db "$db" --reps 2 --set horizon_days="$h" --quiet
  expect_rc 0 "run $f for $h days"
done
expect_eq "$(sqlite3 "$db" "select count(*) from runs where status != 'done'")" "0" "no failed runs"

# colossus: the reported lease beats a cheaper lease, which beats keeping the site
c0=$(avg colossus1-lease 0 npv) c2=$(avg colossus1-lease 2 npv) c3=$(avg colossus1-lease 3 npv)
gt "$c0" "$c2" && gt "$c2" "$c3" && pass || fail "colossus npv by point: $c0 $c2 $c3"
gt "$(avg colossus1-lease 3 internal_value_total)" "$(avg colossus1-lease 0 internal_value_total)" && pass ||
  fail "keeping the site values own use"
# coreweave: one tenant carries about two thirds of revenue
s=$(avg coreweave-2025 0 largest_tenant_share)
gt "$s" 0.5 && gt 0.8 "$s" && pass || fail "coreweave concentration $s"
# h100 collapse: leverage changes cash and the equity's npv, not npv_unlevered
expect_eq "$(avg h100-price-collapse 0 npv_unlevered)" "$(avg h100-price-collapse 2 npv_unlevered)" \
  "npv_unlevered does not depend on leverage"
[ "$(avg h100-price-collapse 0 npv)" != "$(avg h100-price-collapse 2 npv)" ] && pass || fail "npv depends on leverage"
gt "$(avg h100-price-collapse 0 cash_end)" "$(avg h100-price-collapse 2 cash_end)" && pass || fail "more debt, less cash"
# hbm: the policy orders B200 nodes; the shock is recorded
n=$(sqlite3 "$db" "select count(*) from events e join runs r on r.id = e.run_id where r.scenario = 'hbm-shock' and e.kind = 'order'")
gt "$n" 0 && pass || fail "hbm orders ($n)"
expect_eq "$(sqlite3 "$db" "select count(distinct e.run_id) from events e join runs r on r.id = e.run_id
                           where r.scenario = 'hbm-shock' and e.kind = 'shock' and e.subject = 'hbm_lead_time'")" "12" "hbm shock recorded in every run"
# orbital: nodes are lost in orbit only
expect_eq "$(avg orbital-2035 0 nodes_lost)" "0.0" "no losses on the ground"
gt "$(avg orbital-2035 1 nodes_lost)" 0 && pass || fail "orbit loses nodes"

# the two textbook scenarios over their whole horizon (cheap): no node retires
# before the end, so the queueing results their headers state can hold
full=$T_TMP/full.db
run "$NEOSIM" run scenarios/erlang_b.lua --db "$full" --reps 2 --quiet
expect_rc 0 "erlang_b over ten years"
run "$NEOSIM" run scenarios/mm1.lua --db "$full" --quiet
expect_rc 0 "mm1 over its horizon"
fq() { sqlite3 "$full" "select avg(m.value) from metrics m join runs r on r.id = m.run_id
                        where r.scenario = '$1' and r.point = $2 and m.name = '$3'"; }
expect_eq "$(fq erlang-b-check 2 nodes)" "10.0" "erlang_b keeps its 10 nodes"
b=$(fq erlang-b-check 0 od.blocked_fraction)
near "$b" 0.0184 0.002 && pass || fail "erlang_b blocked fraction at a = 5: $b, Erlang B 0.0184"
expect_eq "$(fq mm1 0 nodes)" "1.0" "mm1 keeps its node"
w=$(fq mm1 0 od.wait_mean_hours)
near "$w" 9 1 && pass || fail "mm1 mean wait $w hours, theory 9"

# the bust cycle over its horizon, 40 replications: with the common factor the mean index and
# the jobs move together (Pearson r, 95% interval by Fisher's z, above 0.9) and defaults move
# against them (interval below 0); drawn independently, both intervals hold 0
run "$NEOSIM" run scenarios/bust_cycle.lua --db "$full" --reps 40 --quiet
expect_rc 0 "bust_cycle over its horizon"
pairs() { # pairs POINT WHAT: per replication, the mean H100 index and od.jobs or tenant defaults
  sqlite3 -separator ' ' "$full" "select (select avg(s.value) from series s where s.run_id = r.id and s.name = 'market.h100'),
    $2 from runs r where r.scenario = 'bust-cycle' and r.point = $1"
}
J="(select m.value from metrics m where m.run_id = r.id and m.name = 'od.jobs')"
D="(select count(*) from events e where e.run_id = r.id and e.kind = 'tenant_default')"
S="lua5.4 tests/validation/stats.lua"
set -- $(pairs 0 "$J" | $S corr)
echo "bust cycle, common factor: index and jobs r = $2 [$3, $4]"
gt "$3" 0.9 && pass || fail "common factor: index and jobs r = $2 [$3, $4]"
set -- $(pairs 0 "$D" | $S corr)
echo "bust cycle, common factor: index and defaults r = $2 [$3, $4]"
gt 0 "$4" && pass || fail "common factor: index and defaults r = $2 [$3, $4]"
for w in "$J" "$D"; do
  set -- $(pairs 1 "$w" | $S corr)
  echo "bust cycle, independent: r = $2 [$3, $4]"
  gt 0 "$3" && gt "$4" 0 && pass || fail "independent cycles: r = $2 [$3, $4] excludes 0"
done
# what drives npv: the rent's start explains more of the npv's variance than the interest rate
st() { sqlite3 "$db" "select st from sobol y join scenarios s on s.sha256 = y.scenario_sha256
                     where s.name = 'what-drives-npv' and y.metric = 'npv' and y.input = '$1'"; }
gt "$(st market.h100.start)" "$(st finance.debt.1.rate)" && pass ||
  fail "what drives npv: ST of the rent's start $(st market.h100.start), of the rate $(st finance.debt.1.rate)"
finish
