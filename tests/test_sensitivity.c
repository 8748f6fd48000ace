/* test_sensitivity.c -- rescoring without a parse (qs_engine_load/rescore) gives what a fresh
 * score gives; the sensitivity sweep, Kendall's tau-b and the top-k overlap; the command. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "../engine/qs_reads.h"
#include "../engine/qs_render.h"
#include "../panel/qs_sensitivity.h"
#include "helpers.h"

/* ------------------------------------------------------------------ rescore == fresh score */

/* Every indicator's band and points, the total and the triage of two reports are the same. */
static void expect_scores(const qs_report *a, const qs_report *b, const char *what, int held);

static void expect_same_scores(const qs_report *a, const qs_report *b, const char *what) {
  expect_scores(a, b, what, 1);
}

/* Bands, points, flags (and held reasons when held), total and triage of a and b alike. */
static void expect_scores(const qs_report *a, const qs_report *b, const char *what, int held) {
  cr_assert_eq(a->n_results, b->n_results);
  for (size_t i = 0; i < a->n_results; i++) {
    cr_expect_eq(a->results[i].level, b->results[i].level, "%s: %s band %d, fresh %d", what,
                 a->results[i].def->id, a->results[i].level, b->results[i].level);
    cr_expect_eq(a->results[i].points, b->results[i].points, "%s: %s points %d, fresh %d", what,
                 a->results[i].def->id, a->results[i].points, b->results[i].points);
    if (held)
      cr_expect_eq(a->results[i].n_held, b->results[i].n_held, "%s: %s held", what,
                   a->results[i].def->id);
    cr_expect_eq(a->results[i].n_flags, b->results[i].n_flags, "%s: %s flags", what,
                 a->results[i].def->id);
  }
  cr_expect_eq(a->total, b->total, "%s: total", what);
  cr_expect_str_eq(a->triage, b->triage, "%s: triage", what);
}

/* The same, when a has only the scores (qs_engine_rescore_scores): no held reasons; the
 * flags, submission-wide too, are those that carry a severity, which b has too. */
static void expect_same_scores_only(const qs_report *a, const qs_report *b, const char *what) {
  cr_expect_eq(a->n_flags, b->n_flags, "%s: flags", what);
  expect_scores(a, b, what, 0);
}

/* The parameter assignments of a case's <?qscore-param NAME=VALUE?> lines, into params. */
static size_t case_params(const char *xml, char params[][128], size_t cap) {
  size_t n = 0;
  for (const char *p = xml; n < cap && (p = strstr(p, "<?qscore-param ")); p++) {
    const char *v = p + strlen("<?qscore-param "), *end = strstr(v, "?>");
    if (!end || end - v >= 127)
      break;
    snprintf(params[n++], 128, "%.*s", (int)(end - v), v);
  }
  return n;
}

/* Parameter sets over several indicators (some modules run again from a salience: the
 * standards-many rule; from the start: standards-lead-rank), one read by several modules
 * (factor-far-multiple), one only C reads (a triage threshold: nothing runs), one MEASURE
 * reads (everything runs), and one the importer reads (a parse again). */
static const char *const sweeps[][3] = {
    {"standards-many=1", NULL, NULL},
    {"mechanism-meetings-per-year=0.5", "mechanism-actions-many=1", NULL},
    {"management-qms-share=20", "triage-recommend-min=50", NULL},
    {"improvement-marked=1", "improvement-some=0.5", "green-certified-many=1"},
    {"factor-far-multiple=1.5", "standards-lead-rank=1", "quality-stable-tolerance=0.5"},
    {"talent-share-main=10", "sme-joint-min=1", "infrastructure-served-basic=10"},
    {"triage-review-min=80", NULL, NULL},
    {"claim-tolerance=1", NULL, NULL},
    {"window-months=12", NULL, NULL},
};

