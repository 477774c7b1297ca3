# tests/validation/finance.sh -- the finance of issue 16 against hand
# computations (each scenario's header gives its figures); every run also
# balances its books (tests/e2e/statements.sh runs these files too):
#   tax.lua        income tax with a loss carried forward, and without
#   covenant.lua   a dscr covenant: the breach on the month end its trailing
#                  ratio, computed here from the statements, first falls below
#                  the minimum; acceleration to a default, to repayment; a
#                  breach recorded only; a rate stepped up
#   covenant_kinds.lua  leverage (monthly) and interest_cover (quarterly),
#                  each breach on the test its ratio, from the statements,
#                  first fails
#   covenant_sweep.lua  ltv, cured too late: the sweep on the day the cure
#                  period ends, of the cash above keep_cash; cured after
#   debt_terms.lua a floating rate on a path, interest-only months, an
#                  upfront and a commitment fee, a revolving facility drawn
#                  and repaid from spare cash, a policy's repayment, an
#                  equity raise and its dilution, a dividend, a buy-back
#   ddtl.lua       a GPU-backed delayed-draw loan: draws on purchases within
#                  its commitment and borrowing base, a deficiency repaid,
#                  amortisation from its date
#   colo.lua       committed colocation, paid whether used or not
#   idle_power.lua idle nodes draw idle_kw
#   internal_process.lua  own use whose nodes and value are processes
#   lease_in.lua   nodes leased in: payments, no capex, returned at term end
#   impairment.lua resale at the market value (index x life left), the book
#                  value written down to it when the index falls
#   deposit.lua    an order deposit, the rest on delivery
#   ppa.lua        a PPA's share of the energy at its price for its term,
#                  not shocked
#   refinance.lua  rolled over at maturity at the spread of then, or, a
#                  covenant in breach, repaid
#   ddtl_contracts.lua  a delayed-draw loan secured by a contract's revenue
#   refinance_action.lua  a policy refinances a term loan mid-schedule
#   build.lua      capacity built at a site of 0 MW: online after its drawn
#                  construction time, paid monthly or at the end into
#                  construction in progress, then depreciated site assets
. tests/lib.sh
db=$T_TMP/f.db
q() { sqlite3 "$db" "$1"; }
# at SCENARIO POINT NAME: a metric of replication 0 of a point
at() {
  q "select m.value from metrics m join runs r on r.id = m.run_id where r.scenario = '$1'
     and r.point = $2 and r.replication = 0 and m.name = '$3'"
}
run "$NEOSIM" run tests/validation/tax.lua --db "$db" --quiet -j 1 --trace 0:0
expect_rc 0 "tax runs"
run "$NEOSIM" run tests/validation/covenant.lua --db "$db" --quiet -j 1 --trace 0:0 --trace 2:0 --trace 3:0
expect_rc 0 "covenant runs"
for f in covenant_kinds covenant_sweep debt_terms ddtl refinance refinance_action ddtl_contracts colo idle_power ppa internal_process deposit lease_in impairment build; do
  run "$NEOSIM" run tests/validation/$f.lua --db "$db" --quiet --trace 0:0
  expect_rc 0 "$f runs"
done

