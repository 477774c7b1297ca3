/*
** test_text.c -- the shown form of untrusted text (text.h): control
** characters, UTF-8 kept or escaped byte by byte, NULs, cutting at whole
** units, idempotence, and text_printf's %s.
*/
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text.h"

/* The shown form of s[0..len) in mode equals want (and its length is returned). */
static int shows(const char *s, size_t len, text_mode mode, const char *want) {
  char out[256];
  size_t n = text_escape(out, sizeof out, s, len, mode);
  int ok = strcmp(out, want) == 0 && n == strlen(want);
  if (!ok) fprintf(stderr, "got [%s] (%zu), want [%s]\n", out, n, want);
  return ok;
}

#define SHOWS(lit, mode, want) shows(lit, sizeof lit - 1, mode, want)

static void test_controls(void) {
  CHECK(SHOWS("plain text, 100% ~ok~", TEXT_LINE, "plain text, 100% ~ok~"));
  CHECK(SHOWS("\x1b]0;pwned\x07\x1b[2J", TEXT_LINE, "\\x1b]0;pwned\\x07\\x1b[2J"));
  CHECK(SHOWS("a\nb\tc\rd", TEXT_LINE, "a\\nb\\tc\\rd"));
  CHECK(SHOWS("a\nb\tc\rd", TEXT_LINES, "a\nb\tc\\rd"));
  CHECK(SHOWS("del\x7f.", TEXT_LINE, "del\\x7f."));
  CHECK(SHOWS("\x01\x1f\x7f", TEXT_LINES, "\\x01\\x1f\\x7f"));
  CHECK(SHOWS("back\\slash", TEXT_LINE, "back\\slash")); /* not escaped: idempotent */
}

static void test_nul(void) {
  CHECK(SHOWS("before\0after", TEXT_LINE, "before\\x00after"));
  CHECK(SHOWS("\0", TEXT_LINE, "\\x00"));
  CHECK(shows("", 0, TEXT_LINE, ""));
}

static void test_utf8(void) {
  CHECK(SHOWS("caf\xc3\xa9", TEXT_LINE, "caf\xc3\xa9"));                           /* é kept */
  CHECK(SHOWS("\xc2\xa0\xc2\xb1", TEXT_LINE, "\xc2\xa0\xc2\xb1"));                 /* U+00A0, ± */
  CHECK(SHOWS("\xe6\x97\xa5\xe6\x9c\xac", TEXT_LINE, "\xe6\x97\xa5\xe6\x9c\xac")); /* 日本 */
  CHECK(SHOWS("\xf0\x9f\x98\x80!", TEXT_LINE, "\xf0\x9f\x98\x80!"));               /* U+1F600 */
  CHECK(SHOWS("\xc2\x9b"
              "31m",
              TEXT_LINE, "\\xc2\\x9b31m"));                            /* C1 CSI */
  CHECK(SHOWS("\xc2\x80\xc2\x9f", TEXT_LINE, "\\xc2\\x80\\xc2\\x9f")); /* C1 bounds */
  CHECK(SHOWS("a\xff"
              "b",
              TEXT_LINE, "a\\xffb"));                                  /* never UTF-8 */
  CHECK(SHOWS("\x9b", TEXT_LINE, "\\x9b"));                            /* stray continuation */
  CHECK(SHOWS("\xc0\xaf", TEXT_LINE, "\\xc0\\xaf"));                   /* overlong '/' */
  CHECK(SHOWS("\xe0\x80\xaf", TEXT_LINE, "\\xe0\\x80\\xaf"));          /* overlong */
  CHECK(SHOWS("\xed\xa0\x80", TEXT_LINE, "\\xed\\xa0\\x80"));          /* a surrogate */
  CHECK(SHOWS("\xf4\x90\x80\x80", TEXT_LINE, "\\xf4\\x90\\x80\\x80")); /* above U+10FFFF */
  CHECK(SHOWS("\xf5\x80", TEXT_LINE, "\\xf5\\x80"));
  CHECK(SHOWS("ok\xe6\x97", TEXT_LINE, "ok\\xe6\\x97")); /* cut at the end */
  CHECK(SHOWS("\xf0\x9f\x98", TEXT_LINE, "\\xf0\\x9f\\x98"));
  CHECK(SHOWS("\xc3", TEXT_LINE, "\\xc3"));
  CHECK(SHOWS("\xc3(\xc3\xa9", TEXT_LINE, "\\xc3(\xc3\xa9")); /* a bad lead, then a good é */
}