Test(sensitivity, rescore_equals_fresh_score, .timeout = 600) {
  char **paths;
  size_t n = qs_test_report_inputs(&paths);
  cr_assert_gt(n, 500);
  qs_engine *re = qs_test_engine(), *fresh = qs_test_engine();
  size_t compared = 0, loaded = 0;
  for (size_t i = 0; i < n; i++) {
    if (strstr(paths[i], "hostile"))
      continue; /* refused or limited inputs: no report to compare */
    size_t len;
    char *xml = qs_test_slurp(paths[i], &len);
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_engine_reset_params(re);
    if (qs_engine_load(re, paths[i], xml, len, &d) != QS_OK) {
      qs_diag_free(&d);
      free(xml);
      continue;
    }
    loaded++;
    /* The default, the case's own parameters, each sweep, the default again: each after the
     * other on one load, as a sensitivity run does. */
    char own[8][128];
    size_t n_own = case_params(xml, own, 8);
    size_t n_sets = 2 + sizeof sweeps / sizeof *sweeps + 1;
    /* Only the samples go through every sweep; the cases through their own and two. */
    int sample = strncmp(paths[i], "samples/", 8) == 0;
    for (size_t s = 0; s < n_sets; s++) {
      if (!sample && s >= 2 && s != 2 + (i % (sizeof sweeps / sizeof *sweeps)) && s != n_sets - 1)
        continue;
      qs_engine_reset_params(re);
      qs_engine_reset_params(fresh);
      const char *set[8];
      size_t n_set = 0;
      if (s == 1)
        for (size_t k = 0; k < n_own; k++)
          set[n_set++] = own[k];
      else if (s >= 2 && s < n_sets - 1)
        for (size_t k = 0; k < 3 && sweeps[s - 2][k]; k++)
          set[n_set++] = sweeps[s - 2][k];
      for (size_t k = 0; k < n_set; k++) {
        cr_assert_eq(qs_engine_set_param(re, set[k], &d), 0, "%s", set[k]);
        cr_assert_eq(qs_engine_set_param(fresh, set[k], &d), 0, "%s", set[k]);
      }
      qs_report *a = NULL, *b = NULL, *c = NULL;
      qs_status sa = qs_engine_rescore(re, &a, &d);
      qs_status sb = qs_engine_score_buffer(fresh, paths[i], xml, len, &b, &d);
      char what[512];
      snprintf(what, sizeof what, "%s, set %zu", paths[i], s);
      cr_expect_eq(sa, sb, "%s: status %d, fresh %d", what, sa, sb);
      if (a && b) {
        expect_same_scores(a, b, what);
        /* The whole report, words and all, but for where it came from. */
        char *ja = qs_render_json(a, QS_LANG_EN, 0), *jb = qs_render_json(b, QS_LANG_EN, 0);
        cr_expect_str_eq(ja, jb, "%s: the reports differ", what);
        free(ja);
        free(jb);
        compared++;
      }
      /* The scores alone, after nothing changed: the same. */
      if (sa == QS_OK && qs_engine_rescore_scores(re, &c, &d) == QS_OK && b) {
        strcat(what, ", scores only");
        expect_same_scores_only(c, b, what);
      }
      qs_report_free(a);
      qs_report_free(b);
      qs_report_free(c);
    }
    qs_engine_unload(re);
    qs_diag_free(&d);
    free(xml);
  }
  cr_expect_gt(loaded, 500);
  cr_expect_gt(compared, 1500);
  /* The sweep of window-months parsed again, and that of a parameter MEASURE reads at the
   * salience of its rule that retracts a submission's fact; of the rescores after a load's
   * first, most ran only some modules again. */
  long all, part;
  qs_engine_rerun_counts(re, &all, &part);
  fprintf(stderr, "rescores compared: %zu; %ld ran some modules again, %ld all, %ld parsed again\n",
          compared, part, all, qs_engine_reparses(re));
  cr_expect_gt(qs_engine_reparses(re), 0);
  cr_expect_lt(qs_engine_reparses(re), (long)loaded);
  cr_expect_gt(part, (long)compared / 3);
  qs_engine_free(re);
  qs_engine_free(fresh);
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(paths);
}

/* A score after rescores is a score of its own file: the loaded submission's facts are gone. */
Test(sensitivity, score_after_rescore_is_clean) {
  qs_engine *e = qs_test_engine(), *fresh = qs_test_engine();
  size_t len_a, len_b;
  char *a = qs_test_slurp("samples/zhejiang-ningbo-auto-parts.xml", &len_a);
  char *b = qs_test_slurp("samples/guangxi-liuzhou-luosifen.xml", &len_b);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert_eq(qs_engine_load(e, "a.xml", a, len_a, &d), QS_OK);
  qs_report *r = NULL, *f = NULL;
  cr_assert_eq(qs_engine_set_param(e, "standards-many=1", &d), 0);
  cr_assert_eq(qs_engine_rescore(e, &r, &d), QS_OK);
  qs_report_free(r);
  qs_engine_reset_params(e);
  cr_assert_eq(qs_engine_score_buffer(e, "b.xml", b, len_b, &r, &d), QS_OK);
  cr_assert_eq(qs_engine_score_buffer(fresh, "b.xml", b, len_b, &f, &d), QS_OK);
  expect_same_scores(r, f, "b after a");
  cr_expect_eq(r->n_evidence, f->n_evidence);
  qs_report_free(r);
  qs_report_free(f);
  /* Without a load there is nothing to rescore. */
  cr_expect_neq(qs_engine_rescore(e, &r, &d), QS_OK);
  cr_expect_null(r);
  qs_diag_free(&d);
  free(a);
  free(b);
  qs_engine_free(e);
  qs_engine_free(fresh);
}

