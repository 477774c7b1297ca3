--[[
srcmap.lua -- where each key of a scenario's literal table constructor is written,
so validation errors can name FILE:LINE.  A small Lua tokenizer (comments, long
brackets, strings with escapes, numbers, names, punctuation) and a scan of the
table constructor passed to `neo.scenario` (or the one after `return`).

Paths are written as in error messages (srcmap.fmt): identifier keys joined by
dots, integer keys as [N], other string keys as ["..."]:
  tenants.od.arrivals_per_hour   fleet[1].site   sweep["tenants.od.x"][2]
A value that is a call taking a table (`neo.dist.exponential { mean = 1 }`) maps the
keys of that table under the key (tenants.od.job_hours.mean).
]]

local M = {}

local function is_ident(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil
end

--- A new key path: path's keys, then key (path is not changed).
function M.append(path, key)
  local p = table.move(path, 1, #path, 1, {})
  p[#p + 1] = key
  return p
end

--- Format a path (an array of string and integer keys) as in error messages.
function M.fmt(path)
  local out = {}
  for i, k in ipairs(path) do
    if math.type(k) == "integer" then
      out[#out + 1] = "[" .. k .. "]"
    elseif is_ident(k) then
      out[#out + 1] = (i > 1 and "." or "") .. k
    else
      out[#out + 1] = '["' .. tostring(k):gsub('[\\"]', "\\%0"):gsub("\n", "\\n") .. '"]'
    end
  end
  return table.concat(out)
end

--- The line of path in map, else of its nearest enclosing key found, else dflt.
function M.line(map, path, dflt)
  if map then
    for n = #path, 1, -1 do
      local l = map[M.fmt(table.move(path, 1, n, 1, {}))]
      if l then return l end
    end
  end
  return dflt
end

-- Tokenizer -----------------------------------------------------------------

local function count_lines(s)
  local _, n = s:gsub("\r\n", "\n"):gsub("\n\r", "\n"):gsub("\r", "\n"):gsub("\n", "")
  return n
end

local ESC = { a = "\a", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", v = "\v",
              ["\\"] = "\\", ['"'] = '"', ["'"] = "'" }
local OPS2 = { [".."] = true, ["=="] = true, ["~="] = true, ["<="] = true, [">="] = true,
               ["//"] = true, ["::"] = true, ["<<"] = true, [">>"] = true }

-- A short string starting at the quote at i: its value, the index after it, lines crossed.
local function short_string(src, i)
  local q, buf, j, nl = src:sub(i, i), {}, i + 1, 0
  while j <= #src do
    local c = src:sub(j, j)
    if c == q then return table.concat(buf), j + 1, nl end
    if c == "\n" or c == "\r" then return table.concat(buf), j, nl end -- unfinished
    if c ~= "\\" then
      buf[#buf + 1], j = c, j + 1
    else
      local e = src:sub(j + 1, j + 1)
      if ESC[e] then
        buf[#buf + 1], j = ESC[e], j + 2
      elseif e == "\n" or e == "\r" then
        local two = src:sub(j + 1, j + 2)
        buf[#buf + 1], nl = "\n", nl + 1
        j = j + ((two == "\r\n" or two == "\n\r") and 3 or 2)
      elseif e == "z" then
        local ws = src:match("^%s*", j + 2)
        nl, j = nl + count_lines(ws), j + 2 + #ws
      elseif e == "x" then
        buf[#buf + 1] = string.char(tonumber(src:sub(j + 2, j + 3), 16) or 63)
        j = j + 4
      elseif e == "u" then
        local hex, stop = src:match("^{(%x+)}()", j + 2)
        buf[#buf + 1] = hex and utf8.char(tonumber(hex, 16)) or "?"
        j = stop or j + 2
      elseif e:match("%d") then
        local d = src:match("^%d%d?%d?", j + 1)
        buf[#buf + 1] = string.char(math.min(tonumber(d), 255))
        j = j + 1 + #d
      else
        buf[#buf + 1], j = e, j + 2
      end
    end
  end
  return table.concat(buf), j, nl
end

-- A long bracket [==[ ... ]==] at i: its text (first newline dropped), next index, lines.
local function long_bracket(src, i)
  local eq = src:match("^%[(=*)%[", i)
  if not eq then return nil end
  local open_end = i + #eq + 2
  local close = src:find("]" .. eq .. "]", open_end, true)
  local body = src:sub(open_end, (close or #src + 1) - 1)
  local stop = close and close + #eq + 2 or #src + 1
  return body:gsub("^\r?\n", ""), stop, count_lines(body)
end

--- Tokens of src as three parallel arrays: kind ("name", "string", "number", "op",
--- "eof"), value, line.
function M.tokenize(src)
  local kind, val, line = {}, {}, {}
  local i, ln, n = 1, 1, 0
  local function push(k, v, l) n = n + 1; kind[n], val[n], line[n] = k, v, l end
  while i <= #src do
    local c = src:sub(i, i)
    if c == "\n" or c == "\r" then
      local two = src:sub(i, i + 1)
      i, ln = i + ((two == "\r\n" or two == "\n\r") and 2 or 1), ln + 1
    elseif c:match("[ \t\f\v]") then
      i = src:match("^[ \t\f\v]*()", i)
    elseif src:sub(i, i + 1) == "--" then
      local _, stop, nl = long_bracket(src, i + 2)
      if stop then i, ln = stop, ln + nl
      else i = src:match("^[^\r\n]*()", i) end
    elseif c == "[" and src:match("^%[=*%[", i) then
      local s, stop, nl = long_bracket(src, i)
      push("string", s, ln)
      i, ln = stop, ln + nl
    elseif c == '"' or c == "'" then
      local s, stop, nl = short_string(src, i)
      push("string", s, ln)
      i, ln = stop, ln + nl
    elseif src:match("^%.?%d", i) then
      local j = i
      repeat
        j = src:match("^[%w%.]*()", j)
        local signed = src:match("^[eEpP][+-]", j - 1)
        if signed then j = j + 1 end
      until not signed
      push("number", src:sub(i, j - 1), ln)
      i = j
    elseif c:match("[%a_]") then
      local w = src:match("^[%a_][%w_]*", i)
      push("name", w, ln)
      i = i + #w
    else
      local op = src:sub(i, i + 2) == "..." and "..." or OPS2[src:sub(i, i + 1)] and src:sub(i, i + 1) or c
      push("op", op, ln)
      i = i + #op
    end
  end
  push("eof", "", ln)
  return kind, val, line
end

-- Table constructor scan -------------------------------------------------------

local OPEN = { ["("] = true, ["["] = true, ["{"] = true }
local CLOSE = { [")"] = true, ["]"] = true, ["}"] = true }
local BLOCK_OPEN = { ["function"] = true, ["if"] = true, ["do"] = true, ["repeat"] = true }
local BLOCK_CLOSE = { ["end"] = true, ["until"] = true }

local function scanner(kind, val, line, map)
  local parse_table

  local function is_op(i, v) return kind[i] == "op" and val[i] == v end

  -- Depth change of token i: +1 opens, -1 closes, 0 otherwise.
  local function delta(i)
    if kind[i] == "op" then return OPEN[val[i]] and 1 or CLOSE[val[i]] and -1 or 0 end
    if kind[i] == "name" then return BLOCK_OPEN[val[i]] and 1 or BLOCK_CLOSE[val[i]] and -1 or 0 end
    return 0
  end

  -- Skip a value expression starting at i; map the first table constructor in it
  -- (outside other brackets but parentheses) under path.  Returns the index of the
  -- token ending it (',' ';' '}' at depth 0, or eof).
  local function value(i, path)
    local depth, parens, mapped = 0, 0, path == nil
    while kind[i] ~= "eof" do
      if depth == 0 and parens == 0 and kind[i] == "op"
          and (val[i] == "," or val[i] == ";" or val[i] == "}" or val[i] == ")") then
        return i
      end
      if depth == 0 and not mapped and is_op(i, "{") then
        i, mapped = parse_table(i, path), true
      elseif is_op(i, "(") then
        parens, i = parens + 1, i + 1
      elseif is_op(i, ")") then
        parens, i = parens - 1, i + 1
      else
        depth, i = depth + delta(i), i + 1
      end
    end
    return i
  end

  -- Skip a balanced [ ... ] starting at i; the index after it.
  local function skip_brackets(i)
    local depth = 0
    repeat
      depth, i = depth + delta(i), i + 1
    until depth == 0 or kind[i] == "eof"
    return i
  end

  -- The constructor whose '{' is at i, keys under prefix; the index after its '}'.
  function parse_table(i, prefix)
    local n = 0
    i = i + 1
    while kind[i] ~= "eof" and not is_op(i, "}") do
      local key, kline = nil, line[i]
      if kind[i] == "name" and is_op(i + 1, "=") then
        key, i = val[i], i + 2
      elseif is_op(i, "[") then
        if (kind[i + 1] == "string" or kind[i + 1] == "number") and is_op(i + 2, "]") then
          key = kind[i + 1] == "string" and val[i + 1] or math.tointeger(tonumber(val[i + 1]))
        end
        i = skip_brackets(i)
        if is_op(i, "=") then i = i + 1 end
      else
        n = n + 1
        key = n
      end
      local path = key ~= nil and M.append(prefix, key) or nil
      if path then map[M.fmt(path)] = kline end
      i = value(i, path)
      if is_op(i, ",") or is_op(i, ";") then i = i + 1
      elseif not is_op(i, "}") then break end -- not a constructor after all
    end
    return i + 1
  end

  return parse_table
end

-- Blocks the keywords open and close: a `return` outside all of them is the chunk's own.
local BLOCK = { ["function"] = 1, ["if"] = 1, ["do"] = 1, ["repeat"] = 1, ["end"] = -1, ["until"] = -1 }

-- Index of the '{' of the scenario table and the line of the call: the `{` after the
-- name `scenario` (on call_line when given and found there), else the `{` after the
-- chunk's `return` (the last one outside functions and blocks: the `return {}` of a
-- policy written in the table is not it).  A `scenario(` without a table, or a last
-- `return` of anything else, still gives the line.
local function find_root(kind, val, line, call_line)
  local first, last_return, bare, any_return
  local depth = 0
  for i = 1, #kind do
    if kind[i] == "name" and BLOCK[val[i]] then depth = depth + BLOCK[val[i]] end
    local call = kind[i + 1] == "op" and (val[i + 1] == "(" or val[i + 1] == "{")
    if kind[i] == "name" and val[i] == "scenario" and call then
      local j = val[i + 1] == "(" and i + 2 or i + 1
      if kind[j] == "op" and val[j] == "{" then
        if line[i] == call_line then return j, line[i] end
        first = first or { j, line[i] }
      else
        bare = bare or { nil, line[i] }
      end
    elseif kind[i] == "name" and val[i] == "return" and depth == 0 then
      any_return = { nil, line[i] }
      if kind[i + 1] == "op" and val[i + 1] == "{" then last_return = { i + 1, line[i] } end
    end
  end
  local r = first or bare or last_return or any_return
  if r then return r[1], r[2] end
end

--- Map of the scenario table in src: { [fmt(path)] = line }, and the line of the
--- scenario call (of `scenario`, or of `return`).  Never raises: a source it cannot
--- follow gives a partial (possibly empty) map.
function M.build(src, call_line)
  local map = {}
  if type(src) ~= "string" then return map end
  local ok, root_line = pcall(function()
    local kind, val, line = M.tokenize(src)
    local i, l = find_root(kind, val, line, call_line)
    if i then scanner(kind, val, line, map)(i, {}) end
    return l
  end)
  return map, ok and root_line or nil
end

return M
