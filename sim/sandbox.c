/*
** sandbox.c -- the Lua state scenario code runs in: safe libraries,
** restricted require, memory cap, instruction budget, loaded sources.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox.h"

#define HOOK_EVERY 1000
#define SOURCES_KEY "neosim.sources"

typedef struct sbx {
  size_t used, cap;
  long long budget, left;
  char lib_dir[1024], scn_dir[1024];
} sbx;

static sbx *get_sbx(lua_State *L) {
  void *ud;
  lua_getallocf(L, &ud);
  return ud;
}

/* Lua's allocator with a cap: refusing a block makes Lua raise a memory error. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sbx *s = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    s->used -= old;
    return NULL;
  }
  if (nsize > old && s->used - old + nsize > s->cap) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) s->used = s->used - old + nsize;
  return p;
}

static void count_hook(lua_State *L, lua_Debug *ar) {
  sbx *s = get_sbx(L);
  (void)ar;
  if ((s->left -= HOOK_EVERY) > 0) return;
  lua_Debug where;
  if (lua_getstack(L, 0, &where) && lua_getinfo(L, "Sl", &where) && where.currentline > 0)
    lua_pushfstring(L, "%s:%d: ", where.short_src, where.currentline);
  else
    lua_pushliteral(L, "");
  lua_pushfstring(L, "instruction budget of %I instructions exceeded (an endless loop?)",
                  (lua_Integer)s->budget);
  lua_concat(L, 2);
  lua_error(L);
}

/* print goes to stderr so that it never mixes with neosim's output. */
static int sb_print(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = luaL_tolstring(L, i, &len);
    if (i > 1) fputc('\t', stderr);
    fwrite(s, 1, len, stderr);
    lua_pop(L, 1);
  }
  fputc('\n', stderr);
  return 0;
}

/* load: text chunks only (no bytecode); the environment is as given. */
static int sb_load(lua_State *L) {
  int has_env = !lua_isnone(L, 4);
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len); /* functions as readers are not needed */
  const char *name = luaL_optstring(L, 2, s);
  int st = luaL_loadbufferx(L, s, len, name, "t");
  if (st != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (has_env) {
    lua_pushvalue(L, 4);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  }
  return 1;
}

/* collectgarbage: the harmless options only. */
static int sb_collectgarbage(lua_State *L) {
  static const char *const opts[] = {"collect", "count", "step", "isrunning", NULL};
  int o = luaL_checkoption(L, 1, "collect", opts);
  switch (o) {
  case 1: lua_pushnumber(L, (lua_Number)lua_gc(L, LUA_GCCOUNT, 0) + lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0); return 1;
  case 2: lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, 0)); return 1;
  case 3: lua_pushboolean(L, lua_gc(L, LUA_GCISRUNNING, 0)); return 1;
  default: lua_gc(L, LUA_GCCOLLECT, 0); lua_pushinteger(L, 0); return 1;
  }
}

static int valid_module_name(const char *n) {
  if (!*n || *n == '.') return 0;
  for (const char *p = n; *p; p++)
    if (!(isalnum((unsigned char)*p) || *p == '_' || (*p == '.' && p[1] != '.' && p[1]))) return 0;
  return 1;
}

static int readable(const char *path) { return access(path, R_OK) == 0; }

/* The one searcher: lib_dir/a/b.lua, lib_dir/a/b/init.lua, scenario_dir/a/b.lua. */
static int sb_searcher(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  sbx *s = get_sbx(L);
  if (!valid_module_name(name)) {
    lua_pushfstring(L, "\n\tmodule names are letters, digits, '_' and '.' (no paths, no '..')");
    return 1;
  }
  char rel[512], path[2048];
  snprintf(rel, sizeof rel, "%s", name);
  for (char *p = rel; *p; p++)
    if (*p == '.') *p = '/';
  const char *dirs[3] = {s->lib_dir, s->lib_dir, s->scn_dir};
  const char *tails[3] = {".lua", "/init.lua", ".lua"};
  for (int i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/%s%s", dirs[i], rel, tails[i]);
    if (!readable(path)) continue;
    char err[512];
    if (sandbox_loadfile(L, path, err, sizeof err)) return luaL_error(L, "%s", err);
    lua_pushstring(L, path);
    return 2;
  }
  lua_pushfstring(L, "\n\tno file for it in %s or beside the scenario (%s)", s->lib_dir, s->scn_dir);
  return 1;
}

static void restrict_package(lua_State *L) {
  lua_getglobal(L, "package");
  lua_createtable(L, 2, 0);
  lua_getfield(L, -2, "searchers");
  lua_rawgeti(L, -1, 1); /* the preload searcher */
  lua_rawseti(L, -3, 1);
  lua_pop(L, 1);
  lua_pushcfunction(L, sb_searcher);
  lua_rawseti(L, -2, 2);
  lua_setfield(L, -2, "searchers");
  lua_pushnil(L), lua_setfield(L, -2, "loadlib");
  lua_pushnil(L), lua_setfield(L, -2, "searchpath");
  lua_pushliteral(L, ""), lua_setfield(L, -2, "path");
  lua_pushliteral(L, ""), lua_setfield(L, -2, "cpath");
  lua_pop(L, 1);
}

