/*
** test_sandbox.c -- the sandbox's limits (budget, CPU backstop, memory cap)
** against the ways scenario code could dodge them, and its pattern
** matcher against Lua's own (string.find, match, gmatch, gsub: the same
** results and messages on directed and random cases).
*/
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "check.h"
#include "err.h"
#include "sandbox.h"

static lua_State *sandbox(long long instructions, size_t memory, double cpu) {
  sandbox_limits lim = {memory, instructions, cpu};
  return sandbox_new(".", ".", &lim);
}

/* Run code in L: 0, or the sandbox_pcall status with the message in err. */
static int run(lua_State *L, const char *code, char *err, size_t errlen) {
  if (luaL_loadbufferx(L, code, strlen(code), "=t", "t") != LUA_OK) {
    snprintf(err, errlen, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return -3;
  }
  return sandbox_pcall(L, 0, 0, err, errlen);
}

/* code must stop with a message containing want. */
static void stops_in(const char *code, const char *want, long long instructions, size_t memory) {
  char err[ERR_LEN] = "";
  lua_State *L = sandbox(instructions, memory, 0);
  int rc = run(L, code, err, sizeof err);
  CHECKF(rc != 0 && strstr(err, want), "%s: rc %d, [%s], want [%s]", code, rc, err, want);
  /* the next call has its whole budget again */
  rc = run(
      L,
      "local n = 0 for i = 1, 1000 do n = n + i end coroutine.wrap(function() for i = 1, 100 do "
      "end end)()",
      err, sizeof err);
  CHECKF(rc == 0, "after %s: rc %d [%s]", code, rc, err);
  sandbox_close(L);
}

static void stops(const char *code, const char *want, long long instructions) {
  stops_in(code, want, instructions, 64 << 20);
}

static void test_budget(void) {
  const char *budget = "instruction budget of 1000000 instructions exceeded";
  stops("while true do end", budget, 1000000);
  stops("while true do pcall(function() while true do end end) end", budget, 1000000);
  stops("local function f() while true do pcall(f) end end f()", budget, 1000000);
  stops("while true do xpcall(function() while true do end end, "
        "function() while true do end end) end",
        budget, 1000000);
  stops("while true do xpcall(error, function() while true do end end) end", budget, 1000000);
  stops("while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
        budget, 1000000);
  stops("local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true "
        "do pcall(co) end",
        budget, 1000000);
  stops("do local x <close> = setmetatable({}, { __close = function() while true do end end }) "
        "while true do end end",
        budget, 1000000);
  stops("table.move({}, 1, 1e15, 1)", budget, 1000000);
  stops("table.insert(setmetatable({}, { __len = function() return 1e15 end }), 1, 1)", budget,
        1000000);
  stops("table.remove(setmetatable({}, { __len = function() return 1e15 end }), 1)", budget,
        1000000);
  stops("string.find(string.rep('a', 3000), string.rep('a*', 10) .. 'b')", budget, 1000000);
  stops("string.gsub(string.rep('a', 3000), string.rep('a-', 10) .. 'b', '')", budget, 1000000);
  stops("for _ in string.gmatch(string.rep('a', 3000), string.rep('.-', 10) .. 'b') do end", budget,
        1000000);
  stops("local h = string.rep('a', 4e6) string.find(h, string.rep('a', 2e6) .. 'b', 1, true)",
        budget, 1000000);
  stops("local t = {} for i = 1, 1e5 do t[i] = {} end while true do collectgarbage() end", budget,
        1000000);
  stops("local s = string.rep('x', 1e6) while true do local u = s:upper() end", budget, 1000000);
  stops("setmetatable({}, { __gc = function() while true do end end })",
        "__gc metamethods are not allowed", 1000000);
  stops("local t = {} while true do t[#t + 1] = {} end", "memory cap of 64 MiB exceeded",
        1000000000);
  stops("string.rep('x', 1 << 30)", "memory cap of 64 MiB exceeded", 1000000);
  stops("string.rep('x', 1 << 40)", "t:1: resulting string too large", 1000000);
  stops_in("local function f() return 1 + f() end f()", "stack overflow", 1000000000, 0);
}

/* What the stock library would loop on for ever returns at once (a hang
** here is the failure). */
static void test_quick(void) {
  char err[ERR_LEN] = "";
  lua_State *L = sandbox(1000000, 64 << 20, 0);
  int rc = run(L,
               "for i = 1, 100 do assert(string.rep('', math.maxinteger) == '') end "
               "assert(string.rep('ab', 3, ',') == 'ab,ab,ab') assert(string.rep('x', 0) == '') "
               "local mt = {} setmetatable({}, mt) mt.__gc = function() while true do end end "
               "assert(string.dump == nil) assert(load('\\27Lua') == nil)",
               err, sizeof err);
  CHECKF(rc == 0, "[%s]", err);
  sandbox_close(L); /* no finalizer runs here */
}

/* The CPU backstop: each comparison of two equal 16 MiB strings is one
** instruction. */
static void test_cpu_backstop(void) {
  char err[ERR_LEN] = "";
  lua_State *L = sandbox(1000000000000000LL, 128 << 20, 0.3);
  int rc = run(
      L,
      "local a, b = string.rep('x', 1 << 24), string.rep('x', 1 << 24) while true do local _ = a "
      "== b end",
      err, sizeof err);
  CHECKF(rc == -1 && strstr(err, "CPU time limit of 0.3 s per call exceeded"), "rc %d [%s]", rc,
         err);
  sandbox_close(L);
}

/* Loops in C functions, which run no instruction, stop at the CPU limit:
** the timer makes the next call of any function (or the next comparison,
** element moved, piece parsed) fail.  Without it each runs for minutes to
** years: the watchdog in main fails the test. */
static void test_cpu_c_loops(void) {
  static const char *const loops[] = {
      /* the red team's: __index a C function under a huge __len; concat's */
      "table.sort(setmetatable({}, { __len = function() return 2^31 - 2 end, __index = rawlen }))",
      "table.concat(setmetatable({}, { __index = table.concat }), '', 1, 1e15)",
      /* comparisons calling no function: copies of one 10 MB string */
      "local s, t = string.rep('0123456789', 1e6), {} for i = 1, 1e5 do t[i] = s end "
      "table.sort(t)",
      /* a chunk slow to parse: 100 functions of 30000 labels, each label checked
      ** against the function's others (17 s in all, far past the limit) */
      "local l = {} for i = 1, 30000 do l[i] = '::a' .. i .. '::' end "
      "load(string.rep('do local function f() ' .. table.concat(l, ' x = 1 ') .. ' end end', "
      "100, ' '))",
      /* in a coroutine, whose hook is its own; in a __close run by coroutine.close */
      "coroutine.wrap(function() table.concat(setmetatable({}, { __index = table.concat }), '', "
      "1, 1e15) end)()",
      "local co = coroutine.create(function() local x <close> = setmetatable({}, { __close = "
      "function() table.concat(setmetatable({}, { __index = table.concat }), '', 1, 1e15) end }) "
      "coroutine.yield() end) coroutine.resume(co) coroutine.close(co) while true do end",
      /* caught by pcall, the loop starts again: it must not */
      "while true do pcall(table.concat, setmetatable({}, { __index = table.concat }), '', 1, "
      "1e15) end",
      /* a tail call whose arguments grow: copying them is no instruction */
      "local function f(...) return f(1, ...) end f()",
  };
  for (size_t i = 0; i < sizeof loops / sizeof *loops; i++) {
    char err[ERR_LEN] = "";
    lua_State *L = sandbox(1000000000000000LL, 256 << 20, 0.3);
    int rc = run(L, loops[i], err, sizeof err);
    CHECKF(rc == -1 && strstr(err, "t:1: CPU time limit of 0.3 s per call exceeded"),
           "%s: rc %d [%s]", loops[i], rc, err);
    rc = run(L, "local n = 0 for i = 1, 1e5 do n = n + i end", err, sizeof err);
    CHECKF(rc == 0, "the call after %s: rc %d [%s]", loops[i], rc, err);
    sandbox_close(L);
  }
}

/* A C function that loops calling nothing and counting nothing. */
static int spin(lua_State *L) {
  (void)L;
  for (volatile unsigned long i = 0;; i++) {}
  return 0;
}

/* What nothing else stops ends the process at twice the limit and a
** second: status 2 and one line on stderr (in a child process). */
static void test_cpu_hard_stop(void) {
  int fds[2];
  CHECK(pipe(fds) == 0);
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    alarm(60); /* not inherited: should the stop fail, no orphan spins on */
    dup2(fds[1], STDERR_FILENO);
    char err[ERR_LEN];
    lua_State *L = sandbox(1000000, 64 << 20, 0.2);
    sandbox_ccall(L, spin, 0, 0, err, sizeof err);
    _exit(0); /* not reached */
  }
  close(fds[1]);
  char out[512] = "";
  size_t n = 0;
  ssize_t r;
  while (n < sizeof out - 1 && (r = read(fds[0], out + n, sizeof out - 1 - n)) > 0) n += (size_t)r;
  out[n] = '\0';
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 2, "status 0x%x", status);
  CHECKF(strcmp(out, "neosim: a call into scenario code ran 1.4 s of CPU time, twice its limit "
                     "of 0.2 s and a second more, in C code that could not be interrupted; "
                     "neosim stops (exit status 2)\n") == 0,
         "[%s]", out);
}

