# tests/e2e/money.sh -- the money errors an audit found, each fixed and
# checked against a hand computation (tests/e2e/money/*.lua say each one's
# figures):
#   supply_cut   a cut to 0 stops an uncapped SKU; shipping resumes when it ends
#   early_start  a contract begun before the run ends mid-run, its prepayment
#                already paid and partly consumed
#   facility_*   a facility is drawn only between its draw date and its term's
#                end; its automatic draws are one event a month
#   notice       a termination notice stops the renewal, whenever the term ends
#   spare        a reserved tenant replaces a failed node from internal use
#   power_freed  the power of a node that leaves goes to a node waiting for it
. tests/lib.sh
db=$T_TMP/m.db
q() { sqlite3 "$db" "$1"; }
for f in tests/e2e/money/*.lua; do
  run "$NEOSIM" run "$f" --db "$db" --quiet -j 1 --trace 0:0
  expect_rc 0 "$f runs"
done
ev() { q "select group_concat(t_days || ' ' || kind, ', ') from (select e.t_days, e.kind from events e
          join runs r on r.id = e.run_id where r.scenario = '$1' and e.kind in ($2) order by e.rowid)"; }

# supply_cut: ordered on day 10 during the cut; shipped when it ends (day
# 60), delivered 5 days later
expect_eq "$(ev money-supply-cut "'shipment', 'delivery'")" "60.0 shipment, 65.0 delivery" \
  "supply_cut: shipped when the cut ends"

# early_start: it ends on day 365.5 (730.5 days from day -365), bills $48 an
# hour for 8772 hours, and its cash is the bills less the $210,672 prepaid
# before the run
expect_eq "$(ev money-early-start "'contract_start', 'contract_end'")" "0.0 contract_start, 365.5 contract_end" \
  "early_start: mid-term at the start, ends on day 365.5"
expect_close "early_start: revenue" "$(metric_of "$db" money-early-start revenue_total)" 421056
expect_close "early_start: cash from the customer" \
  "$(awk -v a="$(metric_of "$db" money-early-start cf.operating)" -v b="$(metric_of "$db" money-early-start opex_total)" \
     'BEGIN { printf "%.6f", a + b }')" 210384
expect_close "early_start: owed at the end of January" \
  "$(q "select s.value from series s join runs r on r.id = s.run_id where r.scenario = 'money-early-start'
        and s.name = 'bs.contract_liabilities' and s.t_days = 31")" "$((210672 - 48 * 744))"

# facility_late: cash runs out on day 16, the facility opens on day 100
expect_eq "$(ev money-facility-late "'draw', 'default'")" "16.0 default" "facility_late: no draw before it opens"
# facility_expired: drawn from day 16 to day 60 (45 daily draws, an event at
# each month end: days 31 and 59, and the rest at the default), closed on day 61
expect_eq "$(ev money-facility-expired "'draw', 'default'")" "31.0 draw, 59.0 draw, 61.0 draw, 61.0 default" \
  "facility_expired: drawn while open, one event a month"
expect_match "$(q "select detail from events where kind = 'draw' order by rowid limit 1")" \
  '^\$[0-9]+ in 16 automatic draws since day 16$' "facility_expired: the first month's draws"

# notice: no renewal after a notice; each contract then ends at its term
# (day 365.25 k) and says why
nq() { q "select count(*) from events e join runs r on r.id = e.run_id where r.scenario = 'money-notice' and $1"; }
expect_eq "$(nq "e.kind = 'renewal' and e.t_days > (select min(n.t_days) from events n where n.run_id = e.run_id
                 and n.kind = 'termination_notice')")" "0" "notice: no renewal after a notice"
expect_eq "$(nq "e.kind = 'termination_notice'")" "8" "notice: a notice in every replication"
expect_eq "$(nq "e.kind = 'contract_end' and e.detail = 'ended by the tenant''s termination notice'
                 and abs(e.t_days / 365.25 - round(e.t_days / 365.25)) < 1e-9")" "8" \
  "notice: every contract ends at a term's end, for the notice"

# spare: 2 nodes x 8 GPUs x $2 for 8760 hours, never short
expect_match "$(metric_of "$db" money-spare failures)" '^[1-9][0-9]*\.0$' "spare: nodes failed"
expect_eq "$(metric_of "$db" money-spare lease.sla_credits)" "0.0" "spare: no SLA credits"
expect_close "spare: the full bill" "$(metric_of "$db" money-spare lease.revenue)" "$((2 * 8 * 2 * 8760))"

# power_freed: the waiting node is installed 2 days after the sales of day 30.25
expect_eq "$(ev money-power-freed "'power_wait', 'sale', 'install'")" \
  "1.0 power_wait, 30.25 sale, 30.25 sale, 30.25 sale, 32.25 install" "power_freed: installed once power is free"
finish
