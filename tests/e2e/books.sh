# tests/e2e/books.sh -- money figures against hand computations, one
# scenario of tests/e2e/books/ per error the books found:
#   prepay_carry    a renewal keeps the prepayment left (contract liabilities)
#   prepay_default  a default is paid from the prepayment before bad debt
#   deposits        nodes paid for and not delivered keep their value
#   lost            lost nodes stop depreciating and are written off
. tests/lib.sh
db=$T_TMP/b.db
q() { sqlite3 "$db" "$1"; }
for f in tests/e2e/books/*.lua; do
  run "$NEOSIM" run "$f" --db "$db" --quiet -j 1 --trace 0:0
  expect_rc 0 "$f runs"
done
metric() { metric_of "$db" "$@"; }
last() { last_of "$db" "$@"; }
check() { expect_close "$@"; }

# prepay_carry: P = 10 x 8 x 2 x 8766 = 1,402,560 per term; the 5 nodes bill
# b = 5 x 8 x 2 = $80 an hour; renewed on day 365.25 with P/2 left, so at the
# end (day 700, bills collected) the liability is 1.5 P - b x (700 - 365.25) x 24
P=1402560
check "prepay_carry: contract liabilities at the end" "$(last books-prepay-carry bs.contract_liabilities)" \
  "$(awk -v P=$P 'BEGIN { printf "%.6f", 1.5 * P - 80 * (700 - 365.25) * 24 }')"
check "prepay_carry: revenue" "$(metric books-prepay-carry revenue_total)" "$(awk 'BEGIN { print 80 * 700 * 24 }')"
expect_eq "$(metric books-prepay-carry bad_debt_total)" "0.0" "prepay_carry: no bad debt"
expect_eq "$(q "select count(*) from events where kind = 'renewal'")" "1" "prepay_carry: renewed once"

# prepay_default: every replication defaults; the prepayment P = 4 x 8 x 3 x
# 8766 x 2 covers every bill, and its rest is earned at the default
P=$(awk 'BEGIN { print 4 * 8 * 3 * 8766 * 2 }')
for r in 0 1 2 3; do
  expect_eq "$(q "select count(*) from events e join runs x on x.id = e.run_id where x.scenario = 'books-prepay-default'
                  and x.replication = $r and e.kind = 'tenant_default'")" "1" "prepay_default $r: a default"
  expect_eq "$(metric books-prepay-default bad_debt_total $r)" "0.0" "prepay_default $r: nothing lost"
  check "prepay_default $r: revenue is the prepayment" "$(metric books-prepay-default revenue_total $r)" "$P"
done
expect_eq "$(last books-prepay-default bs.contract_liabilities)" "0.0" "prepay_default: no liability left"
expect_match "$(q "select detail from events where kind = 'tenant_default' limit 1")" '^receivable lost: \$0$' \
  "prepay_default: the event says nothing was lost"

# deposits: 10 nodes paid $3M on day 0, not delivered; 2 owned nodes in service
check "deposits: the deposit" "$(last books-deposits bs.deposits)" 3000000
book=$(awk 'BEGIN { printf "%.10f", 3000000 + 2 * 300000 * (1 - 90 * 24 / (5 * 8766)) }')
check "deposits: book value = deposit + the owned nodes at cost less depreciation" \
  "$(metric books-deposits book_value_end)" "$book"
check "deposits: the balance sheet's fleet" \
  "$(awk -v a="$(last books-deposits bs.equipment_net)" -v b="$(last books-deposits bs.deposits)" 'BEGIN { printf "%.10f", a + b }')" "$book"

# lost: from the traced run's failures, each node depreciates $200k / (2 x
# 8766 h) until it is lost (or to the horizon), and is written off at its
# price less that
q "select t_days from events e join runs r on r.id = e.run_id where r.scenario = 'books-lost'
     and r.replication = 0 and e.kind = 'failure' and e.detail like '%lost'" >"$T_TMP/lost"
nlost=$(grep -c . "$T_TMP/lost")
expect_eq "$(metric books-lost nodes_lost)" "$nlost.0" "lost: one failure event per node lost ($nlost)"
dep=$(awk -v n=8 -v k="$nlost" '{ s += $1 } END { printf "%.10f", 200000 / (2 * 8766) * 24 * (s + (n - k) * 365) }' "$T_TMP/lost")
wo=$(awk '{ s += 200000 * (1 - $1 * 24 / (2 * 8766)) } END { printf "%.10f", s }' "$T_TMP/lost")
check "lost: depreciation stops at the loss" "$(metric books-lost depreciation_total)" "$dep"
check "lost: the write-off" "$(metric books-lost is.write_off)" "$wo"
check "lost: book value of the survivors" "$(metric books-lost book_value_end)" \
  "$(awk -v k="$nlost" 'BEGIN { printf "%.10f", (8 - k) * 200000 * (1 - 365 * 24 / (2 * 8766)) }')"
finish
