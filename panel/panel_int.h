/* panel_int.h -- what the files of panel/ share and nothing else includes: the CSV reader. */
#ifndef QS_PANEL_INT_H
#define QS_PANEL_INT_H

#include <stddef.h>

#include "qs_panel.h"

/* A CSV file in memory (RFC 4180: fields in double quotes may hold commas, quotes doubled and
 * line breaks; CRLF or LF; a UTF-8 BOM skipped). */
typedef struct {
  char *data;
  size_t len, pos;
  const char *shown;    /* the file as messages show it */
  long line, next_line; /* the line the current record starts on; the next one's */
  char **fields;
  size_t n_fields, cap;
} qs_csv;

#define QS_PANEL_MAX_FILE ((size_t)64 << 20)

/* Read the file (at most QS_PANEL_MAX_FILE bytes, UTF-8). 0, or -1 with the problem in d. */
int qs_csv_load(qs_csv *c, const char *path, const char *shown, qs_diag *d);
/* The same over bytes (copied). */
int qs_csv_from(qs_csv *c, const void *data, size_t len, const char *shown, qs_diag *d);
/* The next record: 1, 0 at the end, -1 after a problem in d (an unclosed quote: the rest of the
 * file is one field). Blank lines are skipped. */
int qs_csv_next(qs_csv *c, qs_diag *d);
/* The first record must be exactly these names. 0 or -1 (problem in d). */
int qs_csv_header(qs_csv *c, const char *const *names, size_t n, qs_diag *d);
void qs_csv_free(qs_csv *c);

int qs_panel_reviewer_id_ok(const char *s);
/* "3 (10-14)": the band as the score sheet shows it ("" for none), into out[32]. */
/* The column titles of a message "a|b|c", split at the bars into at most max titles (each cut
 * to 63 bytes); how many. */
size_t qs_panel_titles(qs_lang lang, qs_msg m, char out[][64], size_t max);
void qs_panel_band_text(const qs_panel_suggestion *s, char out[32]);

#endif

/* The score sheet (sheets.c writes it, scores.c reads it back): row 1 the reviewer (B1 the id,
 * C1 the name), row 2 the titles, then one row per submission and indicator. Columns: */
enum {
  QS_PS_SUB,     /* A submission id */
  QS_PS_IND,     /* B indicator id */
  QS_PS_NAME,    /* C indicator name (Chinese, as the rubric) */
  QS_PS_BAND,    /* D suggested band "3 (10-14)" */
  QS_PS_POINTS,  /* E suggested points */
  QS_PS_REASON,  /* F one-line reason */
  QS_PS_MAX,     /* G maximum */
  QS_PS_SCORE,   /* H the reviewer's points (input) */
  QS_PS_COMMENT, /* I the reviewer's comment (input) */
  QS_PS_COLS
};
#define QS_PS_FIRST_ROW 3 /* 1-based, as Excel counts */