/* ------------------------------------------------------------------ rank statistics */

Test(sensitivity, kendall_tau_b_by_hand) {
  /* One discordant pair of ten: (9 - 1) / 10. */
  double a[] = {1, 2, 3, 4, 5}, b[] = {1, 2, 3, 5, 4};
  cr_expect_float_eq(qs_kendall_tau_b(a, b, 5), 0.8, 1e-12);
  cr_expect_float_eq(qs_kendall_tau_b(a, a, 5), 1.0, 1e-12);
  double rev[] = {5, 4, 3, 2, 1};
  cr_expect_float_eq(qs_kendall_tau_b(a, rev, 5), -1.0, 1e-12);
  /* Ties: 4 concordant, one pair tied in x only, one in y only: 4 / sqrt(5 * 5). */
  double x[] = {1, 2, 2, 3}, y[] = {1, 2, 3, 3};
  cr_expect_float_eq(qs_kendall_tau_b(x, y, 4), 0.8, 1e-12);
  /* 1 concordant, one tied in x, one tied in y: 1 / sqrt(2 * 2). */
  double x2[] = {1, 1, 2}, y2[] = {1, 2, 2};
  cr_expect_float_eq(qs_kendall_tau_b(x2, y2, 3), 0.5, 1e-12);
  /* scipy.stats.kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]): -0.47140452079103173. */
  double x3[] = {12, 2, 1, 12, 2}, y3[] = {1, 4, 7, 1, 0};
  cr_expect_float_eq(qs_kendall_tau_b(x3, y3, 5), -0.47140452079103173, 1e-12);
  /* Nothing to rank: all tied in both is agreement; tied in one only is none. */
  double same[] = {3, 3, 3};
  cr_expect_float_eq(qs_kendall_tau_b(same, same, 3), 1.0, 1e-12);
  cr_expect_float_eq(qs_kendall_tau_b(same, a, 3), 0.0, 1e-12);
}

Test(sensitivity, top_k_overlap_by_hand) {
  double a[] = {10, 9, 8, 7, 6}, b[] = {6, 7, 8, 9, 10};
  cr_expect_eq(qs_top_k_overlap(a, b, 5, 2), 0);
  cr_expect_eq(qs_top_k_overlap(a, b, 5, 3), 1); /* the middle one */
  cr_expect_eq(qs_top_k_overlap(a, b, 5, 5), 5);
  cr_expect_eq(qs_top_k_overlap(a, b, 5, 50), 5); /* k cut to n */
  cr_expect_eq(qs_top_k_overlap(a, a, 5, 2), 2);
  /* Ties go by position: the first of equal scores is ranked higher. */
  double t[] = {5, 5, 5, 1}, u[] = {5, 9, 5, 1};
  cr_expect_eq(qs_top_k_overlap(t, u, 4, 1), 0); /* 0 against 1 */
  cr_expect_eq(qs_top_k_overlap(t, u, 4, 2), 2); /* {0, 1} against {1, 0} */
  cr_expect_eq(qs_top_k_overlap(u, t, 4, 3), 3);
}

/* ------------------------------------------------------------------ sweeps */

static qs_sweep_error parse(const char *spec, qs_sweep *s, char **why) {
  static qs_engine *e;
  if (!e)
    e = qs_test_engine();
  return qs_sweep_parse(qs_engine_rubric(e), spec, QS_LANG_EN, s, why);
}

Test(sensitivity, sweep_values) {
  qs_sweep s;
  char *why;
  cr_assert_eq(parse("standards-many=1:6:1", &s, &why), QS_SWEEP_OK);
  cr_expect_eq(s.n_values, 6);
  cr_expect_float_eq(s.values[5], 6, 1e-12);
  qs_sweep_free(&s);
  /* Decimal steps give their decimal values, the last not past TO. */
  cr_assert_eq(parse("mechanism-meetings-per-year=0.1:0.35:0.1", &s, &why), QS_SWEEP_OK);
  cr_expect_eq(s.n_values, 3);
  cr_expect_eq(s.values[2], 0.3);
  qs_sweep_free(&s);
  cr_assert_eq(parse("improvement-marked=0:999:1", &s, &why), QS_SWEEP_OK);
  cr_expect_eq(s.n_values, 1000);
  qs_sweep_free(&s);
}

