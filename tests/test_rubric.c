/* test_rubric.c -- the rubric as data and the checks the engine makes on it at load; rules
 * faults (syntax error, two bands for one indicator, runtime error, loops); parameters. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/qs_builtin.h"
#include "../base/qs_util.h"
#include "../engine/qs_render.h"
#include "helpers.h"

/* ------------------------------------------------------------------ a rules folder to edit */

static char rules_dir[64];

/* The built-in rules in a fresh folder, edited (see qs_test_make_rules). */
static void make_rules(const char *name, const char *from, const char *to) {
  char *dir = qs_test_make_rules(name, from, to);
  snprintf(rules_dir, sizeof rules_dir, "%s", dir);
  free(dir);
}

static void remove_rules(void) {
  if (rules_dir[0])
    qs_test_rmtree(qs_xstrdup(rules_dir));
  rules_dir[0] = '\0';
}

/* Load rules_dir; expect failure with needle in the messages. */
static void expect_load_error(const char *needle) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *e = qs_engine_new(rules_dir, &d);
  cr_expect_null(e, "rules with a fault must not load");
  char *buf = qs_diag_string(&d);
  cr_expect(strstr(buf, needle) != NULL, "expected '%s' in: %s", needle, buf);
  free(buf);
  qs_diag_free(&d);
  qs_engine_free(e);
}

/* Load rules_dir (must work), score a sample, expect a rules failure mentioning needle. */
static void expect_run_error(const char *param, const char *needle) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *e = qs_engine_new(rules_dir, &d);
  cr_assert_not_null(e, "%s", d.n ? d.items[0].text : "");
  if (param)
    cr_assert_eq(qs_engine_set_param(e, param, &d), 0);
  qs_report *rep = NULL;
  cr_expect_eq(qs_engine_score(e, "samples/zhejiang-ningbo-auto-parts.xml", &rep, &d), QS_E_RULES);
  cr_expect_null(rep);
  char *buf = qs_diag_string(&d);
  cr_expect(strstr(buf, needle) != NULL, "expected '%s' in: %s", needle, buf);
  free(buf);
  qs_diag_free(&d);
  qs_engine_free(e);
}

TestSuite(rubric, .fini = remove_rules);

/* ------------------------------------------------------------------ the built-in rubric */

Test(rubric, twelve_indicators_in_rubric_order) {
  static const char *const ids[] = {"mechanism", "survey",     "infrastructure", "talent",
                                    "sme",       "management", "development",    "quality",
                                    "green",     "standards",  "brand",          "capability"};
  static const int max[] = {14, 8, 10, 8, 10, 10, 10, 8, 6, 8, 8, 5};
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  cr_assert_eq(r->n_inds, 12);
  for (size_t i = 0; i < 12; i++) {
    cr_expect_str_eq(r->inds[i].id, ids[i]);
    cr_expect_eq(r->inds[i].max, max[i], "%s", ids[i]);
  }
  cr_expect_eq(r->max_total, 105);
  cr_assert_eq(r->n_sections, 3);
  cr_expect_eq(r->sections[0].max, 40);
  cr_expect_eq(r->sections[1].max, 60);
  cr_expect_eq(r->sections[2].max, 5);
  /* The official headings are swapped; the data keeps what they say. */
  cr_expect_eq(r->sections[0].official_max, 60);
  cr_expect_eq(r->sections[1].official_max, 40);
  cr_expect_str_eq(r->edition, "2025");
  qs_engine_free(e);
}

Test(rubric, band_wording_is_the_official_text_verbatim) {
  size_t len;
  char *official = qs_test_slurp("rules/2025/official-zh.txt", &len);
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  size_t bands = 0;
  for (size_t i = 0; i < r->n_inds; i++)
    for (size_t k = 0; k < r->inds[i].n_bands; k++) {
      bands++;
      cr_expect(strstr(official, r->inds[i].bands[k].text) != NULL, "%s band %d: %s", r->inds[i].id,
                r->inds[i].bands[k].level, r->inds[i].bands[k].text);
      cr_expect(strlen(r->inds[i].bands[k].text_en) > 20, "an English gloss");
    }
  cr_expect_eq(bands, 38);
  cr_expect(strstr(official, r->note) != NULL);
  qs_engine_free(e);
  free(official);
}

/* Where a condition's text says what the rubric says, it says it in the rubric's own words: a
 * condition text is "<a fragment of its band's official wording>：<how the scorer checks it>"
 * (or "<fragment>（<qualifier>）", or the fragment alone), and the fragment must occur verbatim
 * in that band's text. Dropping 等 or 控制, or writing 明确 for 准确把握, fails here. */
