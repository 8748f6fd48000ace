/* scores.c -- the reviewers' scores in: a CSV (reviewer,submission,indicator,points,comment) or
 * a score sheet written by `qscore panel sheets`, every row checked against the batch. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "panel_int.h"
#include "qs_util.h"
#include "qs_xlsx_read.h"

void qs_panel_band_text(const qs_panel_suggestion *s, char out[32]) {
  if (s->band)
    snprintf(out, 32, "%d (%d-%d)", s->band, s->band_min, s->band_max);
  else
    out[0] = 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A whole number as written ("10", "10.0", " 7 "): 0 and *v, else -1. */
static int whole(const char *s, long *v) {
  if (!*s)
    return -1;
  char *end;
  errno = 0;
  double x = strtod(s, &end);
  while (*end == ' ')
    end++;
  if (end == s || *end || errno || !isfinite(x) || x != floor(x) || fabs(x) > 1e6)
    return -1;
  *v = (long)x;
  return 0;
}

typedef struct {
  const qs_panel_batch *b;
  const qs_panel_roster *roster;
  qs_panel_sheet *sh;
  qs_diag *d;
  const char *shown;
} reader;

static void problem(reader *r, long row, qs_msg m, ...) {
  va_list ap;
  va_start(ap, m);
  qs_buf b = {0};
  qs_buf_vaddf(&b, qs_msg_get(r->d->lang, m), ap);
  va_end(ap);
  qs_diag_add(r->d, r->shown, row, "%s", b.s);
  qs_buf_free(&b);
  r->sh->n_problems++;
}

/* One row's values; cols: the column letters of reviewer, submission, indicator, points. */
static void add_row(reader *r, long row, const char *reviewer, const char *sub, const char *ind,
                    const char *points, const char *comment, const char *const cols[4]) {
  char *x;
  int bad = 0;
  if (!qs_panel_reviewer_id_ok(reviewer)) {
    x = qs_diag_clean_in(r->d->lang, reviewer, 80);
    problem(r, row, QS_M_PANEL_BAD_REVIEWER, cols[0], x);
    free(x);
    bad = 1;
  } else if (r->roster && !qs_panel_roster_find(r->roster, reviewer)) {
    x = qs_diag_clean_in(r->d->lang, reviewer, 80);
    problem(r, row, QS_M_PANEL_UNKNOWN_REVIEWER, cols[0], x);
    free(x);
    bad = 1;
  }
  const qs_panel_submission *s = qs_panel_batch_find(r->b, sub);
  if (!s) {
    x = qs_diag_clean_in(r->d->lang, sub, 80);
    problem(r, row, QS_M_PANEL_UNKNOWN_SUBMISSION, cols[1], x);
    free(x);
    bad = 1;
  } else if (!bad && r->roster &&
             !qs_panel_assigned(qs_panel_roster_find(r->roster, reviewer), sub)) {
    x = qs_diag_clean_in(r->d->lang, sub, 80);
    problem(r, row, QS_M_PANEL_NOT_ASSIGNED, cols[1], reviewer, x);
    free(x);
    bad = 1;
  }
  int k = qs_panel_indicator_index(r->b, ind);
  if (k < 0) {
    x = qs_diag_clean_in(r->d->lang, ind, 80);
    problem(r, row, QS_M_PANEL_UNKNOWN_INDICATOR, cols[2], x);
    free(x);
    bad = 1;
  }
  long v = 0;
  if (whole(points, &v) != 0) {
    x = qs_diag_clean_in(r->d->lang, points, 80);
    problem(r, row, QS_M_PANEL_POINTS_NAN, cols[3], x);
    free(x);
    bad = 1;
  } else if (k >= 0) {
    int max = r->b->rubric->inds[k].max;
    if (v < 0 || v > max) {
      problem(r, row, QS_M_PANEL_POINTS_RANGE, cols[3], v, max, ind);
      bad = 1;
    }
  }
  if (bad)
    return;
  qs_panel_sheet *sh = r->sh;
  for (size_t i = 0; i < sh->n_scores; i++) {
    qs_panel_score *o = &sh->scores[i];
    if (strcmp(o->reviewer, reviewer) == 0 && strcmp(o->submission, sub) == 0 &&
        strcmp(o->indicator, ind) == 0) {
      char *xs = qs_diag_clean_in(r->d->lang, sub, 80);
      problem(r, row, QS_M_PANEL_DUPLICATE, reviewer, xs, ind, o->row);
      free(xs);
      return;
    }
  }
  sh->scores = qs_xrealloc(sh->scores, (sh->n_scores + 1) * sizeof *sh->scores);
  qs_panel_score *sc = &sh->scores[sh->n_scores++];
  sc->reviewer = qs_xstrdup(reviewer);
  sc->submission = qs_xstrdup(sub);
  sc->indicator = qs_xstrdup(ind);
  sc->points = (int)v;
  sc->comment = qs_xstrdup(comment ? comment : "");
  sc->row = row;
  size_t j = 0;
  while (j < sh->n_reviewers && strcmp(sh->reviewers[j], reviewer) != 0)
    j++;
  if (j == sh->n_reviewers) {
    sh->reviewers = qs_xrealloc(sh->reviewers, (sh->n_reviewers + 1) * sizeof *sh->reviewers);
    sh->reviewers[sh->n_reviewers++] = qs_xstrdup(reviewer);
  }
}

