/* render_xlsx.c -- triage.xlsx through libxlsxwriter: the overall ranking, one sheet per
 * province with its own rank, the flags, and the files that could not be scored. Every sheet
 * has a frozen header row, filters and column widths; numbers are numbers, texts are texts
 * (never formulas). The creation time is SOURCE_DATE_EPOCH or the epoch, so the same batch
 * gives the same bytes. A text longer than a cell holds (32,767 characters: a flag listing
 * thousands of evidence ids) is cut with a visible mark instead of being dropped by the
 * library. The workbook is written into the temporary file the caller opened safely
 * (qs_file), reached through /proc/self/fd: libxlsxwriter takes a file name.
 *
 * libxlsxwriter is opened with dlopen when the first workbook is written, not linked: it brings
 * libcrypto and minizip, and loading those cost every qscore process about 5 ms at start (a
 * fifth of the start-up of `qscore score`), though only a batch writes a workbook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch_table.h"
#include "qs_batch.h"
#include "qs_xlsxw.h"

/* UTF-16 units of the UTF-8 sequence starting with byte c (a character past U+FFFF takes two
 * in Excel's count); a byte that starts no sequence counts one. */
static size_t units_of(unsigned char c, size_t *bytes) {
  *bytes = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return c >= 0xf0 ? 2 : 1;
}

const char *qs_xlsx_fit(const char *s, qs_lang lang, char **cut) {
  *cut = NULL;
  const char *mark = qs_msg_get(lang, QS_M_XLSX_CUT);
  size_t mark_units = 0, total = 0, n;
  for (const char *p = mark; *p; p += n)
    mark_units += units_of((unsigned char)*p, &n);
  size_t len = strlen(s);
  size_t keep = 0; /* bytes of s that fit with the mark */
  for (size_t i = 0; i < len; i += n) {
    total += units_of((unsigned char)s[i], &n);
    if (i + n > len)
      n = len - i;
    if (total + mark_units <= QS_XLSX_CELL_MAX)
      keep = i + n;
  }
  if (total <= QS_XLSX_CELL_MAX)
    return s;
  qs_buf b = {0};
  qs_buf_addn(&b, s, keep);
  qs_buf_add(&b, mark);
  *cut = qs_buf_take(&b);
  return *cut;
}

typedef struct {
  lxw_workbook *wb;
  lxw_format *head, *wrap;
  qs_lang lang;
} book;

/* Every text cell goes through here: cut to fit (qs_xlsx_fit) rather than dropped. */
static void put_text(const book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                     lxw_format *fmt) {
  char *cut;
  const char *v = qs_xlsx_fit(s ? s : "", b->lang, &cut);
  qs_xw.worksheet_write_string(ws, row, col, v, fmt);
  free(cut);
}

static void header(const book *b, lxw_worksheet *ws, const char *const *titles,
                   const double *widths, int n, int rows) {
  for (int c = 0; c < n; c++) {
    qs_xw.worksheet_write_string(ws, 0, (lxw_col_t)c, titles[c], b->head);
    qs_xw.worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
  }
  qs_xw.worksheet_freeze_panes(ws, 1, 0);
  qs_xw.worksheet_autofilter(ws, 0, 0, (lxw_row_t)(rows > 0 ? rows : 1), (lxw_col_t)(n - 1));
  /* Print: A4 landscape, as wide as one page, the header row on every page, page numbers. */
  qs_xw.worksheet_set_landscape(ws);
  qs_xw.worksheet_set_paper(ws, 9); /* A4 */
  qs_xw.worksheet_fit_to_pages(ws, 1, 0);
  qs_xw.worksheet_repeat_rows(ws, 0, 0);
  qs_xw.worksheet_set_footer(ws, qs_msg_get(b->lang, QS_M_XLSX_FOOTER));
}