Test(rubric, condition_texts_quote_their_band_verbatim) {
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  size_t checked = 0;
  for (size_t i = 0; i < r->n_inds; i++) {
    const qs_indicator_def *d = &r->inds[i];
    for (size_t k = 0; k < d->n_conds; k++) {
      const qs_condition *c = &d->conds[k];
      const qs_band *b = qs_indicator_band(d, c->level);
      cr_assert_not_null(b, "%s/%s: band %d", d->id, c->id, c->level);
      const char *colon = strstr(c->text, "："), *paren = strstr(c->text, "（");
      const char *end = colon && (!paren || colon < paren) ? colon : paren;
      size_t n = end ? (size_t)(end - c->text) : strlen(c->text);
      char *head = qs_xstrndup(c->text, n);
      cr_expect(n > 0 && strstr(b->text, head) != NULL,
                "%s band %d, condition %s: «%s» is not the wording of the band: %s", d->id,
                c->level, c->id, head, b->text);
      free(head);
      checked++;
    }
  }
  cr_expect(checked >= 60, "%zu conditions", checked);
  qs_engine_free(e);
}

Test(rubric, scored_indicators_have_conditions_for_every_band) {
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  static const char *const scored[] = {"standards", "brand", "capability"};
  for (size_t i = 0; i < 3; i++) {
    const qs_indicator_def *d = qs_rubric_indicator(r, scored[i]);
    cr_assert_not_null(d);
    cr_expect(d->scored, "%s is scored", scored[i]);
    cr_expect_str_neq(d->module, "");
  }
  qs_engine_free(e);
}

Test(rubric, builtin_and_folder_hash_alike) {
  make_rules(NULL, NULL, NULL);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *a = qs_test_engine();
  qs_engine *b = qs_engine_new(rules_dir, &d);
  cr_assert_not_null(b);
  cr_expect_str_eq(qs_engine_rules_sha256(a), qs_engine_rules_sha256(b));
  cr_expect_eq(strlen(qs_engine_rules_sha256(a)), 64);
  qs_engine_free(a);
  qs_engine_free(b);
  qs_diag_free(&d);
}

/* The built-in rules load from a binary image made at build time (tools/mkimage.c); the same
 * files parsed from text must give byte-identical reports for every sample. */
Test(rubric, the_rules_image_and_the_rules_text_score_alike, .timeout = 120) {
  cr_assert_not_null(qs_builtin_image, "qscore-tests is linked with the rules image");
  cr_assert_not_null(qs_builtin_image[0].name);
  glob_t g;
  cr_assert_eq(glob("samples/*.xml", 0, NULL, &g), 0);
  for (size_t i = 0; i < g.gl_pathc; i++) {
    qs_run a =
        qs_run_cli(NULL, (const char *const[]){"score", "--format", "json", g.gl_pathv[i], NULL});
    qs_run b = qs_run_cli(NULL, (const char *const[]){"score", "--rules", "rules/2025", "--format",
                                                      "json", g.gl_pathv[i], NULL});
    cr_expect_eq(a.code, 0, "%s", a.err);
    cr_expect_eq(b.code, 0, "%s", b.err);
    cr_expect(strcmp(a.out, b.out) == 0, "%s: image and text differ", g.gl_pathv[i]);
    qs_run_free(&a);
    qs_run_free(&b);
  }
  globfree(&g);
}

/* Faulty rules files, used by the library tests and the command-line tests alike. */
static const char LOOP_RULES[] =
    "(defmodule LOOP (import MAIN ?ALL))\n"
    "(deftemplate LOOP::tick (slot n))\n"
    "(defrule LOOP::loop-start (project) => (assert (tick (n 0))))\n"
    "(defrule LOOP::loop-tick ?t <- (tick (n ?n)) => (retract ?t) (assert (tick (n (+ ?n "
    "1)))))\n";
static const char SPIN_RULES[] = "(defmodule SPIN (import MAIN ?ALL))\n"
                                 "(defrule SPIN::spin (project) => (while TRUE do (bind ?x 1)))\n";
static const char CONFLICT_RULES[] =
    "(defmodule CONFLICT (import MAIN ?ALL))\n"
    "(defrule CONFLICT::conflict-force-band (project) =>\n"
    "  (assert (choice (indicator standards) (level 1) (rule conflict-force-band))))\n";
