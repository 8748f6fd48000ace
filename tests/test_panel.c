/* test_panel.c -- the review panel (panel/, src/cmd_panel.c; issue 16).
 *
 * The statistics against known values (Shrout & Fleiss 1979's example, a weighted kappa worked
 * by hand); a simulated panel on the samples' batch: five reviewers with known biases and noise
 * (a fixed seed) score every suggestion, and the result must recover each bias within 0.3
 * points and give, in every cell, the trimmed mean computed here independently; every kind of
 * problem of a CSV or a sheet, with its file, row and column; the sheets' round trip (written,
 * filled through libxlsxwriter as a reviewer's Excel would, collected); the audit trail's
 * idempotence, versions, and a kill -9 in the middle of an import. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../panel/panel_int.h"
#include "helpers.h"
#include "qs_util.h"
#include "qs_xlsx_read.h"
#include "qs_xlsxw.h"

/* ------------------------------------------------------------------ statistics */

Test(panel, trimmed_mean_drops_one_highest_and_one_lowest) {
  double x[] = {7, 9, 9, 3, 8};
  cr_expect_float_eq(qs_panel_trimmed_mean(x, 5, 5), (7 + 9 + 8) / 3.0, 1e-12);
  cr_expect_float_eq(qs_panel_trimmed_mean(x, 5, 6), 36 / 5.0, 1e-12); /* too few: the mean */
  cr_expect_float_eq(qs_panel_trimmed_mean(x, 4, 3), (7 + 9) / 2.0, 1e-12);
  cr_expect(isnan(qs_panel_trimmed_mean(x, 0, 5)));
  cr_expect_float_eq(qs_panel_mean(x, 2), 8, 1e-12);
}

Test(panel, icc21_of_shrout_and_fleiss) {
  /* Shrout & Fleiss (1979), Table 2: six targets, four judges; ICC(2,1) = .29. */
  static const double x[] = {9, 2, 5, 8, 6,  1, 3, 2, 8, 4, 6, 8,
                             7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7};
  double icc = qs_panel_icc21(x, 6, 4);
  cr_expect(fabs(icc - 0.29) < 0.005, "ICC(2,1) %.4f, Shrout & Fleiss give .29", icc);
  /* perfect agreement */
  static const double same[] = {1, 1, 4, 4, 9, 9};
  cr_expect_float_eq(qs_panel_icc21(same, 3, 2), 1.0, 1e-12);
  cr_expect(isnan(qs_panel_icc21(x, 1, 4)));
}

Test(panel, linearly_weighted_kappa_by_hand) {
  /* Eight subjects, three categories. Agreement weights 1, .5, 0: observed 6.5/8 = .8125;
   * margins (.25 .375 .375) and (.375 .25 .375) give an expected .546875; kappa =
   * (.8125 - .546875) / (1 - .546875) = 17/29. */
  static const int a[] = {0, 1, 2, 2, 1, 0, 2, 1}, b[] = {0, 1, 1, 2, 2, 0, 2, 0};
  cr_expect_float_eq(qs_panel_kappa_linear(a, b, 8, 3), 17.0 / 29.0, 1e-12);
  cr_expect_float_eq(qs_panel_kappa_linear(a, a, 8, 3), 1.0, 1e-12);
  cr_expect(isnan(qs_panel_kappa_linear(a, b, 0, 3)));
}

/* ------------------------------------------------------------------ the samples' batch */

typedef struct {
  char *tmp, *batch;
  qs_engine *e;
  qs_panel_batch b;
} fixture;

static void setup(fixture *f) {
  f->tmp = qs_test_tmpdir();
  f->batch = qs_test_join(f->tmp, "batch");
  const char *argv[] = {"batch", "-q", "--out", f->batch, "samples", NULL};
  qs_run r = qs_run_cli(NULL, argv);
  cr_assert(r.code == 0, "batch: %s", r.err);
  qs_run_free(&r);
  f->e = qs_test_engine();
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert(qs_panel_batch_load(f->batch, qs_engine_rubric(f->e), &f->b, &d) == 0, "%s",
            qs_diag_string(&d));
  qs_diag_free(&d);
  cr_assert(f->b.n_subs == 8);
}

static void teardown(fixture *f) {
  qs_panel_batch_free(&f->b);
  qs_engine_free(f->e);
  free(f->batch);
  qs_test_rmtree(f->tmp);
}

static void write_file(const char *path, const char *text) {
  FILE *fp = fopen(path, "wb");
  cr_assert(fp);
  fputs(text, fp);
  fclose(fp);
}

static qs_run run(const char *const *argv) { return qs_run_cli(NULL, argv); }

