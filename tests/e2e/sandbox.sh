# tests/e2e/sandbox.sh -- scenario code is untrusted: each hostile snippet
# must fail with a clear one-line error (exit 2) and no side effect; the
# memory cap and the instruction budget stop runaway code.
. tests/lib.sh
d=$T_TMP/scn
mkdir -p "$d"
marker=$T_TMP/pwned

# hostile NAME EXPECTED-REGEX LUA-BODY [neosim options...]
hostile() {
  name=$1 want=$2 body=$3
  shift 3
  printf 'local neo = require("neo")\n%s\nreturn neo\n' "$body" >"$d/$name.lua"
  run "$NEOSIM" check "$d/$name.lua" "$@"
  expect_rc 2 "$name"
  expect_lines "$ERR" 1 "$name: one-line error"
  expect_match "$ERR" "^neosim: $d/$name.lua(:[0-9]+)?: $want" "$name"
}

hostile os_execute "attempt to index a nil value \(global 'os'\)" "os.execute('touch $marker')"
hostile io_popen "attempt to index a nil value \(global 'io'\)" "io.popen('touch $marker')"
hostile loadlib "attempt to call a nil value \(field 'loadlib'\)" "package.loadlib('/lib/x86_64-linux-gnu/libc.so.6', 'system')"
hostile debug_lib "attempt to index a nil value \(global 'debug'\)" "debug.sethook()"
hostile dofile "attempt to call a nil value \(global 'dofile'\)" "dofile('/etc/passwd')"
hostile loadfile "attempt to call a nil value \(global 'loadfile'\)" "loadfile('/etc/passwd')"
hostile string_dump "attempt to call a nil value \(field 'dump'\)" "local f = string.dump(function() end)"
hostile bytecode "bytecode refused: .*binary chunk" 'local f, e = load("\27Lua", "x") ; error("bytecode refused: " .. tostring(e))'
hostile require_abs "module '/etc/passwd' not found" "require('/etc/passwd')"
hostile require_dotdot "module '..%.tests' not found" "require('..%.tests')"
hostile gc_stop "bad argument #1 to 'collectgarbage' \(invalid option 'stop'\)" "collectgarbage('stop')"
hostile string_mt "string metatable: false" "error('string metatable: ' .. tostring(getmetatable('')))"
hostile random "attempt to call a nil value \(field 'random'\)" "local x = math.random()"
hostile loop "instruction budget of 1000000 instructions exceeded" "while true do end" --lua-instructions 1e6
hostile loop_in_pcall "instruction budget" "pcall(function() while true do end end) while true do end" --lua-instructions 1e6
hostile string_bomb "memory cap of 64 MiB exceeded" "local s = string.rep('x', 1 << 28)" --lua-memory 64
hostile table_bomb "memory cap of 64 MiB exceeded" "local t = {} for i = 1, 1e9 do t[i] = i end" --lua-memory 64
hostile recursion "stack overflow" "local function f(n) return 1 + f(n + 1) end f(1)"
if [ -e "$marker" ]; then fail "a hostile scenario wrote a file"; else pass; fi

# what is allowed: a module beside the scenario, pure functions, print to stderr
cat >"$d/mymod.lua" <<'LUA'
return { name = "beside", start = "2026-01-01", horizon_days = 10,
  skus = { a = { node_kw = 1 } }, sites = { s = { power_mw = 1 } },
  fleet = { { site = "s", sku = "a", nodes = 2 } } }
LUA
printf 'local neo = require("neo")\nlocal t = require("mymod")\nprint("hello from the scenario")\nreturn neo.scenario(t)\n' >"$d/ok.lua"
run "$NEOSIM" check "$d/ok.lua"
expect_rc 0 "module beside the scenario"
expect_match "$OUT" "^scenario +beside" "module content used"
expect_eq "$ERR" "hello from the scenario" "print goes to stderr"
finish
