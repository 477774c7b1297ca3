-- expect: ^neosim: tests/e2e/bad/missing_module.lua:3: module 'no_such_module' not found
local neo = require("neo")
local m = require("no_such_module")
return m