/* The simulated panel: reviewer j's points for a cell, from the suggestion moved two points in
 * from the ends, the bias, and noise (a fixed generator). */
static const double biases[5] = {-1.0, -0.5, 0, 0.5, 1.0};
static uint64_t rng_state;
static double unif(void) {
  rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
  return ((double)(rng_state >> 11) + 0.5) / 9007199254740992.0;
}
static double normal(void) {
  return sqrt(-2 * log(unif())) * cos(2 * 3.14159265358979323846 * unif());
}
static int sim_points(const qs_panel_suggestion *g, int j) {
  double base = g->points;
  if (g->max >= 4)
    base = base < 2 ? 2 : base > g->max - 2 ? g->max - 2 : base;
  double v = round(base + biases[j] + 0.6 * normal());
  return v < 0 ? 0 : v > g->max ? g->max : (int)v;
}

/* scores.csv of the simulated panel; pts[sub][ind][reviewer] keeps what was written. */
static char *simulate(fixture *f, int pts[8][12][5]) {
  rng_state = 20251205;
  qs_buf b = {0};
  qs_buf_add(&b, "\xEF\xBB\xBFreviewer,submission,indicator,points,comment\r\n");
  for (int j = 0; j < 5; j++)
    for (size_t i = 0; i < f->b.n_subs; i++)
      for (size_t k = 0; k < f->b.subs[i].n_inds; k++) {
        int p = sim_points(&f->b.subs[i].inds[k], j);
        pts[i][k][j] = p;
        qs_buf_addf(&b, "R%d,%s,%s,%d,\"a comment, \"\"quoted\"\"\"\r\n", j + 1, f->b.subs[i].id,
                    f->b.subs[i].inds[k].id, p);
      }
  char *path = qs_test_join(f->tmp, "scores.csv");
  write_file(path, b.s);
  qs_buf_free(&b);
  return path;
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

Test(panel, simulated_panel_recovers_the_biases_and_the_trimmed_mean) {
  fixture f;
  setup(&f);
  static int pts[8][12][5];
  char *csv = simulate(&f, pts);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_panel_sheet sh;
  cr_assert(qs_panel_sheet_read(&f.b, NULL, csv, &sh, &d) == 0, "%s", qs_diag_string(&d));
  cr_expect(sh.n_scores == 5 * 8 * 12);
  cr_expect(sh.n_reviewers == 5);
  qs_panel_scores s;
  qs_panel_scores_init(&s);
  qs_panel_scores_add(&s, &sh);
  qs_panel_result res;
  int trim = qs_panel_trim_min(qs_engine_rubric(f.e));
  cr_expect(trim == 5, "panel-trim-min defaults to 5, not %d", trim);
  qs_panel_compute(&f.b, NULL, &s, trim, &res);
  cr_assert(res.n_reviewers == 5);
  for (int j = 0; j < 5; j++) {
    cr_expect(res.reviewers[j].scored == 96);
    cr_expect(fabs(res.reviewers[j].bias - biases[j]) <= 0.3, "R%d: bias %.3f, simulated %.2f",
              j + 1, res.reviewers[j].bias, biases[j]);
  }
  /* The trimmed mean, here: sort the five, drop the ends, average the three. */
  for (size_t i = 0; i < 8; i++)
    for (size_t k = 0; k < 12; k++) {
      int v[5];
      memcpy(v, pts[i][k], sizeof v);
      qsort(v, 5, sizeof v[0], cmp_int);
      double want = (v[1] + v[2] + v[3]) / 3.0;
      const qs_panel_cell *c = &res.subs[i].cells[k];
      cr_expect(c->panel == want, "%s %s: panel %.17g, trimmed mean %.17g", f.b.subs[i].id,
                f.b.subs[i].inds[k].id, c->panel, want);
      cr_expect(c->trimmed && c->n == 5);
      cr_expect(c->spread == v[4] - v[0]);
    }
  qs_panel_result_free(&res);
  /* With the parameter above the reviewers: the plain mean. */
  qs_panel_compute(&f.b, NULL, &s, 6, &res);
  const qs_panel_cell *c = &res.subs[0].cells[0];
  double sum = 0;
  for (int j = 0; j < 5; j++)
    sum += pts[0][0][j];
  cr_expect(c->panel == sum / 5 && !c->trimmed);
  qs_panel_result_free(&res);
  qs_panel_scores_free(&s);
  qs_panel_sheet_free(&sh);
  qs_diag_free(&d);
  /* The same through the command line, as JSON of the shape; --param moves the rule. */
  const char *argv[] = {"panel", "collect", "--format", "json", f.batch, csv, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 0, "%s", r.err);
  json_error_t je;
  json_t *j = json_loads(r.out, 0, &je);
  cr_assert(j, "%s", je.text);
  json_t *sub = json_array_get(json_object_get(j, "submissions"), 0);
  cr_expect(json_is_string(json_object_get(sub, "id")));
  cr_expect(json_is_number(json_object_get(json_object_get(sub, "total"), "panel")));
  cr_expect(json_is_integer(json_object_get(json_object_get(sub, "total"), "suggested")));
  json_t *ind = json_array_get(json_object_get(sub, "indicators"), 0);
  cr_expect(json_is_object(json_object_get(ind, "reviewers")));
  cr_expect(json_object_size(json_object_get(ind, "reviewers")) == 5);
  cr_expect(json_is_array(json_object_get(ind, "flags")));
  cr_expect(json_is_integer(json_object_get(ind, "suggested")));
  json_t *rv = json_array_get(json_object_get(j, "reviewers"), 0);
  cr_expect_str_eq(json_string_value(json_object_get(rv, "id")), "R1");
  cr_expect(json_integer_value(json_object_get(rv, "scored")) == 96);
  cr_expect(fabs(json_number_value(json_object_get(rv, "bias")) - biases[0]) <= 0.3);
  json_t *ji = json_array_get(json_object_get(j, "indicators"), 0);
  cr_expect_str_eq(json_string_value(json_object_get(ji, "id")), "mechanism");
  for (const char *const *k = (const char *const[]){"mad", "bias", "kappa", "icc", NULL}; *k; k++)
    cr_expect(json_is_number(json_object_get(ji, *k)), "indicators[0].%s", *k);
  json_decref(j);
  qs_run_free(&r);
  const char *argv6[] = {"panel", "collect", "--format", "json", "--param", "panel-trim-min=6",
                         f.batch, csv,       NULL};
  r = run(argv6);
  cr_expect(r.code == 0, "%s", r.err);
  cr_expect(strstr(r.out, "\"trim_min\": 6") != NULL);
  cr_expect(strstr(r.out, "\"trimmed\": true") == NULL);
  qs_run_free(&r);
  free(csv);
  teardown(&f);
}

/* ------------------------------------------------------------------ problems */

Test(panel, every_problem_of_a_csv_with_its_row_and_column) {
  fixture f;
  setup(&f);
  const char *id = f.b.subs[0].id;
  char *rv = qs_test_join(f.tmp, "reviewers.csv");
  qs_buf b = {0};
  qs_buf_addf(&b, "reviewer,name,submission\nR1,A,*\nR2,B,%s\n", f.b.subs[1].id);
  write_file(rv, b.s);
  qs_buf_free(&b);
  qs_buf_addf(&b,
              "reviewer,submission,indicator,points,comment\n"
              "R1,%s,mechanism,10,ok\n" /* 2: fine */
              "R1,NOPE,mechanism,3,\n"  /* 3: unknown submission */
              "R1,%s,mechanizm,3,\n"    /* 4: unknown indicator */
              "R1,%s,survey,x,\n"       /* 5: not a number */
              "R1,%s,survey,9,\n"       /* 6: outside 0..8 */
              "R1,%s,mechanism,11,\n"   /* 7: duplicate of 2 */
              "R7,%s,talent,1,\n"       /* 8: not in the reviewers' list */
              "R2,%s,talent,1,\n"       /* 9: not assigned */
              "R1,%s,talent,1\n"        /* 10: four fields */
              "R1,%s,sme,2.5,\n"        /* 11: not whole */
              "R1,%s,green,\"3\"x,\n",  /* 12: a quote out of place */
              id, id, id, id, id, id, id, id, id, id);
  char *csv = qs_test_join(f.tmp, "bad.csv");
  write_file(csv, b.s);
  qs_buf_free(&b);
  const char *argv[] = {"panel", "collect", "--lang", "en", "--reviewers", rv, f.batch, csv, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 1, "exit %d", r.code);
  static const char *const want[] = {
      "bad.csv:3: column B (submission): the batch has no submission NOPE",
      "bad.csv:4: column C (indicator): the rubric has no indicator mechanizm",
      "bad.csv:5: column D (points): points x are not a whole number",
      "bad.csv:6: column D (points): points 9 outside 0..8 of indicator survey",
      "bad.csv:7: reviewer R1 already scored submission",
      "bad.csv:8: column A (reviewer): reviewer R7 is not in the reviewers' list",
      "bad.csv:9: column B (submission): reviewer R2 was not assigned submission",
      "bad.csv:10: 4 fields, expected 5",
      "bad.csv:11: column D (points): points 2.5 are not a whole number",
      "bad.csv:12: field 4: a double quote out of place",
      "10 problems in the scores",
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    cr_expect(strstr(r.err, want[i]) != NULL, "missing: %s\nin:\n%s", want[i], r.err);
  cr_expect(strstr(r.err, "bad.csv:2:") == NULL, "%s", r.err);
  qs_run_free(&r);
  /* A header that is not the one, and bytes that are not UTF-8. */
  write_file(csv, "reviewer;submission;indicator;points;comment\n");
  r = run(argv);
  cr_expect(strstr(r.err, "bad.csv:1: the first line must be exactly "
                          "reviewer,submission,indicator,points,comment") != NULL,
            "%s", r.err);
  qs_run_free(&r);
  write_file(csv, "reviewer,submission,indicator,points,comment\nR1,\xB2\xE2,x,1,\n");
  r = run(argv);
  cr_expect(strstr(r.err, "bad.csv:2: not UTF-8 text") != NULL, "%s", r.err);
  qs_run_free(&r);
  /* Chinese messages in a Chinese run. */
  const char *zh[] = {"panel", "collect", f.batch, csv, NULL};
  r = run(zh);
  cr_expect(strstr(r.err, "不是 UTF-8 文本") != NULL, "%s", r.err);
  qs_run_free(&r);
  free(csv);
  free(rv);
  teardown(&f);
}

/* ------------------------------------------------------------------ sheets */

/* A returned sheet: the cells of in, copied, with the reviewer's points (points(row) < 0: left
 * empty) and, when edit_row is not 0, the suggested points of that row changed. */
static void fill_sheet(const char *in, const char *out, int (*points)(const qs_xsheet *, unsigned),
                       unsigned edit_row) {
  qs_xbook book;
  char *err = NULL;
  cr_assert(qs_xlsx_read(in, &book, &err) == QS_OK, "%s", err);
  cr_assert(qs_xlsxw_open(QS_LANG_EN, "test") == 0);
  lxw_workbook *wb = qs_xw.workbook_new_opt(out, &(lxw_workbook_options){0});
  const qs_xsheet *s = &book.sheets[0];
  lxw_worksheet *ws = qs_xw.workbook_add_worksheet(wb, s->name);
  for (size_t i = 0; i < s->n_cells; i++) {
    const qs_xcell *c = &s->cells[i];
    double v = strtod(c->text, NULL);
    if (c->row == edit_row && c->col == QS_PS_POINTS)
      v += 1;
    if (c->kind == QS_XC_NUM)
      qs_xw.worksheet_write_number(ws, c->row - 1, (lxw_col_t)c->col, v, NULL);
    else
      qs_xw.worksheet_write_string(ws, c->row - 1, (lxw_col_t)c->col, c->text, NULL);
  }
  for (unsigned row = QS_PS_FIRST_ROW; row <= s->n_rows; row++) {
    int p = points(s, row);
    if (p >= 0)
      qs_xw.worksheet_write_number(ws, row - 1, QS_PS_SCORE, p, NULL);
    qs_xw.worksheet_write_string(ws, row - 1, QS_PS_COMMENT, "看过", NULL);
  }
  cr_assert(qs_xw.workbook_close(wb) == LXW_NO_ERROR);
  qs_xbook_free(&book);
}

/* The suggestion itself, but one less where possible. */
static int one_less(const qs_xsheet *s, unsigned row) {
  const qs_xcell *c = qs_xsheet_cell(s, row, QS_PS_POINTS);
  int v = c ? atoi(c->text) : 0;
  return v > 0 ? v - 1 : 0;
}
static int the_suggestion(const qs_xsheet *s, unsigned row) {
  const qs_xcell *c = qs_xsheet_cell(s, row, QS_PS_POINTS);
  return c ? atoi(c->text) : 0;
}
static int only_first_row(const qs_xsheet *s, unsigned row) {
  return row == QS_PS_FIRST_ROW ? the_suggestion(s, row) : -1;
}

static char *sheets(fixture *f, const char *dirname, const char *roster) {
  char *rv = qs_test_join(f->tmp, "reviewers.csv");
  write_file(rv, roster);
  char *dir = qs_test_join(f->tmp, dirname);
  const char *argv[] = {"panel", "sheets", "--lang", "en",     "--reviewers",
                        rv,      "--out",  dir,      f->batch, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 0, "sheets: %d %s", r.code, r.err);
  qs_run_free(&r);
  free(rv);
  return dir;
}

Test(panel, sheets_round_trip_and_edited_suggestions) {
  fixture f;
  setup(&f);
  char *dir = sheets(&f, "sheets", "reviewer,name,submission\nR1,张伟,*\nR2,王芳,*\n");
  char *r1 = qs_test_join(dir, "R1.xlsx"), *r2 = qs_test_join(dir, "R2.xlsx");
  /* Written as said: the reviewer, one row per submission and indicator, the suggestion. */
  qs_xbook book;
  char *err = NULL;
  cr_assert(qs_xlsx_read(r1, &book, &err) == QS_OK, "%s", err);
  const qs_xsheet *s = &book.sheets[0];
  cr_expect_str_eq(qs_xsheet_cell(s, 1, 1)->text, "R1");
  cr_expect(s->n_rows == QS_PS_FIRST_ROW - 1 + 8 * 12, "rows %u", s->n_rows);
  cr_expect_str_eq(qs_xsheet_cell(s, QS_PS_FIRST_ROW, QS_PS_SUB)->text, f.b.subs[0].id);
  cr_expect_str_eq(qs_xsheet_cell(s, QS_PS_FIRST_ROW, QS_PS_IND)->text, "mechanism");
  cr_expect(atoi(qs_xsheet_cell(s, QS_PS_FIRST_ROW, QS_PS_POINTS)->text) ==
            f.b.subs[0].inds[0].points);
  cr_expect(qs_xsheet_cell(s, QS_PS_FIRST_ROW, QS_PS_SCORE) == NULL);
  qs_xbook_free(&book);
  /* Protected, with the input cells unlocked and validated. */
  const char *unz[] = {"unzip", "-p", r1, "xl/worksheets/sheet1.xml", NULL};
  char *xml = qs_test_join(f.tmp, "sheet1.xml");
  cr_assert(qs_test_exec(unz, xml, NULL, NULL) == 0);
  char *text = qs_test_slurp(xml, NULL);
  cr_expect(strstr(text, "<sheetProtection") != NULL);
  cr_expect(strstr(text, "<dataValidation type=\"whole\"") != NULL);
  free(text);
  free(xml);
  /* The same batch and reviewers: the same bytes. */
  char *again = sheets(&f, "again", "reviewer,name,submission\nR1,张伟,*\nR2,王芳,*\n");
  char *a1 = qs_test_join(again, "R1.xlsx");
  qs_test_expect_same_file(r1, a1);
  /* Filled and collected: R1 one less than the suggestion, R2 the suggestion. */
  char *f1 = qs_test_join(f.tmp, "R1.xlsx"), *f2 = qs_test_join(f.tmp, "R2.xlsx");
  fill_sheet(r1, f1, one_less, 0);
  fill_sheet(r2, f2, the_suggestion, 0);
  const char *argv[] = {"panel", "collect", "--format", "json", f.batch, f1, f2, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 0, "%s", r.err);
  json_t *j = json_loads(r.out, 0, NULL);
  cr_assert(j);
  json_t *rv = json_object_get(j, "reviewers");
  cr_expect(json_integer_value(json_object_get(json_array_get(rv, 1), "scored")) == 96);
  cr_expect(json_number_value(json_object_get(json_array_get(rv, 1), "bias")) > 0);
  json_t *subs = json_object_get(j, "submissions");
  for (size_t i = 0; i < json_array_size(subs); i++) {
    json_t *inds = json_object_get(json_array_get(subs, i), "indicators");
    for (size_t k = 0; k < json_array_size(inds); k++) {
      json_t *ind = json_array_get(inds, k);
      json_int_t sug = json_integer_value(json_object_get(ind, "suggested"));
      json_t *pts = json_object_get(ind, "reviewers");
      cr_expect(json_integer_value(json_object_get(pts, "R2")) == sug);
      cr_expect(json_integer_value(json_object_get(pts, "R1")) == (sug > 0 ? sug - 1 : 0));
    }
  }
  json_decref(j);
  qs_run_free(&r);
  /* A sheet whose suggestion was edited: refused, with the cell. */
  char *bad = qs_test_join(f.tmp, "edited.xlsx");
  fill_sheet(r1, bad, one_less, QS_PS_FIRST_ROW + 5);
  const char *argv2[] = {"panel", "collect", "--lang", "en", f.batch, bad, NULL};
  r = run(argv2);
  cr_expect(r.code == 1);
  qs_buf want = {0};
  qs_buf_addf(&want, "edited.xlsx:%d: cell scores!E: the suggestion was edited",
              QS_PS_FIRST_ROW + 5);
  cr_expect(strstr(r.err, want.s) != NULL, "%s", r.err);
  qs_buf_free(&want);
  qs_run_free(&r);
  /* An empty cell is not scored, and not a problem. */
  fill_sheet(r1, bad, only_first_row, 0);
  r = run(argv2);
  cr_expect(r.code == 0, "%s", r.err);
  cr_expect(strstr(r.out, "1 scores") != NULL, "%s", r.out);
  qs_run_free(&r);
  /* The folder: a filled sheet saved over R1.xlsx is left as it is, with a warning. */
  fill_sheet(a1, a1, one_less, 0);
  char *was = qs_test_slurp(a1, NULL);
  char *rvp = qs_test_join(f.tmp, "reviewers.csv");
  const char *argv3[] = {"panel", "sheets", "--lang", "en",    "--reviewers",
                         rvp,     "--out",  again,    f.batch, NULL};
  r = run(argv3);
  cr_expect(r.code == 1, "%d", r.code);
  cr_expect(strstr(r.err, "R1.xlsx: changed since qscore wrote it") != NULL, "%s", r.err);
  char *now = qs_test_slurp(a1, NULL);
  cr_expect(strcmp(was, now) == 0);
  qs_run_free(&r);
  /* A folder that is neither empty nor a panel's: refused. */
  const char *argv4[] = {"panel", "sheets", "--reviewers", rvp, "--out", f.batch, f.batch, NULL};
  r = run(argv4);
  cr_expect(r.code == 2, "%d", r.code);
  qs_run_free(&r);
  free(was);
  free(now);
  free(rvp);
  free(bad);
  free(f1);
  free(f2);
  free(a1);
  free(again);
  free(r1);
  free(r2);
  free(dir);
  teardown(&f);
}

/* ------------------------------------------------------------------ the audit trail */

static long query_long(const char *db, const char *sql) {
  sqlite3 *h;
  cr_assert(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  sqlite3_stmt *q;
  cr_assert(sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(h));
  long v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
  sqlite3_finalize(q);
  sqlite3_close(h);
  return v;
}

static char *query_text(const char *db, const char *sql) {
  sqlite3 *h;
  cr_assert(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK);
  sqlite3_stmt *q;
  cr_assert(sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(h));
  char *v = strdup(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0)
                       ? (const char *)sqlite3_column_text(q, 0)
                       : "");
  sqlite3_finalize(q);
  sqlite3_close(h);
  return v;
}

static char *csv_of(fixture *f, const char *name, const char *reviewer, int delta) {
  qs_buf b = {0};
  qs_buf_add(&b, "reviewer,submission,indicator,points,comment\n");
  for (size_t i = 0; i < f->b.n_subs; i++)
    for (size_t k = 0; k < f->b.subs[i].n_inds; k++) {
      const qs_panel_suggestion *g = &f->b.subs[i].inds[k];
      int p = g->points + delta;
      p = p < 0 ? 0 : p > g->max ? g->max : p;
      qs_buf_addf(&b, "%s,%s,%s,%d,\n", reviewer, f->b.subs[i].id, g->id, p);
    }
  char *path = qs_test_join(f->tmp, name);
  write_file(path, b.s);
  qs_buf_free(&b);
  return path;
}

Test(panel, audit_trail_is_idempotent_and_keeps_versions) {
  fixture f;
  setup(&f);
  char *out = qs_test_join(f.tmp, "panel"), *db = qs_test_join(out, "panel.sqlite");
  char *v1 = csv_of(&f, "r1-v1.csv", "R1", 0), *v2 = csv_of(&f, "r1-v2.csv", "R1", -1);
  char *r2 = csv_of(&f, "r2.csv", "R2", 0);
  const char *a1[] = {"panel", "collect", "--lang", "en", "--out", out, f.batch, v1, r2, NULL};
  qs_run r = run(a1);
  cr_expect(r.code == 0, "%s", r.err);
  qs_run_free(&r);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM imports") == 2);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM scores") == 2 * 96);
  char *json1 = qs_test_join(out, "panel.json");
  char *before = qs_test_slurp(json1, NULL);
  /* The same sheets again: nothing changes, the result neither. */
  r = run(a1);
  cr_expect(r.code == 0, "%s", r.err);
  cr_expect(strstr(r.err, "r1-v1.csv: recorded before; nothing changed") != NULL, "%s", r.err);
  qs_run_free(&r);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM imports") == 2);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM scores") == 2 * 96);
  char *after = qs_test_slurp(json1, NULL);
  cr_expect(strcmp(before, after) == 0);
  /* R1's changed sheet: version 2, version 1 kept; the result uses version 2. */
  const char *a2[] = {"panel", "collect", "--format", "json", "--out", out, f.batch, v2, NULL};
  r = run(a2);
  cr_expect(r.code == 0, "%s", r.err);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM imports WHERE reviewer='R1'") == 2);
  cr_expect(query_long(db, "SELECT MAX(version) FROM imports WHERE reviewer='R1'") == 2);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM scores") == 3 * 96);
  cr_expect(query_long(db, "SELECT version FROM versions WHERE reviewer='R1'") == 2);
  char *sha = query_text(db, "SELECT sha256 FROM imports WHERE reviewer='R1' AND version=1");
  cr_expect(strlen(sha) == 64);
  free(sha);
  json_t *j = json_loads(r.out, 0, NULL);
  cr_assert(j);
  json_t *rv = json_array_get(json_object_get(j, "reviewers"), 0);
  cr_expect_str_eq(json_string_value(json_object_get(rv, "id")), "R1");
  cr_expect(json_number_value(json_object_get(rv, "bias")) < 0, "R1 now scores one below R2");
  json_decref(j);
  qs_run_free(&r);
  free(before);
  free(after);
  free(json1);
  free(v1);
  free(v2);
  free(r2);
  free(db);
  free(out);
  teardown(&f);
}

