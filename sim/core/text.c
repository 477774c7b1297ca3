/*
** text.c -- the shown form of untrusted text (text.h): control characters
** and bytes that are not UTF-8 as escapes, and a printf that shows its
** string arguments so.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "text.h"

/* The length of the valid UTF-8 sequence of a code point U+00A0 or above
** at s[0..n) (n >= 1, s[0] >= 0x80), or 0 (Unicode 15, table 3-7; C2 80..9F,
** the C1 controls, count as not valid here). */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned char c = s[0], lo = 0x80, hi = 0xbf;
  size_t k;
  if (c >= 0xc2 && c <= 0xdf) k = 2;
  else if (c >= 0xe0 && c <= 0xef) k = 3;
  else if (c >= 0xf0 && c <= 0xf4) k = 4;
  else return 0;
  if (c == 0xc2) lo = 0xa0; /* U+0080..U+009F */
  if (c == 0xe0) lo = 0xa0; /* overlong */
  if (c == 0xed) hi = 0x9f; /* surrogates */
  if (c == 0xf0) lo = 0x90; /* overlong */
  if (c == 0xf4) hi = 0x8f; /* above U+10FFFF */
  if (n < k || s[1] < lo || s[1] > hi) return 0;
  for (size_t i = 2; i < k; i++)
    if (s[i] < 0x80 || s[i] > 0xbf) return 0;
  return k;
}

/* The first unit of s[0..n) (n >= 1): *take bytes shown as they are
** (returns 0), or one byte shown as the escape written in esc (returns its
** length).  A byte that starts no valid sequence is escaped alone; the
** bytes after it are units of their own (a C1 control's second byte, a
** stray continuation byte: escaped too). */
static size_t unit(const unsigned char *s, size_t n, text_mode mode, size_t *take, char esc[4]) {
  static const char hex[] = "0123456789abcdef";
  unsigned char c = s[0];
  *take = 1;
  if ((c >= 0x20 && c < 0x7f) || (mode == TEXT_LINES && (c == '\n' || c == '\t'))) return 0;
  if (c >= 0x80 && (*take = utf8_len(s, n)) > 0) return 0;
  *take = 1;
  esc[0] = '\\';
  if (c == '\n' || c == '\t' || c == '\r') {
    esc[1] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r';
    return 2;
  }
  esc[1] = 'x';
  esc[2] = hex[c >> 4];
  esc[3] = hex[c & 15];
  return 4;
}

/* Where a shown form goes: a buffer or a stream (or nowhere: counting),
** at most max bytes of it; len and cols count the whole of it. */
typedef struct sink {
  char *buf; /* or NULL */
  FILE *f;   /* or NULL */
  size_t max, written, len, cols, escapes;
  int cut;         /* a unit did not fit: nothing more is written */
  const char *run; /* kept bytes not yet written to f: run[0..nrun) */
  size_t nrun;
} sink;

static void flush_run(sink *o) {
  if (o->f && o->nrun) fwrite(o->run, 1, o->nrun, o->f);
  o->nrun = 0;
}

/* k bytes at p: kept bytes of the text (written in runs) or an escape. */
static void put(sink *o, const char *p, size_t k, int kept) {
  o->len += k;
  o->cols += kept ? 1 : k;
  o->escapes += !kept;
  if (o->cut || k > o->max - o->written) {
    o->cut = 1;
    return;
  }
  if (o->buf) memcpy(o->buf + o->written, p, k);
  else if (kept && o->nrun && o->run + o->nrun == p) o->nrun += k;
  else {
    flush_run(o);
    if (!kept && o->f) fwrite(p, 1, k, o->f);
    o->run = kept ? p : NULL;
    o->nrun = kept ? k : 0;
  }
  o->written += k;
}

