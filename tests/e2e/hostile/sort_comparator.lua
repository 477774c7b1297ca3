-- expect: ^neosim: tests/e2e/hostile/sort_comparator\.lua:5: comparator refuses$
-- table.sort with a comparator that raises
local neo = require("neo")
local t = { 5, 3, 1, 4, 2 }
table.sort(t, function(a, b) error("comparator refuses") end)