Test(panel, kill_9_during_an_import_leaves_the_previous_state) {
  fixture f;
  setup(&f);
  char *out = qs_test_join(f.tmp, "panel"), *db = qs_test_join(out, "panel.sqlite");
  /* A large sheet: five reviewers, every cell. */
  static int pts[8][12][5];
  char *csv = simulate(&f, pts);
  char *journal = qs_test_join(out, "panel.sqlite-journal");
  pid_t pid = fork();
  cr_assert(pid >= 0);
  if (pid == 0) {
    setenv("QS_PANEL_TEST_ROW_DELAY_US", "20000", 1);
    int null = open("/dev/null", 1);
    dup2(null, 1);
    dup2(null, 2);
    execl(QS_BIN, QS_BIN, "panel", "collect", "-q", "--out", out, f.batch, csv, (char *)NULL);
    _exit(127);
  }
  /* Wait until the import's transaction is open (its journal exists), then kill -9. */
  struct stat st;
  for (int i = 0; i < 6000 && stat(journal, &st) != 0; i++) {
    struct timespec ts = {0, 5000000};
    nanosleep(&ts, NULL);
  }
  cr_expect(stat(journal, &st) == 0, "the import never began");
  struct timespec ts = {0, 100000000};
  nanosleep(&ts, NULL);
  kill(pid, SIGKILL);
  int status;
  waitpid(pid, &status, 0);
  cr_expect(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the import ended before the kill");
  /* The database opens, is whole, and holds nothing of the sheet or all of it. */
  char *ok = query_text(db, "PRAGMA integrity_check");
  cr_expect_str_eq(ok, "ok");
  free(ok);
  long n = query_long(db, "SELECT COUNT(*) FROM scores");
  long imports = query_long(db, "SELECT COUNT(*) FROM imports");
  cr_expect((n == 0 && imports == 0) || (n == 480 && imports == 5), "%ld scores, %ld imports", n,
            imports);
  /* And the import can be made again, whole. */
  const char *argv[] = {"panel", "collect", "-q", "--out", out, f.batch, csv, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 0, "%s", r.err);
  qs_run_free(&r);
  cr_expect(query_long(db, "SELECT COUNT(*) FROM scores") == 480);
  free(journal);
  free(csv);
  free(db);
  free(out);
  teardown(&f);
}

/* ------------------------------------------------------------------ hostile inputs */

Test(panel, a_broken_batch_or_reviewers_list_is_named_line_by_line) {
  char *tmp = qs_test_tmpdir();
  char *jsonl = qs_test_join(tmp, "results.jsonl");
  write_file(jsonl, "{\"submission\": {\"id\": \"X\"}}\nnot json\n[1, 2]\n\n");
  const char *argv[] = {"panel", "collect", "--lang", "en", tmp, jsonl, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 1, "%d", r.code);
  cr_expect(strstr(r.err, "results.jsonl:1: not a report of qscore batch (indicators)") != NULL,
            "%s", r.err);
  cr_expect(strstr(r.err, "results.jsonl:2: not a report of qscore batch (JSON)") != NULL, "%s",
            r.err);
  cr_expect(strstr(r.err, "results.jsonl:3: not a report of qscore batch") != NULL, "%s", r.err);
  qs_run_free(&r);
  /* No results.jsonl at all. */
  char *none = qs_test_join(tmp, "none");
  const char *argv2[] = {"panel", "collect", "--lang", "en", none, jsonl, NULL};
  r = run(argv2);
  cr_expect(r.code == 1);
  cr_expect(strstr(r.err, "none/results.jsonl: cannot read") != NULL, "%s", r.err);
  qs_run_free(&r);
  free(none);
  free(jsonl);
  qs_test_rmtree(tmp);

  fixture f;
  setup(&f);
  char *rv = qs_test_join(f.tmp, "reviewers.csv");
  write_file(rv, "reviewer,name,submission\n../x,A,*\nR1,A,NOPE\nR2,B,*\nR2,B,*\n");
  char *out = qs_test_join(f.tmp, "sheets");
  const char *argv3[] = {"panel", "sheets", "--lang", "en",    "--reviewers",
                         rv,      "--out",  out,      f.batch, NULL};
  r = run(argv3);
  cr_expect(r.code == 1, "%d", r.code);
  cr_expect(strstr(r.err, "reviewers.csv:2: column A: reviewer id ../x") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "reviewers.csv:3: column C: the batch has no submission NOPE") != NULL,
            "%s", r.err);
  cr_expect(strstr(r.err, "reviewers.csv:5: reviewer R2 is listed twice") != NULL, "%s", r.err);
  struct stat st;
  cr_expect(stat(out, &st) != 0, "nothing written when the list has problems");
  qs_run_free(&r);
  /* Help, and usage errors. */
  const char *help[] = {"help", "panel", NULL};
  r = run(help);
  cr_expect(r.code == 0 && strstr(r.out, "qscore panel sheets") != NULL);
  qs_run_free(&r);
  const char *wrong[] = {"panel", "collect", "--format", "pdf", f.batch, rv, NULL};
  r = run(wrong);
  cr_expect(r.code == 2);
  qs_run_free(&r);
  const char *xlsx[] = {"panel", "collect", "--format", "xlsx", f.batch, rv, NULL};
  r = run(xlsx);
  cr_expect(r.code == 2, "xlsx needs --out");
  qs_run_free(&r);
  const char *nosub[] = {"panel", "shets", NULL};
  r = run(nosub);
  cr_expect(r.code == 2);
  qs_run_free(&r);
  free(out);
  free(rv);
  teardown(&f);
}