static const char BROKEN_RULE[] =
    "; a broken rule\n\n(defrule MAIN::broken\n  (project (no-such-slot 1))\n  =>)\n";

/* ------------------------------------------------------------------ rubric faults */

Test(rubric, band_outside_the_maximum) {
  make_rules("01-rubric.clp", "(band (indicator standards) (level 3) (min 6) (max 8)",
             "(band (indicator standards) (level 3) (min 6) (max 9)");
  expect_load_error("indicator standards band 3: 6-9 is not inside 0-8");
}

Test(rubric, overlapping_bands) {
  make_rules("01-rubric.clp", "(band (indicator standards) (level 2) (min 3) (max 5)",
             "(band (indicator standards) (level 2) (min 3) (max 6)");
  expect_load_error("bands 2 (3-6) and 3 (6-8) overlap");
}

Test(rubric, top_band_below_the_maximum) {
  make_rules("01-rubric.clp", "(indicator (id green) (section results) (order 9) (max 6)",
             "(indicator (id green) (section results) (order 9) (max 7)");
  expect_load_error("indicator green: the top band ends at 6, not at the maximum 7");
}

Test(rubric, band_without_conditions) {
  make_rules("standards.clp", "(condition (indicator standards) (level 1) (id self-declared)",
             "(condition (indicator standards) (level 2) (id self-declared)");
  expect_load_error("indicator standards: band 1 has no conditions");
}

Test(rubric, parameter_default_out_of_range) {
  make_rules("02-params.clp", "(param (name standards-many) (value 3) (min 1)",
             "(param (name standards-many) (value 0) (min 1)");
  expect_load_error("parameter standards-many: default 0 is outside [1, 1000]");
}

Test(rubric, syntax_error_names_file_and_line) {
  make_rules("99-broken.clp", NULL, BROKEN_RULE);
  qs_buf want = {0};
  qs_buf_addf(&want, "%s/99-broken.clp:4:", rules_dir);
  expect_load_error(want.s);
  qs_buf_free(&want);
}

/* ------------------------------------------------------------------ run faults */

Test(rubric, two_bands_for_one_indicator_is_an_error_naming_the_rules) {
  make_rules("99-conflict.clp", NULL, CONFLICT_RULES);
  expect_run_error(NULL, "indicator standards was given more than one band");
  expect_run_error(NULL, "conflict-force-band");
  expect_run_error(NULL, "select-band");
}

/* DECIDE places the points; the collector checks its arithmetic, so a report never shows
 * points outside the chosen band or a sum that does not add up. */
Test(rubric, placement_that_does_not_add_up_is_a_rules_error) {
  make_rules("03-decide.clp", "(points (min ?sum ?max))", "(points (+ (min ?sum ?max) 1))");
  expect_run_error(NULL, "the points the rules placed for indicator");
  expect_run_error(NULL, "do not fit its band");
}

Test(rubric, placement_missing_is_a_rules_error) {
  make_rules("03-decide.clp", "(declare (salience -16))",
             "(declare (salience -16)) (test (eq 1 2))");
  expect_run_error(NULL, "placements 0");
}

Test(rubric, runtime_error_in_a_rule) {
  make_rules("99-divide.clp", NULL,
             "(defmodule DIVIDE (import MAIN ?ALL))\n"
             "(defrule DIVIDE::divide-by-zero (project) => (bind ?x (div 1 0)))\n");
  expect_run_error(NULL, "error while running the rules");
}

Test(rubric, firing_cap_stops_a_loop) {
  make_rules("99-loop.clp", NULL, LOOP_RULES);
  expect_run_error("run-max-firings=1000", "the rules fired 1000 times");
}

Test(rubric, deadline_stops_a_loop_inside_one_rule) {
  make_rules("99-spin.clp", NULL, SPIN_RULES);
  expect_run_error("run-seconds=1", "longer than 1 seconds");
}

/* A loop of short firings that reaches the deadline before the firing cap is still the rules'
 * (its rule fired more times than there were facts), not a file beyond the limit. */
