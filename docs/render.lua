--[[
render.lua -- writes the scenario reference to stdout from lua/neo/schema.lua (through
lua/neo/refdoc.lua): `lua5.4 docs/render.lua > docs/scenario-reference.md`, which is
what `make docs` does.  Run from the project root; needs only lua5.4 (neo.core, the C
part of the library, is not used by the reference: an empty table stands in for it).
]]
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.preload["neo.core"] = function() return {} end
io.write(require("neo.refdoc").render())