static void ranking_sheet(book *b, const qs_table *t, const char *name, const char *province) {
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(b->wb, name);
  const qs_rubric *r = t->rubric;
  static const char *const tail[] = {"triage",       "flags", "error-flags",
                                     "duplicate-id", "file",  "report"};
  int n = 8 + (int)r->n_inds + (int)r->n_sections + 6;
  const char **titles = calloc((size_t)n, sizeof *titles);
  double *widths = calloc((size_t)n, sizeof *widths);
  static const char *const head[] = {"rank",     "region-rank", "id",    "title",
                                     "province", "region",      "chain", "total"};
  int c = 0;
  for (int i = 0; i < 8; i++, c++) {
    titles[c] = qs_column_title(t->lang, head[i]);
    widths[c] = i == 3 ? 40 : i == 2 || i == 5 ? 22 : i == 6 ? 14 : 9;
  }
  for (size_t i = 0; i < r->n_inds; i++, c++) {
    titles[c] = qs_indicator_title(t->lang, &r->inds[i]);
    widths[c] = 10;
  }
  for (size_t i = 0; i < r->n_sections; i++, c++) {
    titles[c] = qs_section_title(t->lang, &r->sections[i]);
    widths[c] = 10;
  }
  for (int i = 0; i < 6; i++, c++) {
    titles[c] = qs_column_title(t->lang, tail[i]);
    widths[c] = i >= 4 ? 36 : 10; /* file, report */
  }
  /* Constant-memory workbooks are written row by row: the header (and its filter over the
   * rows to come) first. */
  int rows = 0;
  for (size_t k = 0; k < t->n_rows; k++)
    rows += !province || strncmp(t->ranked[k]->province, province, 2) == 0;
  header(b, ws, titles, widths, n, rows);
  int row = 0;
  for (size_t k = 0; k < t->n_rows; k++) {
    const qs_row *x = t->ranked[k];
    if (province && strncmp(x->province, province, 2) != 0)
      continue;
    row++;
    c = 0;
    qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, (double)x->rank, NULL);
    qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, (double)x->region_rank, NULL);
    const char *texts[] = {x->id, x->title, x->province_name, x->region, x->chain};
    for (int i = 0; i < 5; i++)
      put_text(b, ws, (lxw_row_t)row, (lxw_col_t)c++, texts[i], NULL);
    qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, x->total, NULL);
    for (size_t i = 0; i < r->n_inds; i++)
      qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, x->points[i], NULL);
    for (size_t i = 0; i < r->n_sections; i++)
      qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, x->sections[i], NULL);
    put_text(b, ws, (lxw_row_t)row, (lxw_col_t)c++, qs_word(t->lang, "triage", x->triage), NULL);
    qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, x->n_flags, NULL);
    qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, x->n_error_flags, NULL);
    qs_xw.worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c++, x->duplicate_id, NULL);
    put_text(b, ws, (lxw_row_t)row, (lxw_col_t)c++, x->path, NULL);
    if (x->report) { /* none when the report could not be written (said on stderr) */
      /* A link to the report, relative to the workbook (both in the output folder); its text
       * the report's path. A link Excel could not hold (over 255 characters) stays text. */
      char report[600], url[620];
      snprintf(report, sizeof report, "%s.html", x->report);
      snprintf(url, sizeof url, "%s", report);
      if (qs_xw.worksheet_write_url_opt(ws, (lxw_row_t)row, (lxw_col_t)c, url, NULL, report,
                                        NULL) != LXW_NO_ERROR)
        put_text(b, ws, (lxw_row_t)row, (lxw_col_t)c, report, NULL);
      c++;
    }
  }
  free(titles);
  free(widths);
}

