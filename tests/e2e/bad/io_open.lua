-- expect: ^neosim: tests/e2e/bad/io_open.lua:3: attempt to index a nil value \(global 'io'\)
local neo = require("neo")
local f = io.open("/tmp/neosim-pwned", "w")
return f
