-- expect: ^neosim: before\\x00after \\x1b\]0;pwned\\x07 \\xc2\\x9b2J \\xff café$
-- an error with a NUL (what follows it is kept), an OSC title, a C1 CSI, a byte that is not UTF-8, and an é
local neo = require("neo")
error("before\0after \27]0;pwned\7 \194\155" .. "2J \255 caf\195\169", 0)
