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
  char *t = qs_buf_take(&b);
  size_t len = strlen(t);
  while (len > 0 && (t[len - 1] == '\n' || t[len - 1] == ' '))
    t[--len] = '\0';
  for (char *p = t; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  qs_grow(&d->items, &d->cap, d->n + 1, sizeof *d->items);
  d->items[d->n++] = (qs_diag_item){file ? qs_xstrdup(file) : NULL, line, warning, t};
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
  for (size_t i = 0; i < d->n; i++) {
    const qs_diag_item *it = &d->items[i];
    if (it->file && it->line > 0)
      fprintf(out, "%s:%ld: ", it->file, it->line);
    else if (it->file)
      fprintf(out, "%s: ", it->file);
    else
      fputs("qscore: ", out);
    fprintf(out, "%s: %s\n", qs_msg_get(d->lang, it->warning ? QS_M_WARNING : QS_M_ERROR),
            it->text);
  }
  if (d->dropped) {
    fputs("qscore: ", out);
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
