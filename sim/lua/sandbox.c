/*
** sandbox.c -- the Lua state scenario code runs in: safe libraries,
** restricted require, memory cap, instruction budget, loaded sources.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "err.h"
#include "sandbox.h"
#include "sandbox_int.h"
#include "text.h"

#define HOOK_EVERY 1000
#define ALLOC_BYTES_PER_INSTR 16 /* allocating is work C functions do for Lua */
#define SOURCES_KEY "neosim.sources"

sbx *sandbox_get(lua_State *L) {
  void *ud;
  lua_getallocf(L, &ud);
  return ud;
}

/* Lua's allocator with a cap: refusing a block makes Lua raise a memory
** error.  Growth is charged to the budget (checked at the next hook). */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sbx *s = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    s->used -= old;
    return NULL;
  }
  if (nsize > old && nsize - old > s->cap - s->used) {
    s->left -= (long long)(s->used / ALLOC_BYTES_PER_INSTR); /* Lua tried a full collection first */
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (!p) return NULL;
  s->used = s->used - old + nsize;
  if (nsize > old) s->left -= (long long)((nsize - old) / ALLOC_BYTES_PER_INSTR);
  return p;
}

/* "file:line: " of the innermost Lua function running, or "". */
static void where(lua_State *L, char *buf, size_t n) {
  lua_Debug ar;
  buf[0] = '\0';
  for (int level = 0; lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      snprintf(buf, n, "%s:%d: ", ar.short_src, ar.currentline);
      return;
    }
}

/* The budget is spent: remember why and where (once per call), make every
** further instruction and call of this thread fail too, and raise. */
static int spend(lua_State *L, sbx *s, int timed_out) {
  if (!s->spent) {
    char at[300];
    s->spent = 1;
    where(L, at, sizeof at);
    if (timed_out)
      snprintf(s->why, sizeof s->why,
               "%sCPU time limit of %g s per call exceeded (the backstop of the "
               "instruction budget: slow operations on huge strings or tables?)",
               at, s->cpu_limit);
    else
      snprintf(s->why, sizeof s->why,
               "%sinstruction budget of %lld instructions exceeded (an endless loop?)", at,
               s->budget);
  }
  lua_sethook(L, sandbox_hook, SANDBOX_STOP_MASK, 1);
  lua_pushstring(L, s->why);
  return lua_error(L);
}

void sandbox_charge(lua_State *L, long long n) {
  sbx *s = sandbox_get(L);
  int late = 0;
  if ((s->left -= n) > 0 && !s->spent && !(late = sandbox_cpu_late(s))) return;
  spend(L, s, late);
}

void sandbox_sethook(lua_State *L, int failing) {
  sbx *s = sandbox_get(L);
  if (!failing) lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, HOOK_EVERY);
  /* after it: the timer's handler may have set the hook just before */
  if (failing || s->spent || sandbox_cpu_late(s))
    lua_sethook(L, sandbox_hook, SANDBOX_STOP_MASK, 1);
}

void sandbox_hook(lua_State *L, lua_Debug *ar) {
  sbx *s = sandbox_get(L);
  int late = 0;
  if (s->spent || (late = sandbox_cpu_late(s))) spend(L, s, late);
  int every = ar->event == LUA_HOOKCOUNT ? lua_gethookcount(L) : 0;
  if (every != HOOK_EVERY) /* a thread an earlier call left failing */
    sandbox_sethook(L, 0);
  if (every) sandbox_charge(L, every);
}

static int valid_module_name(const char *n) {
  if (!*n || *n == '.') return 0;
  for (const char *p = n; *p; p++)
    if (!(isalnum((unsigned char)*p) || *p == '_' || (*p == '.' && p[1] != '.' && p[1]))) return 0;
  return 1;
}

static int readable(const char *path) { return access(path, R_OK) == 0; }

/* Two paths name the same file. */
static int same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The level of this thread's stack where the main chunk of file path runs
** (it is still loading), or -1.  Each level looked at costs an instruction. */
static int loading_level(lua_State *L, const char *path) {
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    sandbox_charge(L, 1);
    if (lua_getinfo(L, "S", &ar) && strcmp(ar.what, "main") == 0 && ar.source[0] == '@' &&
        same_file(ar.source + 1, path))
      return level;
  }
  return -1;
}

