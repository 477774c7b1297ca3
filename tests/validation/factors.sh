# tests/validation/factors.sh -- common factors (issue 17): a factor that
# scales demand and the market index correlates them across replications
# (Pearson's r with its 95% interval by Fisher's z, tests/validation/
# stats.lua corr), an independent process does not; a factor keeps its
# path whatever the sweep changes (its own stream); a regime factor mapped
# to levels switches with the factor; bad references are named.
. tests/lib.sh
db=$T_TMP/f.db
S="lua5.4 tests/validation/stats.lua"
run "$NEOSIM" run tests/validation/factors.lua --db "$db" --quiet -j 2
expect_rc 0 "factors runs"
pairs() { sqlite3 -separator ' ' "$db" "select (select avg(s.value) from series s where s.run_id = r.id
  and s.name = 'market.h100'), (select m.value from metrics m where m.run_id = r.id and m.name = 'od.jobs')
  from runs r where r.scenario = 'validation-factors' and r.point = $1 order by r.replication"; }
set -- $(pairs 0 | $S corr)
echo "with the factor: n = $1, r = $2, 95% CI [$3, $4]"
awk -v lo="$3" 'BEGIN { exit !(lo > 0.9) }' && pass || fail "demand and price with a common factor: r = $2 [$3, $4], expected near 1 (the interval above 0.9)"
set -- $(pairs 1 | $S corr)
echo "independent: n = $1, r = $2, 95% CI [$3, $4]"
awk -v lo="$3" -v hi="$4" 'BEGIN { exit !(lo < 0 && hi > 0) }' && pass ||
  fail "demand and price independent: r = $2 [$3, $4], expected near 0 (the interval around 0)"
expect_eq "$(sqlite3 "$db" "select count(*) from series a join runs ra on ra.id = a.run_id join runs rb
  on rb.scenario = ra.scenario and rb.replication = ra.replication and rb.point = 1 join series b
  on b.run_id = rb.id and b.name = a.name and b.t_days = a.t_days where ra.point = 0 and a.name = 'market.h100'
  and a.value = b.value")" "1440" "the factor's path is the same in both points, replication by replication (60 x 24 months)"

run "$NEOSIM" run tests/validation/factors_regime.lua --db "$db" --quiet
expect_rc 0 "factors_regime runs"
expect_eq "$(sqlite3 "$db" "select count(*), sum(a.value = b.value), count(distinct a.value) from series a
  join series b on b.run_id = a.run_id and b.t_days = a.t_days and b.name = 'market.a100'
  where a.name = 'market.h100'")" "120|120|2" "a mapped regime factor: the A100 index equals the H100's, month by month"

# hazards that vary: defaults follow the risk (hazards.lua)
run "$NEOSIM" run tests/validation/hazards.lua --db "$db" --quiet -j 2
expect_rc 0 "hazards runs"
H="from events e join runs r on r.id = e.run_id where r.scenario = 'validation-hazards' and e.kind = 'tenant_default'"
expect_eq "$(sqlite3 "$db" "select count(*) $H and r.point = 0 and e.t_days < 181")" "0" "no default while the hazard is 0"
f=$(sqlite3 "$db" "select count(*) / 1000.0 $H and r.point = 0")
awk -v f="$f" 'BEGIN { p = 1 - exp(-2 * 184 / 365.25); h = 3.29 * sqrt(p * (1 - p) / 1000)
  printf "defaulted by day 365: %.4f of 1000, closed form %.4f +- %.4f\n", f, p, h; d = f - p; if (d < 0) d = -d
  exit !(d <= h) }' && pass || fail "defaults by day 365 with a hazard of 2 a year from day 181: $f"
set -- $(sqlite3 -separator ' ' "$db" "select (select m.value from metrics m where m.run_id = r.id
  and m.name = 'internal_value_total'), (select count(*) from events e where e.run_id = r.id and e.kind = 'tenant_default')
  from runs r where r.scenario = 'validation-hazards' and r.point = 1 order by r.replication" | $S corr)
echo "defaults against the time in a bust: n = $1, r = $2, 95% CI [$3, $4]"
awk -v lo="$3" 'BEGIN { exit !(lo > 0.5) }' && pass || fail "defaults move with the bust: r = $2 [$3, $4]"

expect_eq "$(sqlite3 "$db" "select group_concat(e.t_days || ' ' || e.kind, ', ') from events e join runs r on r.id = e.run_id
  where r.scenario = 'validation-hazards' and r.point = 0 and r.replication = 0 and e.subject = 'monthly'
  and e.kind in ('renewal', 'contract_end')")" "30.4375 renewal, 60.875 renewal, 91.3125 renewal, 121.75 contract_end" \
  "renew_prob a process: renewed while it is 1, not after day 100"

# bad references, named with their key
mkdir -p "$T_TMP/s"
for c in 's/neo.factor("cycle", { normal = 2, bust = 1 })/neo.factor("cycle", { normal = 2 })/|market.a100: levels: state .bust. of factor .cycle. has no level' \
         's/neo.factor("cycle", { normal = 2, bust = 1 })/neo.factor("cycel")/|market.a100: unknown factor .cycel. \(did you mean cycle\?\)' \
         's/neo.factor("cycle", { normal = 2, bust = 1 })/neo.factor("cycle", { normal = 2, bust = 1, boom = 3 })/|market.a100: levels: .boom. is not a state of factor .cycle.'; do
  sed "${c%%|*}" tests/validation/factors_regime.lua >"$T_TMP/s/bad.lua"
  run "$NEOSIM" check "$T_TMP/s/bad.lua"
  expect_match "$ERR" "bad.lua:[0-9]+: ${c#*|}" "refused: ${c#*|}"
done
finish