Test(sensitivity, bad_sweeps) {
  struct {
    const char *spec;
    qs_sweep_error want;
    const char *says;
  } bad[] = {
      {"standards-many=3", QS_SWEEP_SYNTAX, "NAME=FROM:TO:STEP"},
      {"standards-many=1:2", QS_SWEEP_SYNTAX, "NAME=FROM:TO:STEP"},
      {"standards-many=1:2:1:4", QS_SWEEP_SYNTAX, "NAME=FROM:TO:STEP"},
      {"standards-many=a:2:1", QS_SWEEP_SYNTAX, "NAME=FROM:TO:STEP"},
      {"standard-many=1:2:1", QS_SWEEP_UNKNOWN, "standard-many"},
      {"standards-many=0:3:1", QS_SWEEP_RANGE, "standards-many: 0 is outside [1, 1000]"},
      {"standards-many=1:1001:1", QS_SWEEP_RANGE, "1001 is outside [1, 1000]"},
      {"standards-many=5:3:1", QS_SWEEP_ORDER, "FROM 5 is greater than TO 3"},
      {"standards-many=1:3:0", QS_SWEEP_STEP, "greater than 0"},
      {"standards-many=1:3:-1", QS_SWEEP_STEP, "greater than 0"},
      {"standards-many=1:3:0.5", QS_SWEEP_STEP, "whole number"},
      {"improvement-marked=0:1000:0.5", QS_SWEEP_TOO_MANY, "at most 1000"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    qs_sweep s;
    char *why = NULL;
    cr_expect_eq(parse(bad[i].spec, &s, &why), bad[i].want, "%s", bad[i].spec);
    cr_expect(why && strstr(why, bad[i].says), "%s: %s", bad[i].spec, why ? why : "(none)");
    free(why);
    qs_sweep_free(&s);
  }
}

/* ------------------------------------------------------------------ the sweep itself */

static void sweep_files(char *const *paths, size_t n, const qs_sens_run *runs, size_t n_runs,
                        int jobs, qs_sens_scores *sc, qs_sens_result *res) {
  qs_engine *e = qs_test_engine();
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert_eq(qs_sens_score(e, paths, n, runs, n_runs, jobs, sc, &d), 0);
  qs_sens_compare(qs_engine_rubric(e), sc, runs, 10, res);
  qs_diag_free(&d);
  /* The rubric is the engine's: keep it for rendering (the engine is freed at exit). */
}

Test(sensitivity, default_value_changes_nothing) {
  char **paths;
  size_t n = qs_test_xml_files("samples", &paths);
  cr_assert_geq(n, 8);
  qs_sens_run runs[] = {{NULL, 0}, {"standards-many", 3}, {"management-qms-share", 80}};
  qs_sens_scores sc;
  qs_sens_result res;
  sweep_files(paths, n, runs, 3, 1, &sc, &res);
  cr_expect_eq(res.n_scored, n);
  cr_expect_eq(res.top, 8 < n ? n : 8); /* 10 cut to the submissions there are */
  for (size_t k = 0; k < 3; k++) {
    cr_expect_float_eq(res.rows[k].tau, 1.0, 1e-12);
    cr_expect_eq(res.rows[k].top_overlap, res.top);
    cr_expect_eq(res.rows[k].triage_changes, 0);
    cr_expect_eq(res.rows[k].total_changes, 0);
    cr_expect_eq(res.rows[k].any_changes, 0);
  }
  qs_sens_result_free(&res);
  qs_sens_scores_free(&sc);
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(paths);
}

/* A case on a threshold: 4 kinds of alliance members reach band 3 only when
 * mechanism-alliance-kinds is 4 or less (the default is 5); nothing else moves. */
Test(sensitivity, extreme_value_moves_the_expected_indicator) {
  char *paths[] = {"tests/cases/mechanism/alliance-kinds-param-4-at.xml",
                   "tests/cases/standards/many-default-at.xml"};
  qs_sens_run runs[] = {{NULL, 0},
                        {"mechanism-alliance-kinds", 1},
                        {"mechanism-alliance-kinds", 5},
                        {"standards-many", 1000}};
  qs_sens_scores sc;
  qs_sens_result res;
  sweep_files(paths, 2, runs, 4, 1, &sc, &res);
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  int mech = -1, std = -1;
  for (size_t i = 0; i < r->n_inds; i++) {
    if (strcmp(r->inds[i].id, "mechanism") == 0)
      mech = (int)i;
    if (strcmp(r->inds[i].id, "standards") == 0)
      std = (int)i;
  }
  cr_assert(mech >= 0 && std >= 0);
  cr_expect_eq(res.n_scored, 2);
  for (size_t i = 0; i < r->n_inds; i++) {
    cr_expect_eq(res.rows[1].band_changes[i], (int)i == mech ? 1 : 0, "%s", r->inds[i].id);
    cr_expect_eq(res.rows[2].band_changes[i], 0, "%s", r->inds[i].id);
    cr_expect_eq(res.rows[3].band_changes[i], 0, "%s", r->inds[i].id);
  }
  /* Band 3 at 1 kind, not at the default. */
  cr_expect_eq(qs_sens_cell_at(&sc, 0, 1)->level[mech], 3);
  cr_expect_lt(qs_sens_cell_at(&sc, 0, 0)->level[mech], 3);
  /* standards-many = 1000: the many-industry factor goes, a point less in the same band. */
  cr_expect_eq(qs_sens_cell_at(&sc, 1, 3)->points[std],
               qs_sens_cell_at(&sc, 1, 0)->points[std] - 1);
  cr_expect_eq(res.rows[3].total_changes, 1);
  qs_sens_result_free(&res);
  qs_sens_scores_free(&sc);
  qs_engine_free(e);
}

/* Forked workers give the same result as one process. */
Test(sensitivity, jobs_do_not_change_the_result) {
  char **paths;
  size_t n = qs_test_xml_files("samples", &paths);
  qs_sens_run runs[] = {{NULL, 0}, {"mechanism-meetings-per-year", 4}, {"window-months", 12}};
  qs_sens_scores a, b;
  qs_sens_result ra, rb;
  sweep_files(paths, n, runs, 3, 1, &a, &ra);
  sweep_files(paths, n, runs, 3, 3, &b, &rb);
  qs_engine *e = qs_test_engine();
  for (int f = 0; f < 3; f++) {
    const char *fmt = f == 0 ? "text" : f == 1 ? "json" : "html";
    char *x = qs_sens_render(&ra, qs_engine_rubric(e), fmt, QS_LANG_ZH);
    char *y = qs_sens_render(&rb, qs_engine_rubric(e), fmt, QS_LANG_ZH);
    cr_expect_str_eq(x, y, "%s", fmt);
    if (f == 2) {
      cr_expect_not_null(strstr(x, "<svg"));
      cr_expect_null(strstr(x, "<script"));
      cr_expect_null(strstr(x, "http://www.w3.org/1999")); /* nothing fetched */
    }
    free(x);
    free(y);
  }
  cr_expect_gt(ra.rows[1].total_changes, 0);
  qs_sens_result_free(&ra);
  qs_sens_result_free(&rb);
  qs_sens_scores_free(&a);
  qs_sens_scores_free(&b);
  qs_engine_free(e);
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(paths);
}

/* ------------------------------------------------------------------ the command */

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})

