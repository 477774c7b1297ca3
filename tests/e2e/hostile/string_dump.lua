-- expect: ^neosim: tests/e2e/hostile/string_dump\.lua:4: attempt to call a nil value \(field 'dump'\)$
-- bytecode from string.dump
local neo = require("neo")
local b = string.dump(function() return 1 end)
error("the sandbox let this through")