/* require(name) found path: raise if path is still loading -- a module
** requiring itself, directly or through others, would load again and
** again until the C stack ran out ("C stack overflow", naming no file).
** The error names where require was called (level 2: the searcher is
** called by require) and the files of the cycle, outermost first. */
static void refuse_cycle(lua_State *L, const char *name, const char *path) {
  int top = loading_level(L, path);
  if (top < 0) return;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_where(L, 2);
  luaL_addvalue(&b);
  lua_pushfstring(L, "module '%s' is still loading: a require cycle (", name);
  luaL_addvalue(&b);
  lua_Debug ar;
  for (int level = top; level >= 0; level--)
    if (lua_getstack(L, level, &ar) && lua_getinfo(L, "S", &ar) && strcmp(ar.what, "main") == 0 &&
        ar.source[0] == '@') {
      luaL_addstring(&b, ar.source + 1);
      luaL_addstring(&b, " -> ");
    }
  luaL_addstring(&b, path);
  luaL_addchar(&b, ')');
  luaL_pushresult(&b);
  lua_error(L);
}

/* The one searcher: lib_dir/a/b.lua, lib_dir/a/b/init.lua, scenario_dir/a/b.lua.  Paths
** are Lua strings: no length is too long, none is cut. */
static int sb_searcher(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  sbx *s = sandbox_get(L);
  if (!valid_module_name(name)) {
    lua_pushfstring(L, "\n\tmodule names are letters, digits, '_' and '.' (no paths, no '..')");
    return 1;
  }
  const char *rel = luaL_gsub(L, name, ".", "/");
  const char *dirs[3] = {s->lib_dir, s->lib_dir, s->scn_dir};
  const char *tails[3] = {".lua", "/init.lua", ".lua"};
  for (int i = 0; i < 3; i++) {
    const char *path = lua_pushfstring(L, "%s/%s%s", dirs[i], rel, tails[i]);
    if (!readable(path)) {
      lua_pop(L, 1);
      continue;
    }
    refuse_cycle(L, name, path);
    char err[ERR_LEN];
    if (sandbox_loadfile(L, path, err, sizeof err)) return luaL_error(L, "%s", err);
    lua_insert(L, -2); /* the loader, then the path */
    return 2;
  }
  lua_pushfstring(L, "\n\tno file for it in %s or beside the scenario (%s)", s->lib_dir,
                  s->scn_dir);
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
  lua_pushnil(L);
  lua_setfield(L, -2, "loadlib");
  lua_pushnil(L);
  lua_setfield(L, -2, "searchpath");
  lua_pushliteral(L, "");
  lua_setfield(L, -2, "path");
  lua_pushliteral(L, "");
  lua_setfield(L, -2, "cpath");
  lua_pop(L, 1);
}

static void open_safe_libs(lua_State *L) {
  static const luaL_Reg libs[] = {
      {LUA_GNAME, luaopen_base},          {LUA_LOADLIBNAME, luaopen_package},
      {LUA_COLIBNAME, luaopen_coroutine}, {LUA_TABLIBNAME, luaopen_table},
      {LUA_STRLIBNAME, luaopen_string},   {LUA_MATHLIBNAME, luaopen_math},
      {LUA_UTF8LIBNAME, luaopen_utf8},    {NULL, NULL}};
  for (const luaL_Reg *l = libs; l->name; l++) {
    luaL_requiref(L, l->name, l->func, 1);
    lua_pop(L, 1);
  }
  static const char *const removed[] = {"dofile", "loadfile", NULL};
  for (int i = 0; removed[i]; i++) {
    lua_pushnil(L);
    lua_setglobal(L, removed[i]);
  }
  sandbox_open_lib(L);
  sandbox_open_pat(L);
  sandbox_open_sort(L);
  sandbox_open_co(L);
  lua_getglobal(L, "string");
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  /* the shared string metatable cannot be read or replaced */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  /* math.random would be an unmanaged stream: scenarios use neo.dist */
  lua_getglobal(L, "math");
  lua_pushnil(L);
  lua_setfield(L, -2, "random");
  lua_pushnil(L);
  lua_setfield(L, -2, "randomseed");
  lua_pop(L, 1);
  restrict_package(L);
}

static int open_all(lua_State *L) {
  open_safe_libs(L);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, SOURCES_KEY);
  return 0;
}

