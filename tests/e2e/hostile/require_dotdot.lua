-- expect: ^neosim: tests/e2e/hostile/require_dotdot\.lua:4: module '\.\./\.\./\.\./sim/x' not found: .*module names are letters
-- require of a path out of the scenario folder
local neo = require("neo")
require("../../../sim/x")
error("the sandbox let this through")