Test(panel, random_bytes_are_problems_never_crashes_and_a_later_file_replaces) {
  fixture f;
  setup(&f);
  /* Random bytes and mangled CSV: every read ends with problems or rows, never a crash. */
  uint64_t x = 88172645463325252ull;
  const char *base = "reviewer,submission,indicator,points,comment\nR1,\"a\"\"b\",mechanism,3,\n";
  for (int round = 0; round < 300; round++) {
    char buf[256];
    size_t n = strlen(base);
    memcpy(buf, base, n);
    for (int k = 0; k < 4; k++) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      buf[x % n] = (char)(x >> 32);
    }
    if (round % 50 == 0) {
      memcpy(buf, "PK\x03\x04", 4); /* a "workbook" */
    }
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_panel_sheet sh;
    int rc = qs_panel_sheet_read_buffer(&f.b, NULL, "fuzz.csv", buf, n, &sh, &d);
    cr_expect(rc == 0 || qs_diag_errors(&d) > 0 || d.dropped > 0);
    qs_panel_sheet_free(&sh);
    qs_diag_free(&d);
  }
  /* Without --out, a later file of a reviewer is the reviewer's new version. */
  char *a = csv_of(&f, "a.csv", "R1", 0), *b = csv_of(&f, "b.csv", "R1", -1);
  const char *argv[] = {"panel", "collect", "--format", "csv", f.batch, a, b, NULL};
  qs_run r = run(argv);
  cr_expect(r.code == 0, "%s", r.err);
  /* every row: R1's points are the suggestion minus one (or 0) */
  char *line = strchr(r.out, '\n');
  int rows = 0;
  while (line && line[1]) {
    char sub[128], ind[64];
    int sug, r1;
    char *next = strchr(line + 1, '\n');
    char *last = next ? next - 1 : line + strlen(line) - 1;
    while (last > line && *last != ',')
      last--;
    cr_assert(sscanf(line + 1, "%127[^,],%63[^,],%d", sub, ind, &sug) == 3);
    r1 = atoi(last + 1);
    cr_expect(r1 == (sug > 0 ? sug - 1 : 0), "%s %s: %d", sub, ind, r1);
    rows++;
    line = next;
  }
  cr_expect(rows == 96, "%d rows", rows);
  qs_run_free(&r);
  free(a);
  free(b);
  teardown(&f);
}
