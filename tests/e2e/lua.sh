#!/bin/sh
# tests/e2e/lua.sh -- the Lua library's tests (tests/lua/run.lua), and a static check
# that lua/neo/*.lua set no globals and read only what the scenario sandbox provides.
cd "$(dirname "$0")/../.." || exit 1
LUA=${LUA:-lua5.4} LUAC=${LUAC:-luac5.4}
status=0
"$LUA" tests/lua/run.lua || status=1

allowed=" pairs ipairs type tostring tonumber error pcall select setmetatable getmetatable rawget rawset next string table math utf8 require "
if ! command -v "$LUAC" >/dev/null 2>&1; then
  echo "FAIL: $LUAC not found (Debian's lua5.4 has it: make test-deps)"
  exit 1
fi
for f in lua/neo/*.lua; do
  bad=$("$LUAC" -l -p "$f" | sed -n 's/.*\([GS]ETTABUP\).*_ENV "\([^"]*\)".*/\1 \2/p' | sort -u |
    while read -r op name; do
      case "$op:$allowed" in
        SETTABUP:*) echo "sets global $name" ;;
        *" $name "*) ;;
        *) echo "reads global $name (not in the sandbox)" ;;
      esac
    done)
  if [ -n "$bad" ]; then echo "FAIL $f: $bad"; status=1; fi
done
exit $status
