/* test_import.c -- the importer: valid and invalid submissions, hostile XML (entities,
 * DOCTYPE, billion laughs), values carrying CLIPS syntax that must stay inert, and the facts
 * the walk produces. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "helpers.h"

static qs_engine *engine;

static void setup(void) { engine = qs_test_engine(); }
static void teardown(void) { qs_engine_free(engine); }

TestSuite(import, .init = setup, .fini = teardown);

/* Score a test data file; returns status and the diagnostics text. */
static qs_status score_file(const char *path, qs_report **rep, char **diag) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_status st = qs_engine_score(engine, path, rep, &d);
  char *buf = qs_diag_string(&d);
  *diag = buf;
  qs_diag_free(&d);
  return st;
}

Test(import, every_sample_is_valid_and_scores) {
  static const char *const samples[] = {
      "samples/zhejiang-ningbo-auto-parts.xml",
      "samples/hunan-changsha-construction-machinery.xml",
      "samples/guangxi-liuzhou-luosifen.xml",
  };
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    qs_report *rep = NULL;
    char *diag;
    qs_status st = score_file(samples[i], &rep, &diag);
    cr_expect_eq(st, QS_OK, "%s: %s", samples[i], diag);
    if (rep) {
      cr_expect_eq(rep->n_results, 12);
      cr_expect(rep->n_evidence > 20, "%s: evidence index filled", samples[i]);
      cr_expect_str_eq(rep->window_start, rep->work_start);
    }
    qs_report_free(rep);
    free(diag);
  }
}

Test(import, minimal_submission_and_window) {
  char *xml = qs_test_submission(NULL);
  qs_report *rep;
  char *diag;
  cr_assert_eq(qs_test_score_text(engine, "min.xml", xml, &rep, &diag), QS_OK, "%s", diag);
  cr_expect_str_eq(rep->id, "T-1");
  cr_expect_str_eq(rep->title, "测试项目");
  cr_expect_str_eq(rep->province, "330000");
  cr_expect_str_eq(rep->window_start, "2023-03-01");
  cr_expect_str_eq(rep->window_end, "2025-03-01");
  cr_expect_eq(rep->window_months, 24);
  const qs_evidence *e = qs_report_evidence(rep, "E1");
  cr_assert_not_null(e);
  cr_expect_str_eq(e->label, "甲集团");
  cr_expect_eq(e->line, 11);
  qs_report_free(rep);
  free(diag);
  free(xml);
}

static void expect_rejected(const char *path, const char *needle) {
  qs_report *rep = NULL;
  char *diag;
  qs_status st = score_file(path, &rep, &diag);
  cr_expect_eq(st, QS_E_INPUT, "%s must be rejected", path);
  cr_expect_null(rep);
  cr_expect(strstr(diag, path) != NULL, "the message names the file: %s", diag);
  cr_expect(strstr(diag, needle) != NULL, "%s: expected '%s' in: %s", path, needle, diag);
  qs_report_free(rep);
  free(diag);
}

Test(import, external_entity_is_refused) {
  expect_rejected("tests/hostile/xxe-file.xml", "DOCTYPE");
  /* The line of the DOCTYPE. */
  qs_report *rep = NULL;
  char *diag;
  score_file("tests/hostile/xxe-file.xml", &rep, &diag);
  cr_expect(strstr(diag, "tests/hostile/xxe-file.xml:2:") != NULL, "%s", diag);
  cr_expect(strstr(diag, "root:") == NULL, "no trace of /etc/passwd: %s", diag);
  free(diag);
}

Test(import, external_dtd_is_refused) {
  expect_rejected("tests/hostile/xxe-network.xml", "DOCTYPE");
}

Test(import, billion_laughs_is_refused_at_once) {
  expect_rejected("tests/hostile/billion-laughs.xml", "DOCTYPE");
}

Test(import, not_xml_empty_truncated) {
  expect_rejected("tests/hostile/not-xml.xml", "not well-formed XML");
  expect_rejected("tests/hostile/empty.xml", "empty");
  expect_rejected("tests/hostile/truncated.xml", "not well-formed XML");
}

Test(import, wrong_namespace) {
  expect_rejected("tests/hostile/wrong-namespace.xml", "not a 2025 submission");
}

