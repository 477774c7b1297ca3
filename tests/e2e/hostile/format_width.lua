-- expect: ^neosim: tests/e2e/hostile/format_width\.lua:4: invalid conversion specification: '%99999999d'$
-- a huge field width in string.format
local neo = require("neo")
local s = string.format("%99999999d", 1)
