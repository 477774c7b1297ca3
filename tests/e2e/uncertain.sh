# tests/e2e/uncertain.sh -- designs of uncertain inputs end to end: what
# `check` prints, the points a design makes (crossed with a sweep), the
# values each point gets (Latin hypercube strata, Saltelli's and Morris's
# row structure, an integer key rounded, a process's number set), the rank
# correlation imposed and the one stored (Spearman's of the stored values,
# computed here), determinism from the seed, and --set of an input refused.
. tests/lib.sh
dir=tests/e2e/uncertain
db=$T_TMP/u.db
q() { sqlite3 "$db" "$1"; }
# point_values NAME: "point|key|value" of every swept key of scenario NAME, by point and key
point_values() {
  q "select p.point, p.name, p.value from point_params p join scenarios s on s.sha256 = p.scenario_sha256
     where s.name = '$1' order by p.point, p.name"
}

run "$NEOSIM" check $dir/lhs.lua
expect_rc 0 "check lhs"
expect_match "$OUT" "^points +80$" "check: 40 design points x 2 sweep points"
expect_match "$OUT" "^runs +160$" "check: 2 replications each"
expect_match "$OUT" "^design +lhs, 40 samples: 40 points x 2 sweep points$" "check: the design"
expect_match "$OUT" "^input 2 +market.h100.start ~ lognormal\(0.7,0.3\)$" "check: an input"
expect_match "$OUT" "^rank corr +inputs 2,3: target 0.600, achieved 0.[56][0-9]+$" "check: the correlation"
first=$OUT
run "$NEOSIM" check $dir/lhs.lua
expect_eq "$OUT" "$first" "check: the same design again"
run "$NEOSIM" check $dir/lhs.lua --set seed=4
expect_rc 0 "check lhs, seed 4"
if [ "$(printf '%s\n' "$OUT" | grep '^point 0:')" != "$(printf '%s\n' "$first" | grep '^point 0:')" ]; then
  pass
else
  fail "another seed draws another design"
fi
run "$NEOSIM" check $dir/lhs.lua --set tenants.od.arrivals_per_hour=6
expect_rc 2 "--set of an input"
expect_match "$ERR" "^neosim: --set tenants.od.arrivals_per_hour: an uncertain input too" "--set of an input: the message"

run "$NEOSIM" run $dir/lhs.lua --db "$db" --quiet -j 2
expect_rc 0 "run lhs"
sha=$(q "select sha256 from scenarios where name = 'uncertain-lhs'")
expect_eq "$(q "select design, samples, rows, sweep_points from designs where scenario_sha256 = '$sha'")" \
  "lhs|40|40|2" "designs row"
expect_eq "$(q "select group_concat(input || ' ' || name || ' ' || dist, '; ') from
  (select * from design_inputs where scenario_sha256 = '$sha' order by input)")" \
  "0 fleet.1.nodes triangular(8,10,12); 1 market.h100.start lognormal(0.7,0.3); 2 tenants.od.arrivals_per_hour uniform(5,9)" \
  "design_inputs rows"
expect_eq "$(q "select count(*), sum(target) from design_correlations where scenario_sha256 = '$sha'")" "3|0.6" \
  "design_correlations: every pair, the one target"
expect_eq "$(q "select count(*) from runs where scenario_sha256 = '$sha' and status = 'done'")" "160" "160 runs done"
expect_eq "$(q "select count(*), min(p) > 0, max(p) < 1 from design_points where scenario_sha256 = '$sha'")" \
  "120|1|1" "design_points: 40 rows x 3 inputs, probabilities in (0, 1)"
expect_eq "$(q "select count(*) from design_points d join point_params v on v.scenario_sha256 = d.scenario_sha256
  and v.point = d.row + 40 and v.name = 'tenants.od.arrivals_per_hour'
  where d.scenario_sha256 = '$sha' and d.input = 2 and abs(v.value - (5 + 4 * d.p)) < 1e-12")" "40" \
  "design_points: a uniform(5,9) input's value is 5 + 4p at every row (sweep point 1 too)"
# the values: point p is row p % 40 of sweep point p / 40
q "select point, name, value from point_params where scenario_sha256 = '$sha' order by point, name" >"$T_TMP/pp"
q "select b, achieved from design_correlations where scenario_sha256 = '$sha' and a = 1" >"$T_TMP/ach"
expect_eq "$(python3 - "$T_TMP/pp" "$T_TMP/ach" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    p, name, v = line.rstrip("\n").split("|")
    rows.setdefault(int(p), {})[name] = v