Test(rubric, deadline_stops_a_loop_of_short_firings, .timeout = 60) {
  make_rules("99-loop.clp", NULL, LOOP_RULES);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *e = qs_engine_new(rules_dir, &d);
  cr_assert_not_null(e);
  cr_assert_eq(qs_engine_set_param(e, "run-max-firings=1000000000", &d), 0);
  cr_assert_eq(qs_engine_set_param(e, "run-seconds=1", &d), 0);
  qs_report *rep = NULL;
  cr_expect_eq(qs_engine_score(e, "samples/zhejiang-ningbo-auto-parts.xml", &rep, &d), QS_E_RULES);
  char *buf = qs_diag_string(&d);
  cr_expect(strstr(buf, "the rules ran longer than 1 seconds (parameter run-seconds); rule "
                        "loop-tick alone fired ") != NULL,
            "%s", buf);
  cr_expect(strstr(buf, "facts the run began with: a loop in the rules (rule loop-tick is at ") !=
                NULL,
            "%s", buf);
  free(buf);
  qs_diag_free(&d);
  qs_engine_free(e);
}

/* A run whose last firing is the cap-th one has finished: it is scored, not stopped. The rules
 * fire as often as the sample needs plus two counted chains of ticks that end exactly at the
 * cap (two, so that neither rule fires more times than there are facts, which would be a
 * loop); one tick more and the file is beyond the limit. */
Test(rubric, a_run_that_ends_exactly_at_the_cap_is_finished) {
  qs_engine *plain = qs_test_engine();
  qs_report *rep = NULL;
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert_eq(qs_engine_score(plain, "samples/zhejiang-ningbo-auto-parts.xml", &rep, &d), QS_OK);
  long base = qs_engine_last_firings(plain);
  qs_report_free(rep);
  qs_engine_free(plain);
  for (long extra = 0; extra <= 1; extra++) {
    /* Each chain: its start fires once, then its next while n < its ticks. */
    long ticks = 1000 - base - 2 + extra, a = ticks / 2, b = ticks - a;
    qs_buf text = {0};
    qs_buf_addf(&text,
                "(defmodule TICKS (import MAIN ?ALL))\n"
                "(deftemplate TICKS::a (slot n))\n"
                "(deftemplate TICKS::b (slot n))\n"
                "(defrule TICKS::a-start (project) => (assert (a (n 0))))\n"
                "(defrule TICKS::a-next ?t <- (a (n ?n&:(< ?n %ld))) => (retract ?t)\n"
                "  (assert (a (n (+ ?n 1)))))\n"
                "(defrule TICKS::b-start (project) => (assert (b (n 0))))\n"
                "(defrule TICKS::b-next ?t <- (b (n ?n&:(< ?n %ld))) => (retract ?t)\n"
                "  (assert (b (n (+ ?n 1)))))\n",
                a, b);
    make_rules("99-ticks.clp", NULL, text.s);
    qs_buf_free(&text);
    qs_engine *e = qs_engine_new(rules_dir, &d);
    cr_assert_not_null(e);
    cr_assert_eq(qs_engine_set_param(e, "run-max-firings=1000", &d), 0);
    qs_status st = qs_engine_score(e, "samples/zhejiang-ningbo-auto-parts.xml", &rep, &d);
    const qs_run_stats *r = qs_engine_last_run(e);
    cr_expect_leq(r->busiest_firings, r->facts_at_start, "no rule outruns the facts");
    cr_expect_eq(r->firings, 1000);
    if (extra == 0) {
      cr_expect_eq(st, QS_OK, "%s", d.n ? d.items[0].text : "");
      cr_expect_str_empty(r->stopped_rule);
    } else {
      cr_expect_eq(st, QS_E_LIMIT, "%s", d.n ? d.items[0].text : "");
      cr_expect_str_not_empty(r->stopped_rule);
    }
    qs_report_free(rep);
    rep = NULL;
    qs_engine_free(e);
    remove_rules();
  }
  qs_diag_free(&d);
}

Test(rubric, held_for_an_undefined_condition) {
  make_rules("99-undefined.clp", NULL,
             "(defmodule UNDEF (import MAIN ?ALL))\n"
             "(defrule UNDEF::undefined-condition (project) =>\n"
             "  (assert (held (indicator standards) (condition no-such-condition)\n"
             "                (rule undefined-condition))))\n");
  expect_run_error(NULL, "no-such-condition");
}

Test(rubric, rule_slot_must_name_a_rule) {
  make_rules("99-misnamed.clp", NULL,
             "(defmodule MISNAMED (import MAIN ?ALL))\n"
             "(defrule MISNAMED::misnamed (project) =>\n"
             "  (assert (flag (code x) (severity info) (rule not-a-rule))))\n");
  expect_run_error(NULL, "not-a-rule");
}

