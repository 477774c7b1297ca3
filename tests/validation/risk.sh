# tests/validation/risk.sh -- `neosim optimize --objective` with a
# risk-adjusted objective whose optimum is known exactly: in
# tests/validation/risk.lua EBITDA is (1.6 f - 0.8) N with N Poisson of mean
# 20 / f^2, so J(f) = mean + 2 cvar05 = 0.1 (16 f - 8) (mu + 2 L(mu)), L the
# mean of the lowest 5% of Poisson(mu) (the atom at its 5% quantile counted
# in part), computed here from Poisson's probabilities on a grid of f in
# [0.5, 1.5] (step 0.0005).  J is largest at f = 0.876; the mean's optimum
# f = 1 is 2.5% below it.  Each search (seeds 1 to 3, budget 3000) must
# end at an f whose J is within 1.5% of the largest -- not at the mean's
# optimum -- and the interval of the last line (fresh replications of the
# point chosen) must hold the exact J there.  Under the sanitizers one
# search, mechanics only.
. tests/lib.sh
f=tests/validation/risk.lua
J='function L(mu,   k, p, F, s) { p = exp(-mu); F = 0; s = 0
    for (k = 0; F + p < 0.05; k++) { F += p; s += k * p; p *= mu / (k + 1) }
    return (s + k * (0.05 - F)) / 0.05 }
  function J(f,   mu) { mu = 20 / (f * f); return 0.1 * (16 * f - 8) * (mu + 2 * L(mu)) }'
best=$(awk "$J"' BEGIN { for (i = 0; i <= 2000; i++) { f = 0.5 + i * 0.0005; j = J(f)
    if (j > bj) { bj = j; bf = f } }
  printf "%.4f %.6f %.6f", bf, bj, J(1) }')
set -- $best
fstar=$1 jmax=$2 jmean=$3
echo "risk: J largest at f = $fstar ($jmax); at the mean's optimum f = 1: $jmean"
expect_eq "$fstar" "0.8760" "the closed form's optimum"
case "$BUILD" in *san-*) seeds=${RISK_SEEDS:-1} ;; *) seeds=${RISK_SEEDS:-1 2 3} ;; esac
for seed in $seeds; do
  run "$NEOSIM" optimize $f --vary tenants.od.price_factor=0.5:1.5 \
    --objective 'mean(is.ebitda) + 2*cvar05(is.ebitda)' --budget 3000 \
    --db "$T_TMP/r$seed.db" --seed "$seed" -j 2 --quiet
  expect_rc 0 "optimize --objective, seed $seed"
  last=$(printf '%s\n' "$OUT" | tail -1)
  set -- $(echo "$last" | sed -n 's/^best: tenants\.od\.price_factor=\([0-9.]*\) .* = \([-0-9.e+]*\) .* \([0-9.e+]*\)$/\1 \2 \3/p')
  expect_eq "${3:+parsed}" "parsed" "seed $seed: the last line reads best: KEY=VALUE OBJECTIVE = V +- H"
  got=$(awk "$J"' BEGIN { f = '"${1:-0}"'; j = J(f)
    printf "%.6f %.4f %d", j, 100 * (1 - j / '"$jmax"'), (('"${2:-0}"' - '"${3:-0}"' <= j) && (j <= '"${2:-0}"' + '"${3:-0}"')) }')
  set -- $1 $got
  echo "risk, seed $seed: $last (exact J there $2, $3% below the largest)"
  case "$BUILD" in *san-*) continue ;; esac
  expect_eq "$(awk -v l="$3" 'BEGIN { print (l <= 1.5) }')" "1" \
    "seed $seed: J at f = $1 within 1.5% of the largest ($3%)"
  expect_eq "$4" "1" "seed $seed: the last line's interval holds the exact J at f = $1 ($2)"
done
finish