static void read_csv(reader *r, const void *data, size_t len) {
  qs_csv c;
  if (qs_csv_from(&c, data, len, r->shown, r->d) != 0) {
    r->sh->n_problems++;
    qs_csv_free(&c);
    return;
  }
  static const char *const header[] = {"reviewer", "submission", "indicator", "points", "comment"};
  static const char *const cols[4] = {"A (reviewer)", "B (submission)", "C (indicator)",
                                      "D (points)"};
  if (qs_csv_header(&c, header, 5, r->d) != 0) {
    r->sh->n_problems++;
  } else {
    int rc;
    while ((rc = qs_csv_next(&c, r->d)) != 0) {
      if (rc < 0) {
        r->sh->n_problems++;
        continue;
      }
      if (c.n_fields != 5) {
        problem(r, c.line, QS_M_PANEL_CSV_FIELDS, (int)c.n_fields, 5);
        continue;
      }
      add_row(r, c.line, c.fields[0], c.fields[1], c.fields[2], c.fields[3], c.fields[4], cols);
    }
  }
  qs_csv_free(&c);
}

static const char *cell(const qs_xsheet *s, unsigned row, unsigned col) {
  const qs_xcell *c = qs_xsheet_cell(s, row, col);
  return c ? c->text : "";
}

/* Numbers as the sheet stores them ("12" or "12.0"): equal when both are the same whole
 * number, else compared as text. */
static int same_value(const char *got, const char *want) {
  long a, b;
  if (whole(got, &a) == 0 && whole(want, &b) == 0)
    return a == b;
  return strcmp(got, want) == 0;
}

static void read_xlsx(reader *r, const void *data, size_t len) {
  qs_xbook book;
  char *err = NULL;
  if (qs_xlsx_read_buffer(data, len, &book, &err) != QS_OK) {
    problem(r, 0, QS_M_PANEL_READ, err ? err : "");
    free(err);
    return;
  }
  const qs_xsheet *s = book.n_sheets ? &book.sheets[0] : NULL;
  const char *reviewer = s ? cell(s, 1, 1) : "";
  if (!s || !*reviewer) {
    problem(r, 1, QS_M_PANEL_SHEET_REVIEWER, "B1");
    qs_xbook_free(&book);
    return;
  }
  char *sheet = qs_diag_clean_in(r->d->lang, s->name, 40);
  static const char *const letters = "ABCDEFGHI";
  char colname[QS_PS_COLS][64];
  for (int i = 0; i < QS_PS_COLS; i++)
    snprintf(colname[i], sizeof colname[i], "%s!%c", sheet, letters[i]);
  const char *cols[4] = {"B1", colname[QS_PS_SUB], colname[QS_PS_IND], colname[QS_PS_SCORE]};
  for (unsigned row = QS_PS_FIRST_ROW; row <= s->n_rows; row++) {
    const char *sub = cell(s, row, QS_PS_SUB), *ind = cell(s, row, QS_PS_IND);
    const char *pts = cell(s, row, QS_PS_SCORE), *comment = cell(s, row, QS_PS_COMMENT);
    int any = 0;
    for (unsigned c = 0; c < QS_PS_COLS; c++)
      any |= qs_xsheet_cell(s, row, c) != NULL;
    if (!any)
      continue;
    /* The suggestion cells must be the batch's: a sheet whose suggestions were edited was
     * scored against something else. */
    const qs_panel_submission *ps = qs_panel_batch_find(r->b, sub);
    int k = qs_panel_indicator_index(r->b, ind);
    if (ps && k >= 0) {
      const qs_panel_suggestion *g = &ps->inds[k];
      char band[32], num[16], max[16];
      qs_panel_band_text(g, band);
      snprintf(num, sizeof num, "%d", g->points);
      snprintf(max, sizeof max, "%d", g->max);
      const struct {
        int col;
        const char *want;
      } checks[] = {{QS_PS_NAME, g->def->name},
                    {QS_PS_BAND, band},
                    {QS_PS_POINTS, num},
                    {QS_PS_REASON, g->reason},
                    {QS_PS_MAX, max}};
      int edited = 0;
      for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        const char *got = cell(s, row, (unsigned)checks[i].col);
        if (!same_value(got, checks[i].want)) {
          char *a = qs_diag_clean_in(r->d->lang, got, 60);
          char *b = qs_diag_clean_in(r->d->lang, checks[i].want, 60);
          problem(r, (long)row, QS_M_PANEL_EDITED, colname[checks[i].col], a, b);
          free(a);
          free(b);
          edited = 1;
        }
      }
      if (edited)
        continue;
    }
    if (!*pts && ps && k >= 0)
      continue; /* not scored (yet): an empty input cell */
    add_row(r, (long)row, reviewer, sub, ind, pts, comment, cols);
  }
  free(sheet);
  qs_xbook_free(&book);
}

