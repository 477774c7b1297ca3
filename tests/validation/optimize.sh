# tests/validation/optimize.sh -- `neosim optimize` finds the fleet size
# that maximises EBITDA in tests/validation/optimize.lua, known exactly: the
# optimum c* is computed here from Erlang's loss recursion (B(c, a) = a
# B(c-1, a) / (c + a B(c-1, a))) over 5 to 30 nodes.  Three searches (seeds
# 1 to 3; 5 to 30 nodes, budget 600 replications each) must each end at c*
# or next to it, and the closed form x 8760 hours must lie inside the
# interval of the last line (the chosen point's fresh replications; widened
# by 0.1% for the first hour, when the pool starts empty).  Under the sanitizers one search.
. tests/lib.sh
f=tests/validation/optimize.lua
best=$(awk 'BEGIN { a = 10; b = 1; bc = 0; bf = -1e9
  for (c = 1; c <= 30; c++) { b = a * b / (c + a * b); f = 16 * a * (1 - b) - 4 * c
    if (c >= 5 && f > bf) { bf = f; bc = c; bb = b } }
  printf "%d %.6f", bc, bf * 8760 }')
set -- $best
cstar=$1 exact=$2
expect_eq "$cstar" "14" "the closed form's optimum"
case "$BUILD" in *san-*) seeds=1 ;; *) seeds="1 2 3" ;; esac
for seed in $seeds; do
  run "$NEOSIM" optimize $f --vary fleet.1.nodes=5:30:int --metric is.ebitda --budget 600 \
    --db "$T_TMP/o$seed.db" --seed "$seed" -j 2 --quiet
  expect_rc 0 "optimize, seed $seed"
  last=$(printf '%s\n' "$OUT" | tail -1)
  c=$(echo "$last" | sed -n 's/^best: fleet\.1\.nodes=\([0-9]*\) .*/\1/p')
  runs=$(printf '%s\n' "$OUT" | sed -n 's/^search: .* \([0-9]*\) replications (budget 600)$/\1/p')
  echo "optimize, seed $seed: $last ($runs replications of the search; optimum $cstar)"
  expect_eq "$(awk -v c="$c" -v s="$cstar" 'BEGIN { d = c - s; print (c != "" && d * d <= 1) }')" "1" \
    "seed $seed: the optimum $cstar or next to it (found ${c:-none})"
  set -- $(echo "$last" | sed -n 's/^best: .* = \([-0-9.e+]*\) ± \([0-9.e+]*\)$/\1 \2/p')
  lo=$(awk -v m="${1:-0}" -v h="${2:-0}" 'BEGIN { printf "%.6f", m - h }')
  hi=$(awk -v m="${1:-0}" -v h="${2:-0}" 'BEGIN { printf "%.6f", m + h }')
  if [ "$c" = "$cstar" ]; then
    expect_eq "$(awk -v e="$exact" -v l="$lo" -v h="$hi" 'BEGIN { w = 0.001 * e; print (l - w <= e && e <= h + w) }')" "1" \
      "seed $seed: mean EBITDA at $c nodes [$lo, $hi] holds the closed form $exact"
  fi
done
finish
