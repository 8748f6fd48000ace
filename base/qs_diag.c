/* qs_diag.c -- collecting and printing diagnostics. */
#include "qs_diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "qs_util.h"

void qs_diag_init(qs_diag *d, qs_lang lang) {
  *d = (qs_diag){0};
  d->lang = lang;
}

/* Longest message kept, in bytes: schema messages quote the offending value, and a value can
 * be a megabyte long. */
#define QS_DIAG_MAX 480

/* Length of the valid UTF-8 sequence at p (1-4), or 0. */
static size_t utf8_len(const unsigned char *p) {
  if (p[0] < 0x80)
    return 1;
  size_t n = p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
  if (n == 0 || p[0] > 0xf4)
    return 0;
  for (size_t i = 1; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return n;
}

/* The code point of the UTF-8 sequence p (n bytes) if it is one of the characters that are valid
 * UTF-8 but move or hide text on a terminal or in a spreadsheet: C1 controls (U+009B is a terminal
 * escape), bidirectional overrides and isolates (U+202E shows "gpj.exe" as "exe.jpg"), line and
 * paragraph separators, zero-width characters and a byte order mark inside text. */
static unsigned invisible(const unsigned char *p, size_t n) {
  unsigned cp;
  if (n == 2)
    cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
  else if (n == 3)
    cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
  else
    return 0;
  int hidden = (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c || (cp >= 0x200b && cp <= 0x200f) ||
               (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
  return hidden ? cp : 0;
}

/* A message or file name as one printable line: newlines and tabs folded to spaces, other
 * control characters (a terminal escape in a file name or a quoted value) shown as \xNN,
 * invisible or reordering characters as \uXXXX, bytes that are not UTF-8 as \xNN, and
 * anything past max bytes cut, saying how much. */
static char *clean(const char *s, size_t max, int lines, qs_lang lang) {
  /* lines: 1 keeps newlines and tabs, 0 folds them to spaces, -1 shows them as \xNN. */
  qs_buf b = {0};
  qs_buf_add(&b, "");
  const unsigned char *p = (const unsigned char *)s;
  size_t total = strlen(s);
  while (*p) {
    if (b.len >= max) {
      qs_buf_addf(&b, qs_msg_get(lang, QS_M_CUT_BYTES), total - (size_t)((const char *)p - s));
      break;
    }
    size_t n = utf8_len(p);
    unsigned cp;
    if (lines > 0 && (*p == '\n' || *p == '\t'))
      qs_buf_addn(&b, (const char *)p, 1);
    else if (lines == 0 && (*p == '\n' || *p == '\r' || *p == '\t'))
      qs_buf_add(&b, " ");
    else if (n == 0 || *p < 0x20 || *p == 0x7f)
      qs_buf_addf(&b, "\\x%02x", *p), n = 1;
    else if ((cp = invisible(p, n)) != 0)
      qs_buf_addf(&b, "\\u%04x", cp);
    else
      qs_buf_addn(&b, (const char *)p, n);
    p += n ? n : 1;
  }
  return qs_buf_take(&b);
}

char *qs_diag_clean(const char *s, size_t max) { return clean(s, max, 0, QS_LANG_ZH); }

char *qs_diag_clean_in(qs_lang lang, const char *s, size_t max) { return clean(s, max, 0, lang); }

char *qs_terminal_clean(const char *s) { return clean(s, (size_t)-1, 1, QS_LANG_ZH); }

char *qs_display_name(const char *s) { return clean(s ? s : "", (size_t)-1, -1, QS_LANG_ZH); }

static void vadd(qs_diag *d, int warning, const char *file, long line, const char *fmt,
                 va_list ap) {
  size_t limit = d->limit ? d->limit : 50;
  if (d->n >= limit) {
    d->dropped++;
    return;
  }
  qs_buf b = {0};
  qs_buf_vaddf(&b, fmt, ap);
  /* One diagnostic is one line: fold the newlines libxml2 and CLIPS put in messages. */
  char *raw = qs_buf_take(&b);
  size_t len = strlen(raw);
  while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == ' '))
    raw[--len] = '\0';
  char *t = qs_diag_clean_in(d->lang, raw, QS_DIAG_MAX);
  free(raw);
  qs_grow(&d->items, &d->cap, d->n + 1, sizeof *d->items);
  d->items[d->n++] = (qs_diag_item){file ? qs_display_name(file) : NULL, line, warning, t};
}

void qs_diag_add(qs_diag *d, const char *file, long line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vadd(d, 0, file, line, fmt, ap);
  va_end(ap);
}

void qs_diag_warn(qs_diag *d, const char *file, long line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vadd(d, 1, file, line, fmt, ap);
  va_end(ap);
}

size_t qs_diag_errors(const qs_diag *d) {
  size_t n = d->dropped;
  for (size_t i = 0; i < d->n; i++)
    n += !d->items[i].warning;
  return n;
}

void qs_diag_print(const qs_diag *d, FILE *out) {
  /* One layout for every message qscore prints: "qscore: 错误: FILE: 第 N 行: text" (the
   * place in ui.at-line, "FILE:N" in English), the file alone without a line, nothing
   * without a file. */
  for (size_t i = 0; i < d->n; i++) {
    const qs_diag_item *it = &d->items[i];
    fprintf(out, "qscore: %s: ", qs_msg_get(d->lang, it->warning ? QS_M_WARNING : QS_M_ERROR));
    if (it->file && it->line > 0) {
      fprintf(out, qs_msg_get(d->lang, QS_M_AT_LINE), it->file, it->line);
      fputs(": ", out);
    } else if (it->file) {
      fprintf(out, "%s: ", it->file);
    }
    fprintf(out, "%s\n", it->text);
  }
  if (d->dropped) {
    fprintf(out, "qscore: %s: ", qs_msg_get(d->lang, QS_M_ERROR));
    fprintf(out, qs_msg_get(d->lang, QS_M_MORE_ERRORS), d->dropped);
    fputc('\n', out);
  }
}

char *qs_diag_string(const qs_diag *d) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  if (!m)
    return qs_xstrdup("");
  qs_diag_print(d, m);
  fclose(m);
  return buf;
}

void qs_diag_clear(qs_diag *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->items[i].file);
    free(d->items[i].text);
  }
  d->n = 0;
  d->dropped = 0;
}

void qs_diag_free(qs_diag *d) {
  qs_diag_clear(d);
  free(d->items);
  d->items = NULL;
  d->cap = 0;
}