Test(sensitivity, command_usage_errors) {
  struct {
    const char *spec, *says;
  } bad[] = {
      {"standards-many=5:3:1", "FROM 5 is greater than TO 3"},
      {"standards-many=1:3:0", "greater than 0"},
      {"standards-many=0:3:1", "standards-many: 0 is outside [1, 1000]"},
      {"standard-many=1:3:1", "did you mean standards-many"},
      {"improvement-marked=0:1000:0.1", "at most 1000"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    qs_run r = RUN("--lang", "en", "sensitivity", "--param", bad[i].spec, "samples");
    cr_expect_eq(r.code, 2, "%s: %d", bad[i].spec, r.code);
    cr_expect(strstr(r.err, bad[i].says), "%s: %s", bad[i].spec, r.err);
    cr_expect_str_eq(r.out, "");
    qs_run_free(&r);
  }
  /* 600 + 600 values: each fine alone, too many together. */
  qs_run r = RUN("--lang", "en", "sensitivity", "--param", "improvement-marked=0:599:1", "--param",
                 "improvement-some=0:599:1", "samples");
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "at most 1000"), "%s", r.err);
  qs_run_free(&r);
  r = RUN("--lang", "en", "sensitivity", "samples");
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "at least one --param"), "%s", r.err);
  qs_run_free(&r);
  r = RUN("--lang", "en", "sensitivity", "--param", "standards-many=1:2:1", "--format", "xml",
          "samples");
  cr_expect_eq(r.code, 2);
  qs_run_free(&r);
}

/* A batch output folder stands for the inputs it scored: the same result as the inputs. */
Test(sensitivity, command_batch_folder, .timeout = 120) {
  char *dir = qs_test_tmpdir();
  char *out = qs_test_join(dir, "out");
  qs_run b = RUN("batch", "-q", "--jobs", "2", "--out", out, "samples");
  cr_assert_eq(b.code, 0, "%s", b.err);
  qs_run_free(&b);
  qs_run x =
      RUN("sensitivity", "--format", "json", "--param", "standards-many=1:4:1", "--top", "3", out);
  qs_run y = RUN("sensitivity", "--format", "json", "--jobs", "1", "--param",
                 "standards-many=1:4:1", "--top", "3", "samples");
  cr_expect_eq(x.code, 0, "%s", x.err);
  cr_expect_eq(y.code, 0, "%s", y.err);
  cr_expect_str_eq(x.out, y.out);
  cr_expect(strstr(x.out, "\"top\": 3"), "%s", x.out);
  cr_expect(strstr(x.out, "\"submissions\": 8"), "%s", x.out);
  qs_run_free(&x);
  qs_run_free(&y);
  free(out);
  qs_test_rmtree(dir);
}

