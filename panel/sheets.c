/* sheets.c -- the workbooks of the panel: one score sheet per reviewer (`qscore panel sheets`)
 * and the panel's result (`qscore panel collect --format xlsx`).
 *
 * A score sheet: row 1 the reviewer, row 2 the titles, then one row per assigned submission and
 * indicator (panel_int.h, QS_PS_*): the suggestion (protected: the sheet is protected without a
 * password, only the reviewer's two columns unlocked) and empty cells for the reviewer's points
 * (validated: a whole number 0..max) and comment. The bytes are the same for the same batch and
 * reviewers: the creation time is SOURCE_DATE_EPOCH or the epoch, as triage.xlsx's. Each
 * workbook goes through qs_file (a temporary file renamed into place), reached by libxlsxwriter
 * through /proc/self/fd. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch_table.h"
#include "panel_int.h"
#include "qs_file.h"
#include "qs_util.h"
#include "qs_xlsxw.h"

static lxw_workbook *book_open(const qs_file *f, qs_lang lang, const char *title) {
  char target[64];
  snprintf(target, sizeof target, "/proc/self/fd/%d", f->fd);
  lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  lxw_workbook *wb = qs_xw.workbook_new_opt(target, &opt);
  if (!wb)
    return NULL;
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  lxw_doc_properties props = {
      .title = (char *)title,
      .created = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : (time_t)1,
  };
  (void)lang;
  qs_xw.workbook_set_properties(wb, &props);
  return wb;
}

static void put(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, qs_lang lang,
                lxw_format *fmt) {
  char *cut;
  qs_xw.worksheet_write_string(ws, row, col, qs_xlsx_fit(s ? s : "", lang, &cut), fmt);
  free(cut);
}

static int write_sheet(const qs_panel_batch *b, const qs_panel_reviewer *rv, qs_lang lang, int dfd,
                       const char *shown, qs_diag *d) {
  qs_buf nb = {0}, sb = {0};
  qs_buf_addf(&nb, "%s.xlsx", rv->id);
  qs_buf_addf(&sb, "%s/%s", shown, nb.s);
  qs_file f;
  int rc = -1;
  qs_file_open(&f, dfd, nb.s, sb.s, 0);
  lxw_workbook *wb = f.fd >= 0 ? book_open(&f, lang, qs_msg_get(lang, QS_M_PANEL_SHEET_TAB)) : NULL;
  if (wb) {
    lxw_worksheet *ws = qs_xw.workbook_add_worksheet(wb, qs_msg_get(lang, QS_M_PANEL_SHEET_TAB));
    lxw_format *head = qs_xw.workbook_add_format(wb), *wrap = qs_xw.workbook_add_format(wb);
    lxw_format *input = qs_xw.workbook_add_format(wb);
    qs_xw.format_set_bold(head);
    qs_xw.format_set_bg_color(head, 0xDDEBF7);
    qs_xw.format_set_text_wrap(wrap);
    qs_xw.format_set_unlocked(input);
    qs_xw.format_set_bg_color(input, 0xFFF2CC);
    qs_xw.format_set_border(input, LXW_BORDER_THIN);
    put(ws, 0, 0, qs_msg_get(lang, QS_M_PANEL_SHEET_REVIEWER_LABEL), lang, head);
    put(ws, 0, 1, rv->id, lang, NULL);
    put(ws, 0, 2, rv->name, lang, NULL);
    char t[QS_PS_COLS][64];
    qs_panel_titles(lang, QS_M_PANEL_SHEET_COLS, t, QS_PS_COLS);
    static const double widths[QS_PS_COLS] = {26, 14, 22, 11, 9, 60, 6, 10, 40};
    for (int c = 0; c < QS_PS_COLS; c++) {
      put(ws, 1, (lxw_col_t)c, t[c], lang, head);
      qs_xw.worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
                                 c == QS_PS_REASON ? wrap : NULL);
    }
    qs_xw.worksheet_freeze_panes(ws, QS_PS_FIRST_ROW - 1, 0);
    lxw_row_t row = QS_PS_FIRST_ROW - 1;
    for (size_t i = 0; i < b->n_subs; i++) {
      const qs_panel_submission *s = &b->subs[i];
      if (!qs_panel_assigned(rv, s->id))
        continue;
      for (size_t k = 0; k < s->n_inds; k++, row++) {
        const qs_panel_suggestion *g = &s->inds[k];
        char band[32];
        qs_panel_band_text(g, band);
        put(ws, row, QS_PS_SUB, s->id, lang, NULL);
        put(ws, row, QS_PS_IND, g->id, lang, NULL);
        put(ws, row, QS_PS_NAME, g->def->name, lang, NULL);
        put(ws, row, QS_PS_BAND, band, lang, NULL);
        qs_xw.worksheet_write_number(ws, row, QS_PS_POINTS, g->points, NULL);
        put(ws, row, QS_PS_REASON, g->reason, lang, wrap);
        qs_xw.worksheet_write_number(ws, row, QS_PS_MAX, g->max, NULL);
        qs_xw.worksheet_write_blank(ws, row, QS_PS_SCORE, input);
        qs_xw.worksheet_write_blank(ws, row, QS_PS_COMMENT, input);
        qs_buf msg = {0};
        qs_buf_addf(&msg, qs_msg_get(lang, QS_M_PANEL_SHEET_VALIDATION), g->max);
        lxw_data_validation v = {
            .validate = LXW_VALIDATION_TYPE_INTEGER,
            .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
            .ignore_blank = LXW_VALIDATION_ON,
            .minimum_number = 0,
            .maximum_number = g->max,
            .error_message = msg.s,
            .input_message = msg.s,
        };
        qs_xw.worksheet_data_validation_cell(ws, row, QS_PS_SCORE, &v);
        qs_buf_free(&msg);
      }
    }
    lxw_protection prot = {.no_select_locked_cells = 0,
                           .format_columns = 1,
                           .format_rows = 1,
                           .autofilter = 1,
                           .sort = 0};
    qs_xw.worksheet_protect(ws, NULL, &prot);
    rc = qs_xw.workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
  }
  if (rc != 0 && f.problem == QS_FILE_OK) {
    f.problem = QS_FILE_ERRNO;
    f.err = EIO;
  }
  if (qs_file_close(&f, NULL) != 0 || rc != 0) {
    char *why = qs_file_error(&f, lang);
    qs_diag_add(d, NULL, 0, "%s", why);
    free(why);
    rc = -1;
  }
  qs_file_release(&f);
  qs_buf_free(&nb);
  qs_buf_free(&sb);
  return rc;
}

int qs_panel_write_sheets(const qs_panel_batch *b, const qs_panel_roster *roster, qs_lang lang,
                          int dfd, const char *shown, qs_diag *d) {
  if (qs_xlsxw_open(lang, "panel sheets") != 0)
    return -1;
  int rc = 0;
  for (size_t i = 0; i < roster->n; i++)
    if (write_sheet(b, &roster->reviewers[i], lang, dfd, shown, d) != 0)
      rc = -1;
  return rc;
}

/* ---- the result as a workbook ---- */

