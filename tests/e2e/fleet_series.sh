# tests/e2e/fleet_series.sh -- the fleet's monthly series against the
# traced failures of tests/e2e/scenarios/site_lost.lua: orbit (8 nodes, all
# leased, no repair) loses nodes; ground has 4, 3 of them leased.
#   nodes.<state>        the states add up to the 12 nodes; nodes.failed
#                        counts the losses traced up to each sample
#   utilization.<site>   on the nodes the site still had: orbit 1 in every
#                        month it had any, none after; ground 3/4
#   utilization          the fleet's, from the traced loss times
. tests/lib.sh
db=$T_TMP/f.db
q() { sqlite3 "$db" "$1"; }
run "$NEOSIM" run tests/e2e/scenarios/site_lost.lua --db "$db" --quiet -j 1 --trace 0:0
expect_rc 0 "site_lost runs"
series() { # series NAME: "day value" of replication 0
  sqlite3 -separator ' ' "$db" "select s.t_days, s.value from series s join runs r on r.id = s.run_id
     where r.replication = 0 and s.name = '$1' and s.value is not null order by s.t_days"
}
q "select e.t_days from events e join runs r on r.id = e.run_id where r.replication = 0
   and e.kind = 'failure' and e.detail like '%at orbit, lost'" >"$T_TMP/lost"
nlost=$(grep -c . "$T_TMP/lost")
expect_eq "$(near "$nlost" 6 2 && echo ok)" "ok" "orbit loses most of its 8 nodes ($nlost)"

# the states add up; failed is the number lost by then
expect_eq "$(q "select count(*), sum(n = 12) from (select sum(s.value) n from series s
  where s.name like 'nodes.%' group by s.run_id, s.t_days)")" \
  "24|24" "nodes.<state> add up to 12 at every sample of both runs"
expect_eq "$(series nodes.failed | awk -v f="$T_TMP/lost" '
  BEGIN { while ((getline t < f) > 0) lost[++n] = t }
  { c = 0; for (i = 1; i <= n; i++) if (lost[i] <= $1) c++; if (c != $2) bad++ }
  END { print bad + 0, NR }')" "0 12" "nodes.failed: the losses up to each sample"

# each month's orbit node-hours from the loss times; the sites' and the
# fleet's utilisation from them
series utilization.orbit >"$T_TMP/orbit"
series utilization.ground >"$T_TMP/ground"
series utilization >"$T_TMP/fleet"
expect_eq "$(awk -v f="$T_TMP/lost" -v o="$T_TMP/orbit" -v g="$T_TMP/ground" '
  BEGIN {
    while ((getline t < f) > 0) lost[++n] = t
    while ((getline l < o) > 0) { split(l, a, " "); orbit[a[1]] = a[2] }
    while ((getline l < g) > 0) { split(l, a, " "); ground[a[1]] = a[2] }
  }
  { d0 = prev; d1 = $1; prev = d1; h = 0
    for (i = 1; i <= 8; i++) { end = i <= n && lost[i] < d1 ? lost[i] : d1; if (end > d0) h += end - d0 }
    want = (h + 3 * (d1 - d0)) / (h + 4 * (d1 - d0)); e = $2 - want; if (e < 0) e = -e
    if (e > 1e-9) bad = bad " fleet@" d1 "=" $2 "/" want
    if ((h > 0) != (d1 in orbit) || (h > 0 && orbit[d1] != 1)) bad = bad " orbit@" d1
    if (ground[d1] != 0.75) bad = bad " ground@" d1
    if (h > 0 && h < 8 * (d1 - d0) - 1e-9) shrank++
  }
  END { print (bad == "" ? "ok" : bad), (shrank >= 3) }' "$T_TMP/fleet")" "ok 1" \
  "utilisation: orbit 1 on the nodes it still had (>= 3 months it lost some), ground 3/4, the fleet from the loss times"
finish