/* A value under which a submission cannot be scored leaves it out of every comparison, says
 * why (file, line, the limit) and exits 1. */
Test(sensitivity, command_value_that_refuses_a_file) {
  qs_run r =
      RUN("--lang", "en", "sensitivity", "--format", "json", "--param", "max-evidence=10:10:1",
          "samples/zhejiang-ningbo-auto-parts.xml", "tests/cases/standards/many-default-at.xml");
  cr_expect_eq(r.code, 1, "%s", r.err);
  cr_expect(strstr(r.out, "\"submissions\": 1"), "%s", r.out);
  cr_expect(strstr(r.out, "zhejiang-ningbo-auto-parts.xml:59: more than 10 items"), "%s", r.out);
  qs_run_free(&r);
}

/* ------------------------------------------------------------------ what runs again */

/* Partial rescores rely on it: no indicator module reads what another concluded, so the
 * order they run in changes no report. */
Test(sensitivity, indicators_do_not_depend_on_each_other, .timeout = 600) {
  char **paths;
  size_t n = qs_test_report_inputs(&paths);
  qs_engine *e = qs_test_engine(), *rev = qs_test_engine();
  qs_engine_reverse_indicators(rev, 1);
  size_t compared = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len;
    char *xml = qs_test_slurp(paths[i], &len);
    char own[8][128];
    size_t n_own = case_params(xml, own, 8);
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_engine_reset_params(e);
    qs_engine_reset_params(rev);
    for (size_t k = 0; k < n_own; k++) {
      cr_assert_eq(qs_engine_set_param(e, own[k], &d), 0);
      cr_assert_eq(qs_engine_set_param(rev, own[k], &d), 0);
    }
    qs_report *a = NULL, *b = NULL;
    qs_status sa = qs_engine_score_buffer(e, paths[i], xml, len, &a, &d);
    qs_status sb = qs_engine_score_buffer(rev, paths[i], xml, len, &b, &d);
    cr_expect_eq(sa, sb, "%s: status %d, reversed %d", paths[i], sa, sb);
    if (a && b) {
      char *ja = qs_render_json(a, QS_LANG_ZH, 0), *jb = qs_render_json(b, QS_LANG_ZH, 0);
      cr_expect_str_eq(ja, jb, "%s: the report changes with the indicators' order", paths[i]);
      free(ja);
      free(jb);
      compared++;
    }
    qs_report_free(a);
    qs_report_free(b);
    qs_diag_free(&d);
    free(xml);
    free(paths[i]);
  }
  free(paths);
  cr_expect_gt(compared, 500);
  qs_engine_free(e);
  qs_engine_free(rev);
}

/* Generated submissions (hundreds of standards, enterprises, metrics), each rescored along a
 * sweep of several parameters one after another, against fresh scores: the whole report. */
Test(sensitivity, rescores_of_generated_submissions_are_fresh_scores, .timeout = 600) {
  char *dir = qs_test_tmpdir();
  qs_test_gensub(dir, "12", "16", "0", "0");
  char **paths;
  size_t n = qs_test_xml_files(dir, &paths);
  cr_assert_eq(n, 12);
  static const char *const steps[] = {
      "standards-many=1",
      "standards-many=9",
      "standards-declaring-enterprises=1",
      "standards-lead-rank=1",
      "talent-share-main=5",
      "factor-far-multiple=1.2",
      "improvement-marked=5",
      "quality-stable-tolerance=9",
      "management-qms-share=10",
      "claim-tolerance=1",
      "sme-joint-min=1",
      "triage-recommend-min=10",
      "mechanism-meetings-per-year=6",
      NULL,
  };
  qs_engine *re = qs_test_engine(), *fresh = qs_test_engine();
  size_t compared = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len;
    char *xml = qs_test_slurp(paths[i], &len);
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_engine_reset_params(re);
    cr_assert_eq(qs_engine_load(re, paths[i], xml, len, &d), QS_OK, "%s", paths[i]);
    /* Each step alone, then back to the defaults (the NULL step). */
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
      qs_engine_reset_params(re);
      qs_engine_reset_params(fresh);
      if (steps[s]) {
        cr_assert_eq(qs_engine_set_param(re, steps[s], &d), 0);
        cr_assert_eq(qs_engine_set_param(fresh, steps[s], &d), 0);
      }
      qs_report *a = NULL, *b = NULL;
      cr_assert_eq(qs_engine_rescore(re, &a, &d), QS_OK, "%s", paths[i]);
      cr_assert_eq(qs_engine_score_buffer(fresh, paths[i], xml, len, &b, &d), QS_OK);
      char *ja = qs_render_json(a, QS_LANG_EN, 0), *jb = qs_render_json(b, QS_LANG_EN, 0);
      cr_expect_str_eq(ja, jb, "%s after %s: the rescore is not the fresh score", paths[i],
                       steps[s] ? steps[s] : "the defaults");
      compared += strcmp(ja, jb) == 0;
      free(ja);
      free(jb);
      qs_report_free(a);
      qs_report_free(b);
    }
    qs_engine_unload(re);
    qs_diag_free(&d);
    free(xml);
    free(paths[i]);
  }
  free(paths);
  long all, part;
  qs_engine_rerun_counts(re, &all, &part);
  cr_expect_gt(part, 0);
  cr_expect_eq(compared, 12 * (sizeof steps / sizeof *steps));
  qs_engine_free(re);
  qs_engine_free(fresh);
  qs_test_rmtree(dir);
}