static void show(sink *o, const char *s, size_t n, text_mode mode) {
  const unsigned char *p = (const unsigned char *)s;
  char esc[4];
  size_t take;
  for (size_t i = 0; i < n; i += take) {
    size_t e = unit(p + i, n - i, mode, &take, esc);
    if (e) put(o, esc, e, 0);
    else put(o, s + i, take, 1);
  }
  flush_run(o);
}

size_t text_escape(char *out, size_t outlen, const char *s, size_t len, text_mode mode) {
  sink o = {.buf = outlen ? out : NULL, .max = outlen ? outlen - 1 : 0};
  show(&o, s, len, mode);
  if (outlen) out[o.written] = '\0';
  return o.len;
}

char *text_dup(const char *s, size_t len, text_mode mode) {
  size_t n = text_escape(NULL, 0, s, len, mode);
  char *d = malloc(n + 1);
  if (d) text_escape(d, n + 1, s, len, mode);
  return d;
}

size_t text_write(FILE *f, const char *s, size_t len, text_mode mode, size_t max) {
  sink o = {.f = f, .max = max};
  show(&o, s, len, mode);
  return o.len;
}

int text_plain(const char *s, size_t len) {
  sink o = {.max = 0};
  show(&o, s, len, TEXT_LINE);
  return o.escapes == 0;
}

/* ---- text_printf ---------------------------------------------------- */

/* One conversion of a format: % flags width .precision length conv, as
** written, with a '*' replaced by the number it took. */
typedef struct spec {
  char text[64];
  size_t n;
  int left;    /* the '-' flag */
  long width;  /* 0: none */
  long prec;   /* -1: none */
  char len[3]; /* "", "hh", "h", "l", "ll", "j", "z", "t" or "L" */
  char conv;
} spec;

static void add(spec *sp, char c) {
  if (sp->n + 1 < sizeof sp->text) sp->text[sp->n++] = c;
  sp->text[sp->n] = '\0';
}

static void add_number(spec *sp, long v) {
  char d[24];
  snprintf(d, sizeof d, "%ld", v);
  for (const char *p = d; *p; p++) add(sp, *p);
}

/* A width or precision at *p: digits, or '*' taking an int argument (which
** may be negative); 0 when there is neither. */
static long amount(const char **p, va_list *ap) {
  if (**p == '*') {
    (*p)++;
    return va_arg(*ap, int);
  }
  long v = 0;
  for (; **p >= '0' && **p <= '9'; (*p)++) v = v * 10 + (**p - '0');
  return v;
}

/* Parse the conversion after a '%' at p; returns what follows it. */
static const char *parse_spec(const char *p, spec *sp, va_list *ap) {
  memset(sp, 0, sizeof *sp);
  sp->prec = -1;
  add(sp, '%');
  for (; *p && strchr("-+ #0", *p); p++) {
    sp->left |= *p == '-';
    add(sp, *p);
  }
  long w = amount(&p, ap);
  if (w < 0) { /* from '*': left-justified */
    sp->left = 1;
    add(sp, '-');
    w = -w;
  }
  if (w > 0) add_number(sp, sp->width = w);
  if (*p == '.') {
    p++;
    long q = amount(&p, ap); /* "." alone is ".0" */
    if (q >= 0) {            /* a negative '*' one is none */
      add(sp, '.');
      add_number(sp, sp->prec = q);
    }
  }
  if (*p && strchr("hljztL", *p)) {
    sp->len[0] = *p;
    add(sp, *p++);
    if ((sp->len[0] == 'h' || sp->len[0] == 'l') && *p == sp->len[0]) {
      sp->len[1] = *p;
      add(sp, *p++);
    }
  }
  sp->conv = *p;
  if (*p) add(sp, *p++);
  return p;
}

