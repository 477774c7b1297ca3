--[[
refdoc.lua -- renders the scenario reference (docs/scenario-reference.md) from
neo/schema.lua: every key path with its type, unit, bounds, default and example, grouped
by top-level section in schema order; then the distributions and processes (S.dists,
S.processes, with the bounds and defaults of validate.lua's PROCESS table).
`make docs` writes it (docs/render.lua); tests/e2e/docs.sh fails when the committed file
differs from a fresh render.  Pure: reads no files, needs no neo.core function.
]]

local S = require("neo.schema")
local V = require("neo.validate")

local M = {}

-- Text helpers ----------------------------------------------------------------------

local function num(x)
  if x == math.huge then return "math.huge" end
  if x == -math.huge then return "-math.huge" end
  return V.numtext(x)
end

local function lua_value(v) -- a default as Lua source
  if type(v) == "string" then return ('"%s"'):format(v) end
  if type(v) == "number" then return num(v) end
  if type(v) == "table" then return next(v) == nil and "{}" or "{ ... }" end
  return tostring(v)
end

local function code(s) return "`" .. s .. "`" end

local function list_of(items, sep, last) -- "a, b or c"
  if #items <= 1 then return items[1] or "" end
  return table.concat(items, sep, 1, #items - 1) .. last .. items[#items]
end

local function types_of(node)
  return type(node.type) == "table" and node.type or { node.type }
end

local function has_type(node, name)
  for _, t in ipairs(types_of(node)) do if t == name then return true end end
  return false
end

-- A doc ending in "[text]" gives the default in words: doc, text (brackets may nest).
local function split_doc(doc)
  if doc:sub(-1) ~= "]" then return doc, nil end
  local depth = 0
  for i = #doc, 1, -1 do
    local c = doc:sub(i, i)
    depth = depth + (c == "]" and 1 or c == "[" and -1 or 0)
    if depth == 0 then return (doc:sub(1, i - 1):gsub("%s+$", "")), doc:sub(i + 1, -2) end
  end
  return doc, nil
end

-- A doc line as a sentence: capitalised unless it starts with a key name or a quote.
local function sentence(doc)
  local first = doc:match("^[%w_]+") or ""
  if first:match("^%l+$") then doc = doc:sub(1, 1):upper() .. doc:sub(2) end
  return doc .. "."
end
M.split_doc = split_doc

local UNITLESS = { ["1"] = "unit-less", value = "that of the value" }

local function unit_text(unit) return UNITLESS[unit] or unit end

-- Bounds of a number node: "> 0 and <= 1" or nil.
local function bounds(node)
  local b = {}
  if node.gt then b[#b + 1] = "> " .. num(node.gt) end
  if node.min then b[#b + 1] = ">= " .. num(node.min) end
  if node.lt then b[#b + 1] = "< " .. num(node.lt) end
  if node.max then b[#b + 1] = "<= " .. num(node.max) end
  if node.lt_key then b[#b + 1] = "< " .. code(node.lt_key) end
  if #b == 0 then return nil end
  return table.concat(b, " and ")
end

-- Key nodes ---------------------------------------------------------------------------

local function type_text(node)
  local parts = {}
  for _, t in ipairs(types_of(node)) do parts[#parts + 1] = code(t) end
  return list_of(parts, ", ", " or ")
end

local function allowed_text(node)
  local a = {}
  if node.one_of then
    local q = {}
    for _, s in ipairs(node.one_of) do q[#q + 1] = code('"' .. s .. '"') end
    a[#a + 1] = (#q == 1 and "the string " or "one of ") .. table.concat(q, ", ")
  end
  local b = bounds(node)
  if b then a[#a + 1] = b end
  if node.inf then
    a[#a + 1] = (node.gt or node.min) and code("math.huge") .. " allowed"
      or code("-math.huge") .. " and " .. code("math.huge") .. " allowed"
  end
  if node.pattern_doc then a[#a + 1] = node.pattern_doc end
  if node.ref then a[#a + 1] = "the name of an entry of " .. code(node.ref) end
  if node.not_after then a[#a + 1] = "not after " .. code(node.not_after) end
  if node.after then a[#a + 1] = "dates after " .. code(node.after) .. ", ascending" end
  if node.names_doc then a[#a + 1] = "entry names: " .. node.names_doc end
  if node.min_entries then a[#a + 1] = ("at least %d entr%s"):format(node.min_entries, node.min_entries == 1 and "y" or "ies") end
  if #a == 0 then return nil end
  return table.concat(a, "; ")
end

-- Tenant keys: the kinds a key applies to, those that require it, and its default by kind.
local COMMON = { kind = true, sku = true, site = true, priority = true }
local KINDS = { "reserved", "on_demand", "spot", "internal" }

local function contains(list, x)
  for _, y in ipairs(list) do if y == x then return true end end
  return false
end

local function tenant_facts(key)
  local applies, req, dflt = {}, {}, {}
  for _, k in ipairs(KINDS) do
    local kind = S.tenant_kinds[k]
    if COMMON[key] or contains(kind.keys, key) then applies[#applies + 1] = code(k) end
    if contains(kind.required, key) then req[#req + 1] = code(k) end
    if kind.defaults[key] ~= nil then
      dflt[#dflt + 1] = { k, code(lua_value(kind.defaults[key])) }
    elseif kind.default_keys and kind.default_keys[key] then
      dflt[#dflt + 1] = { k, "the scenario's " .. code(kind.default_keys[key]) }
    end
  end
  local dtext
  if #dflt > 0 then
    local same = true
    for _, d in ipairs(dflt) do same = same and d[2] == dflt[1][2] end
    if same then dtext = dflt[1][2] else
      local t = {}
      for _, d in ipairs(dflt) do t[#t + 1] = d[1] .. " " .. d[2] end
      dtext = table.concat(t, ", ")
    end
  end
  return { applies = #applies < #KINDS and table.concat(applies, ", ") or nil,
           required = #req > 0 and "for " .. table.concat(req, ", ") or nil, default = dtext }
end

-- One entry: node at path, named key (nil for the element of a map or list).
local function entry(out, node, path, key, ctx)
  local doc, word_default = split_doc(node.doc or "")
  out[#out + 1] = "### " .. code(path)
  out[#out + 1] = ""
  out[#out + 1] = doc ~= "" and sentence(doc) or "(no description)"
  out[#out + 1] = ""
  local facts = ctx.tenant and key and tenant_facts(key) or {}
  out[#out + 1] = "- type: " .. type_text(node)
  if node.unit then out[#out + 1] = "- unit: " .. unit_text(node.unit) end
  local allowed = allowed_text(node)
  if allowed then out[#out + 1] = "- allowed: " .. allowed end
  if facts.applies then out[#out + 1] = "- applies to kinds: " .. facts.applies end
  if key then
    local req = node.required and "yes" or facts.required or "no"
    out[#out + 1] = "- required: " .. req
  end
  local dflt
  if node.default ~= nil then dflt = code(lua_value(node.default))
  elseif node.default_key then dflt = "the value of " .. code(node.default_key)
  elseif facts.default then dflt = facts.default
  elseif word_default then dflt = word_default end
  if dflt then out[#out + 1] = "- default: " .. dflt end
  if node.example and key then out[#out + 1] = "- example: " .. code(key .. " = " .. node.example) end
  out[#out + 1] = ""
end

local walk

local function walk_fields(out, fields, path, ctx)
  for _, f in ipairs(fields) do walk(out, f, path .. "." .. f.key, f.key, ctx) end
end

function walk(out, node, path, key, ctx)
  entry(out, node, path, key, ctx)
  if node.fields and not has_type(node, "map") and not has_type(node, "list") then
    walk_fields(out, node.fields, path, { tenant = false }) -- keys of a record-valued key
  end
  if node.of then
    local elem = has_type(node, "map") and path .. ".<" .. (node.names_label or "name") .. ">" or path .. "[i]"
    local sub = { tenant = ctx.tenant or node.key == "tenants" }
    if node.of.doc or node.of.unit or not node.of.fields then entry(out, node.of, elem, nil, sub) end
    if node.of.fields then walk_fields(out, node.of.fields, elem, sub) end
  end
end

-- Sections: the scalar keys at the top form "The run"; each table key is a section.
local function sections()
  local list, run = {}, { title = "The run", keys = {} }
  list[1] = run
  for _, f in ipairs(S.root.fields) do
    if f.fields or f.of then list[#list + 1] = { title = f.key, keys = { f } }
    else
      local last = list[#list]
      if last ~= run and not last.scalar then last = { title = f.key, keys = {}, scalar = true }; list[#list + 1] = last end
      last.keys[#last.keys + 1] = f
    end
  end
  return list
end

-- Distributions and processes --------------------------------------------------------

local function param_line(key, p, spec)
  local parts = { code(key) }
  local facts = {}
  local b = bounds(spec)
  if b then facts[#facts + 1] = b end
  if spec.type == "enum" and spec.one_of then
    local q = {}
    for _, s in ipairs(spec.one_of) do q[#q + 1] = code('"' .. s .. '"') end
    facts[#facts + 1] = "one of " .. table.concat(q, ", ")
  end
  if spec.type == "date" then facts[#facts + 1] = "a date" end
  if spec.required then facts[#facts + 1] = "required" end
  if spec.default ~= nil then facts[#facts + 1] = "default " .. code(lua_value(spec.default)) end
  if p.unit then facts[#facts + 1] = "unit: " .. unit_text(p.unit) end
  if #facts > 0 then parts[#parts + 1] = " (" .. table.concat(facts, "; ") .. ")" end
  parts[#parts + 1] = ": " .. p.doc
  return "  - " .. table.concat(parts)
end

local function dist_section(out)
  out[#out + 1] = "## Distributions (`neo.dist`)"
  out[#out + 1] = ""
  out[#out + 1] = "A key of type `dist` takes one of these (or a number x, meaning `neo.dist.constant { x }`)."
  out[#out + 1] = "Parameters are named; where it says so, the first form may also be written as a list"
  out[#out + 1] = "in the order shown (`neo.dist.uniform { 1, 3 }`). Every parameter must be finite."
  out[#out + 1] = ""
  for _, d in ipairs(S.dists) do
    out[#out + 1] = "### " .. code("neo.dist." .. d.name)
    out[#out + 1] = ""
    out[#out + 1] = sentence(d.doc)
    out[#out + 1] = ""
    local forms = {}
    for _, f in ipairs(d.forms) do forms[#forms + 1] = code("{ " .. table.concat(f, ", ") .. " }") end
    out[#out + 1] = "- forms: " .. table.concat(forms, " or ") .. (d.positional and " (the first also as a list)" or "")
      .. (d.list and (" (the " .. d.list .. " also as the list part)") or "")
    local seen = {}
    out[#out + 1] = "- parameters:"
    for _, f in ipairs(d.forms) do
      for _, k in ipairs(f) do
        if not seen[k] then seen[k] = true; out[#out + 1] = param_line(k, d.params[k], d.params[k]) end
      end
    end
    if d.rule then out[#out + 1] = "- rule: " .. d.rule end
    for _, ex in ipairs(d.examples) do out[#out + 1] = "- example: " .. code(ex) end
    out[#out + 1] = ""
  end
end

local function process_section(out)
  out[#out + 1] = "## Processes (`neo.process`)"
  out[#out + 1] = ""
  out[#out + 1] = "A key of type `process` (a value over time: a demand rate, a price) takes one of these"
  out[#out + 1] = "(or a number x, meaning `neo.process.constant { x }`). Time runs from the scenario start;"
  out[#out + 1] = "random processes draw their whole path at the start of a run from their own stream"
  out[#out + 1] = "(named by the key path), so sweep points see the same path. Numeric bounds of a key"
  out[#out + 1] = "apply to a constant process and to the values of a path."
  out[#out + 1] = ""
  for _, p in ipairs(S.processes) do
    out[#out + 1] = "### " .. code("neo.process." .. p.name)
    out[#out + 1] = ""
    out[#out + 1] = sentence(p.doc)
    out[#out + 1] = ""
    out[#out + 1] = "- parameters:"
    if p.kind then
      for _, spec in ipairs(V.PROCESS[p.kind]) do
        local line = param_line(spec.key, p.params[spec.key], spec)
        if p.list == spec.key then line = line:gsub("^  %- `[%w_]+`", "  - the list part") end
        out[#out + 1] = line
      end
    else
      for _, spec in ipairs(p.params) do out[#out + 1] = param_line(spec.key, spec, spec) end
    end
    out[#out + 1] = "- example: " .. code(p.example)
    out[#out + 1] = ""
  end
end

-- The document ----------------------------------------------------------------------

local TYPE_ORDER = { "number", "integer", "seed", "string", "boolean", "date", "name", "enum", "dist", "process",
                     "steps", "record", "map", "list", "sweep", "design", "function" }

local function intro(out)
  local lines = {
    "# Scenario reference",
    "",
    "<!-- Generated from lua/neo/schema.lua by `make docs` (lua5.4 docs/render.lua): do not edit. -->",
    "",
    "Every key a scenario may set, as `lua/neo/schema.lua` defines it (the validator's own",
    "table, so this reference and `neosim check` agree). A scenario file returns",
    "`neo.scenario { ... }` with the keys below; an unknown key, a wrong type or a value out of",
    "bounds is reported as `FILE:LINE: KEY.PATH: what is wrong` and nothing runs.",
    "",
    "Key paths: `skus.<name>.node_kw` is the key `node_kw` of any entry of the map `skus`",
    "(`<name>`: a name you choose; `<sku>`: the name of an entry of `skus`); `fleet[i].nodes`",
    "is the key `nodes` of any element of the list `fleet`. `--set` and `sweep` write the same",
    "paths with names and list indices as they are: `tenants.od.arrivals_per_hour`,",
    "`fleet.1.nodes`.",
    "",
    "Dates are `\"YYYY-MM-DD\"`, money is US dollars, rates are per year unless the unit says",
    "otherwise. Each key lists its unit; `unit-less` marks a ratio, factor, probability,",
    "index or seed, and \"that of the value\" a parameter of a distribution or process, whose",
    "unit is the unit of the key it is given to.",
    "",
    "## Types",
    "",
    "| type | a value of this type is |",
    "|---|---|",
  }
  for _, l in ipairs(lines) do out[#out + 1] = l end
  for _, t in ipairs(TYPE_ORDER) do
    out[#out + 1] = ("| `%s` | %s |"):format(t, (S.types[t]:gsub("|", "\\|")))
  end
  out[#out + 1] = ""
  out[#out + 1] = "## Contents"
  out[#out + 1] = ""
  for _, sec in ipairs(sections()) do out[#out + 1] = "- " .. (sec.title == "The run" and sec.title or code(sec.title)) end
  out[#out + 1] = "- Distributions (`neo.dist`): "
    .. table.concat((function() local t = {} for _, d in ipairs(S.dists) do t[#t + 1] = code(d.name) end return t end)(), ", ")
  out[#out + 1] = "- Processes (`neo.process`): "
    .. table.concat((function() local t = {} for _, p in ipairs(S.processes) do t[#t + 1] = code(p.name) end return t end)(), ", ")
  out[#out + 1] = ""
end

local TENANT_NOTE = {
  "Which keys a tenant takes depends on its `kind` (\"applies to kinds\" below); a key given to",
  "a kind it does not apply to is an error, and so is a missing key a kind requires.",
  "Allocation order is `priority` (lower first): reserved > on-demand > spot > internal by",
  "default.",
  "",
}

--- The reference as Markdown text.
function M.render()
  local out = {}
  intro(out)
  for _, sec in ipairs(sections()) do
    out[#out + 1] = "## " .. (sec.title == "The run" and sec.title or code(sec.title))
    out[#out + 1] = ""
    if sec.title == "tenants" then for _, l in ipairs(TENANT_NOTE) do out[#out + 1] = l end end
    for _, f in ipairs(sec.keys) do walk(out, f, f.key, f.key, { tenant = false }) end
  end
  dist_section(out)
  process_section(out)
  while out[#out] == "" do out[#out] = nil end
  return table.concat(out, "\n") .. "\n"
end

--- The key paths the reference lists, in order (for tests).
function M.paths()
  local out = {}
  for _, sec in ipairs(sections()) do
    for _, f in ipairs(sec.keys) do walk(out, f, f.key, f.key, { tenant = false }) end
  end
  local paths = {}
  for _, l in ipairs(out) do
    local p = l:match("^### `(.*)`$")
    if p then paths[#paths + 1] = p end
  end
  return paths
end

return M
