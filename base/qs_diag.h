/* qs_diag.h -- diagnostics: what went wrong with an input or the rules, with file and line.
 *
 * Messages are formatted once, in the language of the run, and printed the one way every
 * message of qscore is: the program, the severity, the place (ui.at-line), the text:
 *   qscore: 错误: samples/x.xml: 第 17 行: ...
 *   qscore: error: samples/x.xml:17: ... */
#ifndef QS_DIAG_H
#define QS_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "qs_i18n.h"

typedef struct {
  char *file; /* may be NULL */
  long line;  /* 0: no line */
  int warning;
  char *text;
} qs_diag_item;

typedef struct {
  qs_lang lang;
  size_t limit; /* keep at most this many items (0: 50); count the rest in dropped */
  qs_diag_item *items;
  size_t n, cap, dropped;
} qs_diag;

void qs_diag_init(qs_diag *d, qs_lang lang);
/* Add an error; fmt is usually qs_msg_get(d->lang, QS_M_...). */
void qs_diag_add(qs_diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void qs_diag_warn(qs_diag *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
size_t qs_diag_errors(const qs_diag *d);
void qs_diag_print(const qs_diag *d, FILE *out);
/* What qs_diag_print would print, as a string (free it). */
char *qs_diag_string(const qs_diag *d);
void qs_diag_clear(qs_diag *d);
/* s as one printable line of at most about max bytes: newlines and tabs become spaces,
 * control characters and bytes that are not UTF-8 become \xNN, the rest is cut with a note
 * of how much. Every message and file name goes through it (free the result). */
char *qs_diag_clean(const char *s, size_t max);
/* The same, saying how much was cut in lang's words (qs_diag_clean says it in Chinese, the
 * default language). */
char *qs_diag_clean_in(qs_lang lang, const char *s, size_t max);
/* A whole text report for a terminal: lines and tabs kept, everything else as above, not
 * cut. Text from the application (titles, names) can carry a terminal escape (C1 CSI) or a
 * right-to-left override; the JSON, XML and HTML reports keep them as data. */
char *qs_terminal_clean(const char *s);
/* A file name as every output shows it (reports, batch tables, messages): valid UTF-8 as it
 * is; a byte that is not UTF-8 (a GBK or Latin-1 name), a control character (newline and tab
 * too) as \xNN, an invisible or reordering character as \uXXXX. One rule everywhere, so the
 * name in errors.csv is the name in the message, and no output becomes invalid XML, JSON or
 * workbook because of a name. Not cut. */
char *qs_display_name(const char *s);
void qs_diag_free(qs_diag *d);

#endif