Test(rubric, cited_evidence_must_exist) {
  make_rules(
      "99-ghost.clp", NULL,
      "(defmodule GHOST (import MAIN ?ALL))\n"
      "(defrule GHOST::ghost-evidence (project) =>\n"
      "  (assert (flag (code x) (severity info) (rule ghost-evidence) (evidence \"NOPE\"))))\n");
  expect_run_error(NULL, "NOPE");
}

/* ------------------------------------------------------------------ parameters */

Test(rubric, parameters) {
  qs_engine *e = qs_test_engine();
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_expect_eq(qs_engine_set_param(e, "no-such-param=1", &d), -1);
  cr_expect_eq(qs_engine_set_param(e, "standards-many=2.5", &d), -1, "an integer parameter");
  cr_expect_eq(qs_engine_set_param(e, "standards-many=abc", &d), -1);
  cr_expect_eq(qs_engine_set_param(e, "standards-many=0", &d), -1, "below the minimum");
  cr_expect_eq(qs_engine_set_param(e, "standards-many", &d), -1, "no value");
  cr_expect_eq(qs_engine_set_param(e, "=3", &d), -1, "no name");
  cr_expect_eq(d.n, 6);
  cr_expect(strstr(d.items[0].text, "unknown parameter: no-such-param") != NULL, "%s",
            d.items[0].text);
  cr_expect(strstr(d.items[3].text, "outside [1, 1000]") != NULL, "%s", d.items[3].text);
  cr_expect_eq(qs_engine_set_param(e, "standards-many=7", &d), 0);
  cr_expect_eq(qs_rubric_param(qs_engine_rubric(e), "standards-many")->value, 7);
  cr_expect_eq(qs_rubric_param(qs_engine_rubric(e), "standards-many")->dflt, 3);
  qs_diag_free(&d);
  qs_engine_free(e);
}

Test(rubric, a_parameter_changes_the_outcome) {
  /* The middling sample's industry standards: 3 counted, so standards-many=4 loses a point. */
  qs_engine *e = qs_test_engine();
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_report *before, *after;
  const char *path = "samples/hunan-changsha-construction-machinery.xml";
  cr_assert_eq(qs_engine_score(e, path, &before, &d), QS_OK);
  cr_assert_eq(qs_engine_set_param(e, "standards-many=4", &d), 0);
  cr_assert_eq(qs_engine_score(e, path, &after, &d), QS_OK);
  const qs_result *a = qs_test_result(before, "standards"), *b = qs_test_result(after, "standards");
  cr_expect_eq(a->level, b->level);
  cr_expect_eq(a->points, b->points + 1, "%d then %d", a->points, b->points);
  qs_report_free(before);
  qs_report_free(after);
  qs_diag_free(&d);
  qs_engine_free(e);
}

/* The JSON report of path by engine e (fails the test if it does not score). */
static char *score_json(qs_engine *e, const char *path) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_report *rep;
  cr_assert_eq(qs_engine_score(e, path, &rep, &d), QS_OK, "%s", path);
  char *json = qs_render_json(rep, QS_LANG_EN, 0);
  qs_report_free(rep);
  qs_diag_free(&d);
  return json;
}

/* One engine scores file after file, as a batch worker does: the submission's facts go after
 * each score (and a large submission's memory back to malloc), the parameters are reapplied
 * before the next. Each report must be the one a fresh engine gives for that file alone,
 * whatever came before; a parameter set back to its default must be undone. */