Test(import, schema_errors_name_the_line) {
  qs_report *rep = NULL;
  char *diag;
  cr_assert_eq(score_file("tests/hostile/invalid-schema.xml", &rep, &diag), QS_E_INPUT);
  /* 2023-02-30 is not a date (line 7); E9 is not an enterprise (line 14). */
  cr_expect(strstr(diag, "invalid-schema.xml:7:") != NULL, "%s", diag);
  cr_expect(strstr(diag, "'2023-02-30'") != NULL, "%s", diag);
  cr_expect(strstr(diag, "invalid-schema.xml:14:") != NULL, "%s", diag);
  cr_expect(strstr(diag, "['E9']") != NULL, "%s", diag);
  cr_expect(strstr(diag, "{urn:qscore") == NULL, "namespaces stripped from messages: %s", diag);
  free(diag);
}

Test(import, missing_file) {
  qs_report *rep = NULL;
  char *diag;
  cr_expect_eq(score_file("tests/hostile/does-not-exist.xml", &rep, &diag), QS_E_INPUT);
  cr_expect(strstr(diag, "does-not-exist.xml") != NULL && strstr(diag, "cannot read") != NULL, "%s",
            diag);
  free(diag);
}

Test(import, clips_syntax_stays_inert) {
  unlink("/tmp/qscore-injection-proof");
  qs_report *rep = NULL;
  char *diag;
  cr_assert_eq(score_file("tests/hostile/clips-injection.xml", &rep, &diag), QS_OK, "%s", diag);
  /* Stored verbatim. */
  cr_expect_str_eq(rep->title, "x\") (assert (held (indicator standards) (condition "
                               "national-or-international) (rule standards-count) (evidence "
                               "\"S1\"))) ;");
  cr_expect_str_eq(rep->chain, "(eval \"(assert (injected))\")");
  /* No band came from text: the one group standard gives band 2, brand has none. */
  const qs_result *std = qs_test_result(rep, "standards");
  cr_expect_eq(std->level, 2, "standards band %d", std->level);
  const qs_result *brand = qs_test_result(rep, "brand");
  cr_expect_eq(brand->level, 0);
  cr_expect_eq(brand->points, 0);
  /* The enterprise name reached the reason text as the string it is. */
  int found = 0;
  for (size_t i = 0; i < std->n_reasons; i++)
    found |= strstr(std->reasons[i].text, "(assert (injected))") != NULL;
  cr_expect(found, "the name with CLIPS syntax is quoted in a reason");
  cr_expect(access("/tmp/qscore-injection-proof", F_OK) != 0, "no file was opened");
  qs_report_free(rep);
  free(diag);
}

Test(import, too_large_is_refused) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  cr_assert_eq(qs_engine_set_param(engine, "max-input-mb=1", &d), 0);
  char path[] = "/tmp/qs-big-XXXXXX";
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  char block[4096];
  memset(block, ' ', sizeof block);
  for (int i = 0; i < 300; i++)
    cr_assert_eq(write(fd, block, sizeof block), (ssize_t)sizeof block);
  close(fd);
  qs_report *rep = NULL;
  cr_expect_eq(qs_engine_score(engine, path, &rep, &d), QS_E_INPUT);
  cr_expect(d.n == 1 && strstr(d.items[0].text, "1 MiB"), "%s", d.n ? d.items[0].text : "");
  unlink(path);
  qs_diag_free(&d);
}

Test(import, the_same_input_gives_the_same_report) {
  size_t len;
  char *xml = qs_test_slurp("samples/zhejiang-ningbo-auto-parts.xml", &len);
  qs_report *a, *b;
  cr_assert_eq(qs_test_score_text(engine, "x.xml", xml, &a, NULL), QS_OK);
  cr_assert_eq(qs_test_score_text(engine, "x.xml", xml, &b, NULL), QS_OK);
  cr_expect_eq(a->total, b->total);
  cr_expect_str_eq(a->sha256, b->sha256);
  for (size_t i = 0; i < a->n_results; i++) {
    cr_expect_eq(a->results[i].points, b->results[i].points);
    cr_expect_eq(a->results[i].n_reasons, b->results[i].n_reasons);
    cr_expect_eq(a->results[i].n_excluded, b->results[i].n_excluded);
  }
  qs_report_free(a);
  qs_report_free(b);
  free(xml);
}