int qs_panel_sheet_read_buffer(const qs_panel_batch *b, const qs_panel_roster *roster,
                               const char *name, const void *data, size_t len, qs_panel_sheet *sh,
                               qs_diag *d) {
  memset(sh, 0, sizeof *sh);
  sh->file = qs_xstrdup(name);
  qs_sha256_hex(data, len, sh->sha256);
  char *shown = qs_display_name(name);
  reader r = {b, roster, sh, d, shown};
  sh->is_xlsx = len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
  if (sh->is_xlsx)
    read_xlsx(&r, data, len);
  else
    read_csv(&r, data, len);
  qs_sort(sh->reviewers, sh->n_reviewers, sizeof *sh->reviewers, cmp_str);
  free(shown);
  return sh->n_problems ? -1 : 0;
}

int qs_panel_sheet_read(const qs_panel_batch *b, const qs_panel_roster *roster, const char *path,
                        qs_panel_sheet *sh, qs_diag *d) {
  char *data = NULL;
  size_t len = 0;
  int err = 0;
  qs_status st = qs_read_file(path, QS_PANEL_MAX_FILE, &data, &len, &err);
  if (st != QS_OK) {
    memset(sh, 0, sizeof *sh);
    sh->file = qs_xstrdup(path);
    char *shown = qs_display_name(path);
    qs_diag_add(d, shown, 0, qs_msg_get(d->lang, QS_M_PANEL_READ),
                qs_strerror(d->lang, qs_read_errno(st, err)));
    free(shown);
    sh->n_problems = 1;
    return -1;
  }
  int rc = qs_panel_sheet_read_buffer(b, roster, path, data, len, sh, d);
  free(data);
  return rc;
}

static void score_free(qs_panel_score *s) {
  free(s->reviewer);
  free(s->submission);
  free(s->indicator);
  free(s->comment);
}

void qs_panel_sheet_free(qs_panel_sheet *sh) {
  for (size_t i = 0; i < sh->n_scores; i++)
    score_free(&sh->scores[i]);
  free(sh->scores);
  for (size_t i = 0; i < sh->n_reviewers; i++)
    free(sh->reviewers[i]);
  free(sh->reviewers);
  free(sh->file);
  memset(sh, 0, sizeof *sh);
}

void qs_panel_scores_init(qs_panel_scores *s) { memset(s, 0, sizeof *s); }

void qs_panel_scores_push(qs_panel_scores *s, const qs_panel_score *sc) {
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 256;
    s->scores = qs_xrealloc(s->scores, s->cap * sizeof *s->scores);
  }
  qs_panel_score *o = &s->scores[s->n++];
  o->reviewer = qs_xstrdup(sc->reviewer);
  o->submission = qs_xstrdup(sc->submission);
  o->indicator = qs_xstrdup(sc->indicator);
  o->comment = qs_xstrdup(sc->comment ? sc->comment : "");
  o->points = sc->points;
  o->row = sc->row;
}

void qs_panel_scores_add(qs_panel_scores *s, const qs_panel_sheet *sh) {
  size_t w = 0;
  for (size_t i = 0; i < s->n; i++) {
    int replaced = 0;
    for (size_t j = 0; j < sh->n_reviewers && !replaced; j++)
      replaced = strcmp(s->scores[i].reviewer, sh->reviewers[j]) == 0;
    if (replaced)
      score_free(&s->scores[i]);
    else
      s->scores[w++] = s->scores[i];
  }
  s->n = w;
  for (size_t i = 0; i < sh->n_scores; i++)
    qs_panel_scores_push(s, &sh->scores[i]);
}

void qs_panel_scores_free(qs_panel_scores *s) {
  for (size_t i = 0; i < s->n; i++)
    score_free(&s->scores[i]);
  free(s->scores);
  memset(s, 0, sizeof *s);
}
