-- expect: ^neosim: tests/e2e/hostile/require_cpath\.lua:6: module 'lpeg' not found: no field package.preload\['lpeg'\]; no file for it in .* or beside the scenario \(tests/e2e/hostile\)$
-- a C module through package.cpath
local neo = require("neo")
package.cpath = "/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;./?.so"
package.path = "/etc/?;./?"
require("lpeg")
error("the sandbox let this through")
