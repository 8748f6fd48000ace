/* test_sensitivity.c -- rescoring without a parse (qs_engine_load/rescore) gives what a fresh
 * score gives; the sensitivity sweep, Kendall's tau-b and the top-k overlap; the command. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "../panel/qs_sensitivity.h"
#include "helpers.h"

/* ------------------------------------------------------------------ rescore == fresh score */

/* Every indicator's band and points, the total and the triage of two reports are the same. */
static void expect_same_scores(const qs_report *a, const qs_report *b, const char *what) {
  cr_assert_eq(a->n_results, b->n_results);
  for (size_t i = 0; i < a->n_results; i++) {
    cr_expect_eq(a->results[i].level, b->results[i].level, "%s: %s band %d, fresh %d", what,
                 a->results[i].def->id, a->results[i].level, b->results[i].level);
    cr_expect_eq(a->results[i].points, b->results[i].points, "%s: %s points %d, fresh %d", what,
                 a->results[i].def->id, a->results[i].points, b->results[i].points);
    cr_expect_eq(a->results[i].n_held, b->results[i].n_held, "%s: %s held", what,
                 a->results[i].def->id);
    cr_expect_eq(a->results[i].n_flags, b->results[i].n_flags, "%s: %s flags", what,
                 a->results[i].def->id);
  }
  cr_expect_eq(a->total, b->total, "%s: total", what);
  cr_expect_str_eq(a->triage, b->triage, "%s: triage", what);
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

/* Parameter sets over several indicators, and one the importer reads (a parse again). */
static const char *const sweeps[][3] = {
    {"standards-many=1", NULL, NULL},
    {"mechanism-meetings-per-year=0.5", "mechanism-actions-many=1", NULL},
    {"management-qms-share=20", "triage-recommend-min=50", NULL},
    {"improvement-marked=1", "improvement-some=0.5", "green-certified-many=1"},
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
      qs_report *a = NULL, *b = NULL;
      qs_status sa = qs_engine_rescore(re, &a, &d);
      qs_status sb = qs_engine_score_buffer(fresh, paths[i], xml, len, &b, &d);
      char what[512];
      snprintf(what, sizeof what, "%s, set %zu", paths[i], s);
      cr_expect_eq(sa, sb, "%s: status %d, fresh %d", what, sa, sb);
      if (a && b) {
        expect_same_scores(a, b, what);
        compared++;
      }
      qs_report_free(a);
      qs_report_free(b);
    }
    qs_engine_unload(re);
    qs_diag_free(&d);
    free(xml);
  }
  cr_expect_gt(loaded, 500);
  cr_expect_gt(compared, 1500);
  /* The sweep of window-months parsed again; nothing else did. */
  cr_expect_gt(qs_engine_reparses(re), 0);
  cr_expect_lt(qs_engine_reparses(re), (long)loaded);
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
