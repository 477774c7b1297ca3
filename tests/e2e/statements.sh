# tests/e2e/statements.sh -- the financial statements of every run of every
# shipped scenario (whole horizon) and of the validation scenarios, 3
# replications each: at every month end assets = liabilities + equity
# (bs.*), the month's cash flows add up (cf.net = cf.operating +
# cf.investing + cf.financing), the change of cash is cf.net (the first
# month from the opening cash, finance.cash), the change of equity is the
# month's net income and the owners' flows (cf.equity) after the first month, EBITDA and net income follow
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
# bad COND SCALE: the months where |COND| exceeds 1e-6 of SCALE (plus $1),
# over the rows of the view statements (one run's statements by month)
bad() {
  sqlite3 "$db" "create temp table p as select s.*, lag(bs_cash) over w as cash0, lag(bs_equity) over w as equity0,
       (select cast(value as real) from params where run_id = s.run_id and name = 'finance.cash') as opening
     from statements s window w as (partition by run_id order by t_days);
   select count(*) from p where abs($1) > 1e-6 * ($2) + 1"
}
expect_eq "$(bad "bs_assets - bs_liabilities - bs_equity" "abs(bs_assets) + abs(bs_liabilities) + abs(bs_equity)")" "0" \
  "assets = liabilities + equity"
expect_eq "$(bad "cf_net - cf_operating - cf_investing - cf_financing" \
  "abs(cf_operating) + abs(cf_investing) + abs(cf_financing)")" "0" "cf.net = operating + investing + financing"
expect_eq "$(bad "bs_cash - coalesce(cash0, opening) - cf_net" "abs(bs_cash) + abs(cf_net)")" "0" "change of cash = cf.net"
expect_eq "$(bad "case when equity0 is null then 0 else bs_equity - equity0 - is_net_income - cf_equity end" \
  "abs(bs_equity) + abs(is_net_income) + abs(cf_equity)")" "0" "change of equity = net income + the owners' flows"
expect_eq "$(bad "is_ebitda - is_revenue + is_opex" "abs(is_revenue) + abs(is_opex)")" "0" "EBITDA = revenue - opex"
expect_eq "$(bad "is_net_income - (is_ebitda - is_depreciation - is_write_off + is_gain_on_sale - is_interest - is_tax)" \
  "abs(is_ebitda) + abs(is_depreciation) + abs(is_interest)")" "0" "net income from its lines"
# the view: a row per month of every run, each month named
expect_eq "$(q "select (select count(*) from statements) = (select count(*) from series where name = 'bs.cash')")" "1" \
  "statements: a row per month"
expect_eq "$(q "select count(*) from statements where month is null or month not glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'")" \
  "0" "statements: every month named YYYY-MM"
expect_eq "$(q "select s.month from statements s join runs r on r.id = s.run_id where r.scenario = 'coreweave-2025'
                and r.replication = 0 order by s.t_days limit 1")" \
  "$(q "select substr(value, 1, 7) from params p join runs r on r.id = p.run_id where r.scenario = 'coreweave-2025'
        and r.replication = 0 and p.name = 'start'")" "statements: the first month is the start's"
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