/* Every call into Lua is protected (sandbox_pcall, sandbox_ccall): reaching
** this is a bug of neosim, said as such. */
static int panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  text_printf(stderr, "neosim: internal error: a Lua error outside a protected call: %s\n",
              msg ? msg : "?");
  abort();
}

static void free_sbx(sbx *s) {
  sandbox_cpu_free(s);
  free(s->lib_dir);
  free(s->scn_dir);
  free(s);
}

lua_State *sandbox_new(const char *lib_dir, const char *scenario_dir, const sandbox_limits *lim) {
  sbx *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->cap = lim && lim->memory_bytes ? lim->memory_bytes : (size_t)512 << 20;
  s->budget = s->left = lim && lim->instructions ? lim->instructions : 2000000000LL;
  s->cpu_limit = lim && lim->cpu_seconds > 0 ? lim->cpu_seconds : 60 + (double)s->budget * 1e-7;
  sandbox_cpu_new(s); /* none: the hooks read the clocks */
  s->lib_dir = strdup(lib_dir);
  s->scn_dir = strdup(scenario_dir);
  lua_State *L = s->lib_dir && s->scn_dir ? lua_newstate(capped_alloc, s) : NULL;
  if (!L) {
    free_sbx(s);
    return NULL;
  }
  lua_atpanic(L, panic);
  lua_pushcfunction(L, open_all);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) { /* out of memory */
    sandbox_close(L);
    return NULL;
  }
  return L;
}

void sandbox_close(lua_State *L) {
  if (!L) return;
  sbx *s = sandbox_get(L);
  lua_close(L);
  free_sbx(s);
}

/* Copy msg (len bytes, NULs included) into err as one line: each run of
** newlines and tabs made "; " (require's list of places tried is several
** lines), and every other control character, NUL and byte that is not
** UTF-8 shown escaped (text.h): no terminal escape gets out of a sandbox. */
static void one_line(char *err, size_t errlen, const char *msg, size_t len) {
  const char *p = msg, *end = msg + len;
  size_t k = 0;
  err[0] = '\0';
  while (p < end) {
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\t') q++;
    if (text_escape(err + k, errlen - k, p, (size_t)(q - p), TEXT_LINE) >= errlen - k) return;
    k += strlen(err + k);
    while (q < end && (*q == '\n' || *q == '\t')) q++;
    if (k > 0 && q < end && err[k - 1] != ' ' && k + 3 < errlen) {
      if (err[k - 1] != ':') err[k++] = ';';
      err[k++] = ' ';
      err[k] = '\0';
    }
    p = q;
  }
}