/* A buffer too small: cut before the unit that does not fit, NUL-terminated,
** the whole length returned. */
static void test_cut(void) {
  char out[8];
  size_t n = text_escape(out, sizeof out,
                         "abcd\x1b"
                         "e",
                         6, TEXT_LINE);
  CHECKF(n == 9 && strcmp(out, "abcd") == 0, "%zu [%s]", n, out); /* \x1b does not fit in 3 */
  n = text_escape(out, 6, "abc\xc3\xa9\xc3\xa9", 7, TEXT_LINE);
  CHECKF(n == 7 && strcmp(out, "abc\xc3\xa9") == 0, "%zu [%s]", n, out);
  n = text_escape(out, 5, "abc\xc3\xa9", 5, TEXT_LINE);
  CHECKF(n == 5 && strcmp(out, "abc") == 0, "%zu [%s]", n, out); /* no half é */
  n = text_escape(NULL, 0, "\x1b\x1b", 2, TEXT_LINE);
  CHECK(n == 8);
  n = text_escape(out, 1, "x", 1, TEXT_LINE);
  CHECK(n == 1 && out[0] == '\0');
}

static void test_dup_plain(void) {
  static const char hostile[] = "n\0x\x1b[1m\xc2\x9b\xff\xe2\x82";
  char *once = text_dup(hostile, sizeof hostile - 1, TEXT_LINE);
  CHECKF(once && strcmp(once, "n\\x00x\\x1b[1m\\xc2\\x9b\\xff\\xe2\\x82") == 0, "%s",
         once ? once : "(null)");
  char *twice = once ? text_dup(once, strlen(once), TEXT_LINE) : NULL;
  CHECK(twice && once && strcmp(once, twice) == 0); /* idempotent */
  CHECK(once && text_plain(once, strlen(once)));
  CHECK(!text_plain(hostile, sizeof hostile - 1));
  CHECK(text_plain("caf\xc3\xa9 \xe6\x97\xa5", 9));
  CHECK(!text_plain("a\nb", 3));
  CHECK(!text_plain("a\0b", 3));
  free(once);
  free(twice);
}

/* What text_write and text_printf write, in a string (caller frees). */
static char *capture_write(const char *s, size_t len, text_mode mode, size_t max, size_t *ret) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (!f) return NULL;
  *ret = text_write(f, s, len, mode, max);
  fclose(f);
  return buf;
}

static void test_write(void) {
  size_t ret = 0;
  char *s = capture_write("x\x1b[2Jy\n", 7, TEXT_LINES, (size_t)-1, &ret);
  CHECKF(s && strcmp(s, "x\\x1b[2Jy\n") == 0 && ret == 10, "[%s] %zu", s ? s : "", ret);
  free(s);
  s = capture_write("abc\x1b", 4, TEXT_LINES, 5, &ret); /* the escape does not fit: left out */
  CHECKF(s && strcmp(s, "abc") == 0 && ret == 7, "[%s] %zu", s ? s : "", ret);
  free(s);
}

static void test_printf(void) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (!f) return;
  int w =
      text_printf(f, "%s=%s|%5s|%-5s|%.3s|%d %ld %zu %.2f %g %x %c %%|%*s|\n", "k", "\x1b]0;x\x07",
                  "\xc3\xa9", "ab", "abcdef", -3, 40L, (size_t)7, 1.5, 2e10, 255u, 'z', 3, "q");
  fclose(f);
  const char *want = "k=\\x1b]0;x\\x07|    \xc3\xa9|ab   |abc|-3 40 7 1.50 2e+10 ff z %|  q|\n";
  CHECKF(buf && strcmp(buf, want) == 0, "[%s]", buf ? buf : "");
  CHECKF(w == (int)strlen(want), "%d vs %zu", w, strlen(want));
  free(buf);
}

int main(void) {
  test_controls();
  test_nul();
  test_utf8();
  test_cut();
  test_dup_plain();
  test_write();
  test_printf();
  return CHECK_DONE();
}
