-- neo.core.date of math.maxinteger overflowed a signed long in cal_civil
-- (undefined behaviour: an abort under UBSan); now an argument error.
local core = require("neo.core")
local d = core.date(math.maxinteger) .. core.date(math.mininteger)
return d
