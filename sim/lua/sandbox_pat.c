/*
** sandbox_pat.c -- string.find, match, gmatch and gsub for the sandbox:
** the pattern language of Lua 5.4 (manual 6.4.1), its results and its
** messages, with every step of the matcher counted against the
** instruction budget.  The stock matcher backtracks inside one C call,
** where the count hook never runs: ("a"):rep(1e4):find(("a*"):rep(9) .. "b")
** would run for years.
*/
#include <ctype.h>
#include <string.h>

#include <lauxlib.h>

#include "sandbox.h"
#include "sandbox_int.h"

#define ESC '%'
#define SPECIALS "^$*+?.([%-"
#define MAX_CAPTURES 32 /* LUA_MAXCAPTURES */
#define MAX_DEPTH 200   /* nested matcher calls ("pattern too complex") */
#define CHARGE_EVERY 256
#define CAP_OPEN (-1) /* a capture not closed yet */
#define CAP_POS (-2)  /* a position capture, () */

typedef struct pat {
  lua_State *L;
  const char *s0, *s_end; /* the subject */
  const char *p_end;      /* the end of the pattern */
  int depth;              /* nested calls left */
  int ncap;               /* captures started */
  long long steps;        /* not charged yet */
  struct {
    const char *at;
    ptrdiff_t len; /* or CAP_OPEN, CAP_POS */
  } cap[MAX_CAPTURES];
} pat;

static void steps(pat *m, long long n) {
  if ((m->steps += n) < CHARGE_EVERY) return;
  n = m->steps;
  m->steps = 0;
  sandbox_charge(m->L, n);
}

static void flush(pat *m) {
  long long n = m->steps;
  m->steps = 0;
  if (n) sandbox_charge(m->L, n);
}

static void prep(pat *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
  m->L = L;
  m->s0 = s;
  m->s_end = s + ls;
  m->p_end = p + lp;
  m->steps = 0;
}

static void restart(pat *m) {
  m->ncap = 0;
  m->depth = MAX_DEPTH;
}

/* ---- single characters ---- */

/* One past the single-character class at p: x, %x or [set]. */
static const char *class_end(pat *m, const char *p) {
  char c = *p++;
  if (c == ESC) {
    if (p >= m->p_end) luaL_error(m->L, "malformed pattern (ends with '%c')", ESC);
    return p + 1;
  }
  if (c != '[') return p;
  const char *set = p;
  if (p < m->p_end && *p == '^') p++;
  do { /* the first character of a set may be ']' */
    if (p >= m->p_end) luaL_error(m->L, "malformed pattern (missing ']')");
    c = *p++;
    if (c == ESC && p < m->p_end) p++;
  } while (p >= m->p_end || *p != ']');
  if (p - set > 16) steps(m, (p - set) / 16); /* a huge set is scanned at every use */
  return p + 1;
}

/* Does c belong to class %cl (%a, %D, ...; other letters stand for themselves)? */
static int in_class(int c, int cl) {
  int r;
  switch (tolower(cl)) {
  case 'a': r = isalpha(c); break;
  case 'c': r = iscntrl(c); break;
  case 'd': r = isdigit(c); break;
  case 'g': r = isgraph(c); break;
  case 'l': r = islower(c); break;
  case 'p': r = ispunct(c); break;
  case 's': r = isspace(c); break;
  case 'u': r = isupper(c); break;
  case 'w': r = isalnum(c); break;
  case 'x': r = isxdigit(c); break;
  default: return cl == c;
  }
  return isupper(cl) ? !r : r != 0;
}

/* Does c belong to the set [...] from p (its '[') to ec (its ']')? */
static int in_set(int c, const char *p, const char *ec) {
  int yes = 1;
  if (*++p == '^') {
    yes = 0;
    p++;
  }
  for (; p < ec; p++) {
    if (*p == ESC) {
      if (in_class(c, (unsigned char)*++p)) return yes;
    } else if (p[1] == '-' && p + 2 < ec) {
      if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return yes;
      p += 2;
    } else if ((unsigned char)*p == c) {
      return yes;
    }
  }
  return !yes;
}

/* Does the character at s match the class from p to ep? */
static int single(pat *m, const char *s, const char *p, const char *ep) {
  if (s >= m->s_end) return 0;
  int c = (unsigned char)*s;
  switch (*p) {
  case '.': return 1;
  case ESC: return in_class(c, (unsigned char)p[1]);
  case '[':
    if (ep - p > 16) steps(m, (ep - p) / 16);
    return in_set(c, p, ep - 1);
  default: return (unsigned char)*p == c;
  }
}

