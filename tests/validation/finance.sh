# tests/validation/finance.sh -- the finance of issue 16 against hand
# computations (each scenario's header gives its figures); every run also
# balances its books (tests/e2e/statements.sh runs these files too):
#   tax.lua   income tax with a loss carried forward, and without
. tests/lib.sh
db=$T_TMP/f.db
q() { sqlite3 "$db" "$1"; }
# at SCENARIO POINT NAME: a metric of replication 0 of a point
at() {
  q "select m.value from metrics m join runs r on r.id = m.run_id where r.scenario = '$1'
     and r.point = $2 and r.replication = 0 and m.name = '$3'"
}
for f in tax; do
  run "$NEOSIM" run tests/validation/$f.lua --db "$db" --quiet -j 1 --trace 0:0
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
finish
