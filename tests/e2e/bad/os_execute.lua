-- expect: ^neosim: tests/e2e/bad/os_execute.lua:3: attempt to index a nil value \(global 'os'\)
local neo = require("neo")
os.execute("touch /tmp/neosim-pwned")
return neo