/* ---- the matcher: the end of the match of p at s, or NULL ---- */

static const char *match(pat *m, const char *s, const char *p);

static const char *longest(pat *m, const char *s, const char *p, const char *ep) {
  ptrdiff_t i = 0;
  while (single(m, s + i, p, ep)) {
    i++;
    steps(m, 1);
  }
  for (; i >= 0; i--) { /* the longest run that lets the rest match */
    const char *r = match(m, s + i, ep + 1);
    if (r) return r;
  }
  return NULL;
}

static const char *shortest(pat *m, const char *s, const char *p, const char *ep) {
  for (;; s++) {
    const char *r = match(m, s, ep + 1);
    if (r || !single(m, s, p, ep)) return r;
  }
}

static const char *open_capture(pat *m, const char *s, const char *p, ptrdiff_t what) {
  if (m->ncap >= MAX_CAPTURES) luaL_error(m->L, "too many captures");
  m->cap[m->ncap].at = s;
  m->cap[m->ncap].len = what;
  m->ncap++;
  const char *r = match(m, s, p);
  if (!r) m->ncap--;
  return r;
}

static const char *close_capture(pat *m, const char *s, const char *p) {
  int l = m->ncap - 1;
  while (l >= 0 && m->cap[l].len != CAP_OPEN) l--;
  if (l < 0) luaL_error(m->L, "invalid pattern capture");
  m->cap[l].len = s - m->cap[l].at;
  const char *r = match(m, s, p);
  if (!r) m->cap[l].len = CAP_OPEN;
  return r;
}

/* %1 ... %9 in a pattern: the same text as that capture. */
static const char *back_ref(pat *m, const char *s, int digit) {
  int l = digit - '1';
  if (l < 0 || l >= m->ncap || m->cap[l].len == CAP_OPEN)
    luaL_error(m->L, "invalid capture index %c%d", ESC, l + 1);
  ptrdiff_t len = m->cap[l].len;
  if (len < 0 || m->s_end - s < len) return NULL; /* a position capture never matches */
  steps(m, len / 64);
  return memcmp(m->cap[l].at, s, (size_t)len) == 0 ? s + len : NULL;
}

/* %bxy: from an x to its balancing y. */
static const char *balance(pat *m, const char *s, const char *p) {
  if (p + 1 >= m->p_end) luaL_error(m->L, "malformed pattern (missing arguments to '%cb')", ESC);
  if (s >= m->s_end || *s != *p) return NULL;
  char open = p[0], close = p[1];
  long depth = 1;
  while (++s < m->s_end) {
    steps(m, 1);
    if (*s == close) {
      if (--depth == 0) return s + 1;
    } else if (*s == open) {
      depth++;
    }
  }
  return NULL;
}

/* %f[set]: between a character not in the set and one in it. */
static int frontier(pat *m, const char *s, const char *p, const char *ep) {
  int before = s == m->s0 ? '\0' : (unsigned char)s[-1];
  int at = s < m->s_end ? (unsigned char)*s : '\0';
  return !in_set(before, p, ep - 1) && in_set(at, p, ep - 1);
}

/* Iterative where it can be (a literal, a failed optional item, %b, %f,
** a back-reference): only captures, quantifiers and '?' nest, so a long
** plain pattern is no deeper than a short one. */
static const char *match(pat *m, const char *s, const char *p) {
  if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
  while (s && p < m->p_end) {
    steps(m, 1);
    if (*p == '(') {
      s = p + 1 < m->p_end && p[1] == ')' ? open_capture(m, s, p + 2, CAP_POS)
                                          : open_capture(m, s, p + 1, CAP_OPEN);
      break;
    }
    if (*p == ')') {
      s = close_capture(m, s, p + 1);
      break;
    }
    if (*p == '$' && p + 1 == m->p_end) {
      if (s != m->s_end) s = NULL;
      break;
    }
    if (*p == ESC && p + 1 < m->p_end &&
        (p[1] == 'b' || p[1] == 'f' || isdigit((unsigned char)p[1]))) {
      if (p[1] == 'b') {
        s = balance(m, s, p + 2);
        p += 4;
      } else if (p[1] == 'f') {
        p += 2;
        if (p >= m->p_end || *p != '[') luaL_error(m->L, "missing '[' after '%cf' in pattern", ESC);
        const char *ep = class_end(m, p);
        if (!frontier(m, s, p, ep)) s = NULL;
        p = ep;
      } else {
        s = back_ref(m, s, p[1]);
        p += 2;
      }
      continue;
    }
    const char *ep = class_end(m, p);
    int q = ep < m->p_end ? *ep : '\0';
    if (!single(m, s, p, ep)) {
      if (q != '*' && q != '?' && q != '-') s = NULL;
      p = ep + 1; /* none of an optional item */
      continue;
    }
    if (q == '?') {
      const char *r = match(m, s + 1, ep + 1);
      if (r) {
        s = r;
        break;
      }
      p = ep + 1;
      continue;
    }
    if (q == '+' || q == '*') {
      s = longest(m, q == '+' ? s + 1 : s, p, ep);
      break;
    }
    if (q == '-') {
      s = shortest(m, s, p, ep);
      break;
    }
    s++;
    p = ep;
  }
  m->depth++;
  return s;
}

