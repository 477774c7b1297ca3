# tests/validation/seek.sh -- `neosim seek` on tests/validation/precision.lua,
# whose od.jobs has the mean 240 x arrivals_per_hour, so the target 300 is
# met at exactly 1.25: over 40 independent seeks (seeds 1 to 40; alpha 0.05,
# budget 600, at most 320 replications a value) the reported interval holds
# 1.25 in at least 36 (the interval's error is at most 0.05: a count of 35
# or less has probability 0.048 at a coverage of exactly 0.95, and
# Bonferroni's bound makes the true error far smaller), and the estimates'
# mean is within 0.005 of 1.25.  Under the sanitizers 6 seeks, mechanics only.
. tests/lib.sh
f=tests/validation/precision.lua
case "$BUILD" in *san-*) total=6 ;; *) total=40 ;; esac
mkdir -p "$T_TMP/s"
export NEOSIM T_TMP f
seq 1 $total | xargs -P 2 -n 1 sh -c '
  db=$T_TMP/s/p$0.db
  "$NEOSIM" seek $f --vary tenants.od.arrivals_per_hour=0.5:3 --metric od.jobs --target 300 \
    --budget 600 --max-reps 320 --db "$db" -j 1 --seed "$0" --quiet >"$T_TMP/s/$0.out" ||
    echo "exit $?" >"$T_TMP/s/$0.err"
  rm -f "$db" "$db-wal" "$db-shm"'
expect_eq "$(cat "$T_TMP"/s/*.err 2>/dev/null)" "" "every seek ran"
cat "$T_TMP"/s/*.out | grep '^root: ' | sed 's/^root: tenants.od.arrivals_per_hour=//; s/[],[]/ /g' >"$T_TMP/roots"
expect_eq "$(grep -c . "$T_TMP/roots")" "$total" "every seek ends with root: KEY=VALUE [LO, HI]"
out=$(awk '{ n++; s += $1; if ($2 <= 1.25 && 1.25 <= $3) c++; w += $3 - $2 }
  END { printf "%d %d %.5f %.4f", c, n, s / n, w / n }' "$T_TMP/roots")
set -- $out
echo "seek: the interval held the root 1.25 in $1 of $2 seeks; estimates' mean $3, intervals' mean width $4"
case "$BUILD" in
*san-*) ;;
*)
  expect_eq "$(awk -v c="$1" 'BEGIN { print (c >= 36) }')" "1" "the interval holds 1.25 in >= 36 of 40 ($1)"
  expect_eq "$(awk -v m="$3" 'BEGIN { d = m - 1.25; print (d * d < 0.005 * 0.005) }')" "1" \
    "the estimates' mean within 0.005 of 1.25 ($3)"
  ;;
esac
finish