/* The file's bytes (malloc'd), at most max of them: NULL when it cannot
** be read or is larger (*len = max + 1 then: /dev/zero, a huge file). */
static char *slurp(const char *path, size_t max, size_t *len) {
  FILE *f = fopen(path, "rb");
  *len = 0;
  if (!f) return NULL;
  size_t cap = 1 << 14, n = 0, k;
  char *buf = malloc(cap);
  while (buf && n <= max && (k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  int bad = ferror(f) || n > max;
  fclose(f);
  if (bad) {
    free(buf);
    *len = n;
    return NULL;
  }
  *len = n;
  return buf;
}

int sandbox_loadfile(lua_State *L, const char *path, char *err, size_t errlen) {
  size_t len, max = sandbox_get(L)->cap;
  char *src = slurp(path, max, &len);
  if (!src) {
    if (len > max)
      snprintf(err, errlen, "%s: file larger than the memory cap of %zu MiB", path, max >> 20);
    else snprintf(err, errlen, "%s: cannot read file", path);
    return -1;
  }
  const char *nul = memchr(src, '\0', len); /* C reads the text, and its version, up to it */
  if (nul) {
    snprintf(err, errlen, "%s: a NUL byte at byte %zu: Lua files are text (in a string, write \\0)",
             path, (size_t)(nul - src) + 1);
    free(src);
    return -1;
  }
  lua_pushfstring(L, "@%s", path);
  const char *chunk = lua_tostring(L, -1);
  int st = sandbox_loadtext(L, src, len, chunk);
  if (st != LUA_OK) {
    size_t n;
    const char *msg = lua_tolstring(L, -1, &n); /* a syntax error quotes the source */
    one_line(err, errlen, msg ? msg : "?", msg ? n : 1);
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

#define PIECE 4096 /* bytes the parser gets at a time */

typedef struct text_piece {
  const char *p;
  size_t left;
} text_piece;

static const char *next_piece(lua_State *L, void *ud, size_t *size) {
  text_piece *t = ud;
  *size = t->left < PIECE ? t->left : PIECE;
  if (!*size) return NULL;
  sandbox_charge(L, (long long)(*size / 16)); /* parsing is work; raises in the parser */
  const char *p = t->p;
  t->p += *size;
  t->left -= *size;
  return p;
}

int sandbox_loadtext(lua_State *L, const char *text, size_t len, const char *chunkname) {
  text_piece t = {text, len};
  return lua_load(L, next_piece, &t, chunkname, "t");
}

const char *sandbox_source(lua_State *L, const char *chunkname) {
  lua_getfield(L, LUA_REGISTRYINDEX, SOURCES_KEY);
  lua_getfield(L, -1, chunkname);
  const char *s = lua_tostring(L, -1); /* kept alive by the registry */
  lua_pop(L, 2);
  return s;
}

int sandbox_pcall(lua_State *L, int nargs, int nresults, char *err, size_t errlen) {
  sbx *s = sandbox_get(L);
  s->left = s->budget;
  s->spent = 0;
  s->closing = 0; /* a memory error may have skipped a close's count down */
  sandbox_cpu_arm(s, L);
  sandbox_sethook(L, 0);
  int st = lua_pcall(L, nargs, nresults, 0);
  sandbox_cpu_disarm(s);
  lua_sethook(L, NULL, 0, 0);
  if (st == LUA_OK) return 0;
  if (s->spent) /* whatever error object pcalls or handlers in Lua made of it */
    one_line(err, errlen, s->why, strlen(s->why));
  else if (st == LUA_ERRMEM)
    snprintf(err, errlen, "memory cap of %zu MiB exceeded (not enough memory)", s->cap >> 20);
  else if (lua_type(L, -1) == LUA_TSTRING) {
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    one_line(err, errlen, msg, len);
  } else snprintf(err, errlen, "error object is a %s value", luaL_typename(L, -1));
  lua_pop(L, 1);
  return st == LUA_ERRMEM && !s->spent ? -2 : -1;
}

int sandbox_ccall(lua_State *L, lua_CFunction fn, int nargs, int nresults, char *err,
                  size_t errlen) {
  if (!lua_checkstack(L, 1)) {
    snprintf(err, errlen, "memory cap exceeded (no room on the Lua stack)");
    return -2;
  }
  lua_pushcfunction(L, fn);
  lua_insert(L, -(nargs + 1));
  return sandbox_pcall(L, nargs, nresults, err, errlen);
}

/* a then b, malloc'd (NULL: out of memory). */
static char *concat(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = malloc(la + lb + 1);
  if (!s) return NULL;
  memcpy(s, a, la);
  memcpy(s + la, b, lb + 1);
  return s;
}

static int exists_lib(const char *dir) {
  char *p = concat(dir, "/neo/init.lua");
  int ok = p && readable(p);
  free(p);
  return ok;
}

/* The running binary's path, however long (malloc'd), or NULL. */
static char *exe_path(void) {
  for (size_t cap = 256; cap <= (size_t)1 << 20; cap *= 2) {
    char *buf = malloc(cap);
    ssize_t n = buf ? readlink("/proc/self/exe", buf, cap) : -1;
    if (n >= 0 && (size_t)n < cap) { /* else it may have been cut: try a larger buffer */
      buf[n] = '\0';
      return buf;
    }
    free(buf);
    if (n < 0) return NULL;
  }
  return NULL;
}

char *sandbox_lib_dir(void) {
  const char *env = getenv("NEOSIM_LUA_PATH");
  if (env && *env) return strdup(env);
  char *exe = exe_path(), *slash = exe ? strrchr(exe, '/') : NULL;
  if (slash) {
    *slash = '\0';
    static const char *const up[] = {"/../lua", "/../../lua", "/../share/neosim/lua"};
    for (int i = 0; i < 3; i++) {
      char *dir = concat(exe, up[i]);
      if (dir && exists_lib(dir)) {
        free(exe);
        return dir;
      }
      free(dir);
    }
  }
  free(exe);
  return strdup(NEOSIM_LUA_DIR);
}
