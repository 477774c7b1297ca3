# tests/e2e/tutorial.sh -- the README's tutorial, command by command, into a
# temporary database: the figures it quotes must stay true.
. tests/lib.sh
db=$T_TMP/t.db
q() { sqlite3 "$db" "$1"; }

run "$NEOSIM" run scenarios/h100_price_collapse.lua --db "$db" --quiet
expect_rc 0 "h100_price_collapse runs"
expect_eq "$(q "select group_concat(r.point || ':' || r.replication || '@' || m.value, ' ') from
                 (select * from runs where point = 1 order by replication) r join metrics m on m.run_id = r.id
                 where m.name = 'default_day' and m.value is not null")" "1:1@701.0 1:11@701.0 1:14@701.0" \
  "replications 1, 11 and 14 of point 1 default on day 701"
expect_eq "$(q "select count(*) from runs r join metrics m on m.run_id = r.id
                 where r.point = 2 and m.name = 'default_day' and m.value is not null")" "20" \
  "every replication of point 2 defaults"
expect_eq "$(q "select group_concat(r.replication, ' ') from (select * from runs order by replication) r
                 join events e on e.run_id = r.id
                 where r.point = 1 and e.kind = 'contract_end' and e.t_days < 366")" "1 11 14" \
  "the defaulting runs are those whose reserved tenant left on day 365"
expect_eq "$(q "select count(distinct r.replication) from runs r join events e on e.run_id = r.id
                 where r.point = 1 and e.kind = 'renewal'")" "17" "the 17 others renewed at least once"
run "$NEOSIM" compare --db "$db" --scenario h100-price-collapse
expect_rc 0 "compare"
expect_match "$OUT" "^Risk: " "compare shows the risk table"
run "$NEOSIM" run scenarios/h100_price_collapse.lua --db "$db" --resume --trace 1:11
expect_rc 0 "resume with a trace"
expect_match "$OUT" "1 runs \(0 failed\).*59 already done skipped" "only the traced run is redone"
story=$(q "select round(t_days, 1), kind, subject, detail from events
  where run_id = (select id from runs where scenario = 'h100-price-collapse' and point = 1 and replication = 11)
    and kind not in ('failure', 'repair') order by t_days")
expect_eq "$story" "0.0|contract_start|term|400 nodes at \$7.2/GPU-hour for 12 months
0.0|draw|ddtl|\$400000000 on 2000 nodes paid \$800000000 (borrowing base \$400000000)
31.0|covenant_test|ddtl|dscr 4.204, min 1.25: holds
122.0|covenant_test|ddtl|dscr 3.799, min 1.25: holds
214.0|covenant_test|ddtl|dscr 3.348, min 1.25: holds
306.0|covenant_test|ddtl|dscr 3.025, min 1.25: holds
365.3|contract_end|term|term ended, not renewed
396.0|covenant_test|ddtl|dscr 2.588, min 1.25: holds
487.0|covenant_test|ddtl|dscr 1.818, min 1.25: holds
579.0|covenant_test|ddtl|dscr 1.264, min 1.25: holds
671.0|covenant_test|ddtl|dscr 0.8568, min 1.25: fails
671.0|covenant_breach|ddtl|dscr 0.8568, min 1.25
701.0|covenant_action|ddtl|dscr breach not cured: principal accelerated
701.0|acceleration|ddtl|\$233944079 of principal and \$2113663 of interest due at once
701.0|default|cash|cash \$-12571013 and no facility left" "the traced run's story"
expect_eq "$(q "select round(min(value), 3) || '|' || round(max(value), 3) from series s join runs r on r.id = s.run_id
                 where r.point = 1 and r.replication = 11 and s.name = 'market.h100' and s.t_days > 366")" \
  "1.7|2.225" "the index the on-demand rent follows after day 365"
expect_match "$(q "select count(*) from events e join runs r on r.id = e.run_id where r.point = 1 and r.replication = 11 and kind = 'failure'")" \
  "^[1-9][0-9]*$" "the traced run has its failures"
run "$NEOSIM" report --db "$db" --scenario h100-price-collapse -o "$T_TMP/report.html"
expect_rc 0 "report"
expect_eq "$(grep -o '<svg' "$T_TMP/report.html" | wc -l | tr -d ' ')" "20" \
  "report: 6 charts for each of 3 points, and every point's median cash and utilisation in one chart each"
finish