# tax: 2026 a loss of 2,985,155.37 (no tax); 2027 a profit of 7,001,155.37
loss=$(awk 'BEGIN { printf "%.6f", 7008000 - 1e7 * 8760 / 8766 }')
profit=$(awk 'BEGIN { printf "%.6f", 7008000 - 1e7 * 6 / 8766 }')
expect_match "$(q "select e.detail from events e join runs r on r.id = e.run_id where r.scenario = 'validation-tax'
  and r.point = 0 and e.kind = 'tax' and e.t_days = 365")" \
  "^\\\$0\\.00 for the year's income of \\\$$(printf %.2f "$loss"); losses carried forward \\\$$(printf %.2f "${loss#-}")\$" \
  "tax: 2026, a loss carried forward"
expect_close "tax, carried forward: 21% of the 2027 profit less the 2026 loss" \
  "$(at validation-tax 0 tax_total)" "$(awk -v p="$profit" -v l="$loss" 'BEGIN { printf "%.6f", 0.21 * (p + l) }')"
expect_close "tax, not carried: 21% of the 2027 profit" "$(at validation-tax 1 tax_total)" \
  "$(awk -v p="$profit" 'BEGIN { printf "%.6f", 0.21 * p }')"
expect_close "tax: is.tax is the tax" "$(at validation-tax 0 is.tax)" 843360
expect_close "tax: cash after the tax" "$(at validation-tax 0 cash_end)" "$((11000000 - 10000000 + 2 * 7008000 - 843360))"
expect_eq "$(q "select count(*) from series s join runs r on r.id = s.run_id where r.scenario = 'validation-tax'
  and s.name = 'is.tax' and s.t_days <= 365 and s.value <> 0")" "0" "tax: no tax in the months of the loss year"
expect_close "tax: the monthly is.tax sum to the year's tax" "$(q "select sum(s.value) from series s join runs r
  on r.id = s.run_id where r.scenario = 'validation-tax' and r.point = 0 and s.name = 'is.tax'")" 843360
expect_eq "$(q "select count(*) from events where kind = 'tax'")" "4" "tax: an event at each year's end"

# covenant: the trailing dscr of each month end, from the series is.ebitda and
# is.interest of point 2 (where nothing but the breach's record happens) and
# the $1M the linear schedule repays each month: the first month end below 1.25
series() { # series POINT NAME [SCENARIO]: "t_days value" lines of a run's series
  sqlite3 -separator ' ' "$db" "select s.t_days, s.value from series s join runs r on r.id = s.run_id
     where r.scenario = '${3:-validation-covenant}' and r.point = $1 and r.replication = 0 and s.name = '$2'
     order by s.t_days"
}
series 2 is.ebitda >"$T_TMP/e"
series 2 is.interest >"$T_TMP/i"
first=$(paste "$T_TMP/e" "$T_TMP/i" | awk '{ k++; e[k] = $2; s[k] = $4 + 1e6; E = 0; S = 0
  for (j = (k > 12 ? k - 11 : 1); j <= k; j++) { E += e[j]; S += s[j] }
  if (E / S < 1.25) { printf "%s %.4g\n", $1, E / S; exit } }')
expect_eq "$first" "485.0 1.109" "covenant: the trailing dscr first falls below 1.25 at the end of April 2027"
for p in 0 1 2 3; do
  expect_eq "$(at validation-covenant $p first_breach_day)" "${first%% *}" "covenant $p: the breach on that day"
  expect_eq "$(at validation-covenant $p covenant_breaches.dscr)" "1.0" "covenant $p: one dscr breach"
done
ev() { # ev POINT: the covenant events of a traced run
  q "select e.t_days || ' ' || e.kind || ' ' || e.detail from events e join runs r on r.id = e.run_id
     where r.scenario = 'validation-covenant' and r.point = $1 and e.kind in ('covenant_breach', 'covenant_action',
     'acceleration', 'default') order by e.rowid"
}
expect_eq "$(ev 0)" "485.0 covenant_breach dscr 1.109, min 1.25
485.0 covenant_action dscr breach not cured: principal accelerated
485.0 acceleration \$8000000 of principal and \$0 of interest due at once
485.0 default cash \$-1358410 and no facility left" "covenant 0: the \$8M left is due and cash cannot pay it"
expect_eq "$(at validation-covenant 0 default_day)" "485.0" "covenant 0: default on the day of the breach"
expect_eq "$(at validation-covenant 1 default_day)" "" "covenant 1: paid, no default"
expect_eq "$(at validation-covenant 0 defaulted) $(at validation-covenant 1 defaulted)" "1.0 0.0" \
  "defaulted: 1 with a default, 0 without"
# the indicators agree with what they indicate, run by run, over every scenario of this file
expect_eq "$(q "select count(*) from runs r where r.status = 'done' and
  (select value from metrics where run_id = r.id and name = 'defaulted') is not
  (select (value is not null) + 0.0 from metrics where run_id = r.id and name = 'default_day')
  or (select value from metrics where run_id = r.id and name = 'breached') is not
  (select (value > 0) + 0.0 from metrics where run_id = r.id and name = 'covenant_breaches')")" "0" \
  "defaulted and breached: 0/1 of default_day and covenant_breaches in every run"
expect_eq "$(q "select sum(value) > 0 from metrics where name = 'breached'")" "1" "breached: some run breached"
expect_close "covenant 1: all the principal repaid" "$(at validation-covenant 1 principal_repaid)" 24000000
expect_eq "$(ev 2)" "485.0 covenant_breach dscr 1.109, min 1.25" "covenant 2: recorded only"
expect_eq "$(q "select count(*) from events e join runs r on r.id = e.run_id where r.scenario = 'validation-covenant'
  and r.point = 2 and e.kind = 'covenant_test'")" "23" \
  "covenant 2: a test at each month end with a balance (the 24th repays it)"
# step_up: May 2027's interest on the $8M left, at 12% + 5% (point 2: 12%)
may() { series "$1" interest | awk '$1 == 516.0 { print $2 }'; }
expect_close "covenant 3: interest stepped up to 17%" "$(may 3)" "$(awk 'BEGIN { printf "%.6f", 8e6 * 0.17 * 744 / 8766 }')"
expect_close "covenant 2: interest at 12%" "$(may 2)" "$(awk 'BEGIN { printf "%.6f", 8e6 * 0.12 * 744 / 8766 }')"

# covenant_kinds: leverage = debt at the month end / (EBITDA of the last 12
# months x 12 / their number); interest cover = EBITDA / interest over them,
# at quarter ends (the 3rd, 6th, ... month), the first below 8 -- a monthly
# test would have failed earlier
K=validation-covenant-kinds
series 0 is.ebitda $K >"$T_TMP/e"
series 0 is.interest $K >"$T_TMP/i"
series 0 debt $K >"$T_TMP/d"
trail='{ k++; e[k] = $2; i[k] = $4; d[k] = $6; E = 0; I = 0; n = 0
  for (j = (k > 12 ? k - 11 : 1); j <= k; j++) { E += e[j]; I += i[j]; n++ } }'
