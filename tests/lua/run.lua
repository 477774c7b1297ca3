--[[
run.lua -- the Lua tests: `lua5.4 tests/lua/run.lua` from the project root (optional
argument: a filter on test file names).  Stubs neo.core (core_stub.lua), loads the
library modules in a sandbox environment holding only what scenarios may use (any other
global, read or written, raises), runs every tests/lua/test_*.lua, prints
`N passed, N failed` and exits non-zero on failure.
]]
package.path = "lua/?.lua;lua/?/init.lua;tests/lua/?.lua;" .. package.path
local stub = require("core_stub")
package.preload["neo.core"] = function() return stub end

-- The sandbox of the library: exactly the globals it may use.
local ALLOWED = { "pairs", "ipairs", "type", "tostring", "tonumber", "error", "pcall", "select",
                  "setmetatable", "getmetatable", "rawget", "rawset", "next", "string", "table",
                  "math", "utf8", "require" }
local sandbox = {}
for _, k in ipairs(ALLOWED) do sandbox[k] = _G[k] end
setmetatable(sandbox, {
  __index = function(_, k) error("library uses global '" .. tostring(k) .. "' (not in the sandbox)", 2) end,
  __newindex = function(_, k) error("library sets global '" .. tostring(k) .. "'", 2) end,
})
table.insert(package.searchers, 2, function(name)
  if name ~= "neo" and not name:match("^neo%.") then return nil end
  local path = package.searchpath(name, "lua/?.lua;lua/?/init.lua")
  if not path then return "\n\tno file for " .. name .. " under lua/" end
  return assert(loadfile(path, "t", sandbox)), path
end)

-- Test files must not create globals either.
setmetatable(_G, {
  __newindex = function(_, k) error("test sets global '" .. tostring(k) .. "'", 2) end,
  __index = function(_, k) error("undefined global '" .. tostring(k) .. "'", 2) end,
})

local T = require("testlib")
local filter = arg[1] or ""
local p = io.popen("ls tests/lua/test_*.lua")
local files = {}
for f in p:lines() do if f:find(filter, 1, true) then files[#files + 1] = f end end
p:close()
if #files == 0 then io.stderr:write("no test files (run from the project root)\n"); os.exit(1) end
for _, f in ipairs(files) do
  local chunk, err = loadfile(f)
  if not chunk then T.fail_file(f, err) else
    T.file = f:match("([^/]+)%.lua$")
    local ok, e = pcall(chunk)
    if not ok then T.fail_file(f, e) end
  end
end
os.exit(T.report() and 0 or 1)