/* docs/POLICY.md §2.5: section 1's "定期" rates are averaged over the months of the window that
 * had passed by the scoring day (when it comes before the window's end), but over at least
 * rate-months-min; after the window, over the whole window. Two meetings in 2024 of a window
 * 2024-01-01 .. 2026-01-01 are 2 a year on 2024-10-15 (9 months elapsed, 12 the least), 1.33 a
 * year on 2025-07-01 (18 months) and 1 a year once the window is over. */
static const qs_reason *held_condition(const qs_result *r, const char *id) {
  for (size_t i = 0; i < r->n_held; i++)
    if (!r->held[i].is_factor && strcmp(r->held[i].condition, id) == 0)
      return &r->held[i];
  return NULL;
}

static int regular_meetings(long as_of, const char *param, char **text) {
  static const char xml[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<submission xmlns=\"urn:qscore:submission:2025\" edition=\"2025\">\n"
      "  <project id=\"T-RATE\"><title>测试项目</title>\n"
      "    <region province=\"330000\" city=\"330200\">浙江省宁波市</region>\n"
      "    <chain>汽车零部件</chain><work-start>2024-01-01</work-start>\n"
      "    <applicants><applicant "
      "kind=\"government\">宁波市市场监督管理局</applicant></applicants>\n"
      "  </project>\n"
      "  <enterprises><enterprise id=\"E1\" credit-code=\"91350100M000100Y43\" "
      "role=\"chain-leader\" size=\"large\"><name>甲集团</name></enterprise></enterprises>\n"
      "  <mechanism>\n"
      "    <meeting id=\"MT1\" date=\"2024-03-10\" title=\"联席会议（第1次）\" kind=\"meeting\"/>\n"
      "    <meeting id=\"MT2\" date=\"2024-08-20\" title=\"联席会议（第2次）\" kind=\"meeting\"/>\n"
      "  </mechanism>\n"
      "</submission>\n";
  qs_engine *e = qs_test_engine();
  if (param) {
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    cr_assert_eq(qs_engine_set_param(e, param, &d), 0, "%s", param);
    qs_diag_free(&d);
  }
  qs_engine_set_as_of(e, as_of);
  qs_report *rep;
  char *diag;
  cr_assert_eq(qs_test_score_text(e, "rate.xml", xml, &rep, &diag), QS_OK, "%s", diag);
  const qs_reason *h = held_condition(qs_test_result(rep, "mechanism"), "regular-meetings");
  if (text)
    *text = h ? qs_xstrdup(h->text_en) : NULL;
  int held = h != NULL;
  qs_report_free(rep);
  free(diag);
  qs_engine_free(e);
  return held;
}

Test(import, section_one_rates_are_averaged_over_the_months_elapsed) {
  char *text = NULL;
  cr_expect(regular_meetings(20241015, NULL, &text), "9 months elapsed, 12 the least: 2 a year");
  cr_expect(text && strstr(text, "from 2024-01-01 to 2025-01-01, 2 a year") != NULL, "%s",
            text ? text : "(not held)");
  free(text);
  cr_expect(!regular_meetings(20241015, "rate-months-min=24", NULL),
            "24 months the least: 1 a year");
  cr_expect(!regular_meetings(20250701, NULL, NULL), "18 months elapsed: 1.33 a year");
  cr_expect(!regular_meetings(20260601, NULL, NULL), "the whole window: 1 a year");
  cr_expect(regular_meetings(20260601, "mechanism-meetings-per-year=1", NULL),
            "the whole window: 1 a year meets 1");
}

Test(import, the_samples_reach_every_band_of_every_indicator) {
  /* issue 3: the bundled samples together show every band, and no band wherever the lowest
   * band needs evidence (everywhere but survey, whose lowest band describes absence). */
  glob_t g;
  cr_assert_eq(glob("samples/*.xml", 0, NULL, &g), 0);
  cr_assert(g.gl_pathc >= 8, "at least eight samples, found %zu", g.gl_pathc);
  const qs_rubric *r = qs_engine_rubric(engine);
  char seen[16][8] = {{0}};
  for (size_t k = 0; k < g.gl_pathc; k++) {
    qs_report *rep = NULL;
    char *diag;
    cr_assert_eq(score_file(g.gl_pathv[k], &rep, &diag), QS_OK, "%s: %s", g.gl_pathv[k], diag);
    for (size_t i = 0; i < rep->n_results && i < 16; i++)
      seen[i][rep->results[i].level] = 1;
    qs_report_free(rep);
    free(diag);
  }
  globfree(&g);
  for (size_t i = 0; i < r->n_inds; i++) {
    for (size_t level = 1; level <= r->inds[i].n_bands; level++)
      cr_expect(seen[i][level], "no sample reaches band %zu of %s", level, r->inds[i].id);
    if (strcmp(r->inds[i].id, "survey") != 0)
      cr_expect(seen[i][0], "no sample has no band for %s", r->inds[i].id);
  }
}

/* Replace the first from in *text by to (the test's own edits of a rules file). */
static void replace_once(char **text, const char *from, const char *to) {
  char *at = strstr(*text, from);
  cr_assert(at, "the rules no longer contain %s", from);
  qs_buf b = {0};
  qs_buf_addn(&b, *text, (size_t)(at - *text));
  qs_buf_add(&b, to);
  qs_buf_add(&b, at + strlen(from));
  free(*text);
  *text = qs_buf_take(&b);
}

/* The build-time check of the evidence model (tools/checkmodel, run by the Makefile before
 * qscore is linked) passes on the rules as they are, and on a copy of them whose deftemplates
 * disagree with the schema it names each disagreement: the schema's attribute and line, the
 * deftemplate's file and line, and what to do. */
Test(import, the_model_check_names_each_disagreement) {
  const char *ok_argv[] = {QS_BUILD_DIR "/tools/checkmodel", "rules/2025", NULL};
  cr_expect_eq(qs_test_exec(ok_argv, NULL, NULL, NULL), 0, "checkmodel fails on rules/2025");

  char *dir = qs_test_tmpdir();
  glob_t g;
  cr_assert_eq(glob("rules/2025/*.clp", 0, NULL, &g), 0);
  for (size_t i = 0; i < g.gl_pathc; i++) {
    size_t len;
    char *text = qs_test_slurp(g.gl_pathv[i], &len);
    if (strstr(g.gl_pathv[i], "00-templates.clp")) {
      replace_once(&text, "  (slot position (type STRING))\n", "");
      replace_once(&text, "(slot hours (type FLOAT) (default -1.0))",
                   "(slot hours (type INTEGER) (default -1))");
      replace_once(&text, "(slot end (type STRING)) (slot end-day (type INTEGER)))",
                   "(slot end (type STRING)))");
    }
    char *out = qs_test_join(dir, strrchr(g.gl_pathv[i], '/') + 1);
    FILE *f = fopen(out, "w");
    cr_assert(f);
    fputs(text, f);
    fclose(f);
    free(out);
    free(text);
  }
  globfree(&g);
  char *err = qs_test_join(dir, "checkmodel.err");
  const char *argv[] = {QS_BUILD_DIR "/tools/checkmodel", dir, NULL};
  cr_expect_eq(qs_test_exec(argv, NULL, err, NULL), 1);
  size_t len;
  char *text = qs_test_slurp(err, &len);
  cr_expect(strstr(text, "schemas/submission-2025.xsd:") &&
                strstr(text, ": attribute position of element project/chain-chief has no slot "
                             "position in deftemplate chain-chief (") &&
                strstr(text, "/00-templates.clp:") &&
                strstr(text, "or list the attribute as an exception in importers/project.c"),
            "%s", text);
  cr_expect(strstr(text, "attribute end of element mechanism/improvement-action has no slot "
                         "end-day in deftemplate improvement-action"),
            "%s", text);
  cr_expect(strstr(text, "attribute hours of element talent/training is a number (xs:decimal), "
                         "which the importer puts as FLOAT, but slot hours of deftemplate "
                         "training ("),
            "%s", text);
  cr_expect(strstr(text, "checkmodel: 3 problems"), "%s", text);
  free(text);
  free(err);
  qs_test_rmtree(dir);
}
