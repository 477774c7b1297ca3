-- expect: ^neosim: tests/e2e/hostile/print_escape\.lua:5: printed$
-- print of terminal escapes: shown escaped on stderr (tests/e2e/escapes.sh counts the bytes)
local neo = require("neo")
print("\27]0;pwned\7\27[2J", "\155" .. "31m", "\0")
error("printed")
