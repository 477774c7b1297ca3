-- expect: ^neosim: tests/e2e/hostile/load_env\.lua:6: attempt to index a nil value \(local 'io_'\)$
-- load with an environment that forwards to _G, looking for io
local neo = require("neo")
local env = setmetatable({}, { __index = function(_, k) return rawget(_G, k) end })
local io_ = load("return io", "=x", "t", env)()
io_.open("neosim-pwned", "w")
error("the sandbox let this through")
