/* panelsim.c -- a simulated panel for `make panel-demo`: fills the score sheets that
 * `qscore panel sheets` wrote as reviewers with known habits would.
 *
 *   panelsim [--seed N] [--noise SD] [--bias R1=-1,R2=0.5,...] [--shift IND=2,...]
 *            -o OUTDIR SHEET.xlsx...
 *
 * Each reviewer (cell B1 of the sheet) gives, for every row, the suggested points plus the
 * reviewer's bias, plus the indicator's shift (every reviewer: where the panel as a whole
 * disagrees with the rules, for calibrate to find), plus normal noise of SD points (a
 * deterministic generator: the same seed gives the same sheets), rounded and kept within
 * 0..max. The suggestion cells are copied as
 * read, so `qscore panel collect` accepts the sheets; each goes to OUTDIR under its own name. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../panel/panel_int.h"
#include "qs_util.h"
#include "qs_xlsx_read.h"
#include "qs_xlsxw.h"

static uint64_t rng;

static double uniform(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return ((double)(rng >> 11) + 0.5) / 9007199254740992.0;
}

static double gauss(void) {
  double u = uniform(), v = uniform();
  return sqrt(-2 * log(u)) * cos(2 * 3.14159265358979323846 * v);
}

static double bias_of(const char *list, const char *reviewer) {
  size_t n = strlen(reviewer);
  for (const char *p = list; p && *p;) {
    if (strncmp(p, reviewer, n) == 0 && p[n] == '=')
      return strtod(p + n + 1, NULL);
    p = strchr(p, ',');
    p = p ? p + 1 : NULL;
  }
  return 0;
}

static int fill(const char *in, const char *outdir, const char *biases, const char *shifts,
                double noise, uint64_t seed) {
  qs_xbook book;
  char *err = NULL;
  if (qs_xlsx_read(in, &book, &err) != QS_OK || book.n_sheets == 0) {
    fprintf(stderr, "panelsim: %s: %s\n", in, err ? err : "no sheet");
    free(err);
    return -1;
  }
  const qs_xsheet *s = &book.sheets[0];
  const qs_xcell *rc = qs_xsheet_cell(s, 1, 1);
  const char *reviewer = rc ? rc->text : "";
  double bias = bias_of(biases, reviewer);
  rng = seed * 0x9E3779B97F4A7C15ull + 1;
  for (const char *p = reviewer; *p; p++)
    rng = (rng ^ (unsigned char)*p) * 0x100000001B3ull;
  if (!rng)
    rng = 1;
  const char *base = strrchr(in, '/');
  base = base ? base + 1 : in;
  qs_buf path = {0};
  qs_buf_addf(&path, "%s/%s", outdir, base);
  lxw_workbook *wb = qs_xw.workbook_new_opt(path.s, &(lxw_workbook_options){0});
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  lxw_doc_properties props = {.created = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : 1};
  qs_xw.workbook_set_properties(wb, &props);
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(wb, s->name);
  for (size_t i = 0; i < s->n_cells; i++) {
    const qs_xcell *c = &s->cells[i];
    if (c->kind == QS_XC_NUM)
      qs_xw.worksheet_write_number(ws, c->row - 1, (lxw_col_t)c->col, strtod(c->text, NULL), NULL);
    else
      qs_xw.worksheet_write_string(ws, c->row - 1, (lxw_col_t)c->col, c->text, NULL);
  }
  for (unsigned row = QS_PS_FIRST_ROW; row <= s->n_rows; row++) {
    const qs_xcell *sug = qs_xsheet_cell(s, row, QS_PS_POINTS);
    const qs_xcell *max = qs_xsheet_cell(s, row, QS_PS_MAX);
    if (!sug || !max)
      continue;
    const qs_xcell *ind = qs_xsheet_cell(s, row, QS_PS_IND);
    double m = strtod(max->text, NULL), b = strtod(sug->text, NULL);
    double shift = ind ? bias_of(shifts, ind->text) : 0;
    double v = round(b + bias + shift + noise * gauss());
    v = v < 0 ? 0 : v > m ? m : v;
    qs_xw.worksheet_write_number(ws, row - 1, QS_PS_SCORE, v, NULL);
  }
  int ok = qs_xw.workbook_close(wb) == LXW_NO_ERROR;
  if (!ok)
    fprintf(stderr, "panelsim: %s: not written\n", path.s);
  qs_buf_free(&path);
  qs_xbook_free(&book);
  return ok ? 0 : -1;
}

int main(int argc, char **argv) {
  const char *biases = "", *shifts = "", *outdir = NULL;
  double noise = 1.0;
  uint64_t seed = 16;
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
      seed = strtoull(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--noise") == 0 && i + 1 < argc)
      noise = strtod(argv[++i], NULL);
    else if (strcmp(argv[i], "--bias") == 0 && i + 1 < argc)
      biases = argv[++i];
    else if (strcmp(argv[i], "--shift") == 0 && i + 1 < argc)
      shifts = argv[++i];
    else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      outdir = argv[++i];
    else
      break;
  }
  if (!outdir || i >= argc) {
    fputs("usage: panelsim [--seed N] [--noise SD] [--bias R1=-1,R2=0.5] [--shift IND=2,...]\n"
          "                -o OUTDIR SHEET.xlsx...\n",
          stderr);
    return 2;
  }
  if (qs_xlsxw_open(QS_LANG_EN, "panelsim") != 0)
    return 1;
  int rc = 0;
  for (; i < argc; i++)
    if (fill(argv[i], outdir, biases, shifts, noise, seed) != 0)
      rc = 1;
  return rc;
}
