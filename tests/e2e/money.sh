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
#   release      an SKU is not orderable before its release date
#   past_life    nodes past their useful life at the start are retired at once
#   perf         a job runs job_hours / perf
#   npv_start    flows at the start are discounted as of the start
#   early_default  a run that defaults in its first month keeps its flows in NPV;
#                the equity loses its cash, the creditors the rest
#   collect      the bills owed are collected before a default
#   cash_after_draws  the monthly cash sample follows the month's draws
#   interest     interest accrues by the hour on the balance, is paid at the
#                month end; npv is the equity's, npv_unlevered the project's
#   loan_before  a term loan drawn before the start is mid-schedule there
#   power_day    power and colocation are paid for the hours a node is installed
#   offer        nodes = 0 is no contract, so an offer on day 0 makes one; the
#                policies first look once the day-0 contracts have started
. tests/lib.sh
db=$T_TMP/m.db
q() { sqlite3 "$db" "$1"; }
for f in tests/e2e/money/*.lua; do
  run "$NEOSIM" run "$f" --db "$db" --quiet -j 1 --trace 0:0
  case "$f" in */release.lua) expect_rc 1 "$f fails" ;; *) expect_rc 0 "$f runs" ;; esac
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

# release: the order of day 0 fails the run, saying when the SKU is released
expect_eq "$(q "select error from runs where scenario = 'money-release'")" \
  "policy procurement (tests/e2e/money/release.lua:14): action 1: order: b200 is released on day 90.0, not orderable on day 0.0" \
  "release: the order refused"
# past_life: sold on day 0 for 2 x 10% x $250k; fully depreciated, all of it a gain
expect_eq "$(ev money-past-life "'sale'")" "0.0 sale, 0.0 sale" "past_life: the two old nodes sold on day 0"
expect_eq "$(metric_of "$db" money-past-life nodes)" "3.0" "past_life: the three others serve"
expect_close "past_life: proceeds" "$(metric_of "$db" money-past-life proceeds_total)" 50000
expect_close "past_life: gain on sale" "$(metric_of "$db" money-past-life is.gain_on_sale)" 50000
# perf: the same jobs hold half the GPU-hours at perf 2, but for the jobs the
# horizon cuts (10 an hour, each under 8 GPU-hours)
g() { q "select m.value from metrics m join runs r on r.id = m.run_id where r.scenario = 'money-perf' and r.point = $1 and m.name = '$2'"; }
expect_eq "$(g 0 od.jobs)" "$(g 1 od.jobs)" "perf: the same jobs"
awk -v a="$(g 0 od.gpu_hours)" -v b="$(g 1 od.gpu_hours)" 'BEGIN { d = a - 2 * b; exit !(b > 0 && d < 240 && d > -240) }' &&
  pass || fail "perf: GPU-hours $(g 0 od.gpu_hours) at perf 1, $(g 1 od.gpu_hours) at perf 2"

# npv_start: the fleet's $3M at t = 0, nothing else
expect_close "npv_start: npv" "$(metric_of "$db" money-npv-start npv)" -3000000
# early_default: -3e6 at t = 0, 4 days of staff at the default (day 4);
# the equity loses its $3.1M of cash, no more (the rest is the creditors')
expect_eq "$(metric_of "$db" money-early-default default_day)" "4.0" "early_default: defaults on day 4"
expect_close "early_default: npv_unlevered" "$(metric_of "$db" money-early-default npv_unlevered)" \
  "$(awk 'BEGIN { printf "%.6f", -3e6 - 4 * 1e6 / 730.5 * 24 / 1.1 ^ (96 / 8766) }')"
expect_close "early_default: npv (the equity's)" "$(metric_of "$db" money-early-default npv)" \
  "$(awk 'BEGIN { printf "%.6f", -3e6 - 1e5 / 1.1 ^ (96 / 8766) }')"
# collect: the bills pay the staff; never a default
expect_eq "$(metric_of "$db" money-collect default_day)" "" "collect: no default"
expect_close "collect: revenue, all of it collected" "$(metric_of "$db" money-collect cf.operating)" \
  "$(awk 'BEGIN { printf "%.6f", 1600 * 120 * 24 - 1e6 / 730.5 * 120 * 24 }')"
