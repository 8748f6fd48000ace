/* test_calibrate.c -- a simulated panel whose scores are the suggestions under one parameter
 * deliberately shifted: calibration must point at that parameter and a value near the shift. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "../panel/qs_sensitivity.h"
#include "helpers.h"

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})

Test(calibrate, values_tried) {
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  double *v;
  /* An integer parameter: whole numbers, the default and five either side among them. */
  size_t n = qs_cal_values(qs_rubric_param(r, "standards-many"), &v);
  cr_expect_eq(v[0], 1);
  cr_expect_eq(v[n - 1], 1000);
  int has[9] = {0};
  for (size_t i = 0; i < n; i++) {
    cr_expect_eq(v[i], floor(v[i]));
    if (i)
      cr_expect_gt(v[i], v[i - 1]);
    if (v[i] <= 8)
      has[(int)v[i]] = 1;
  }
  for (int k = 1; k <= 8; k++)
    cr_expect(has[k], "standards-many %d not tried", k);
  free(v);
  /* A decimal one: steps of a tenth of the default around it (2: 1.0, 1.2 ... 3.0). */
  n = qs_cal_values(qs_rubric_param(r, "mechanism-meetings-per-year"), &v);
  int found = 0;
  for (size_t i = 0; i < n; i++)
    found += v[i] == 1.2 || v[i] == 2 || v[i] == 3;
  cr_expect_eq(found, 3);
  free(v);
  qs_engine_free(e);
}

Test(calibrate, points_at_the_shifted_parameter, .timeout = 300) {
  char *dir = qs_test_tmpdir();
  char *out = qs_test_join(dir, "out");
  qs_run b = RUN("batch", "-q", "--jobs", "2", "--as-of", "2025-12-31", "--out", out, "samples");
  cr_assert_eq(b.code, 0, "%s", b.err);
  qs_run_free(&b);

  /* The panel's truth: the rules with mechanism-meetings-per-year at 3 instead of 2. */
  qs_engine *truth = qs_test_engine(), *e = qs_test_engine();
  qs_engine_set_as_of(truth, 20251231);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert_eq(qs_engine_set_param(truth, "mechanism-meetings-per-year=3", &d), 0);
  qs_panel_batch batch;
  cr_assert_eq(qs_panel_batch_load(out, qs_engine_rubric(e), &batch, &d), 0);
  cr_assert_eq(batch.n_subs, 8);
  qs_buf csv = {0};
  qs_buf_add(&csv, "reviewer,submission,indicator,points,comment\n");
  for (size_t s = 0; s < batch.n_subs; s++) {
    qs_report *rep;
    cr_assert_eq(qs_engine_score(truth, batch.subs[s].file, &rep, &d), QS_OK);
    for (int rv = 1; rv <= 3; rv++)
      for (size_t i = 0; i < rep->n_results; i++)
        qs_buf_addf(&csv, "R%d,%s,%s,%d,\n", rv, batch.subs[s].id, rep->results[i].def->id,
                    rep->results[i].points);
    qs_report_free(rep);
  }
  char *csv_path = qs_test_join(dir, "scores.csv");
  FILE *fp = fopen(csv_path, "w");
  cr_assert_not_null(fp);
  fputs(csv.s, fp);
  fclose(fp);
  qs_buf_free(&csv);

  qs_panel_sheet sh;
  cr_assert_eq(qs_panel_sheet_read(&batch, NULL, csv_path, &sh, &d), 0);
  qs_panel_scores scores;
  qs_panel_scores_init(&scores);
  qs_panel_scores_add(&scores, &sh);
  qs_panel_sheet_free(&sh);
  qs_panel_result res;
  qs_panel_compute(&batch, NULL, &scores, 5, &res);
  qs_calibration cal;
  cr_assert_eq(qs_calibrate(e, &batch, &res, "mechanism", 2, &cal, &d), 0);
  cr_assert_eq(cal.n_inds, 1);
  cr_expect_eq(cal.n_failed, 0);
  cr_expect_eq(cal.baseline_mismatch, 0);
  const qs_cal_indicator *ci = &cal.inds[0];
  cr_expect_eq(ci->n_panel, 8);
  cr_expect_gt(ci->below, 0); /* a stricter panel */
  cr_expect_eq(ci->above, 0);
  /* Among what the overridden suggestions rested on: the shifted parameter. */
  int named = 0;
  for (size_t i = 0; i < ci->n_drivers; i++)
    named |= ci->drivers[i].is_param &&
             strcmp(ci->drivers[i].name, "mechanism-meetings-per-year") == 0 &&
             ci->drivers[i].below > 0;
  cr_expect(named);
  cr_assert_gt(ci->n_params, 1);
  /* The most improved parameter is the shifted one, at a value near the shift that agrees
   * with the panel exactly. */
  const qs_cal_param *top = &ci->params[0];
  cr_expect_str_eq(top->param->name, "mechanism-meetings-per-year");
  cr_expect_gt(top->default_mad, 0);
  cr_expect_float_eq(top->best_mad, 0, 1e-9);
  cr_expect(top->best_value > 2 && top->best_value <= 3.2, "best %g", top->best_value);
  cr_expect_gt(top->changed, 0);
  /* Every other parameter improves less. */
  for (size_t p = 1; p < ci->n_params; p++)
    cr_expect_lt(ci->params[p].default_mad - ci->params[p].best_mad,
                 top->default_mad - top->best_mad, "%s", ci->params[p].param->name);
  char *text = qs_calibration_render(&cal, "text", QS_LANG_EN);
  cr_expect(strstr(text, "mechanism-meetings-per-year: default 2"), "%s", text);
  char *json = qs_calibration_render(&cal, "json", QS_LANG_ZH);
  cr_expect(strstr(json, "\"name\": \"mechanism-meetings-per-year\""), "%s", json);
  char *html = qs_calibration_render(&cal, "html", QS_LANG_ZH);
  cr_expect(strstr(html, "<svg"), "the shifted parameter's plot");
  cr_expect_null(strstr(html, "<script"));
  cr_expect(strstr(html, "mechanism-meetings-per-year"));
  free(html);
  free(text);
  free(json);
  /* The command says the same; an unknown indicator is a usage error with the nearest. */
  qs_run c = RUN("--lang", "en", "panel", "calibrate", "--indicator", "mechanism", "--jobs", "2",
                 out, csv_path);
  cr_expect_eq(c.code, 0, "%s", c.err);
  cr_expect(strstr(c.out, "mechanism-meetings-per-year: default 2"), "%s", c.out);
  cr_expect_null(strstr(c.out, "(standards)"), "%s", c.out);
  qs_run_free(&c);
  c = RUN("--lang", "en", "panel", "calibrate", "--indicator", "mechanisn", out, csv_path);
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "mechanism"), "%s", c.err);
  qs_run_free(&c);
  c = RUN("--lang", "en", "panel", "calibrate", out);
  cr_expect_eq(c.code, 2);
  cr_expect(strstr(c.err, "at least one SCORES"), "%s", c.err);
  qs_run_free(&c);
  qs_calibration_free(&cal);
  qs_panel_result_free(&res);
  qs_panel_scores_free(&scores);
  qs_panel_batch_free(&batch);
  qs_diag_free(&d);
  qs_engine_free(truth);
  qs_engine_free(e);
  free(csv_path);
  free(out);
  qs_test_rmtree(dir);
}
