# tests/e2e/statements.sh -- the financial statements of every run of every
# shipped scenario (whole horizon) and of the validation scenarios, 3
# replications each: at every month end assets = liabilities + equity
# (bs.*), the month's cash flows add up (cf.net = cf.operating +
# cf.investing + cf.financing), the change of cash is cf.net (the first
# month from the opening cash, finance.cash), the change of equity is the
# month's net income after the first month, EBITDA and net income follow
# from their lines, and a run's flow metrics are the sums of its months.
# No run fails: the books agree with the model in every one.
. tests/lib.sh
db=$T_TMP/s.db
for f in scenarios/*.lua tests/validation/*.lua; do
  case "$f" in */stats.lua) continue ;; esac
  run "$NEOSIM" run "$f" --db "$db" --reps 3 --quiet -j 2
  expect_rc 0 "$f runs"
done
q() { sqlite3 "$db" "$1"; }
expect_eq "$(q "select count(*) from runs where status <> 'done'")" "0" "every run done (the books always agree)"
runs=$(q "select count(*) from runs")
expect_match "$runs" '^[0-9]{2,}$' "runs stored ($runs)"
# bad COND SCALE: the months where |COND| exceeds 1e-6 of SCALE (plus $1)
bad() {
  sqlite3 "$db" "create temp table m as select run_id, t_days,
     max(case when name = 'bs.assets' then value end) as assets,
     max(case when name = 'bs.liabilities' then value end) as liab,
     max(case when name = 'bs.equity' then value end) as equity,
     max(case when name = 'bs.cash' then value end) as cash,
     max(case when name = 'cf.operating' then value end) as op,
     max(case when name = 'cf.investing' then value end) as inv,
     max(case when name = 'cf.financing' then value end) as fin,
     max(case when name = 'cf.net' then value end) as net,
     max(case when name = 'is.revenue' then value end) as rev,
     max(case when name = 'is.opex' then value end) as opex,
     max(case when name = 'is.ebitda' then value end) as ebitda,
     max(case when name = 'is.depreciation' then value end) as dep,
     max(case when name = 'is.write_off' then value end) as wo,
     max(case when name = 'is.gain_on_sale' then value end) as gain,
     max(case when name = 'is.interest' then value end) as interest,
     max(case when name = 'is.tax' then value end) as tax,
     max(case when name = 'is.net_income' then value end) as ni
   from series where name like 'bs.%' or name like 'cf.%' or name like 'is.%' group by run_id, t_days;
   create temp table p as select m.*, lag(cash) over w as cash0, lag(equity) over w as equity0,
       (select cast(value as real) from params where run_id = m.run_id and name = 'finance.cash') as opening
     from m window w as (partition by run_id order by t_days);
   select count(*) from p where abs($1) > 1e-6 * ($2) + 1"
}
expect_eq "$(bad "assets - liab - equity" "abs(assets) + abs(liab) + abs(equity)")" "0" "assets = liabilities + equity"
expect_eq "$(bad "net - op - inv - fin" "abs(op) + abs(inv) + abs(fin)")" "0" "cf.net = operating + investing + financing"
expect_eq "$(bad "cash - coalesce(cash0, opening) - net" "abs(cash) + abs(net)")" "0" "change of cash = cf.net"
expect_eq "$(bad "case when equity0 is null then 0 else equity - equity0 - ni end" "abs(equity) + abs(ni)")" "0" \
  "change of equity = net income"
expect_eq "$(bad "ebitda - rev + opex" "abs(rev) + abs(opex)")" "0" "EBITDA = revenue - opex"
expect_eq "$(bad "ni - (ebitda - dep - wo + gain - interest - tax)" "abs(ebitda) + abs(dep) + abs(interest)")" "0" \
  "net income from its lines"
# run totals are the sums of the months
sums=$(q "select count(*) from (select r.id, m.name, m.value as total, (select sum(s.value) from series s
          where s.run_id = r.id and s.name = m.name) as months from runs r join metrics m on m.run_id = r.id
          where m.name in ('is.revenue', 'is.opex', 'is.net_income', 'cf.operating', 'cf.investing', 'cf.net'))
        where abs(total - months) > 1e-6 * abs(total) + 1")
expect_eq "$sums" "0" "flow metrics are the sums of their months"
# the statements agree with the model's own series and metrics
expect_eq "$(q "select count(*) from series a join series b on a.run_id = b.run_id and a.t_days = b.t_days
                where a.name = 'cash' and b.name = 'bs.cash' and abs(a.value - b.value) > 1e-6 * abs(a.value) + 1")" \
  "0" "bs.cash is the model's cash"
expect_eq "$(q "select count(*) from metrics a join metrics b on a.run_id = b.run_id
                where a.name = 'revenue_total' and b.name = 'is.revenue' and abs(a.value - b.value) > 1e-6 * abs(a.value) + 1")" \
  "0" "is.revenue is revenue_total"
finish