/* The %s of sp: s shown, padded to the width in columns. */
static int put_string(FILE *f, const spec *sp, const char *s) {
  if (!s) s = "(null)";
  size_t n = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
  size_t pad = 0;
  if (sp->width > 0) {
    sink count = {.max = 0};
    show(&count, s, n, TEXT_LINE);
    if ((size_t)sp->width > count.cols) pad = (size_t)sp->width - count.cols;
  }
  for (size_t i = 0; !sp->left && i < pad; i++) fputc(' ', f);
  size_t len = text_write(f, s, n, TEXT_LINE, SIZE_MAX);
  for (size_t i = 0; sp->left && i < pad; i++) fputc(' ', f);
  return (int)(len + pad);
}

#define IS(l) (strcmp(sp->len, l) == 0)

/* sp->text is one conversion of a format the compiler has checked */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static int put_signed(FILE *f, const spec *sp, va_list *ap) {
  const char *t = sp->text;
  if (IS("l")) return fprintf(f, t, va_arg(*ap, long));
  if (IS("ll")) return fprintf(f, t, va_arg(*ap, long long));
  if (IS("j")) return fprintf(f, t, va_arg(*ap, intmax_t));
  if (IS("z")) return fprintf(f, t, va_arg(*ap, ssize_t));
  if (IS("t")) return fprintf(f, t, va_arg(*ap, ptrdiff_t));
  return fprintf(f, t, va_arg(*ap, int)); /* hh, h: promoted to int */
}

static int put_unsigned(FILE *f, const spec *sp, va_list *ap) {
  const char *t = sp->text;
  if (IS("l")) return fprintf(f, t, va_arg(*ap, unsigned long));
  if (IS("ll")) return fprintf(f, t, va_arg(*ap, unsigned long long));
  if (IS("j")) return fprintf(f, t, va_arg(*ap, uintmax_t));
  if (IS("z")) return fprintf(f, t, va_arg(*ap, size_t));
  if (IS("t")) return fprintf(f, t, va_arg(*ap, ptrdiff_t));
  return fprintf(f, t, va_arg(*ap, unsigned));
}

/* One conversion; the bytes written, or -1. */
static int put_conv(FILE *f, const spec *sp, va_list *ap) {
  switch (sp->conv) {
  case '%': return fputc('%', f) == EOF ? -1 : 1;
  case 's':
    if (IS("l")) break;
    return put_string(f, sp, va_arg(*ap, const char *));
  case 'd':
  case 'i': return put_signed(f, sp, ap);
  case 'o':
  case 'u':
  case 'x':
  case 'X': return put_unsigned(f, sp, ap);
  case 'c':
    if (!IS("l")) return fprintf(f, sp->text, va_arg(*ap, int));
    (void)va_arg(*ap, unsigned); /* %lc: a wint_t, not supported */
    return 0;
  case 'p': return fprintf(f, sp->text, va_arg(*ap, void *));
  case 'n': break;
  default:
    if (!strchr("fFeEgGaA", sp->conv) || !sp->conv) return 0;
    if (IS("L")) return fprintf(f, sp->text, va_arg(*ap, long double));
    return fprintf(f, sp->text, va_arg(*ap, double));
  }
  (void)va_arg(*ap, void *); /* %n, %ls: not supported, their pointer skipped */
  return 0;
}

#pragma GCC diagnostic pop
#undef IS

int text_vprintf(FILE *f, const char *fmt, va_list ap) {
  va_list aq;
  va_copy(aq, ap);
  long total = 0;
  int bad = 0;
  for (const char *p = fmt; *p;) {
    const char *pct = strchr(p, '%');
    size_t lit = pct ? (size_t)(pct - p) : strlen(p);
    if (lit && fwrite(p, 1, lit, f) != lit) bad = 1;
    total += (long)lit;
    if (!pct) break;
    spec sp;
    p = parse_spec(pct + 1, &sp, &aq);
    int n = put_conv(f, &sp, &aq);
    if (n < 0) bad = 1;
    else total += n;
  }
  va_end(aq);
  return bad || total > INT32_MAX ? -1 : (int)total;
}

int text_printf(FILE *f, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = text_vprintf(f, fmt, ap);
  va_end(ap);
  return n;
}