/* ---- captures ---- */

/* Push capture i of the match [s, e): the whole match when the pattern
** has no captures and i is 0. */
static void push_capture(pat *m, int i, const char *s, const char *e) {
  if (i >= m->ncap) {
    if (i != 0) luaL_error(m->L, "invalid capture index %c%d", ESC, i + 1);
    lua_pushlstring(m->L, s, (size_t)(e - s));
    return;
  }
  ptrdiff_t len = m->cap[i].len;
  if (len == CAP_OPEN) luaL_error(m->L, "unfinished capture");
  if (len == CAP_POS) lua_pushinteger(m->L, (lua_Integer)(m->cap[i].at - m->s0) + 1);
  else lua_pushlstring(m->L, m->cap[i].at, (size_t)len);
}

/* Push every capture (or the whole match when there are none and s is
** not NULL); the number pushed. */
static int push_captures(pat *m, const char *s, const char *e) {
  int n = m->ncap == 0 && s ? 1 : m->ncap;
  luaL_checkstack(m->L, n, "too many captures");
  for (int i = 0; i < n; i++) push_capture(m, i, s, e);
  return n;
}

/* ---- string.find and string.match ---- */

/* A 1-based start position from a possibly negative one (posrelatI). */
static size_t start_at(lua_Integer pos, size_t len) {
  if (pos > 0) return (size_t)pos;
  if (pos == 0 || pos < -(lua_Integer)len) return 1;
  return len + (size_t)pos + 1;
}

static int no_specials(pat *m, const char *p, size_t lp) {
  steps(m, (long long)(lp / 64));
  for (size_t i = 0; i < lp; i++)
    if (p[i] && strchr(SPECIALS, p[i])) return 0;
  return 1;
}

/* The first occurrence of p in s (a plain find), each candidate charged. */
static const char *find_plain(pat *m, const char *s, size_t ls, const char *p, size_t lp) {
  if (lp == 0) return s;
  if (lp > ls) return NULL;
  const char *end = s + (ls - lp) + 1; /* candidates are before it */
  steps(m, (long long)(ls / 256));
  for (; s < end && (s = memchr(s, *p, (size_t)(end - s))) != NULL; s++) {
    steps(m, 1 + (long long)(lp / 64));
    if (memcmp(s + 1, p + 1, lp - 1) == 0) return s;
  }
  return NULL;
}

static int find_aux(lua_State *L, int find) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = start_at(luaL_optinteger(L, 3, 1), ls) - 1;
  pat m;
  if (init > ls) { /* starts after the end */
    luaL_pushfail(L);
    return 1;
  }
  prep(&m, L, s, ls, p, lp);
  if (find && (lua_toboolean(L, 4) || no_specials(&m, p, lp))) {
    const char *at = find_plain(&m, s + init, ls - init, p, lp);
    flush(&m);
    if (at) {
      lua_pushinteger(L, (lua_Integer)(at - s) + 1);
      lua_pushinteger(L, (lua_Integer)(at - s) + (lua_Integer)lp);
      return 2;
    }
  } else {
    int anchor = *p == '^';
    if (anchor) {
      p++;
      lp--;
      m.p_end = p + lp;
    }
    const char *s1 = s + init;
    do {
      restart(&m);
      const char *e = match(&m, s1, p);
      if (e) {
        flush(&m);
        if (!find) return push_captures(&m, s1, e);
        lua_pushinteger(L, (lua_Integer)(s1 - s) + 1);
        lua_pushinteger(L, (lua_Integer)(e - s));
        return push_captures(&m, NULL, NULL) + 2;
      }
    } while (s1++ < m.s_end && !anchor);
    flush(&m);
  }
  luaL_pushfail(L);
  return 1;
}

