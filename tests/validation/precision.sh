# tests/validation/precision.sh -- `neosim run --precision` as a valid
# sequential procedure: independent procedures (seeds 1, 2, ...) on
# tests/validation/precision.lua, whose metric od.jobs has the known mean
# 240; each procedure's final 95% interval is computed here from the runs it
# stored (mean +- t(0.975, n-1) s / sqrt(n), t by numerical integration).
# The intervals must cover 240 in 93% to 97% of the procedures: counted over
# 1000 of them (the count's sd is 0.7%, so a valid procedure is not failed by
# chance; over 200 it is 1.5%, and 97.5% would fail one in seven), printed
# for the first 200 too.  Under the sanitizers, 100 procedures check the
# mechanics and goals only.  Also: each half-width meets its goal, the
# counts do not depend on -j, and a killed procedure run again ends where
# one run ends.
. tests/lib.sh
f=tests/validation/precision.lua
case "$BUILD" in *san-*) total=100 ;; *) total=1000 ;; esac
mkdir -p "$T_TMP/s"
export NEOSIM T_TMP f
seq 1 $total | xargs -P 2 -n 1 sh -c '
  db=$T_TMP/s/p$0.db
  "$NEOSIM" run $f --db "$db" --precision od.jobs=0.02 -j 1 --seed "$0" --quiet || echo "exit $?" >"$T_TMP/s/$0.err"
  sqlite3 "$db" "select m.value from runs r join metrics m on m.run_id = r.id
    where m.name = '"'od.jobs'"' and r.status = '"'done'"'" | tr "\n" " " >"$T_TMP/s/$0.txt"
  rm -f "$db" "$db-wal" "$db-shm"'
expect_eq "$(cat "$T_TMP"/s/*.err 2>/dev/null)" "" "every procedure ran"
for s in $(seq 1 $total); do cat "$T_TMP/s/$s.txt"; echo; done >"$T_TMP/samples"
out=$(python3 - "$T_TMP/samples" <<'PY'
import math, sys
def t_pdf(x, df):
    return math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi) * (1 + x * x / df) ** (-(df + 1) / 2)
def t_cdf(x, df, steps=2000):  # Simpson's rule from 0
    h = x / steps
    s = t_pdf(0, df) + t_pdf(x, df) + sum((4 if i % 2 else 2) * t_pdf(i * h, df) for i in range(1, steps))
    return 0.5 + s * h / 3
known = {}
def t975(df):
    if df not in known:
        lo, hi = 0.0, 20.0
        for _ in range(50):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if t_cdf(mid, df) < 0.975 else (lo, mid)
        known[df] = (lo + hi) / 2
    return known[df]
cover, cover200, met, ns, gamma = 0, 0, 0, [], 0.02 / 1.02
for i, line in enumerate(open(sys.argv[1])):
    x = [float(v) for v in line.split()]
    n = len(x); m = sum(x) / n
    sd = math.sqrt(sum((v - m) ** 2 for v in x) / (n - 1))
    hw = t975(n - 1) * sd / math.sqrt(n)
    cover += abs(m - 240) <= hw
    cover200 += i < 200 and abs(m - 240) <= hw
    met += hw <= gamma * abs(m) * (1 + 1e-12)
    ns.append(n)
print(cover, met, len(ns), min(ns), max(ns), "%.1f" % (sum(ns) / len(ns)), cover200)
PY
)
set -- $out
echo "precision: the final 95% intervals covered the mean 240 in $1 of $3 procedures" \
  "($7 of the first 200); goal met in $2; replications $4 to $5, mean $6"
expect_eq "$3" "$total" "$total procedures"
expect_eq "$2" "$total" "every procedure ended with its goal met"
if [ "$total" -lt 1000 ]; then pass
elif [ "$1" -ge 930 ] && [ "$1" -le 970 ]; then pass
else fail "coverage $1 of 1000, outside 93% to 97%"; fi
# the same counts whatever -j; a killed procedure run again ends the same
run "$NEOSIM" run $f --db "$T_TMP/j1.db" --precision od.jobs=0.02 --seed 3 -j 1 --quiet
run "$NEOSIM" run $f --db "$T_TMP/j2.db" --precision od.jobs=0.02 --seed 3 -j 2 --quiet
expect_eq "$(results_dump "$T_TMP/j2.db")" "$(results_dump "$T_TMP/j1.db")" "-j 2: the same runs as -j 1"
run "$NEOSIM" run $f --db "$T_TMP/k.db" --precision od.jobs=0.02 --seed 3 -j 1 --quiet --min-reps 10 --max-reps 10
run "$NEOSIM" run $f --db "$T_TMP/k.db" --precision od.jobs=0.02 --seed 3 -j 1
expect_rc 0 "a procedure stopped at 10 runs, run again"
expect_match "$OUT" "10 already done skipped" "the runs done before are reused"
expect_eq "$(results_dump "$T_TMP/k.db" | grep -v wall)" "$(results_dump "$T_TMP/j1.db" | grep -v wall)" \
  "run again, the procedure ends where one run ends"
run "$NEOSIM" run $f --db "$T_TMP/e.db" --precision od.jobz=0.02 --quiet
expect_rc 2 "a goal of an unknown metric"
expect_match "$ERR" "--precision od.jobz: no done run of 'validation-precision' has this metric" "the message"
run "$NEOSIM" run $f --db "$T_TMP/e.db" --precision od.jobs=2 --quiet
expect_rc 2 "a relative goal of 2"
run "$NEOSIM" run $f --db "$T_TMP/e.db" --precision od.jobs=0.1 --reps 5 --quiet
expect_rc 2 "--precision with --reps"
finish
