-- Loops inside C functions the count hook never saw: string.rep of "",
-- table.move over 10^15 elements, a backtracking pattern.
local s = string.rep("", math.maxinteger)
pcall(table.move, {}, 1, 1e15, 1)
return string.find(string.rep("a", 5000), string.rep("a*", 12) .. "b")
