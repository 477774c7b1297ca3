# tests/validation/contracts.sh -- contracts against hand computations (each
# scenario's header gives its figures); every run also balances its books
# (tests/e2e/statements.sh runs these files too):
#   contracts.lua         one contract over two SKUs with a ramp and an
#                         escalator; recalled by the operator with notice and
#                         a penalty, both SKUs released together
#   contracts_offer.lua   an offer adds a second contract; nodes go to the
#                         oldest first, the newest is short and credited
#   contracts_renewal.lua renewal whose probability falls with the price over
#                         the index: 0.8^2 = 0.64 (a binomial interval)
. tests/lib.sh
db=$T_TMP/c.db
q() { sqlite3 "$db" "$1"; }
at() { # at SCENARIO POINT NAME: a metric of replication 0 of a point
  q "select m.value from metrics m join runs r on r.id = m.run_id where r.scenario = '$1'
     and r.point = $2 and r.replication = 0 and m.name = '$3'"
}
for f in contracts contracts_offer contracts_renewal; do
  run "$NEOSIM" run tests/validation/$f.lua --db "$db" --quiet
  expect_rc 0 "$f runs"
done

# one contract, two SKUs: ramp (4, 8, 12 H100; 2, 4, 6 B200), +10% at the anniversary
expect_close "lines, ramp and escalator: bills" "$(at validation-contracts 0 anchor.revenue)" \
  "$(awk 'BEGIN { print 730.5 * 120 + 730.5 * 240 + 7305 * 360 + 8754 * 396 }')"
expect_close "lines and ramp: GPU-hours" "$(at validation-contracts 0 anchor.gpu_hours)" \
  "$(awk 'BEGIN { print (4 * 8 + 2 * 4) * 730.5 + (8 * 8 + 4 * 4) * 730.5 + (12 * 8 + 6 * 4) * 16059 }')"
expect_close "no recall: no penalty" "$(at validation-contracts 0 opex_total)" 0
# recalled on day 100 with 90 days' notice: both lines end on day 190; 2 months' penalty
expect_close "recall: bills to day 190" "$(at validation-contracts 1 anchor.revenue)" \
  "$(awk 'BEGIN { print 730.5 * 120 + 730.5 * 240 + (190 * 24 - 1461) * 360 }')"
expect_close "recall: the penalty, an operating expense" "$(at validation-contracts 1 opex_total)" \
  "$(awk 'BEGIN { print 2 * 730.5 * 360 }')"
expect_eq "$(q "select e.t_days || ' ' || e.kind || ': ' || e.detail from events e join runs r on r.id = e.run_id
  where r.scenario = 'validation-contracts' and r.point = 1 and e.kind in ('recall', 'contract_end')
  order by e.t_days")" "100.0 recall: 1 contract recalled: end in 90 days, penalty \$525960
190.0 contract_end: ended by the operator's recall" "recall: notice on day 100, one end for both SKUs on day 190"
expect_eq "$(q "select group_concat(s.value) from series s join runs r on r.id = s.run_id
  where r.scenario = 'validation-contracts' and r.point = 1 and s.name = 'utilization' and s.t_days in (243, 273)")" \
  "0.0,0.0" "recall: no node of either SKU leased after day 190"
# refused recalls end the run with their message
for c in "who=nobody|unknown tenant 'nobody'" "contract=2|recall: tenant anchor has no contract 2 running \\(1 running\\)" \
         "who=spare|recall: tenant spare is not a reserved tenant"; do
  run "$NEOSIM" run tests/validation/contracts.lua --db "$T_TMP/bad.db" --quiet \
    --set "policies.params.${c%%|*}"
  expect_rc 1 "recall ${c%%|*} refused"
  expect_match "$ERR" "action 1: ${c#*|}" "recall ${c%%|*}: the message"
done

# several contracts: the offer adds one; the newest gets the 3 nodes left of 15
expect_close "two contracts: bills" "$(at validation-contracts-offer 0 anchor.revenue)" \
  "$(awk 'BEGIN { print 240 * 4800 + 72 * 4080 }')"
expect_close "two contracts: the newest's credits" "$(at validation-contracts-offer 0 anchor.sla_credits)" \
  "$(awk 'BEGIN { print 48 * 4080 }')"
expect_eq "$(q "select count(*) from events e join runs r on r.id = e.run_id
  where r.scenario = 'validation-contracts-offer' and e.kind = 'contract_start'")" 2 \
  "two contracts: the offer does not replace the first"
# a tenant that defaulted signs nothing more: the offer is declined, the run goes on
run "$NEOSIM" run tests/validation/contracts_offer.lua --db "$T_TMP/d.db" --quiet \
  --set tenants.anchor.default_prob_year=1000
expect_rc 0 "an offer after a default"
expect_eq "$(sqlite3 "$T_TMP/d.db" "select kind || ': ' || detail from events where kind in ('contract_end', 'offer_declined')
  order by t_days")" "contract_end: tenant default
offer_declined: 5 nodes at \$3/GPU-hour: it has defaulted" "an offer after a default is declined"

# renewal at 1.25 x the index with elasticity 2: probability 0.64, +- 3.29 binomial standard errors
n=$(q "select count(*) from events e join runs r on r.id = e.run_id
  where r.scenario = 'validation-contracts-renewal' and r.point = 0 and e.kind = 'renewal'")
if awk -v n="$n" 'BEGIN { p = 0.64; f = n / 2000; h = 3.29 * sqrt(p * (1 - p) / 2000)
     printf "renewals at 1.25 x the index, elasticity 2: %.4f, by hand 0.64 +- %.4f\n", f, h
     d = f - p; if (d < 0) d = -d; exit !(d <= h) }'; then pass; else fail "renewal probability: $n of 2000"; fi
expect_eq "$(q "select count(*) from events e join runs r on r.id = e.run_id
  where r.scenario = 'validation-contracts-renewal' and r.point = 1 and e.kind = 'renewal'")" 2000 \
  "renewal with elasticity 0: always"
finish