ach = dict(line.strip().split("|") for line in open(sys.argv[2]))
out = []
a = [float(rows[p]["tenants.od.arrivals_per_hour"]) for p in range(40)]
out.append("strata" if sorted(int((x - 5) / 0.1) for x in a) == list(range(40)) else "not stratified")
nodes = [rows[p]["fleet.1.nodes"] for p in range(40)]
out.append("integer" if all(n in ("8", "9", "10", "11", "12") for n in nodes) else "nodes %s" % nodes)
same = all(rows[p][k] == rows[p + 40][k] for p in range(40) for k in rows[p] if k != "tenants.od.price_gpu_hour")
out.append("rows repeat" if same else "sweep points differ")
out.append("prices %s" % sorted({rows[p]["tenants.od.price_gpu_hour"] for p in range(80)}))
gbm = all(("start=%s," % rows[p]["market.h100.start"]) in rows[p]["market.h100"] or
          abs(float(rows[p]["market.h100"].split("start=")[1].split(",")[0]) - float(rows[p]["market.h100.start"])) < 1e-12
          for p in range(40))
out.append("process set" if gbm else "process not set")
def ranks(x):
    order = sorted(range(len(x)), key=lambda i: x[i])
    r = [0] * len(x)
    for k, i in enumerate(order): r[i] = k + 1
    return r
def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    n = len(x); mx = sum(rx) / n; my = sum(ry) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx = sum((a - mx) ** 2 for a in rx); syy = sum((b - my) ** 2 for b in ry)
    return sxy / (sxx * syy) ** 0.5
s = [float(rows[p]["market.h100.start"]) for p in range(40)]
rho = spearman(s, a)
out.append("stored" if abs(rho - float(ach["2"])) < 1e-9 else "stored %s, computed %r" % (ach["2"], rho))
out.append("near 0.6" if abs(rho - 0.6) < 0.1 else "rho %r" % rho)
print(" ".join(out))
EOF
)" "strata integer rows repeat prices ['2', '2.5'] process set stored near 0.6" \
  "lhs: strata, integers, rows per sweep point, the process's number, the rank correlation"

run "$NEOSIM" run $dir/saltelli.lua --db "$db" --quiet
expect_rc 0 "run saltelli"
point_values uncertain-saltelli >"$T_TMP/ps"
expect_eq "$(python3 - "$T_TMP/ps" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    p, name, v = line.rstrip("\n").split("|")
    if name in ("fleet.1.nodes", "market.h100.start", "tenants.od.arrivals_per_hour"):
        rows.setdefault(int(p), []).append(v)
k, ok = 3, len(rows) == 15
for j in range(3):
    A, B = rows[j * (k + 2)], rows[j * (k + 2) + 1]
    for i in range(k):
        AB = rows[j * (k + 2) + 2 + i]
        ok &= all(AB[m] == (B[m] if m == i else A[m]) for m in range(k))
print("A B AB_i" if ok else "not saltelli: %s" % rows)
EOF
)" "A B AB_i" "saltelli: per base sample A, B, then A with input i from B"

run "$NEOSIM" run $dir/morris.lua --db "$db" --quiet
expect_rc 0 "run morris"
point_values uncertain-morris >"$T_TMP/pm"
expect_eq "$(python3 - "$T_TMP/pm" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    p, name, v = line.rstrip("\n").split("|")
    if name in ("fleet.1.nodes", "market.h100.start", "tenants.od.arrivals_per_hour"):
        rows.setdefault(int(p), []).append(float(v))
k, ok = 3, len(rows) == 16
levels = [5 + 4 * (g + 0.5) / 4 for g in range(4)]  # uniform(5,9) at probabilities (g+0.5)/4
for t in range(4):
    moved = []
    for m in range(1, k + 1):
        a, b = rows[t * (k + 1) + m - 1], rows[t * (k + 1) + m]
        changed = [i for i in range(k) if a[i] != b[i]]
        ok &= len(changed) == 1
        moved += changed
    ok &= sorted(moved) == list(range(k))
ok &= all(any(abs(r[2] - l) < 1e-12 for l in levels) for r in rows.values())
print("one at a time, on levels" if ok else "not morris: %s" % rows)
EOF
)" "one at a time, on levels" "morris: inputs moved one at a time, on the grid's levels"
# sensitivity of these designs: the command's estimates are the views' (tornado, morris)
run "$NEOSIM" sensitivity --db "$db" --scenario uncertain-lhs --metric revenue_total --sweep-point 1 --format csv
expect_rc 0 "sensitivity of the lhs design, sweep point 1"
expect_eq "$(printf '%s\n' "$OUT" | awk -F, '$3 == "prcc" { n++ } END { print n }')" "3" "a prcc per input"
expect_eq "$(q "select input || printf(' %.12g %.12g', low, high) from tornado where scenario_sha256 = '$sha'
  and metric = 'revenue_total' and sweep_point = 1 order by input")" \
  "$(csv_pairs "$OUT" low high)" \
  "the tornado view: the command's low and high"
run "$NEOSIM" sensitivity --db "$db" --scenario uncertain-morris --metric revenue_total --format csv
expect_rc 0 "sensitivity of the morris design"
expect_eq "$(q "select m.input || printf(' %.12g %.12g', m.mu_star, m.sigma) from morris m join scenarios s
  on s.sha256 = m.scenario_sha256 where s.name = 'uncertain-morris' and m.metric = 'revenue_total'
  order by m.input")" \
  "$(csv_pairs "$OUT" mu_star sigma)" \
  "the morris view: the command's mu_star and sigma"
finish
