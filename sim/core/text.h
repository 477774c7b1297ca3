/*
** text.h -- untrusted text made safe to show.  Scenario code, --set values
** and result databases supply names, values and messages that neosim
** prints on terminals, writes as CSV, Markdown and HTML, and stores as a
** run's error: none of their bytes may reach a terminal as a control.
**
** The shown form of a string: printable ASCII (0x20..0x7e) and valid UTF-8
** of the code points U+00A0 and above (shortest form, no surrogates, at
** most U+10FFFF) stay as they are, so names in any script read; a newline
** is shown as \n, a tab as \t, a carriage return as \r; every other byte
** as \xHH (two lowercase hex digits): the C0 controls (NUL as \x00, BEL
** \x07, ESC \x1b), DEL \x7f, both bytes of a C1 control U+0080..U+009F
** (U+009B, the one-byte CSI, as \xc2\x9b), and each byte that is not part
** of a valid UTF-8 sequence (\xff; a sequence cut short: each of its
** bytes).  In TEXT_LINES mode newlines and tabs stay as they are.
**
** A backslash is not escaped: the form is for reading, not reversible
** ("\x1b" may have been those four characters).  In exchange it is
** idempotent -- the shown form of a shown form is itself -- so text may be
** escaped where it is made (a run's error) and again where it is printed.
** Every function is linear in the text's length; no state, no allocation
** but text_dup's.
*/
#ifndef NEOSIM_TEXT_H
#define NEOSIM_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum text_mode {
  TEXT_LINE = 0, /* one line: newlines and tabs escaped too (names, values, messages) */
  TEXT_LINES     /* newlines and tabs kept (what a scenario prints, HTML text) */
} text_mode;

/* The shown form of s (len bytes, NULs included) into out: at most outlen
** - 1 bytes and a NUL, cut before a whole character or escape that does
** not fit (out may be NULL when outlen is 0).  Returns the length of the
** whole shown form, as snprintf does: it was cut when that is >= outlen. */
size_t text_escape(char *out, size_t outlen, const char *s, size_t len, text_mode mode);

/* The shown form of s, malloc'd (the caller frees); NULL when out of memory. */
char *text_dup(const char *s, size_t len, text_mode mode);

/* Write the shown form of s on f, at most max bytes of it (whole
** characters and escapes).  Returns the length of the whole shown form:
** larger than max when some was left out. */
size_t text_write(FILE *f, const char *s, size_t len, text_mode mode, size_t max);

/* 1 when s is its own shown form in TEXT_LINE mode (nothing to escape). */
int text_plain(const char *s, size_t len);

/* fprintf, with every %s argument written in its shown form (TEXT_LINE):
** the format is trusted, the strings are not.  A %s width counts the
** characters shown (a code point or an escape's characters: one column
** each), a precision the bytes of the argument read, as printf's does.
** Every other conversion is printf's; %n, %ls and %lc are not supported
** (a program error: nothing is written for them).  Returns the bytes
** written, or -1 on a write error. */
int text_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int text_vprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
