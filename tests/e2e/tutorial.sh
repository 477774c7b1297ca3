# tests/e2e/tutorial.sh -- the README's tutorial, command by command, into a
# temporary database: the figures it quotes must stay true.
. tests/lib.sh
db=$T_TMP/t.db
q() { sqlite3 "$db" "$1"; }

run "$NEOSIM" run scenarios/h100_price_collapse.lua --db "$db" --quiet
expect_rc 0 "h100_price_collapse runs"
expect_eq "$(q "select group_concat(r.point || ':' || r.replication || '@' || m.value, ' ') from
                 (select * from runs order by point, replication) r join metrics m on m.run_id = r.id
                 where m.name = 'default_day' and m.value is not null")" "2:1@1187.0 2:11@1187.0 2:14@1216.0" \
  "replications 1 and 11 of point 2 default on day 1187, 14 on day 1216"
expect_eq "$(q "select group_concat(r.replication, ' ') from (select * from runs order by replication) r
                 join events e on e.run_id = r.id
                 where r.point = 2 and e.kind = 'contract_end' and e.t_days < 366")" "1 11 14" \
  "the defaulting runs are those whose reserved tenant left on day 365"
expect_eq "$(q "select count(distinct r.replication) from runs r join events e on e.run_id = r.id
                 where r.point = 2 and e.kind = 'renewal'")" "17" "the 17 others renewed at least once"
run "$NEOSIM" compare --db "$db" --scenario h100-price-collapse
expect_rc 0 "compare"
expect_match "$OUT" "^Risk: " "compare shows the risk table"
run "$NEOSIM" run scenarios/h100_price_collapse.lua --db "$db" --resume --trace 2:11
expect_rc 0 "resume with a trace"
expect_match "$OUT" "1 runs \(0 failed\).*59 already done skipped" "only the traced run is redone"
story=$(q "select round(t_days, 1), kind, subject, detail from events
  where run_id = (select id from runs where scenario = 'h100-price-collapse' and point = 2 and replication = 11)
    and kind not in ('failure', 'repair') order by t_days")
expect_eq "$story" "0.0|contract_start|term|400 nodes at \$7.2/GPU-hour for 12 months
365.3|contract_end|term|term ended, not renewed
1156.0|covenant_breach|gpu_loan|cash \$5657728 below a min_cash covenant of \$10000000
1171.0|covenant_cured|gpu_loan|min_cash: the test holds again
1187.0|covenant_breach|gpu_loan|cash \$-876979 below a min_cash covenant of \$10000000
1187.0|default|cash|cash \$-876979 and no facility left" "the traced run's story"
expect_eq "$(q "select round(min(value), 3) || '|' || round(max(value), 3) from series s join runs r on r.id = s.run_id
                 where r.point = 2 and r.replication = 11 and s.name = 'market.h100' and s.t_days > 366")" \
  "1.7|2.35" "the index the on-demand rent follows after day 365"
expect_match "$(q "select count(*) from events e join runs r on r.id = e.run_id where r.point = 2 and r.replication = 11 and kind = 'failure'")" \
  "^[1-9][0-9]*$" "the traced run has its failures"
run "$NEOSIM" report --db "$db" --scenario h100-price-collapse -o "$T_TMP/report.html"
expect_rc 0 "report"
expect_eq "$(grep -o '<svg' "$T_TMP/report.html" | wc -l | tr -d ' ')" "15" "report: 5 charts for each of 3 points"
finish