# cash_after_draws: no sample below zero, none below cash_min
expect_eq "$(q "select count(*) from series s join runs r on r.id = s.run_id where r.scenario = 'money-cash-after-draws'
                and s.name = 'cash' and s.value < (select m.value from metrics m where m.run_id = r.id and m.name = 'cash_min')")" \
  "0" "cash_after_draws: no sample below cash_min"
expect_eq "$(metric_of "$db" money-cash-after-draws cash_min)" "0.0" "cash_after_draws: cash covered to 0"

# offer: anchor active at the first review (the order), spot_buyer's offered
# contract bills 10 x 8 x $2 for the 2400 hours, and nothing else
expect_eq "$(ev money-offer "'contract_start', 'order'")" "0.0 contract_start, 0.0 order, 0.0 contract_start" \
  "offer: the policy saw the contract of day 0 (and an integer count of nodes)"
expect_close "offer: the offered contract's bills" "$(metric_of "$db" money-offer spot_buyer.revenue)" 384000
expect_close "offer: its GPU-hours" "$(metric_of "$db" money-offer spot_buyer.gpu_hours)" 192000

# interest: by the hour on the balance, paid at the month end; npv is the
# equity's (the lenders' flows less what is owed at the end)
series_at() { q "select s.value from series s join runs r on r.id = s.run_id where r.scenario = '$1'
                 and s.name = '$2' and s.t_days = $3"; }
k='24 / 8766'
expect_close "interest: January's, from the days drawn" "$(series_at money-interest interest 31)" \
  "$(awk "BEGIN { printf \"%.9f\", (1e6 * 0.10 * 21 + 1e6 * 0.12 * 16) * $k }")"
expect_close "interest: March's" "$(series_at money-interest interest 90)" \
  "$(awk "BEGIN { printf \"%.9f\", 0.22e6 * 31 * $k }")"
i_all="(1e6 * 0.10 * 21 + 1e6 * 0.12 * 16 + 0.22e6 * 59) * $k"
expect_close "interest: the total" "$(metric_of "$db" money-interest interest_total)" \
  "$(awk "BEGIN { printf \"%.9f\", $i_all }")"
expect_close "interest: cash, the loan repaid" "$(metric_of "$db" money-interest cash_end)" \
  "$(awk "BEGIN { printf \"%.9f\", 2e6 - $i_all }")"
expect_eq "$(metric_of "$db" money-interest npv_unlevered)" "0.0" "interest: no operating flow"
expect_eq "$(metric_of "$db" money-interest payback_years)" "0.0" "payback: never below zero, paid back at once"
expect_eq "$(metric_of "$db" money-early-default payback_years)" "" "payback: ends below zero, never"
expect_close "interest: npv, the equity's" "$(metric_of "$db" money-interest npv)" \
  "$(awk "function d(x, days) { return x / 1.1 ^ (days * $k) }
          BEGIN { printf \"%.9f\", d(2e6 - (1e5 * 21 + 0.12e6 * 16) * $k, 31) - d(0.22e6 * 28 * $k, 59) \\
                                   - d(0.22e6 * 31 * $k + 1e6, 90) - d(1e6, 90) }")"
# power_day: 108 node-hours of 10 kW
expect_close "power_day: power" "$(metric_of "$db" money-power-day power_cost_total)" 108
expect_close "power_day: colocation" "$(metric_of "$db" money-power-day colo_cost_total)" \
  "$(awk 'BEGIN { printf "%.9f", 108 * 10 * 100 / 730.5 }')"
# loan_before: mid-schedule at the start; the principal is not received again
expect_close "loan_before: repaid in the run" "$(metric_of "$db" money-loan-before principal_repaid)" 600000
expect_eq "$(metric_of "$db" money-loan-before debt_end)" "0.0" "loan_before: repaid at its term"
i_run="0.12 * (6e5 * 22 + 5e5 * 28 + 4e5 * 31 + 3e5 * 30 + 2e5 * 31 + 1e5 * 30) * $k"
expect_close "loan_before: the run's interest" "$(metric_of "$db" money-loan-before interest_total)" \
  "$(awk "BEGIN { printf \"%.9f\", $i_run }")"
expect_close "loan_before: cash, the interest owed at the start paid too" \
  "$(metric_of "$db" money-loan-before cash_end)" \
  "$(awk "BEGIN { printf \"%.9f\", 1e6 - 6e5 - $i_run - 6e5 * 0.12 * 9 * $k }")"
finish