lev=$(paste "$T_TMP/e" "$T_TMP/i" "$T_TMP/d" | awk "$trail"' E > 0 && d[k] / (E * 12 / n) > 1.5 || E <= 0 && d[k] > 0 {
  if (E > 0) printf "%s %.4g\n", $1, d[k] / (E * 12 / n); else print $1, "inf"; exit }')
expect_eq "$lev" "669.0 1.808" "leverage: first above 1.5 at the end of October 2027"
ic() { paste "$T_TMP/e" "$T_TMP/i" "$T_TMP/d" | awk -v every="$1" "$trail"' k % every == 0 && E / I < 8 {
  printf "%s %.4g\n", $1, E / I; exit }'; }
expect_eq "$(ic 3)" "546.0 7.027" "interest cover: first below 8 at a quarter end, June 2027"
expect_match "$(ic 1)" "^5(16|24)\.0 " "interest cover: a monthly test fails a month earlier"
kev() { q "select e.t_days || ' ' || e.detail from events e join runs r on r.id = e.run_id where r.scenario = '$1'
           and e.kind = '$2' order by e.rowid"; }
expect_eq "$(kev $K covenant_breach)" "546.0 interest_cover 7.027, min 8
669.0 leverage 1.808, max 1.5" "covenant kinds: each breach when its ratio first fails"
expect_eq "$(q "select count(*) from events where kind = 'covenant_test' and detail like 'interest_cover%'")" "7" \
  "interest cover: tested at the 7 quarter ends with a balance (the 8th repays it)"
expect_eq "$(at $K 0 covenant_breaches.leverage) $(at $K 0 covenant_breaches.interest_cover) $(at $K 0 covenant_breaches)" \
  "1.0 1.0 2.0" "covenant kinds: breaches counted by kind"

# covenant_sweep: the ltv at the end of January; on day 76 (31 + 45) the cash
# above $1M, the February month end's less 17 days of staff, goes to principal
W=validation-covenant-sweep
expect_eq "$(kev $W covenant_breach)" "31.0 ltv $(awk 'BEGIN { printf "%.4g", 23e6 / (24e6 - 24e6 * 744 / 87660) }'), max 0.92" \
  "sweep: the breach at the end of January"
expect_eq "$(kev $W covenant_action)" "76.0 ltv breach not cured: cash swept to principal" "sweep: on day 76"
cash59=$(series 0 bs.cash $W | awk '$1 == 59.0 { print $2 }')
swept=$(kev $W sweep | sed -n 's/^76\.0 \$\([0-9]*\) of cash to principal$/\1/p')
if near "$swept" "$(awk -v c="$cash59" 'BEGIN { printf "%.6f", c - 3e5 * 17 * 24 / 730.5 - 1e6 }')" 1; then pass
else fail "sweep: swept \$$swept, by hand the cash of day 59 ($cash59) less 17 days of staff less \$1M"; fi
expect_eq "$(kev $W covenant_cured)" "90.0 ltv: the test holds again" "sweep: cured at the end of March"

# debt_terms: interest by hand, tranche by tranche and day by day (rate x
# balance x hours / 8766); the fees; the io balance month by month
T=validation-debt-terms
expect_eq "$(at $T 0 principal_repaid)" "16200000.0" "debt terms: float, io and the revolver's draw repaid"
interest=$(awk 'function i(b, r, d) { return b * r * d * 24 / 8766 }
  BEGIN { f = i(12e6, 0.06, 181) + i(12e6, 0.08, 184)
          io = i(1.2e6, 0.12, 100) + i(1.1e6, 0.12, 81) + i(1.1e6, 0.12, 31) + i(0.9e6, 0.12, 31)
          io += i(0.7e6, 0.12, 30) + i(0.5e6, 0.12, 31) + i(0.3e6, 0.12, 30) + i(0.1e6, 0.12, 31)
          printf "%.6f", f + io + i(3e6, 0.1, 19) }')
expect_close "debt terms: interest (floating, interest-only, repaid, revolver)" "$(at $T 0 interest_total)" "$interest"
expect_close "debt terms: January's interest at 4% + 2% and 12%" "$(series 0 interest $T | awk '$1 == 31.0 { print $2 }')" \
  "$(awk 'BEGIN { printf "%.6f", (12e6 * 0.06 + 1.2e6 * 0.12) * 744 / 8766 }')"
expect_close "debt terms: July's at 6% + 2%, io on 1.1M" "$(series 0 interest $T | awk '$1 == 212.0 { print $2 }')" \
  "$(awk 'BEGIN { printf "%.6f", (12e6 * 0.08 + 1.1e6 * 0.12) * 744 / 8766 }')"
expect_close "debt terms: fees, 1% upfront and 0.5% a year on the undrawn limit" "$(at $T 0 fees_total)" \
  "$(awk 'BEGIN { printf "%.6f", 12000 + 0.005 * (5e6 * (8760 - 456) + 2e6 * 456) / 8766 }')"
expect_eq "$(series 0 debt.io $T | awk '{ printf "%s ", $2 }')" \
  "1200000.0 1200000.0 1200000.0 1100000.0 1100000.0 1100000.0 900000.0 700000.0 500000.0 300000.0 100000.0 0.0 " \
  "debt terms: io interest only for 6 months, \$100,000 repaid by policy, then \$200,000 a month"
expect_eq "$(kev $T draw) | $(kev $T repay)" "40.0 \$3000000 | 59.0 \$3000000 repaid from cash above \$2000000
100.0 \$100000 repaid by policy" "debt terms: the revolver drawn, repaid at the month end; the policy's repayment"
expect_eq "$(at $T 0 ownership_end) $(at $T 0 equity_raised_total) $(at $T 0 dividends_total) $(at $T 0 buybacks_total)" \
  "0.8 5000000.0 1000000.0 500000.0" "equity: 20/(20 + 5) kept by the owners; raised, paid"
expect_eq "$(series 0 cf.equity $T | awk '$2 != 0 { printf "%s %s; ", $1, $2 }')" "151.0 5000000.0; 212.0 -1000000.0; 273.0 -500000.0; " \
  "equity: cf.equity in the months of the raise, the dividend, the buy-back"
expect_close "debt terms: cash at the end" "$(at $T 0 cash_end)" \
  "$(awk -v i="$interest" -v f="$(at $T 0 fees_total)" 'BEGIN { printf "%.6f", 1e7 + 3.5e6 - i - f }')"

# ddtl: 8M at the start (0.8 x 10M), 12M on day 30 (the commitment's rest);
# after the sale of day 100 the balance is the base, 0.8 x the book value of
# the nodes (all of them secure it: bs.equipment_net + bs.deposits), at the
# month ends of May and June; then June's balance B amortises, B / 18 a month
G=validation-ddtl
series 0 debt.ddtl $G >"$T_TMP/dd"
expect_eq "$(awk '$1 <= 90.0 { printf "%s ", $2 }' "$T_TMP/dd")" "20000000.0 20000000.0 20000000.0 " \
  "ddtl: 8M at the start and 12M on day 30: the commitment"
expect_eq "$(kev $G draw)" "0.0 \$8000000 on 10 nodes paid \$10000000 (borrowing base \$8000000)
30.0 \$12000000 on 20 nodes paid \$20000000 (borrowing base \$$(awk \
  'BEGIN { printf "%.0f", 0.8 * (30e6 - 10e6 * 720 / 87660) }'))" "ddtl: 0.8 x 10M on day 0; the day-30 draw within the commitment left"
series 0 bs.equipment_net $G >"$T_TMP/eq"
series 0 bs.deposits $G >"$T_TMP/dep"
for t in 120.0 151.0; do
  coll=$(paste "$T_TMP/eq" "$T_TMP/dep" | awk -v t=$t '$1 == t { printf "%.6f", 0.8 * ($2 + $4) }')
  expect_close "ddtl: the balance is the base on day $t" "$(awk -v t=$t '$1 == t { print $2 }' "$T_TMP/dd")" "$coll"
done
B=$(awk '$1 == 151.0 { print $2 }' "$T_TMP/dd")
for k in 1 2 3 6; do
  t=$(awk -v k=$k '$1 >= 181.0 { n++; if (n == k) print $1 }' "$T_TMP/dd")
  expect_close "ddtl: amortised, month $k" "$(awk -v t=$t '$1 == t { print $2 }' "$T_TMP/dd")" \
    "$(awk -v b=$B -v k=$k 'BEGIN { printf "%.6f", b * (18 - k) / 18 }')"
done

# refinance: point 0 rolled over on day 365 at 5% + 3%, then linear; point 1
# (a covenant in breach) repaid at maturity
R=validation-refinance
expect_eq "$(q "select r.point || ' ' || e.t_days || ' ' || e.detail from events e join runs r on r.id = e.run_id
  where r.scenario = '$R' and e.kind = 'refinance'")" "0 365.0 \$10000000 rolled over for 12 months at a spread of 3%" \
  "refinance: once, at maturity, at the spread of then; not with a covenant in breach"
expect_close "refinance: January 2027's interest at 8%" "$(series 0 interest $R | awk '$1 == 396.0 { print $2 }')" \
  "$(awk 'BEGIN { printf "%.6f", 10e6 * 0.08 * 744 / 8766 }')"
expect_eq "$(series 0 debt.loan $R | awk '$1 >= 365.0 && $1 <= 424.0 { printf "%.2f ", $2 }')" \
  "10000000.00 9166666.67 8333333.33 " "refinance: the new loan amortises, 10M / 12 a month"
expect_eq "$(at $R 0 debt_end) $(at $R 1 debt_end) $(at $R 1 principal_repaid)" "0.0 0.0 10000000.0" \
  "refinance: the new loan repaid at its maturity; point 1 repaid at the first"
expect_eq "$(series 1 debt.loan $R | awk '$1 == 365.0 { print $2 }')" "0.0" "refinance: point 1 repaid on day 365"

# colo: paid on the larger of the kW committed and the kW used
expect_close "colo: 150 kW committed, 100 used" "$(at validation-colo 0 colo_cost_total)" \
  "$(awk 'BEGIN { printf "%.6f", 150 * 100 * 8760 / 730.5 }')"
expect_close "colo: 50 kW committed, 100 used" "$(at validation-colo 1 colo_cost_total)" \
  "$(awk 'BEGIN { printf "%.6f", 100 * 100 * 8760 / 730.5 }')"

# idle_power: busy or leased nodes draw node_kw, idle ones idle_kw
expect_close "idle power: 6 leased at 10 kW, 4 idle at 4 kW" "$(at validation-idle-power 0 power_cost_total)" 66576
expect_close "idle power: idle_kw = node_kw" "$(at validation-idle-power 1 power_cost_total)" 87600

# ddtl_contracts: $12M lent on day 0; then at each month end within 0.5 x 3200 x the hours left of the term
C=validation-ddtl-contracts
expect_eq "$(q "select e.t_days || ' ' || e.detail from events e join runs r on r.id = e.run_id where r.scenario = '$C'
  and e.kind = 'draw'")" "0.0 \$12000000 on 10 nodes paid \$24000000 (borrowing base \$14025600)" \
  "ddtl on a contract: 0.5 x 24M lent on day 0, within 0.5 x 3200 x 8766"
expect_eq "$(series 0 debt.ddtl $C | awk '{ b = 0.5 * 3200 * (8766 - 24 * $1); if (b < 0) b = 0; if (b > 12e6) b = 12e6
  d = $2 - b; if (d < 0) d = -d; if (d > 1e-6 * 12e6 && $1 != 365.0) n++ } END { print n + 0, NR }')" "0 15" \
  "ddtl on a contract: each month end's balance is min(12M, 0.5 x 3200 x the hours left)"
expect_eq "$(series 0 debt.ddtl $C | awk '$1 == 365.0 || $1 == 396.0 { printf "%.2f ", $2 }')" "9600.00 0.00 " \
  "ddtl on a contract: 0.5 x 3200 x 6 hours left on day 365, nothing after the term"

# refinance_action: rolled over on day 100 at 5% + 3% over 12 months
R=validation-refinance-action
expect_eq "$(q "select e.t_days || ' ' || e.detail from events e join runs r on r.id = e.run_id where r.scenario = '$R'
  and e.kind = 'refinance'")" "100.0 \$8750000 rolled over for 12 months at a spread of 3%" "refinance action: the event"
expect_close "refinance action: April's interest, 10% to day 100 then 8%" \
  "$(series 0 interest $R | awk '$1 == 120.0 { print $2 }')" \
  "$(awk 'BEGIN { printf "%.6f", 8.75e6 * (0.10 * 240 + 0.08 * 480) / 8766 }')"
expect_eq "$(series 0 debt.loan $R | awk '$1 >= 90 && $1 <= 181 { printf "%.2f ", $2 }')" \
  "8750000.00 8020833.33 7291666.67 6562500.00 " "refinance action: then 8.75M / 12 a month"
expect_eq "$(series 0 debt.loan $R | awk '$2 == 0 { print $1; exit }') $(at $R 0 principal_repaid)" "455.0 10000000.0" \
  "refinance action: the new loan repaid on day 455"

# build: D, the construction time drawn, from the day the MW came online
B=validation-build
built_day() {
  q "select e.t_days from events e join runs r on r.id = e.run_id where r.scenario = '$B' and r.point = $1
     and r.replication = 0 and e.kind = 'built'"
}
d0=$(built_day 0)
D=$(awk -v d="$d0" 'BEGIN { printf "%.15g", d * 24 / 730.5 }')
expect_eq "$(awk -v d="$D" 'BEGIN { print (d >= 3 && d <= 9) }') $(built_day 1)" "1 $d0" \
  "build: D within uniform(3, 9), the same draw in both points"
expect_match "$(q "select e.detail from events e join runs r on r.id = e.run_id where r.scenario = '$B'
  and r.point = 0 and e.kind = 'build' and e.t_days = 0")" \
  "^2 MW for \\\$20000000, $(printf %.4g "$D") months: online " "build: the event of its start"
expect_close "build: January's payment, 20M x 744 / (730.5 D)" "$(series 0 capex $B | awk '$1 == 31.0 { print $2 }')" \
  "$(awk -v d="$D" 'BEGIN { printf "%.6f", 2e7 * 744 / (730.5 * d) }')"
expect_close "build: construction in progress at the end of February, 20M x 1416 / (730.5 D)" \
  "$(series 0 bs.construction $B | awk '$1 == 59.0 { print $2 }')" \
  "$(awk -v d="$D" 'BEGIN { printf "%.6f", 2e7 * 1416 / (730.5 * d) }')"
expect_eq "$(series 1 capex $B | awk -v d="$d0" '$2 != 0 { print ($1 >= d && $1 - d < 31), $2 }')" "1 20000000.0" \
  "build at_end: all 20M in the month of completion"
for p in 0 1; do
  expect_eq "$(series $p nodes_online $B | awk -v d="$d0" '($1 < d) != ($2 == 0) { n++ } END { print n + 0, NR }')" "0 24" \
    "build $p: nodes online only after the MW (0 before, 100 after)"
  expect_eq "$(series $p bs.construction $B | awk -v d="$d0" '$1 > d && $2 != 0 { n++ } END { print n + 0, NR }')" "0 24" \
    "build $p: nothing in construction after completion"
  expect_eq "$(at $B $p capex_total) $(at $B $p build_capex_total) $(at $B $p mw_built)" "20000000.0 20000000.0 2.0" \
    "build $p: capex_total = build_capex_total = 20M; 2 MW built"
  dep=$(awk -v d="$D" 'BEGIN { printf "%.6f", 2e7 * (730 * 24 - 730.5 * d) / (20 * 8766) }')
  expect_close "build $p: the site depreciated from completion" "$(at $B $p site_depreciation_total)" "$dep"
  expect_close "build $p: depreciation_total is the site's (nodes cost 0)" "$(at $B $p depreciation_total)" "$dep"
  expect_close "build $p: the site's book value at the end" "$(last_of "$db" $B bs.sites_net | head -1)" \
    "$(awk -v x="$dep" 'BEGIN { printf "%.6f", 2e7 - x }')"
done
# over 200 replications the construction times are uniform(3, 9): their mean within 6 +- 3.29 sd / sqrt(200)
run "$NEOSIM" run tests/validation/build.lua --db "$T_TMP/build200.db" --quiet --set replications=200
expect_rc 0 "build: 200 replications"
mean=$(sqlite3 "$T_TMP/build200.db" "select avg(e.t_days * 24 / 730.5) from events e join runs r on r.id = e.run_id
  where r.point = 0 and e.kind = 'built'")
expect_eq "$(awk -v m="$mean" 'BEGIN { h = 3.29 * sqrt(3) / sqrt(200); print (m > 6 - h && m < 6 + h) }')" "1" \
  "build: mean construction time $mean months within 6 +- 0.40 (99.9%)"

# ppa: 60% at $40 for the first 183 days, the rest at $100 (x2 while shocked)
expect_close "ppa" "$(at validation-ppa 0 power_cost_total)" "$(awk 'BEGIN { printf "%.6f", 100 * (4392 * 64 + 4368 * 100) / 1000 }')"
expect_close "ppa, a shock from day 200" "$(at validation-ppa 1 power_cost_total)" \
  "$(awk 'BEGIN { printf "%.6f", 100 * (4392 * 64 + 408 * 100 + 3960 * 200) / 1000 }')"
expect_close "ppa, a shock from day 0: the PPA's share not shocked" "$(at validation-ppa 2 power_cost_total)" \
  "$(awk 'BEGIN { printf "%.6f", 100 * (4392 * (24 + 0.4 * 200) + 4368 * 200) / 1000 }')"

# internal_process: nodes and value follow their step paths day by day
expect_eq "$(at validation-internal-process 0 internal_value_total) $(at validation-internal-process 0 own.gpu_hours)" \
  "661632.0 488832.0" "internal: 80 x 2160 x 2 + 80 x 2184 + 32 x 4416; GPU-hours 80 x 4344 + 32 x 4416"
expect_eq "$(series 0 own.revenue validation-internal-process | awk '$1 == 31.0 || $1 == 120.0 || $1 == 212.0 { printf "%s ", $2 }')" \
  "119040.0 57600.0 23808.0 " "internal: January 80 x 744 x 2, April 80 x 720 x 1, July 32 x 744 x 1"
sed -e 's/finance = { cash = 1e6 },/finance = { cash = 1e6 }, policies = { review_every_days = 10, allocation = function() return { { internal = "own", nodes = 3 } } end },/' \
  -e 's/validation-internal-process/refused-internal/' tests/validation/internal_process.lua >"$T_TMP/refused_internal.lua"
run "$NEOSIM" run "$T_TMP/refused_internal.lua" --db "$T_TMP/refused.db" --quiet
expect_match "$(sqlite3 "$T_TMP/refused.db" "select error from runs where scenario = 'refused-internal'")" \
  "internal: tenant own's nodes follow a process \(tenants.own.nodes\)" "refused: internal on a tenant whose nodes are a process"

# lease_in: 10 x 20000 x 4383 / 730.5 paid; the nodes returned on day 182.625
L=validation-lease-in
expect_eq "$(at $L 0 lease_cost_total) $(at $L 0 is.opex) $(at $L 0 capex_total) $(at $L 0 book_value_end)" \
  "1200000.0 1200000.0 0.0 0.0" "lease in: 10 x 20000 x 4383 / 730.5 in opex, no capex, no book value"
expect_eq "$(q "select e.t_days || ' ' || e.detail from events e join runs r on r.id = e.run_id where r.scenario = '$L'
  and e.kind = 'lease_end'")" "182.625 10 nodes leased in returned (fleet[1])" "lease in: returned at the term's end"
expect_eq "$(at $L 0 anchor.revenue) $(at $L 0 anchor.sla_credits)" "3506400.0 3501600.0" \
  "lease in: the tenant pays for 4383 hours, credited 80 x 10 x 4377 after the return"

sed 's/nodes = 10, lease = /nodes = 10, bought = true, lease = /' tests/validation/lease_in.lua >"$T_TMP/lease_bought.lua"
run "$NEOSIM" check "$T_TMP/lease_bought.lua"
expect_match "$ERR" "lease_bought.lua:[0-9]+: fleet\[1\]: bought = true and a lease: leased nodes are not bought" \
  "lease in: bought and leased is refused"

# impairment: written down on day 181 to 0.5 x 8 x $1 x the hours left, sold at that value on day 300
I=validation-impairment
expect_close "impairment: 10 x (1e6 x 39486 / 43830 - 157944)" "$(at $I 0 impairment_total)" \
  "$(awk 'BEGIN { printf "%.6f", 10 * (1e6 * 39486 / 43830 - 157944) }')"
expect_close "impairment: in is.write_off" "$(at $I 0 is.write_off)" "$(at $I 0 impairment_total)"
expect_close "impairment: depreciation at the new value's rate, \$4 an hour" "$(at $I 0 depreciation_total)" \
  "$(awk 'BEGIN { printf "%.6f", 10 * 1e6 * 4344 / 43830 + (10 * 2856 + 6 * 1560) * 4 }')"
expect_eq "$(at $I 0 proceeds_total) $(at $I 0 is.gain_on_sale) $(at $I 0 book_value_end)" "586080.0 0.0 841680.0" \
  "impairment: 4 sold at 0.5 x 8 x 36630, the book value; 6 left at 4 x 35070"
expect_eq "$(kev $I impairment)" "181.0 10 nodes written down by \$7429458 to their market value" \
  "impairment: once, on the month end the index fell"
mkdir -p "$T_TMP/lib" && cp tests/validation/lib/*.lua "$T_TMP/lib/"
grep -v '^  market = ' tests/validation/impairment.lua >"$T_TMP/no_market.lua"
run "$NEOSIM" check "$T_TMP/no_market.lua"
expect_match "$ERR" "skus.h100.resale_rent_share: needs a market index for h100 \(market.h100\)" \
  "impairment: resale_rent_share needs a market index"

# deposit: 30% of $10M with the order (day 10), the rest on delivery (day 60)
expect_eq "$(series 0 capex validation-deposit | awk '{ printf "%.2f ", $2 }')" "3000000.00 0.00 7000000.00 0.00 " \
  "deposit: capex 3M in January, 7M in March"
expect_eq "$(series 0 bs.deposits validation-deposit | awk '{ printf "%.2f ", $2 }')" "3000000.00 3000000.00 0.00 0.00 " \
  "deposit: 3M in deposits until the delivery"
expect_close "deposit: the nodes at cost less a month's depreciation on day 90" \
  "$(series 0 bs.equipment_net validation-deposit | awk '$1 == 90.0 { print $2 }')" \
  "$(awk 'BEGIN { printf "%.6f", 10e6 * (1 - 24 * 30 / 87660) }')"

# refused actions fail the run with the action's message
for act in '{ dividend = 1e9 }|action 1: dividend: \$1000000000 is more than the cash, \$[0-9]+$' \
           '{ buyback = 1e9 }|action 1: buyback: \$1000000000 is more than the cash' \
           '{ repay = "rcf" }|repay: rcf owes nothing' \
           '{ refinance = "rcf", term_months = 12 }|refinance: rcf is a facility, not a term loan' \
           '{ build = "dc", mw = 1 }|action 1: build: site dc has no build terms \(sites.dc.build\)$' \
           '{ raise = 1e6, valuation = 0 }|'"'"'valuation'"'"' must be a finite number > 0'; do
  mkdir -p "$T_TMP/lib" && cp tests/validation/lib/*.lua "$T_TMP/lib/"
  sed -e "s|local plan = {|local plan = { { 0, ${act%%|*} },|" -e 's/validation-debt-terms/refused/' \
    tests/validation/debt_terms.lua >"$T_TMP/refused.lua"
  run "$NEOSIM" run "$T_TMP/refused.lua" --db "$T_TMP/refused.db" --quiet
  expect_match "$(sqlite3 "$T_TMP/refused.db" "select error from runs order by id desc limit 1")" "${act#*|}" \
    "refused: ${act%%|*}"
done
finish