/* Which rules read which parameter, from the text. */
static void add_name(void *ctx, const char *rule) {
  qs_buf *b = ctx;
  qs_buf_addf(b, "%s ", rule);
}

static char *readers(qs_reads *r, const char *param) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  qs_reads_rules(r, param, add_name, &b);
  return qs_buf_take(&b);
}

Test(sensitivity, rules_that_read_a_parameter) {
  qs_reads *r = qs_reads_new();
  qs_reads_scan(r,
                "; a comment naming alpha\n"
                "(defmodule M (import MAIN ?ALL))\n"
                "(defrule M::by-name \"beta in a string\"\n"
                "  (param (name alpha) (value ?v)) => (assert (x)))\n"
                "(defrule M::none (x) => (printout t \"alpha\" crlf))\n"
                "(deffunction M::helper (?n) (do-for-fact ((?p param)) (eq ?p:name ?n) ?p:value))\n"
                "(deffunction M::indirect () (helper gamma))\n"
                "(defrule M::calls (x) => (indirect))\n"
                "(defrule M::not-name (param (name ~alpha) (value ?v)) => (assert (y)))\n"
                "(defrule M::var-name (param (name ?n) (value ?v)) => (assert (z)))\n"
                "(defrule M::either (param (name beta|delta) (value ?v)) => (assert (w)))\n");
  char *a = readers(r, "alpha"), *b = readers(r, "beta"), *c = readers(r, "delta");
  /* by-name names alpha; calls reaches every param through helper; not-name, var-name and
   * either (a connective in the name) may match any; none only prints the word. */
  cr_expect_str_eq(a, "by-name calls not-name var-name either ");
  cr_expect_str_eq(b, "calls not-name var-name either ");
  cr_expect_str_eq(c, "calls not-name var-name either ");
  free(a);
  free(b);
  free(c);
  /* A deffunction may (return) a value: that steers nothing. */
  qs_reads_scan(r, "(deffunction M::early (?x) (if ?x then (return 1)) 0)\n");
  char *e = readers(r, "epsilon");
  cr_expect_str_eq(e, "calls not-name var-name either ");
  free(e);
  /* A defglobal can carry any value between rules: every rule reads every parameter. */
  qs_reads_scan(r, "(defglobal ?*seen* = 0)\n");
  char *d = readers(r, "epsilon");
  cr_expect_str_eq(d, "by-name none calls not-name var-name either ");
  free(d);
  qs_reads_free(r);
  /* So does a rule that moves the focus, or one that (return)s from its module. */
  static const char *const steering[] = {"(defrule M::f (x) => (focus N))",
                                         "(defrule M::r (x) => (return))",
                                         "(defrule M::e (x) => (eval \"(assert (y))\"))"};
  for (size_t i = 0; i < 3; i++) {
    qs_reads *q = qs_reads_new();
    qs_reads_scan(q, "(defrule M::quiet (x) => (assert (y)))\n");
    qs_reads_scan(q, steering[i]);
    char *f = readers(q, "epsilon");
    cr_expect(strstr(f, "quiet ") != NULL, "%s: %s", steering[i], f);
    free(f);
    qs_reads_free(q);
  }
}

/* With the rules of a folder (rules, removed after), the strong sample loaded once and rescored
 * at each step (NULL: the defaults) against a fresh score: the whole report. Returns how many
 * steps probe found true of the fresh score; *reparses, how often the rescores parsed again. */