static int str_find(lua_State *L) { return find_aux(L, 1); }
static int str_match(lua_State *L) { return find_aux(L, 0); }

/* ---- string.gmatch ---- */

typedef struct gmatch_state {
  const char *src, *p, *last; /* where to go on; the pattern; the end of the last match */
  pat m;
} gmatch_state;

static int gmatch_next(lua_State *L) {
  gmatch_state *g = lua_touserdata(L, lua_upvalueindex(3));
  g->m.L = L;
  for (const char *src = g->src; src <= g->m.s_end; src++) {
    restart(&g->m);
    const char *e = match(&g->m, src, g->p);
    if (e && e != g->last) {
      g->src = g->last = e;
      flush(&g->m);
      return push_captures(&g->m, src, e);
    }
  }
  flush(&g->m);
  return 0;
}

static int str_gmatch(lua_State *L) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = start_at(luaL_optinteger(L, 3, 1), ls) - 1;
  lua_settop(L, 2); /* the strings stay alive as upvalues */
  gmatch_state *g = lua_newuserdatauv(L, sizeof *g, 0);
  if (init > ls) init = ls + 1;
  prep(&g->m, L, s, ls, p, lp);
  g->src = s + init;
  g->p = p;
  g->last = NULL;
  lua_pushcclosure(L, gmatch_next, 3);
  return 1;
}

/* ---- string.gsub ---- */

/* The replacement string (argument 3) for the match [s, e), with %0-%9 and %%. */
static void add_text(pat *m, luaL_Buffer *b, const char *s, const char *e) {
  size_t l;
  const char *r = lua_tolstring(m->L, 3, &l), *q;
  while ((q = memchr(r, ESC, l)) != NULL) {
    luaL_addlstring(b, r, (size_t)(q - r));
    q++; /* the character after '%': the string's final '\0' at worst */
    if (*q == ESC) {
      luaL_addchar(b, ESC);
    } else if (*q == '0') {
      luaL_addlstring(b, s, (size_t)(e - s));
    } else if (isdigit((unsigned char)*q)) {
      push_capture(m, *q - '1', s, e);
      luaL_addvalue(b);
    } else {
      luaL_error(m->L, "invalid use of '%c' in replacement string", ESC);
    }
    l -= (size_t)(q + 1 - r);
    r = q + 1;
  }
  luaL_addlstring(b, r, l);
}

/* Add the replacement of the match [s, e); 1 when it changed the text. */
static int add_value(pat *m, luaL_Buffer *b, const char *s, const char *e, int tr) {
  lua_State *L = m->L;
  if (tr == LUA_TFUNCTION) {
    lua_pushvalue(L, 3);
    lua_call(L, push_captures(m, s, e), 1);
  } else if (tr == LUA_TTABLE) {
    push_capture(m, 0, s, e);
    lua_gettable(L, 3);
  } else {
    add_text(m, b, s, e);
    return 1;
  }
  if (!lua_toboolean(L, -1)) { /* nil or false: keep the original text */
    lua_pop(L, 1);
    luaL_addlstring(b, s, (size_t)(e - s));
    return 0;
  }
  if (!lua_isstring(L, -1))
    return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
  luaL_addvalue(b);
  return 1;
}

static int str_gsub(lua_State *L) {
  size_t ls, lp;
  const char *src = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  const char *last = NULL;
  int tr = lua_type(L, 3);
  lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1), n = 0;
  int anchor = *p == '^', changed = 0;
  luaL_argexpected(
      L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
      "string/function/table");
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  if (anchor) {
    p++;
    lp--;
  }
  pat m;
  prep(&m, L, src, ls, p, lp);
  while (n < max_n) {
    restart(&m);
    const char *e = match(&m, src, p);
    if (e && e != last) {
      n++;
      changed |= add_value(&m, &b, src, e, tr);
      src = last = e;
    } else if (src < m.s_end) {
      luaL_addchar(&b, *src++);
    } else {
      break;
    }
    if (anchor) break;
  }
  flush(&m);
  if (!changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&b, src, (size_t)(m.s_end - src));
    luaL_pushresult(&b);
  }
  lua_pushinteger(L, n);
  return 2;
}

void sandbox_open_pat(lua_State *L) {
  static const luaL_Reg fns[] = {{"find", str_find},
                                 {"match", str_match},
                                 {"gmatch", str_gmatch},
                                 {"gsub", str_gsub},
                                 {NULL, NULL}};
  lua_getglobal(L, "string");
  luaL_setfuncs(L, fns, 0);
  lua_pop(L, 1);
}
