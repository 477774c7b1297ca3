-- expect: ^neosim: tests/e2e/hostile/string_rep_empty\.lua:6: string.rep returned at once$
-- neosim: check --lua-instructions 1e7
-- string.rep of the empty string 2^63 times (the stock loop never ends)
local neo = require("neo")
for i = 1, 100 do local s = string.rep("", math.maxinteger) end
error("string.rep returned at once")