static int rescores_are_fresh(char *rules, const char *const *steps, size_t n,
                              int (*probe)(qs_engine *fresh, const char *json), long *reparses) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *re = qs_engine_new(rules, &d), *fresh = qs_engine_new(rules, &d);
  cr_assert(re && fresh, "the rules did not load");
  size_t len;
  const char *path = "samples/zhejiang-ningbo-auto-parts.xml";
  char *xml = qs_test_slurp(path, &len);
  cr_assert_eq(qs_engine_load(re, path, xml, len, &d), QS_OK);
  int found = 0;
  for (size_t s = 0; s < n; s++) {
    qs_engine_reset_params(re);
    qs_engine_reset_params(fresh);
    if (steps[s]) {
      cr_assert_eq(qs_engine_set_param(re, steps[s], &d), 0);
      cr_assert_eq(qs_engine_set_param(fresh, steps[s], &d), 0);
    }
    qs_report *a = NULL, *b = NULL;
    cr_assert_eq(qs_engine_rescore(re, &a, &d), QS_OK);
    cr_assert_eq(qs_engine_score_buffer(fresh, path, xml, len, &b, &d), QS_OK);
    char *ja = qs_render_json(a, QS_LANG_EN, 0), *jb = qs_render_json(b, QS_LANG_EN, 0);
    cr_expect_str_eq(ja, jb, "step %zu (%s): the rescore is not the fresh score", s,
                     steps[s] ? steps[s] : "the defaults");
    found += probe(fresh, jb);
    free(ja);
    free(jb);
    qs_report_free(a);
    qs_report_free(b);
  }
  *reparses = qs_engine_reparses(re);
  qs_engine_free(re);
  qs_engine_free(fresh);
  qs_diag_free(&d);
  free(xml);
  qs_test_rmtree(rules);
  return found;
}

static int meetings_dropped(qs_engine *fresh, const char *json) {
  (void)json;
  return qs_engine_rule_fired(fresh, "drop-meetings-when-demanding") > 0;
}

/* Rules from a folder whose indicator module retracts a fact of the submission when a
 * parameter is high: the rescore that follows cannot go on from the conclusions kept (the
 * fact would stay retracted) and parses again; every rescore is still the fresh score. */
Test(sensitivity, a_rule_that_retracts_is_run_from_the_start, .timeout = 120) {
  char *rules = qs_test_make_rules(
      "zz-test.clp", NULL,
      "(defrule MECHANISM::drop-meetings-when-demanding\n"
      "  \"A test rule: with a high frequency asked, the meetings are dropped.\"\n"
      "  (declare (salience 50))\n"
      "  (param (name mechanism-meetings-per-year) (value ?v&:(> ?v 3)))\n"
      "  ?m <- (meeting)\n"
      "  =>\n"
      "  (retract ?m))\n");
  static const char *const steps[] = {NULL,
                                      "mechanism-meetings-per-year=4",
                                      NULL,
                                      "mechanism-meetings-per-year=2.5",
                                      "mechanism-meetings-per-year=5",
                                      NULL};
  long reparses;
  int dropped =
      rescores_are_fresh(rules, steps, sizeof steps / sizeof *steps, meetings_dropped, &reparses);
  cr_expect_eq(dropped, 2, "the test rule fired %d times, not at 4 and 5 only", dropped);
  cr_expect_gt(reparses, 0);
}

static int cross_flag(qs_engine *fresh, const char *json) {
  (void)fresh;
  return strstr(json, "test-cross-read") != NULL;
}

/* Rules from a folder whose brand module reads what mechanism concluded: the two are not
 * independent, which the run shows (brand fired on a mechanism fact), so a change that reaches
 * mechanism runs it and every module after it again, brand too (without that check, brand's
 * flag stayed when mechanism no longer held the meetings); every rescore is the fresh score. */
Test(sensitivity, a_module_reading_another_runs_everything_again, .timeout = 120) {
  char *rules = qs_test_make_rules(
      "zz-test.clp", NULL,
      "(defrule BRAND::test-reads-mechanism\n"
      "  \"A test rule: brand flags what mechanism concluded.\"\n"
      "  (held (indicator mechanism) (condition regular-meetings))\n"
      "  =>\n"
      "  (assert (flag (indicator brand) (code test-cross-read) (severity error)\n"
      "    (rule test-reads-mechanism) (msg standards-unknown-code.flag) (args \"x\"))))\n");
  static const char *const steps[] = {NULL, "mechanism-meetings-per-year=50", NULL,
                                      "mechanism-meetings-per-year=40"};
  long reparses;
  int flagged =
      rescores_are_fresh(rules, steps, sizeof steps / sizeof *steps, cross_flag, &reparses);
  /* The flag comes and goes with the meetings' condition. */
  cr_expect_eq(flagged, 2, "the test rule flagged %d times, not at the defaults only", flagged);
}
