-- expect: ^neosim: \\x1b\[2J\\x1b\[31mred\\r; second line; third$
-- an error message with terminal escape sequences and newlines: shown escaped (sim/core/text.h)
local neo = require("neo")
error("\27[2J\27[31mred\r\nsecond line\n\tthird", 0)