Test(rubric, one_engine_scores_each_file_as_a_fresh_one_would, .timeout = 300) {
  char *dir = qs_test_tmpdir();
  const char *gen[] = {QS_BUILD_DIR "/tools/gensub",
                       "--out",
                       dir,
                       "--count",
                       "1",
                       "--items",
                       "8000",
                       "--seed",
                       "11",
                       NULL};
  cr_assert_eq(qs_test_exec(gen, NULL, NULL, NULL), 0, "gensub failed");
  char *big = qs_test_join(dir, "sub-000001.xml");
  const char *files[] = {
      "samples/zhejiang-ningbo-auto-parts.xml", "samples/guangxi-liuzhou-luosifen.xml", big,
      "samples/zhejiang-ningbo-auto-parts.xml", "samples/jiangsu-suzhou-integrated-circuits.xml"};
  qs_engine *shared = qs_test_engine();
  size_t base = qs_engine_memory(shared);
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char *a = score_json(shared, files[i]);
    /* 8,000 items take CLIPS about 20 MB; the engine keeps at most 16 MB beyond the rules. */
    if (files[i] == big)
      cr_expect_lt(qs_engine_memory(shared), base + ((size_t)16 << 20),
                   "the engine kept %zu bytes after an 8,000-item submission (%zu with the rules "
                   "alone)",
                   qs_engine_memory(shared), base);
    qs_engine *fresh = qs_test_engine();
    char *b = score_json(fresh, files[i]);
    cr_expect(strcmp(a, b) == 0, "%s: the shared engine's report differs from a fresh one's",
              files[i]);
    free(a);
    free(b);
    qs_engine_free(fresh);
  }
  /* A parameter set, then set back to its default. */
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  const char *path = "samples/hunan-changsha-construction-machinery.xml";
  char *plain = score_json(shared, path);
  cr_assert_eq(qs_engine_set_param(shared, "standards-many=4", &d), 0);
  char *changed = score_json(shared, path);
  cr_expect(strcmp(plain, changed) != 0, "standards-many=4 changed nothing");
  const qs_param *p = qs_rubric_param(qs_engine_rubric(shared), "standards-many");
  cr_assert_not_null(p);
  char back[64];
  snprintf(back, sizeof back, "standards-many=%.17g", p->dflt);
  cr_assert_eq(qs_engine_set_param(shared, back, &d), 0);
  char *again = score_json(shared, path);
  cr_expect(strcmp(plain, again) == 0, "setting standards-many back to its default was not undone");
  free(plain);
  free(changed);
  free(again);
  qs_diag_free(&d);
  qs_engine_free(shared);
  free(big);
  qs_test_rmtree(dir);
}

Test(rubric, an_override_reaches_the_rules_intact) {
  /* CLIPS collects a number no fact refers to; an override value that appears nowhere in the
   * rules (977, 37.25) used to reach them as some other value. */
  qs_engine *e = qs_test_engine();
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert_eq(qs_engine_set_param(e, "survey-problems-min=977", &d), 0);
  cr_assert_eq(qs_engine_set_param(e, "improvement-marked=37.25", &d), 0);
  char *xml = qs_test_submission(
      "  <survey>\n"
      "    <problem-list id=\"P1\" date=\"2024-01-01\" title=\"问题清单\" problems=\"5\"/>\n"
      "  </survey>\n");
  qs_report *rep;
  char *diag;
  cr_assert_eq(qs_test_score_text(e, "p.xml", xml, &rep, &diag), QS_OK, "%s", diag);
  const qs_result *s = qs_test_result(rep, "survey");
  cr_assert_eq(s->n_excluded, 1);
  cr_expect(strstr(s->excluded[0].text_en, "(977)") != NULL, "%s", s->excluded[0].text_en);
  qs_report_free(rep);
  free(diag);
  free(xml);
  qs_diag_free(&d);
  qs_engine_free(e);
}

Test(rubric, band_top_must_be_reachable) {
  /* Without its second factor, survey 6-8 could give 7 at most. */
  make_rules("survey.clp",
             "(factor-def (indicator survey) (level 3) (id many-indicators) (points 1)",
             "(factor-def (indicator survey) (level 2) (id many-indicators) (points 1)");
  expect_load_error("indicator survey band 3 (6-8): its factors reach at most 7");
}

Test(rubric, factors_that_are_the_next_band_cannot_all_count) {
  /* infrastructure 1-3 has two factors that are the two conditions of 4-6 and one of its own;
   * without that one, both would mean 4-6, so 1-3 reaches 2 at most. */
  make_rules("infrastructure.clp",
             "(factor-def (indicator infrastructure) (level 1) (id several-facilities)",
             "(factor-def (indicator infrastructure) (level 3) (id several-facilities)");
  expect_load_error("indicator infrastructure band 1 (1-3): its factors reach at most 2");
}

Test(rubric, policy_page_names_every_parameter_and_rule_file) {
  /* docs/POLICY.md must let a reviewer predict the scorer: every parameter and every indicator
   * is described there. */
  char *policy = qs_test_slurp("docs/POLICY.md", NULL);
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  for (size_t i = 0; i < r->n_params; i++) {
    qs_buf name = {0};
    qs_buf_addf(&name, "`%s`", r->params[i].name);
    cr_expect(strstr(policy, name.s) != NULL, "docs/POLICY.md does not mention parameter %s",
              r->params[i].name);
    qs_buf_free(&name);
  }
  for (size_t i = 0; i < r->n_inds; i++)
    for (size_t k = 0; k < r->inds[i].n_conds; k++) {
      qs_buf name = {0};
      qs_buf_addf(&name, "`%s`", r->inds[i].conds[k].id);
      cr_expect(strstr(policy, name.s) != NULL,
                "docs/POLICY.md does not mention condition %s of %s", r->inds[i].conds[k].id,
                r->inds[i].id);
      qs_buf_free(&name);
    }
  qs_engine_free(e);
  free(policy);
}

