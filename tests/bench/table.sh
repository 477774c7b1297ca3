#!/bin/sh
# tests/bench/table.sh -- the README's performance table from the figures
# of one `make bench` run (the `bench NAME VALUE UNIT` lines of
# $BUILD/bench-results.txt), with each target; a figure the run lacks
# shows as '?'.  usage: table.sh RESULTS   (markdown on standard output)
set -eu
[ $# -eq 1 ] && [ -r "$1" ] || { echo "usage: table.sh RESULTS (make bench writes build/release/bench-results.txt)" >&2; exit 2; }
awk '
$1 == "bench" { v[$2] = $3 }
function f(n) { return (n in v) ? v[n] : "?" }
# x as 1.64·10^7 (3 significant digits), or x itself when small
function sci(n,   x, e, m) {
  if (!(n in v)) return "?"
  x = v[n] + 0
  if (x < 1e4) return v[n]
  e = int(log(x) / log(10) + 1e-9); m = x / 10 ^ e
  return sprintf("%.3g·10^%d", m, e)
}
function whole(n) { return (n in v) ? sprintf("%.0f", v[n]) : "?" }
function best_of(a, b) { return v[a] > v[b] ? v[a] : v[b] }
function vs_best(n,   a, h, r) {
  a = "hold_" n "_auto"; h = "hold_" n "_heap4"; r = "hold_" n "_radix"
  if (!(a in v && h in v && r in v)) return "?"
  return sprintf("%.3f", v[a] / best_of(h, r))
}
function row(figure, reached, target) { printf "| %s | %s | %s |\n", figure, reached, target }
END {
  print "| figure | reached | target |"
  print "|---|---|---|"
  row("M/M/1 through the engine (`mm1`)", sci("mm1_engine") " customers/s, " sci("mm1_engine_events") " events/s; " f("mm1_ratio_vs_simpy") "× SimPy (" sci("mm1_simpy") ")", "1.5·10^7, 80×")
  row("the same against a hand-written loop (`mm1_floor`: binary heap of (time, sequence), no handles, no dispatch)", sci("mm1_floor") " customers/s: " f("mm1_vs_floor") "× (`mm1_vs_floor`)", "1.0×")
  row("the engine'"'"'s contract written plainly by hand for the same model (`mm1_contract`: handles, payload in a slot table, checks, budget, dispatch by kind; a binary heap)", sci("mm1_contract") " customers/s: " f("mm1_contract_vs_floor") "× the floor; the engine " f("mm1_vs_contract") "× it (`mm1_vs_contract`)", "")
  row("M/M/1 as a scenario (`mm1.lua`: Lua, model, SQLite)", sci("mm1_scenario") " jobs/s", "5·10^6")
  row("hold model, `auto`, at 10^3 / 10^5 / 10^6 pending", sci("hold_1e3_auto") " / " sci("hold_1e5_auto") " / " sci("hold_1e6_auto") " holds/s; " f("hold_slowdown_1e3_to_1e6") "× slower at 10^6", "2·10^7 at 10^3, 5·10^6 at 10^6, < 4×")
  row("`auto` against the better of heap4 and radix, at 10^3 / 10^5 / 10^6", vs_best("1e3") " / " vs_best("1e5") " / " vs_best("1e6"), "≥ 0.95")
  row("memory per pending event, 10^3 / 10^5 / 10^6", f("hold_1e3_auto_bytes") " / " f("hold_1e5_auto_bytes") " / " f("hold_1e6_auto_bytes") " bytes", "")
  row("SQLite series writes (`store_rows`)", sci("store_rows") " rows/s, " f("store_rows_bytes") " bytes a row on disk", "10^6 rows/s, ≤ 40 bytes")
  row("`reference_100k.lua`, one replication", f("reference_100k") " s, " sci("reference_100k_events") " events/s, " f("reference_100k_peak_rss") " MB peak for " sci("reference_100k_nodes") " nodes (" f("reference_100k_rss_per_node") " bytes a node, Lua and SQLite included)", "1 s, 200 MB")
  row("its event rate against the M/M/1 of the engine measured beside it, the best of two of each (`model_vs_engine_event_rate`)", f("model_vs_engine_event_rate") "× (" sci("mm1_engine_events_beside") " events/s)", "0.35×")
  row("the same against the floor measured beside it, what the two targets above ask together (`model_vs_floor_event_rate`)", f("model_vs_floor_event_rate") "× (" sci("mm1_floor_events_beside") " events/s)", "0.35 × 1.0 = 0.35×")
  row("`scale_1m.lua` at 100k / 300k / 1M GPUs, one replication", f("scale_100k") " / " f("scale_300k") " / " f("scale_1m") " s; " f("scale_100k_event_ns") " / " f("scale_300k_event_ns") " / " f("scale_1m_event_ns") " ns an event; " f("scale_100k_rss") " / " f("scale_300k_rss") " / " f("scale_1m_rss") " MB peak", "linear")
  row("1000-run sweep, `-j 1` and `-j 2` (`sweep_speedup_j2`)", f("sweep_j1") " and " f("sweep_j2") " runs/s: " f("sweep_speedup_j2") "×", "≥ 1.9×")
  row("the own work of the experiment driver, in a batch of `sweep.lua` at `-j 2`: `run --precision`; `select`, its procedure (with process start and scenario load)", f("precision_driver_share") "% (" f("precision_runs") " runs); " f("select_procedure_share") "% (" f("select_driver_share") "%; " f("select_runs") " runs)", "< 5%")
  row("`compare`, one scenario of a database of 2 × 10^4 runs (" whole("analysis_db_size") " MB, built in " f("analysis_db_build") " s)", f("compare_1e4_runs") " s", "≤ 2 s")
  row("`report`, the same", f("report_1e4_runs") " s", "≤ 2 s")
}' "$1"
