# tests/bench/lib.sh -- helpers for the benchmark scripts (sourced).

# bench_line NAME VALUE UNIT: the line `bench NAME VALUE UNIT`, VALUE with
# 3 significant digits and a plain exponent (6.2e6, not 6.2e+06).
bench_line() {
  awk -v n="$1" -v x="$2" -v u="$3" 'BEGIN {
    v = sprintf("%.3g", x); if (v ~ /e/) { split(v, p, "e"); v = p[1] "e" (p[2] + 0) }
    print "bench " n " " v " " u }'
}

# least A B, most A B: the smaller (larger) of two numbers, A empty for none yet.
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
most() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b > a) ? b : a }'; }