static void open_safe_libs(lua_State *L) {
  static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},       {LUA_LOADLIBNAME, luaopen_package},
                                  {LUA_COLIBNAME, luaopen_coroutine}, {LUA_TABLIBNAME, luaopen_table},
                                  {LUA_STRLIBNAME, luaopen_string},  {LUA_MATHLIBNAME, luaopen_math},
                                  {LUA_UTF8LIBNAME, luaopen_utf8},   {NULL, NULL}};
  for (const luaL_Reg *l = libs; l->name; l++) {
    luaL_requiref(L, l->name, l->func, 1);
    lua_pop(L, 1);
  }
  static const char *const removed[] = {"dofile", "loadfile", NULL};
  for (int i = 0; removed[i]; i++) lua_pushnil(L), lua_setglobal(L, removed[i]);
  lua_pushcfunction(L, sb_load), lua_setglobal(L, "load");
  lua_pushcfunction(L, sb_print), lua_setglobal(L, "print");
  lua_pushcfunction(L, sb_collectgarbage), lua_setglobal(L, "collectgarbage");
  lua_getglobal(L, "string");
  lua_pushnil(L), lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  /* the shared string metatable cannot be read or replaced */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0), lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  /* math.random would be an unmanaged stream: scenarios use neo.dist */
  lua_getglobal(L, "math");
  lua_pushnil(L), lua_setfield(L, -2, "random");
  lua_pushnil(L), lua_setfield(L, -2, "randomseed");
  lua_pop(L, 1);
  restrict_package(L);
}

lua_State *sandbox_new(const char *lib_dir, const char *scenario_dir, const sandbox_limits *lim) {
  sbx *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->cap = lim && lim->memory_bytes ? lim->memory_bytes : (size_t)512 << 20;
  s->budget = s->left = lim && lim->instructions ? lim->instructions : 2000000000LL;
  snprintf(s->lib_dir, sizeof s->lib_dir, "%s", lib_dir);
  snprintf(s->scn_dir, sizeof s->scn_dir, "%s", scenario_dir);
  lua_State *L = lua_newstate(capped_alloc, s);
  if (!L) {
    free(s);
    return NULL;
  }
  open_safe_libs(L);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, SOURCES_KEY);
  return L;
}

void sandbox_close(lua_State *L) {
  if (!L) return;
  sbx *s = get_sbx(L);
  lua_close(L);
  free(s);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 14, n = 0, k;
  char *buf = malloc(cap);
  while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

int sandbox_loadfile(lua_State *L, const char *path, char *err, size_t errlen) {
  size_t len;
  char *src = slurp(path, &len);
  if (!src) {
    snprintf(err, errlen, "%s: cannot read file", path);
    return -1;
  }
  lua_pushfstring(L, "@%s", path);
  const char *chunk = lua_tostring(L, -1);
  int st = luaL_loadbufferx(L, src, len, chunk, "t");
  if (st != LUA_OK) {
    snprintf(err, errlen, "%s", lua_tostring(L, -1));
    lua_pop(L, 2);
    free(src);
    return -1;
  }
  lua_getfield(L, LUA_REGISTRYINDEX, SOURCES_KEY);
  lua_pushvalue(L, -3);
  lua_pushlstring(L, src, len);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  lua_remove(L, -2); /* the chunk name */
  free(src);
  return 0;
}

const char *sandbox_source(lua_State *L, const char *chunkname) {
  lua_getfield(L, LUA_REGISTRYINDEX, SOURCES_KEY);
  lua_getfield(L, -1, chunkname);
  const char *s = lua_tostring(L, -1); /* kept alive by the registry */
  lua_pop(L, 2);
  return s;
}

/* Copy msg into err with each run of newlines and tabs made "; ", so
** every message is one line (require's list of places tried is not). */
static void one_line(char *err, size_t errlen, const char *msg) {
  size_t k = 0;
  for (const char *p = msg; *p && k + 3 < errlen; p++) {
    if (*p != '\n' && *p != '\t') {
      err[k++] = *p;
      continue;
    }
    while (p[1] == '\n' || p[1] == '\t') p++;
    if (k == 0 || !p[1] || err[k - 1] == ' ') continue;
    if (err[k - 1] != ':') err[k++] = ';';
    err[k++] = ' ';
  }
  err[k] = '\0';
}

int sandbox_pcall(lua_State *L, int nargs, int nresults, char *err, size_t errlen) {
  sbx *s = get_sbx(L);
  s->left = s->budget;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int st = lua_pcall(L, nargs, nresults, 0);
  lua_sethook(L, NULL, 0, 0);
  if (st == LUA_OK) return 0;
  if (st == LUA_ERRMEM) {
    snprintf(err, errlen, "memory cap of %zu MiB exceeded (not enough memory)", s->cap >> 20);
    lua_pop(L, 1);
    return -2;
  } if (lua_type(L, -1) == LUA_TSTRING)
    one_line(err, errlen, lua_tostring(L, -1));
  else
    snprintf(err, errlen, "error object is a %s value", luaL_typename(L, -1));
  lua_pop(L, 1);
  return -1;
}

static int exists_lib(const char *dir) {
  char p[1200];
  snprintf(p, sizeof p, "%s/neo/init.lua", dir);
  return readable(p);
}

const char *sandbox_lib_dir(void) {
  static char dir[1024];
  const char *env = getenv("NEOSIM_LUA_PATH");
  if (env && *env) return env;
  char exe[900];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    static const char *const up[] = {"/../lua", "/../../lua", "/../share/neosim/lua"};
    for (int i = 0; i < 3; i++) {
      snprintf(dir, sizeof dir, "%s%s", exe, up[i]);
      if (exists_lib(dir)) return dir;
    }
  }
  return NEOSIM_LUA_DIR;
}
