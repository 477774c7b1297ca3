-- expect: ^neosim: tests/e2e/hostile/require_absolute\.lua:4: module '/etc/passwd' not found: no field package.preload\['/etc/passwd'\]; module names are letters, digits, '_' and '\.' \(no paths, no '\.\.'\)$
-- require of an absolute path
local neo = require("neo")
require("/etc/passwd")
error("the sandbox let this through")
