--[[
testlib.lua -- what the Lua tests use: T.test(name, fn) runs fn now and tallies it;
checks raise with a message naming what differed; scenario helpers load source text as
C does (chunk name "@scenarios/t.lua", called from a C function, core.source knows it).
]]
local core = require("neo.core")
local T = { passed = 0, failed = 0, file = "?" }

local function show(v)
  if type(v) == "string" then return ("%q"):format(v) end
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) ~= type(b) then return type(a) < type(b) end
    return a < b
  end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = (type(k) == "string" and k or "[" .. tostring(k) .. "]") .. "=" .. show(v[k]) end
  return "{" .. table.concat(parts, ", ") .. "}"
end
T.show = show

function T.test(name, fn)
  local ok, err = pcall(fn)
  if ok then T.passed = T.passed + 1 else
    T.failed = T.failed + 1
    print(("FAIL %s: %s\n     %s"):format(T.file, name, tostring(err):gsub("\n", "\n     ")))
  end
end

function T.fail_file(f, err)
  T.failed = T.failed + 1
  print(("FAIL %s: %s"):format(f, tostring(err)))
end

function T.report()
  print(("%d passed, %d failed"):format(T.passed, T.failed))
  return T.failed == 0
end

local function deq(a, b)
  if a == b then return true end
  if type(a) == "number" and type(b) == "number" then return a ~= a and b ~= b end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  for k, v in pairs(a) do if not deq(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
T.deq = deq

function T.eq(got, want, what)
  if not deq(got, want) then
    error(("%s\n  got:  %s\n  want: %s"):format(what or "values differ", show(got), show(want)), 2)
  end
end

function T.near(got, want, tol, what)
  if type(got) ~= "number" or math.abs(got - want) > (tol or 1e-12) * math.max(1, math.abs(want)) then
    error(("%s: got %s, want %s"):format(what or "not near", tostring(got), tostring(want)), 2)
  end
end

-- The message of the error f(...) raises (which must raise).
function T.raises(f, ...)
  local ok, err = pcall(f, ...)
  if ok then error("expected an error, none raised", 2) end
  return err
end

function T.raises_msg(want, f, ...)
  local ok, err = pcall(f, ...)
  if ok then error("expected an error, none raised; want: " .. want, 2) end
  if err ~= want then error(("wrong error\n  got:  %s\n  want: %s"):format(tostring(err), want), 2) end
end

-- Run scenario source src as C does: ok, value (the scenario) or the error message.
function T.run(src, name)
  name = "@" .. (name or "scenarios/t.lua")
  core.sources[name], core.chunkname = src, name
  local chunk = assert(load(src, name, "t"))
  return pcall(chunk) -- called from a C function, like lua_pcall in sim/lua/scenario.c
end

function T.scenario(src, name)
  local ok, v = T.run(src, name)
  if not ok then error("scenario failed: " .. tostring(v), 2) end
  return v
end

function T.error_of(src, name)
  local ok, v = T.run(src, name)
  if ok then error("scenario did not fail", 2) end
  return v
end

-- expect_error(src, "LINE: PATH: MSG"): the error is scenarios/t.lua:LINE: PATH: MSG.
function T.expect_error(src, want, name)
  local got = T.error_of(src, name)
  local full = (name or "scenarios/t.lua") .. ":" .. want
  if got ~= full then error(("wrong error\n  got:  %s\n  want: %s"):format(got, full), 2) end
end

--- The source of `base` (a list of lines) with lines replaced: edits = { [n] = "text" }
--- ("" blanks a line), joined with newlines.
function T.source(base, edits)
  local t = {}
  for i, l in ipairs(base) do t[i] = edits[i] or l end
  return table.concat(t, "\n")
end

return T
