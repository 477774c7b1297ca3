# tests/e2e/limits.sh -- values at the limits of what neosim accepts: what validates
# can be simulated (or is refused with its file, line and key), and validation and
# set-up take time linear in a scenario's size.  Scenarios in tests/e2e/limits/.
. tests/lib.sh
lim=tests/e2e/limits

# a 20,000-entry fleet validates well within the instruction budget: the linear
# check needs about 1e8 instructions, the quadratic one it replaces 4e9
run "$NEOSIM" check "$lim/fleet_20000.lua" --lua-instructions 5e8
expect_rc 0 "check a fleet of 20000 entries (stderr: $ERR)"
expect_match "$OUT" '^fleet +20000 nodes, 160000 GPUs' "check: the 20000 entries"

finish