/* Every text of the rubric's conditions, placement factors, bands and parameters exists in
 * English and states the same figures as the Chinese (an English reviewer reads "at least 1",
 * not a different threshold). */
static void same_numbers(const char *what, const char *zh, const char *en) {
  cr_expect(en && en[0], "%s: no English text", what);
  if (!en)
    return;
  char *a = qs_test_numbers(zh), *b = qs_test_numbers(en);
  cr_expect_str_eq(a, b, "%s: different numbers:\n    %s\n    %s", what, zh, en);
  free(a);
  free(b);
}

Test(rubric, english_texts_carry_the_chinese_figures) {
  qs_engine *e = qs_test_engine();
  const qs_rubric *r = qs_engine_rubric(e);
  for (size_t i = 0; i < r->n_inds; i++) {
    const qs_indicator_def *d = &r->inds[i];
    for (size_t k = 0; k < d->n_bands; k++)
      same_numbers(d->id, d->bands[k].text, d->bands[k].text_en);
    for (size_t k = 0; k < d->n_conds; k++)
      same_numbers(d->conds[k].id, d->conds[k].text, d->conds[k].text_en);
    for (size_t k = 0; k < d->n_factors; k++)
      same_numbers(d->factors[k].id, d->factors[k].text, d->factors[k].text_en);
  }
  for (size_t i = 0; i < r->n_params; i++)
    same_numbers(r->params[i].name, r->params[i].text, r->params[i].text_en);
  qs_engine_free(e);
}

/* ------------------------------------------------------------------ faults at the command line */

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})
#define SAMPLE "samples/zhejiang-ningbo-auto-parts.xml"

static char *fmt_line(const char *fmt, const char *a) {
  qs_buf b = {0};
  qs_buf_addf(&b, fmt, a);
  return qs_buf_take(&b);
}

/* `qscore score` with the edited rules: exit 3, nothing on stdout, exactly want on stderr. */
static void expect_cli_rules_error(const char *param, const char *want) {
  qs_run r = param ? RUN("score", "--lang", "en", "--rules", rules_dir, "--param", param, SAMPLE)
                   : RUN("score", "--lang", "en", "--rules", rules_dir, SAMPLE);
  cr_expect_eq(r.code, 3, "exit %d: %s", r.code, r.err);
  cr_expect_str_empty(r.out, "nothing scored");
  cr_expect_str_eq(r.err, want);
  qs_run_free(&r);
}

Test(rubric, cli_syntax_error_exit_3_names_file_and_line_and_batch_scores_nothing) {
  make_rules("99-broken.clp", NULL, BROKEN_RULE);
  qs_run r = RUN("score", "--lang", "en", "--rules", rules_dir, SAMPLE);
  cr_expect_eq(r.code, 3);
  cr_expect_str_empty(r.out);
  char *want =
      fmt_line("qscore: error: %s/99-broken.clp:4: syntax error in rules: [TMPLTDEF1] Invalid "
               "slot no-such-slot not defined in corresponding deftemplate project.",
               rules_dir);
  cr_expect(strncmp(r.err, want, strlen(want)) == 0, "got: %s\nwant: %s", r.err, want);
  free(want);
  qs_run_free(&r);
  /* A batch with half-loadable rules writes nothing at all. */
  char *out = qs_test_join(rules_dir, "out");
  r = RUN("batch", "-q", "--lang", "en", "--rules", rules_dir, "--out", out, "samples");
  cr_expect_eq(r.code, 3);
  cr_expect(access(out, F_OK) != 0, "no output folder for a batch that cannot score");
  qs_run_free(&r);
  free(out);
}

/* A loop at the firing cap is the rules' fault (exit 3): its rule fired more times than there
 * were facts when the run began, which no rule that does not feed itself can do. The counts in
 * the message are the library's for the same rules and file (checked for what they mean). */