static int raises(lua_State *L) {
  return luaL_error(L, "raised from C with %d", (int)lua_tointeger(L, 1));
}

static void test_ccall(void) {
  char err[ERR_LEN] = "";
  lua_State *L = sandbox(1000000, 64 << 20, 0);
  lua_pushinteger(L, 7);
  CHECK(sandbox_ccall(L, raises, 1, 0, err, sizeof err) == -1);
  CHECKF(strcmp(err, "raised from C with 7") == 0, "[%s]", err);
  CHECK(lua_gettop(L) == 0);
  CHECK(run(L, "error('a\\27[31mb\\nc\\r')", err, sizeof err) == -1);
  CHECKF(strcmp(err, "t:1: a\\x1b[31mb; c\\r") == 0, "control characters: [%s]", err);
  /* a NUL keeps what follows it; C1 controls and bytes that are not UTF-8 escaped, é kept */
  CHECK(run(L, "error('x\\0y\\194\\155z\\255 caf\\195\\169', 0)", err, sizeof err) == -1);
  CHECKF(strcmp(err, "x\\x00y\\xc2\\x9bz\\xff caf\xc3\xa9") == 0, "NUL: [%s]", err);
  sandbox_close(L);
}

/* ---- the pattern matcher against Lua's ---- */

static const char harness[] =
    "local function ser(...)\n"
    "  local t = { tostring(select('#', ...)) }\n"
    "  for i = 1, select('#', ...) do local v = select(i, ...); t[#t + 1] = type(v) .. ':' .. "
    "tostring(v) end\n"
    "  return table.concat(t, '|')\n"
    "end\n"
    "return function(s, p, r, init)\n"
    "  local o = {}\n"
    "  o[1] = ser(pcall(string.find, s, p, init))\n"
    "  o[2] = ser(pcall(string.match, s, p, init))\n"
    "  o[3] = ser(pcall(string.find, s, p, init, true))\n"
    "  o[4] = ser(pcall(string.gsub, s, p, r))\n"
    "  o[5] = ser(pcall(string.gsub, s, p, r, 2))\n"
    "  o[6] = ser(pcall(string.gsub, s, p, function(...) return select('#', ...) .. '' end))\n"
    "  o[7] = ser(pcall(string.gsub, s, p, { a = 'A', b = false }))\n"
    "  o[8] = ser(pcall(function()\n"
    "    local t = {}\n"
    "    for a, b in string.gmatch(s, p, init) do t[#t + 1] = ser(a, b); if #t > 40 then break "
    "end end\n"
    "    return table.concat(t, ';')\n"
    "  end))\n"
    "  return table.concat(o, '\\n')\n"
    "end\n";

