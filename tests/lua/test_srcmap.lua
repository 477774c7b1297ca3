-- test_srcmap.lua -- the tokenizer and the key -> line map of scenario sources.
local T = require("testlib")
local srcmap = require("neo.srcmap")

local function lines_of(src, call_line)
  local map, root = srcmap.build(src, call_line)
  return map, root
end

T.test("fmt writes identifiers with dots, indices and other strings in brackets", function()
  T.eq(srcmap.fmt({ "tenants", "od", "x" }), "tenants.od.x")
  T.eq(srcmap.fmt({ "fleet", 1, "site" }), "fleet[1].site")
  T.eq(srcmap.fmt({ "sweep", "tenants.od.x", 2 }), 'sweep["tenants.od.x"][2]')
  T.eq(srcmap.fmt({ "skus", 'a"b\\c' }), 'skus["a\\"b\\\\c"]')
  T.eq(srcmap.fmt({}), "")
end)

T.test("tokenizer: kinds, values and lines", function()
  local kind, val, line = srcmap.tokenize('x = "a\\"b" -- c\n[[\nq]] 0x1p4 1e-3 .5 3. ... .. ~=')
  T.eq(kind, { "name", "op", "string", "string", "number", "number", "number", "number", "op", "op", "op", "eof" })
  T.eq(val, { "x", "=", 'a"b', "q", "0x1p4", "1e-3", ".5", "3.", "...", "..", "~=", "" })
  T.eq(line, { 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3 })
end)

T.test("tokenizer: escapes, continuation lines, \\z, long brackets with levels", function()
  local _, val, line = srcmap.tokenize('a = "x\\\ny" b = "p\\z\n\n   q" c = [==[ ]] ]=] ]==] d = \'\\65\\x42\\u{43}\\n\'')
  T.eq(val[3], "x\ny")
  T.eq(line[4], 2) -- b
  T.eq(val[6], "pq")
  T.eq(line[7], 4) -- c
  T.eq(val[9], " ]] ]=] ")
  T.eq(val[12], "ABC\n")
end)

T.test("keys in nested tables, lists, and tables passed to calls", function()
  local src = [[
local neo = require("neo")
return neo.scenario {
  name = "x",
  fleet = {
    { site = "dc1",
      nodes = 3 },
  },
  tenants = { od = {
    job_hours = neo.dist.exponential { mean = 1 },
    arrivals_per_hour = neo.process.product {
      neo.process.seasonal { base = 1, amplitude = 0.1 },
      2,
    },
  } },
}]]
  local map, root = lines_of(src)
  T.eq(root, 2)
  T.eq(map["name"], 3)
  T.eq(map["fleet"], 4)
  T.eq(map["fleet[1]"], 5)
  T.eq(map["fleet[1].site"], 5)
  T.eq(map["fleet[1].nodes"], 6)
  T.eq(map["tenants.od"], 8)
  T.eq(map["tenants.od.job_hours"], 9)
  T.eq(map["tenants.od.job_hours.mean"], 9)
  T.eq(map["tenants.od.arrivals_per_hour[1].amplitude"], 11)
  T.eq(map["tenants.od.arrivals_per_hour[2]"], 12)
end)

T.test("comments and strings holding braces, commas and keywords do not confuse it", function()
  local src = table.concat({
    'return neo.scenario { -- { not a table, end',
    '  --[==[ a long comment { with ]] inside',
    '  } } ]==] name = "a { b", description = [[ function {',
    '  end } ]],',
    "  seed = '}' and 1, -- }",
    '  ["sweep"] = { ["tenants.od.x"] = { 1,',
    '    2 } },',
    '}' }, "\n")
  local map = lines_of(src)
  T.eq(map["name"], 3)
  T.eq(map["description"], 3)
  T.eq(map["seed"], 5)
  T.eq(map['sweep["tenants.od.x"]'], 6)
  T.eq(map['sweep["tenants.od.x"][1]'], 6)
  T.eq(map['sweep["tenants.od.x"][2]'], 7)
end)

T.test("function values with commas and nested blocks", function()
  local src = [[
return neo.scenario {
  policy = function(s, t)
    local a, b = 1, 2
    if a then for i = 1, 2 do b = { i, a } end end
    repeat a = a + 1 until a > 3
    return { x = a }, b
  end,
  after = 1,
  [computed] = { inner = 1 },
  [1 + 1] = 2,
  last = 3,
}]]
  local map = lines_of(src)
  T.eq(map["policy"], 2)
  T.eq(map["policy.x"], nil)
  T.eq(map["after"], 8)
  T.eq(map["last"], 11)
  T.eq(map["inner"], nil)
end)

T.test("neo.scenario({ ... }), plain `return {`, and the call on the given line", function()
  T.eq(lines_of('local x = 1\nreturn neo.scenario({\n a = 1 })')["a"], 3)
  T.eq(lines_of('local function f() return { b = 1 } end\nreturn {\n a = 1 }')["a"], 3)
  -- the chunk's return, not that of a policy written in the table after it
  local policy = 'return {\n a = 1,\n p = function(s) if s then return { 1 } end\n  for i = 1, 2 do end return {} end,\n}'
  T.eq(lines_of(policy)["a"], 2)
  T.eq(select(2, lines_of(policy)), 1)
  local two = 'local a = neo.scenario {\n x = 1 }\nlocal b = neo.scenario {\n\n y = 1 }\nreturn b'
  T.eq(lines_of(two, 3)["y"], 5)
  T.eq(lines_of(two, 3)["x"], nil)
  T.eq(lines_of(two)["x"], 2) -- no call line: the first
end)

T.test("CRLF line ends, unfinished or odd sources give a partial map without raising", function()
  T.eq(lines_of("return neo.scenario {\r\n a = 1,\r\n b = 2 }")["b"], 3)
  T.eq(lines_of("return neo.scenario { a = 1, b = [[ never closed"), { a = 1, b = 1 })
  T.eq(lines_of(nil), {})
  T.eq(lines_of("x = 1"), {})
end)

T.test("line() falls back to the nearest enclosing key", function()
  local map = { ["tenants"] = 4, ["tenants.od"] = 5 }
  T.eq(srcmap.line(map, { "tenants", "od", "kind" }, 1), 5)
  T.eq(srcmap.line(map, { "tenants", "x", "kind" }, 1), 4)
  T.eq(srcmap.line(map, { "skus" }, 1), 1)
  T.eq(srcmap.line(nil, { "skus" }, 2), 2)
end)