Test(rubric, cli_loop_exit_3_names_a_rule_of_the_loop) {
  make_rules("99-loop.clp", NULL, LOOP_RULES);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_engine *e = qs_engine_new(rules_dir, &d);
  cr_assert_not_null(e);
  cr_assert_eq(qs_engine_set_param(e, "run-max-firings=1000", &d), 0);
  qs_report *rep = NULL;
  cr_expect_eq(qs_engine_score(e, SAMPLE, &rep, &d), QS_E_RULES);
  const qs_run_stats *st = qs_engine_last_run(e);
  cr_expect_eq(st->firings, 1000);
  cr_expect_str_eq(st->busiest_rule, "loop-tick");
  cr_expect_gt(st->busiest_firings, st->facts_at_start, "a loop outruns the facts");
  qs_buf want = {0};
  qs_buf_addf(&want,
              "qscore: error: " SAMPLE
              ": the rules fired 1000 times, the limit (parameter run-max-firings); "
              "rule loop-tick alone fired %ld times, more than the %ld facts the run "
              "began with: a loop in the rules (rule loop-tick is at %s/99-loop.clp:4)\n",
              st->busiest_firings, st->facts_at_start, rules_dir);
  expect_cli_rules_error("run-max-firings=1000", want.s);
  qs_buf_free(&want);
  qs_diag_free(&d);
  qs_engine_free(e);
}

/* A rule stuck in the actions of one firing past the deadline is the rules' fault (exit 3). */
Test(rubric, cli_endless_rule_exit_3_names_it) {
  make_rules("99-spin.clp", NULL, SPIN_RULES);
  char *want = fmt_line("qscore: error: " SAMPLE ": the rules ran longer than 1 seconds (parameter "
                        "run-seconds), most of it in one firing of rule spin: a loop in "
                        "its actions (rule spin is at %s/99-spin.clp:2)\n",
                        rules_dir);
  expect_cli_rules_error("run-seconds=1", want);
  free(want);
}

Test(rubric, cli_division_by_zero_exit_3_names_the_rule_and_batch_says_the_rules_failed) {
  make_rules("99-divide.clp", NULL,
             "(defmodule DIVIDE (import MAIN ?ALL))\n"
             "; the division is in the second line of the rule\n"
             "(defrule DIVIDE::divide-by-zero (project)\n  => (bind ?x (/ 1 0)))\n");
  char *want = fmt_line("qscore: error: " SAMPLE
                        ": error while running the rules: [PRNTUTIL7] Attempt to divide by zero in "
                        "/ function. [PRCCODE4] Execution halted during the actions of defrule "
                        "divide-by-zero. (rule divide-by-zero is at %s/99-divide.clp:3)\n",
                        rules_dir);
  expect_cli_rules_error(NULL, want);
  free(want);
  /* A batch: every file lands in errors.csv as a rules failure, none in the table, exit 3. */
  char *out = qs_test_join(rules_dir, "out");
  qs_run r = RUN("batch", "-q", "--lang", "en", "--rules", rules_dir, "--out", out, "samples");
  cr_expect_eq(r.code, 3, "%s", r.err);
  cr_expect(strstr(r.err, "the rules failed on 8 files") != NULL, "%s", r.err);
  char *errors_path = qs_test_join(out, "errors.csv"),
       *table_path = qs_test_join(out, "triage.csv");
  size_t len;
  char *errors = qs_test_slurp(errors_path, &len), *table = qs_test_slurp(table_path, &len);
  size_t rules_rows = 0;
  for (const char *p = errors; (p = strstr(p, ",rules,\"error while running the rules")); p++)
    rules_rows++;
  cr_expect_eq(rules_rows, 8, "%s", errors);
  cr_expect_eq(strchr(table, '\n') ? strlen(strchr(table, '\n') + 1) : 1, 0, "no row scored: %s",
               table);
  free(errors);
  free(table);
  free(errors_path);
  free(table_path);
  free(out);
  qs_run_free(&r);
}

Test(rubric, cli_two_bands_exit_3_names_both_rules_and_where) {
  make_rules("99-conflict.clp", NULL, CONFLICT_RULES);
  qs_run r = RUN("score", "--lang", "en", "--rules", rules_dir, SAMPLE);
  cr_expect_eq(r.code, 3);
  cr_expect_str_empty(r.out);
  char *want =
      fmt_line("qscore: error: " SAMPLE ": indicator standards was given more than one band: 1 "
               "(conflict-force-band, %s/99-conflict.clp:2), 3 (select-band, ",
               rules_dir);
  cr_expect(strncmp(r.err, want, strlen(want)) == 0, "got: %s\nwant: %s", r.err, want);
  cr_expect(strstr(r.err, "/03-decide.clp:") != NULL, "%s", r.err);
  free(want);
  qs_run_free(&r);
}
