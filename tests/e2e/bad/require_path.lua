-- expect: ^neosim: tests/e2e/bad/require_path.lua:3: module '../../etc/passwd' not found
local neo = require("neo")
return require("../../etc/passwd")
