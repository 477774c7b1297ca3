-- expect: ^neosim: \?\[2J\?\[31mred\?; second line; third$
-- an error message with terminal escape sequences and newlines
local neo = require("neo")
error("\27[2J\27[31mred\r\nsecond line\n\tthird", 0)
