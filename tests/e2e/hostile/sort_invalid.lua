-- expect: ^neosim: tests/e2e/hostile/sort_invalid\.lua:6: invalid order function for sorting$
-- table.sort with an inconsistent comparator
local neo = require("neo")
local t = {}
for i = 1, 100 do t[i] = i % 7 end
table.sort(t, function(a, b) return true end)