static void num_or_blank(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v) {
  if (!isnan(v))
    qs_xw.worksheet_write_number(ws, row, col, round(v * 100) / 100, NULL);
}

int qs_panel_render_xlsx(const qs_panel_result *res, qs_lang lang, int dfd, const char *name,
                         const char *shown, char **why) {
  *why = NULL;
  if (qs_xlsxw_open(lang, name) != 0) {
    *why = qs_xstrdup(shown);
    return -1;
  }
  qs_file f;
  int rc = -1;
  qs_file_open(&f, dfd, name, shown, 0);
  lxw_workbook *wb = f.fd >= 0 ? book_open(&f, lang, qs_msg_get(lang, QS_M_PANEL_TITLE)) : NULL;
  if (wb) {
    lxw_format *head = qs_xw.workbook_add_format(wb), *flag = qs_xw.workbook_add_format(wb);
    qs_xw.format_set_bold(head);
    qs_xw.format_set_bg_color(head, 0xDDEBF7);
    qs_xw.format_set_bg_color(flag, 0xFDE9D9);
    char t[8][64];
    /* the cells, the disagreements first */
    char st[QS_PS_COLS][64];
    qs_panel_titles(lang, QS_M_PANEL_SHEET_COLS, st, QS_PS_COLS);
    lxw_worksheet *ws = qs_xw.workbook_add_worksheet(wb, st[0]);
    size_t nt = qs_panel_titles(lang, QS_M_PANEL_COLS_CELLS, t, 6);
    put(ws, 0, 0, st[0], lang, head);
    for (size_t i = 0; i < nt; i++)
      put(ws, 0, (lxw_col_t)(i + 1), t[i], lang, head);
    for (size_t j = 0; j < res->n_reviewers; j++)
      put(ws, 0, (lxw_col_t)(nt + 1 + j), res->reviewers[j].id, lang, head);
    qs_xw.worksheet_freeze_panes(ws, 1, 2);
    lxw_row_t row = 1;
    for (int pass = 0; pass < 2; pass++)
      for (size_t o = 0; o < res->n_subs; o++) {
        const qs_panel_sub_result *sr = &res->subs[res->order[o]];
        for (size_t k = 0; k < res->n_inds; k++) {
          const qs_panel_cell *c = &sr->cells[k];
          if ((c->flags != 0) != (pass == 0))
            continue;
          lxw_format *fm = c->flags ? flag : NULL;
          put(ws, row, 0, sr->sub->id, lang, fm);
          qs_buf in = {0};
          qs_buf_addf(&in, "%s %s", res->inds[k].def->id, res->inds[k].def->name);
          put(ws, row, 1, in.s, lang, fm);
          qs_buf_free(&in);
          qs_xw.worksheet_write_number(ws, row, 2, c->suggested, fm);
          num_or_blank(ws, row, 3, c->panel);
          num_or_blank(ws, row, 4, c->spread);
          qs_buf rv = {0}, fl = {0};
          for (size_t j = 0; j < res->n_reviewers; j++)
            if (!isnan(c->points[j]))
              qs_buf_addf(&rv, "%s%s %d", rv.len ? ", " : "", res->reviewers[j].id,
                          (int)c->points[j]);
          for (size_t j = 0; j < res->n_reviewers; j++)
            if (c->far[j]) {
              qs_buf_add(&fl, fl.len ? "; " : "");
              qs_buf_addf(&fl, qs_msg_get(lang, QS_M_PANEL_FLAG_REVIEWER), res->reviewers[j].id);
            }
          if (c->flags & QS_PANEL_FLAG_SUGGESTION_FAR) {
            qs_buf_add(&fl, fl.len ? "; " : "");
            qs_buf_add(&fl, qs_msg_get(lang, QS_M_PANEL_FLAG_SUGGESTION));
          }
          put(ws, row, 5, rv.s ? rv.s : "", lang, fm);
          put(ws, row, 6, fl.s ? fl.s : "", lang, fm);
          qs_buf_free(&rv);
          qs_buf_free(&fl);
          for (size_t j = 0; j < res->n_reviewers; j++)
            num_or_blank(ws, row, (lxw_col_t)(nt + 1 + j), c->points[j]);
          row++;
        }
      }
    /* reviewers */
    ws = qs_xw.workbook_add_worksheet(wb, qs_msg_get(lang, QS_M_PANEL_SHEET_REVIEWER_LABEL));
    nt = qs_panel_titles(lang, QS_M_PANEL_COLS_REVIEWERS, t, 6);
    for (size_t i = 0; i < nt; i++)
      put(ws, 0, (lxw_col_t)i, t[i], lang, head);
    for (size_t j = 0; j < res->n_reviewers; j++) {
      const qs_panel_reviewer_result *rr = &res->reviewers[j];
      put(ws, (lxw_row_t)(j + 1), 0, rr->id, lang, NULL);
      put(ws, (lxw_row_t)(j + 1), 1, rr->name, lang, NULL);
      qs_xw.worksheet_write_number(ws, (lxw_row_t)(j + 1), 2, rr->scored, NULL);
      num_or_blank(ws, (lxw_row_t)(j + 1), 3, rr->bias);
      num_or_blank(ws, (lxw_row_t)(j + 1), 4, rr->mad);
      qs_xw.worksheet_write_number(ws, (lxw_row_t)(j + 1), 5, rr->far, NULL);
    }
    /* indicators */
    ws = qs_xw.workbook_add_worksheet(wb, st[1]);
    nt = qs_panel_titles(lang, QS_M_PANEL_COLS_INDICATORS, t, 7);
    for (size_t i = 0; i < nt; i++)
      put(ws, 0, (lxw_col_t)i, t[i], lang, head);
    for (size_t k = 0; k < res->n_inds; k++) {
      const qs_panel_ind_result *ir = &res->inds[k];
      lxw_row_t r = (lxw_row_t)(k + 1);
      qs_buf in = {0};
      qs_buf_addf(&in, "%s %s", ir->def->id, ir->def->name);
      put(ws, r, 0, in.s, lang, NULL);
      qs_buf_free(&in);
      qs_xw.worksheet_write_number(ws, r, 1, ir->n, NULL);
      num_or_blank(ws, r, 2, ir->mad);
      num_or_blank(ws, r, 3, ir->bias);
      num_or_blank(ws, r, 4, ir->kappa);
      num_or_blank(ws, r, 5, ir->icc);
      qs_xw.worksheet_write_number(ws, r, 6, ir->overridden, NULL);
    }
    rc = qs_xw.workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
  }
  if (rc != 0 && f.problem == QS_FILE_OK) {
    f.problem = QS_FILE_ERRNO;
    f.err = EIO;
  }
  if (qs_file_close(&f, NULL) != 0 || rc != 0) {
    *why = qs_file_error(&f, lang);
    rc = -1;
  }
  qs_file_release(&f);
  return rc;
}