/* Push the harness function of L. */
static void load_harness(lua_State *L) {
  if (luaL_loadbufferx(L, harness, sizeof harness - 1, "=harness", "t") || lua_pcall(L, 0, 1, 0))
    fprintf(stderr, "harness: %s\n", lua_tostring(L, -1));
  lua_setglobal(L, "probe");
}

/* The harness's output for one case in L (a static buffer per state). */
static const char *probe(lua_State *L, int sandboxed, const char *s, size_t ls, const char *p,
                         size_t lp, const char *r, int has_init, long init, char *out,
                         size_t outlen) {
  char err[ERR_LEN];
  lua_getglobal(L, "probe");
  lua_pushlstring(L, s, ls);
  lua_pushlstring(L, p, lp);
  lua_pushstring(L, r);
  if (has_init) lua_pushinteger(L, init);
  else lua_pushnil(L);
  int rc = sandboxed ? sandbox_pcall(L, 4, 1, err, sizeof err) : lua_pcall(L, 4, 1, 0);
  if (rc) snprintf(out, outlen, "error: %s", sandboxed ? err : lua_tostring(L, -1));
  else snprintf(out, outlen, "%s", lua_tostring(L, -1));
  lua_settop(L, 0);
  return out;
}

static int cases, differ;

static void compare(lua_State *sb, lua_State *ref, const char *s, size_t ls, const char *p,
                    size_t lp, const char *r, int has_init, long init) {
  static char a[8192], b[8192];
  probe(sb, 1, s, ls, p, lp, r, has_init, init, a, sizeof a);
  probe(ref, 0, s, ls, p, lp, r, has_init, init, b, sizeof b);
  cases++;
  if (strcmp(a, b) == 0) return;
  if (differ++ < 10)
    fprintf(stderr,
            "pattern [%.*s] subject [%.*s] repl [%s] init %ld:\n--- sandbox:\n%s\n--- lua:\n%s\n",
            (int)lp, p, (int)ls, s, r, has_init ? init : 0, a, b);
}