static void flags_sheet(book *b, qs_table *t) {
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(b->wb, qs_msg_get(t->lang, QS_M_SHEET_FLAGS));
  static const char *const keys[] = {"file", "id",   "indicator", "severity",
                                     "code", "text", "evidence"};
  static const double widths[] = {36, 22, 14, 9, 22, 80, 30};
  const char *titles[7];
  for (int i = 0; i < 7; i++)
    titles[i] = qs_column_title(t->lang, keys[i]);
  header(b, ws, titles, widths, 7, (int)t->n_flags);
  qs_flag_spool_rewind(t);
  qs_flag_row f;
  for (size_t i = 0; i < t->n_flags && qs_flag_spool_next(t, &f); i++) {
    const char *v[] = {f.path,
                       f.id,
                       f.indicator,
                       qs_word(t->lang, "severity", f.severity),
                       qs_word_coded(t->lang, "flag", f.code),
                       f.text,
                       f.evidence};
    for (int c = 0; c < 7; c++)
      put_text(b, ws, (lxw_row_t)(i + 1), (lxw_col_t)c, v[c], c == 5 ? b->wrap : NULL);
  }
}

static void errors_sheet(book *b, const qs_table *t) {
  lxw_worksheet *ws =
      qs_xw.workbook_add_worksheet(b->wb, qs_msg_get(t->lang, QS_M_SHEET_NOT_SCORED));
  static const char *const keys[] = {"file", "line", "kind", "message"};
  static const double widths[] = {40, 8, 10, 90};
  const char *titles[4];
  for (int i = 0; i < 4; i++)
    titles[i] = qs_column_title(t->lang, keys[i]);
  header(b, ws, titles, widths, 4, (int)t->n_errors);
  for (size_t i = 0; i < t->n_errors; i++) {
    const qs_error_row *e = &t->errors[i];
    put_text(b, ws, (lxw_row_t)(i + 1), 0, e->path, NULL);
    qs_xw.worksheet_write_number(ws, (lxw_row_t)(i + 1), 1, (double)e->line, NULL);
    put_text(b, ws, (lxw_row_t)(i + 1), 2, qs_word(t->lang, "error-kind", e->kind), NULL);
    put_text(b, ws, (lxw_row_t)(i + 1), 3, e->message, b->wrap);
  }
}

int qs_write_xlsx(qs_table *t, qs_file *f) {
  if (qs_xlsxw_open(t->lang, "triage.xlsx") != 0 || f->fd < 0)
    return -1;
  /* The temporary file qs_file made (O_EXCL, an unpredictable name), by its descriptor. */
  char target[64];
  snprintf(target, sizeof target, "/proc/self/fd/%d", f->fd);
  /* Constant memory: each row goes to a temporary file as soon as the next begins, so a round
   * of 10,000 files with all their flags takes no more memory than a round of 100. */
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  lxw_workbook *wb = qs_xw.workbook_new_opt(target, &opt);
  if (!wb)
    return -1;
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  lxw_doc_properties props = {
      .title = (char *)qs_msg_get(t->lang, QS_M_XLSX_TITLE),
      .created = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : (time_t)1,
  };
  qs_xw.workbook_set_properties(wb, &props);
  book b = {wb, qs_xw.workbook_add_format(wb), qs_xw.workbook_add_format(wb), t->lang};
  qs_xw.format_set_bold(b.head);
  qs_xw.format_set_bg_color(b.head, 0xDDEBF7);
  qs_xw.format_set_text_wrap(b.wrap);
  ranking_sheet(&b, t, qs_msg_get(t->lang, QS_M_SHEET_RANKING), NULL);
  /* One sheet per province, in the order of the province codes. */
  char done[100] = {0};
  for (int pass = 0; pass < 100; pass++) {
    for (size_t i = 0; i < t->n_rows; i++) {
      const char *pc = t->rows[i].province;
      if (strlen(pc) < 2 || (pc[0] - '0') * 10 + (pc[1] - '0') != pass || done[pass])
        continue;
      done[pass] = 1;
      const char *name = t->rows[i].province_name[0] ? t->rows[i].province_name : pc;
      char sheet[32];
      snprintf(sheet, sizeof sheet, "%.30s", name);
      ranking_sheet(&b, t, sheet, pc);
    }
  }
  flags_sheet(&b, t);
  errors_sheet(&b, t);
  return qs_xw.workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}