static unsigned long long lcg = 88172645463325252ULL;
static unsigned pick(unsigned n) {
  lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)(lcg >> 33) % n;
}

static void test_patterns(void) {
  static const char *const directed[][2] = {
      {"hello world from Lua", "%a+"},
      {"  trim me  ", "^%s*(.-)%s*$"},
      {"key = value", "(%w+)%s*=%s*(%w+)"},
      {"f(a(b)c)d", "%b()"},
      {"THE (quick) fox", "%f[%a]%a+"},
      {"aaa", "a-b"},
      {"aaab", "a-b"},
      {"abc", "()b()"},
      {"abcabc", "(abc)%1"},
      {"x", "[]]"},
      {"]", "[]]"},
      {"a-b", "[a-]"},
      {"-", "[-a]"},
      {"%", "[a-%%]"},
      {"abc", "[^%a]"},
      {"abc", "%"},
      {"abc", "[a"},
      {"abc", "(()"},
      {"abc", "%0"},
      {"abc", "(a)%2"},
      {"abc", "a)"},
      {"abc", "%f"},
      {"abc", "%fa"},
      {"abc", "%b"},
      {"abc", "%ba"},
      {"a$b", "a$b"},
      {"ab", "b$"},
      {"", ""},
      {"", "^$"},
      {"abc", ""},
      {"a.b", "."},
      {"a.b", "%."},
      {"hello", "l+"},
      {"hello", "l*"},
      {"hello", "l?"},
      {"hello", "^h"},
      {"hello", "^e"},
      {"2024-01-02", "^(%d%d%d%d)-(%d%d)-(%d%d)$"},
      {"a,b,,c", "([^,]*)"},
      {"one two  three", "%s+"},
      {"abc", "((a)(b)(c))"},
      {"\xff\x80", "[\x80-\xff]+"},
  };
  lua_State *sb = sandbox(0, 0, 0), *ref = luaL_newstate();
  luaL_openlibs(ref);
  load_harness(sb);
  load_harness(ref);
  for (size_t i = 0; i < sizeof directed / sizeof *directed; i++) {
    const char *s = directed[i][0], *p = directed[i][1];
    compare(sb, ref, s, strlen(s), p, strlen(p), "<%0|%1>", 0, 0);
    compare(sb, ref, s, strlen(s), p, strlen(p), "%2", 1, -2);
  }
  /* depth: long plain patterns are fine, deep nesting is "pattern too complex" */
  char big[700];
  memset(big, 'a', 600);
  big[600] = '\0';
  compare(sb, ref, big, 600, big, 600, "x", 0, 0);
  for (int i = 0; i < 300; i++) {
    big[2 * i] = 'a';
    big[2 * i + 1] = '?';
  }
  compare(sb, ref, "aaa", 3, big, 600, "x", 0, 0);
  memset(big, '(', 250);
  compare(sb, ref, "aaa", 3, big, 250, "x", 0, 0);
  compare(sb, ref, "a\0b\0", 4, "%z?\0b", 5, "x", 0, 0);
  /* random cases from pattern-shaped tokens */
  static const char *const tok[] = {
      "a",     "b",    ".",   "%a",    "%d",     "%s",      "%W",    "%x", "[ab]", "[^a]",
      "[a-c]", "[%d]", "[]]", "[^]a]", "(",      ")",       "()",    "*",  "+",    "-",
      "?",     "^",    "$",   "%b()",  "%f[%a]", "%f[^%w]", "%1",    "%2", "%",    "[",
      "]",     "%%",   "%.",  "x",     "1",      " ",       "[%a-]", "%b"};
  static const char subj[] = "aab(b)a 1 x]%-.";
  static const char *const repl[] = {"%0", "%1", "%2", "<%1>", "x", "%%", "%", "", "%a", "[%0]"};
  for (int n = 0; n < 20000; n++) {
    char p[128] = "", s[32];
    int np = 1 + (int)pick(7), ns = (int)pick(14);
    for (int k = 0; k < np; k++) strcat(p, tok[pick(sizeof tok / sizeof *tok)]);
    for (int k = 0; k < ns; k++) s[k] = subj[pick(sizeof subj - 1)];
    compare(sb, ref, s, (size_t)ns, p, strlen(p), repl[pick(sizeof repl / sizeof *repl)],
            (int)pick(2), (long)pick(31) - 15);
  }
  CHECKF(differ == 0, "%d of %d cases differ from Lua's string library", differ, cases);
  sandbox_close(sb);
  lua_close(ref);
}

int main(void) {
  alarm(300); /* a limit that does not stop its loop hangs: fail instead */
  test_budget();
  test_quick();
  test_cpu_backstop();
  test_cpu_c_loops();
  test_cpu_hard_stop();
  test_ccall();
  test_patterns();
  return CHECK_DONE();
}
