/* test_cli.c -- the qscore command: exit codes, the JSON report's shape (docs/REPORT-JSON.md), text
 * output, languages, determinism, validate and rubric. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

#define STRONG "samples/zhejiang-ningbo-auto-parts.xml"
#define MIDDLING "samples/hunan-changsha-construction-machinery.xml"
#define WEAK "samples/guangxi-liuzhou-luosifen.xml"

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})

static json_t *parse(const char *text) {
  json_error_t err;
  json_t *j = json_loads(text, 0, &err);
  cr_assert_not_null(j, "JSON: %s at line %d", err.text, err.line);
  return j;
}

/* ------------------------------------------------------------------ exit codes */

Test(cli, version_and_help) {
  qs_run r = RUN("--version");
  cr_expect_eq(r.code, 0);
  cr_expect(strncmp(r.out, "qscore ", 7) == 0, "%s", r.out);
  qs_run_free(&r);
  r = RUN("--help");
  cr_expect_eq(r.code, 0);
  cr_expect(strstr(r.out, "退出码") != NULL, "Chinese by default");
  qs_run_free(&r);
  r = RUN("--help", "--lang", "en");
  cr_expect_eq(r.code, 0);
  cr_expect(strstr(r.out, "exit codes: 0 everything scored") != NULL, "%s", r.out);
  qs_run_free(&r);
}

/* Every subcommand has its own help, in both languages, naming its own usage line. */
Test(cli, help_per_subcommand) {
  const char *cmds[] = {"score", "explain", "validate", "batch", "rubric"};
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
    char usage_en[64], usage_zh[64];
    snprintf(usage_en, sizeof usage_en, "usage: qscore %s", cmds[i]);
    snprintf(usage_zh, sizeof usage_zh, "用法：qscore %s", cmds[i]);
    qs_run r = RUN(cmds[i], "--help", "--lang", "en");
    cr_expect_eq(r.code, 0, "%s --help", cmds[i]);
    cr_expect(strstr(r.out, usage_en) == r.out, "%s: %s", cmds[i], r.out);
    cr_expect(strstr(r.out, "usage: qscore COMMAND") == NULL, "%s help is its own", cmds[i]);
    qs_run_free(&r);
    r = RUN(cmds[i], "-h");
    cr_expect_eq(r.code, 0);
    cr_expect(strstr(r.out, usage_zh) == r.out, "%s: %s", cmds[i], r.out);
    qs_run_free(&r);
  }
}

Test(cli, usage_errors_exit_2) {
  const char *const *cases[] = {
      (const char *const[]){NULL},
      (const char *const[]){"frobnicate", NULL},
      (const char *const[]){"--no-such-option", "score", STRONG, NULL},
      (const char *const[]){"score", NULL},
      (const char *const[]){"score", STRONG, MIDDLING, NULL},
      (const char *const[]){"score", "--format", "pdf", STRONG, NULL},
      (const char *const[]){"score", "--lang", "fr", STRONG, NULL},
      (const char *const[]){"score", "--param", "no-such=1", STRONG, NULL},
      (const char *const[]){"score", "--param", "standards-many=x", STRONG, NULL},
      (const char *const[]){"score", "--param", "window-months=0", STRONG, NULL},
      (const char *const[]){"score", "--param", "triage-review-min=90", STRONG, NULL},
      (const char *const[]){"validate", NULL},
      (const char *const[]){"rubric", STRONG, NULL},
      (const char *const[]){"score", "--rules", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    qs_run r = qs_run_cli(NULL, cases[i]);
    cr_expect_eq(r.code, 2, "case %zu: exit %d, stderr %s", i, r.code, r.err);
    cr_expect(r.err[0] != '\0', "case %zu says why", i);
    cr_expect_str_eq(r.out, "", "case %zu prints nothing on stdout", i);
    qs_run_free(&r);
  }
}

Test(cli, invalid_input_exits_1_naming_file_and_line) {
  qs_run r = RUN("score", "tests/hostile/invalid-schema.xml");
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.err, "qscore: 错误: tests/hostile/invalid-schema.xml: 第 7 行: ") == r.err,
            "%s", r.err);
  qs_run_free(&r);
  r = RUN("score", "--lang", "en", "tests/hostile/invalid-schema.xml");
  cr_expect(strstr(r.err, "qscore: error: tests/hostile/invalid-schema.xml:7: ") == r.err, "%s",
            r.err);
  cr_expect_str_eq(r.out, "");
  qs_run_free(&r);
  static const char *const hostile[] = {
      "tests/hostile/xxe-file.xml", "tests/hostile/billion-laughs.xml",
      "tests/hostile/xxe-network.xml", "tests/hostile/not-xml.xml", "tests/hostile/empty.xml"};
  for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
    r = RUN("score", "--format", "json", hostile[i]);
    cr_expect_eq(r.code, 1, "%s: %d %s", hostile[i], r.code, r.err);
    cr_expect(strstr(r.err, hostile[i]) != NULL, "%s", r.err);
    qs_run_free(&r);
  }
}

Test(cli, rules_error_exits_3) {
  qs_run r = RUN("score", "--rules", "/nonexistent/rules", STRONG);
  cr_expect_eq(r.code, 3, "%s", r.err);
  cr_expect(strstr(r.err, "/nonexistent/rules") != NULL, "%s", r.err);
  qs_run_free(&r);
  r = RUN("rubric", "--rules", "tests/hostile");
  cr_expect_eq(r.code, 3, "a folder without rules");
  qs_run_free(&r);
}

Test(cli, validate) {
  qs_run r = RUN("validate", "--lang", "en", STRONG, WEAK, "tests/hostile/truncated.xml");
  cr_expect_eq(r.code, 1, "one file is invalid");
  cr_expect(strstr(r.out, STRONG ": valid") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "tests/hostile/truncated.xml: invalid") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, WEAK ": error wrong credit code check character (credit-code-check): ") !=
                NULL,
            "%s", r.out);
  cr_expect(strstr(r.out, "(brand/award-kind-mismatch): ") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "\"points\"") == NULL && strstr(r.out, "not-scored") == NULL,
            "no scores: %s", r.out);
  qs_run_free(&r);
  r = RUN("validate", "-q", STRONG);
  cr_expect_eq(r.code, 0);
  qs_run_free(&r);
}

/* ------------------------------------------------------------------ the JSON report */

/* Every id attribute of the submission. */
static int has_id(xmlNode *n, const char *id) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
    int hit = v && strcmp((const char *)v, id) == 0;
    xmlFree(v);
    if (hit || has_id(n->children, id))
      return 1;
  }
  return 0;
}

static void check_cited(xmlDocPtr doc, json_t *arr, const char *where) {
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    cr_assert(json_is_string(v));
    cr_expect(has_id(xmlDocGetRootElement(doc), json_string_value(v)), "%s cites %s, not in input",
              where, json_string_value(v));
  }
}

static void check_report(const char *path) {
  qs_run r = RUN("score", "--format", "json", path);
  cr_assert_eq(r.code, 0, "%s: %s", path, r.err);
  json_t *j = parse(r.out);
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
  cr_assert_not_null(doc);

  static const char *const top[] = {"qscore_version", "edition",    "rules_sha256", "input",
                                    "submission",     "indicators", "sections",     "total",
                                    "max_total",      "triage",     "flags"};
  for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
    cr_expect_not_null(json_object_get(j, top[i]), "%s: no %s", path, top[i]);
  cr_expect_str_eq(json_string_value(json_object_get(j, "edition")), "2025");
  cr_expect_eq(strlen(json_string_value(json_object_get(j, "rules_sha256"))), 64);
  json_t *input = json_object_get(j, "input");
  cr_expect_str_eq(json_string_value(json_object_get(input, "path")), path);
  cr_expect_eq(strlen(json_string_value(json_object_get(input, "sha256"))), 64);
  json_t *sub = json_object_get(j, "submission");
  static const char *const subkeys[] = {"id", "title", "region", "chain", "work_start"};
  for (size_t i = 0; i < 5; i++)
    cr_expect(json_is_string(json_object_get(sub, subkeys[i])), "submission.%s", subkeys[i]);

  static const char *const ids[] = {"mechanism", "survey",     "infrastructure", "talent",
                                    "sme",       "management", "development",    "quality",
                                    "green",     "standards",  "brand",          "capability"};
  json_t *inds = json_object_get(j, "indicators");
  cr_assert_eq(json_array_size(inds), 12);
  json_int_t total = 0, sec[3] = {0, 0, 0};
  for (size_t i = 0; i < 12; i++) {
    json_t *ind = json_array_get(inds, i);
    const char *id = json_string_value(json_object_get(ind, "id"));
    cr_expect_str_eq(id, ids[i], "rubric order");
    json_t *band = json_object_get(ind, "band");
    json_int_t points = json_integer_value(json_object_get(ind, "points"));
    json_int_t max = json_integer_value(json_object_get(ind, "max"));
    cr_expect(points >= 0 && points <= max, "%s: %lld of %lld", id, (long long)points,
              (long long)max);
    if (json_is_null(band)) {
      cr_expect_eq(points, 0, "%s: no band, no points", id);
      cr_expect(json_array_size(json_object_get(ind, "flags")) > 0, "%s: a flag says why", id);
    } else {
      json_int_t lo = json_integer_value(json_object_get(band, "min"));
      json_int_t hi = json_integer_value(json_object_get(band, "max"));
      cr_expect(lo <= points && points <= hi, "%s: %lld inside %lld-%lld", id, (long long)points,
                (long long)lo, (long long)hi);
      cr_expect(strlen(json_string_value(json_object_get(band, "text"))) > 10);
      cr_expect(json_array_size(json_object_get(ind, "reasons")) > 0, "%s: reasons", id);
    }
    if (!json_is_true(json_object_get(ind, "scored"))) {
      cr_expect(json_is_null(band), "%s unscored has no band", id);
      json_t *f = json_array_get(json_object_get(ind, "flags"), 0);
      cr_expect_str_eq(json_string_value(json_object_get(f, "code")), "not-scored");
    }
    size_t k;
    json_t *x;
    json_array_foreach(json_object_get(ind, "reasons"), k, x) {
      cr_expect(json_is_string(json_object_get(x, "rule")));
      cr_expect(json_is_string(json_object_get(x, "text")));
      check_cited(doc, json_object_get(x, "evidence"), id);
    }
    json_array_foreach(json_object_get(ind, "excluded"), k, x) {
      json_t *one = json_array();
      json_array_append(one, json_object_get(x, "evidence"));
      check_cited(doc, one, id);
      json_decref(one);
      cr_expect(json_is_string(json_object_get(x, "text")));
    }
    json_array_foreach(json_object_get(ind, "gaps"), k, x) {
      cr_expect(json_is_string(json_object_get(x, "text")));
      cr_expect(json_is_object(json_object_get(x, "band")));
    }
    json_array_foreach(json_object_get(ind, "flags"), k, x) {
      const char *sev = json_string_value(json_object_get(x, "severity"));
      cr_expect(strcmp(sev, "info") == 0 || strcmp(sev, "warning") == 0 ||
                strcmp(sev, "error") == 0);
      cr_expect(json_is_string(json_object_get(x, "code")));
      check_cited(doc, json_object_get(x, "evidence"), id);
    }
    total += points;
    const char *s = json_string_value(json_object_get(ind, "section"));
    sec[strcmp(s, "measures") == 0 ? 0 : strcmp(s, "results") == 0 ? 1 : 2] += points;
  }
  cr_expect_eq(json_integer_value(json_object_get(j, "total")), total);
  cr_expect_eq(json_integer_value(json_object_get(j, "max_total")), 105);
  json_t *secs = json_object_get(j, "sections");
  cr_assert_eq(json_array_size(secs), 3);
  static const char *const sids[] = {"measures", "results", "bonus"};
  static const json_int_t smax[] = {40, 60, 5};
  for (size_t i = 0; i < 3; i++) {
    json_t *s = json_array_get(secs, i);
    cr_expect_str_eq(json_string_value(json_object_get(s, "id")), sids[i]);
    cr_expect_eq(json_integer_value(json_object_get(s, "max")), smax[i]);
    cr_expect_eq(json_integer_value(json_object_get(s, "points")), sec[i]);
  }
  const char *triage = json_string_value(json_object_get(j, "triage"));
  cr_expect(strcmp(triage, "recommend") == 0 || strcmp(triage, "review") == 0 ||
            strcmp(triage, "reject") == 0);
  xmlFreeDoc(doc);
  json_decref(j);
  qs_run_free(&r);
}

Test(cli, json_report_shape_for_every_sample) {
  check_report(STRONG);
  check_report(MIDDLING);
  check_report(WEAK);
}

Test(cli, scores_the_samples_as_the_rubric_says) {
  /* What each sample's evidence supports (see the samples' header comments). */
  static const struct {
    const char *path, *id;
    int min, max, points;
  } want[] = {
      {STRONG, "standards", 6, 8, 8},  {STRONG, "brand", 6, 8, 8},
      {STRONG, "capability", 4, 4, 4}, {MIDDLING, "standards", 3, 5, 5},
      {MIDDLING, "brand", 3, 5, 5},    {MIDDLING, "capability", 3, 3, 3},
      {WEAK, "standards", 1, 2, 2},    {WEAK, "brand", 1, 2, 2},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    qs_run r = RUN("score", "--format", "json", want[i].path);
    json_t *j = parse(r.out);
    json_t *inds = json_object_get(j, "indicators");
    size_t k;
    json_t *ind;
    json_array_foreach(inds, k, ind) {
      if (strcmp(json_string_value(json_object_get(ind, "id")), want[i].id) != 0)
        continue;
      json_t *band = json_object_get(ind, "band");
      cr_expect_eq(json_integer_value(json_object_get(band, "min")), want[i].min, "%s %s",
                   want[i].path, want[i].id);
      cr_expect_eq(json_integer_value(json_object_get(band, "max")), want[i].max, "%s %s",
                   want[i].path, want[i].id);
      cr_expect_eq(json_integer_value(json_object_get(ind, "points")), want[i].points, "%s %s",
                   want[i].path, want[i].id);
    }
    json_decref(j);
    qs_run_free(&r);
  }
  /* The weak sample has no proven capability level: no band, 0 points. */
  qs_run r = RUN("score", "--format", "json", WEAK);
  json_t *j = parse(r.out);
  json_t *cap = json_array_get(json_object_get(j, "indicators"), 11);
  cr_expect(json_is_null(json_object_get(cap, "band")));
  cr_expect_str_eq(json_string_value(json_object_get(j, "triage")), "review");
  json_decref(j);
  qs_run_free(&r);
}

Test(cli, output_is_deterministic) {
  qs_run a = RUN("score", "--format", "json", STRONG);
  qs_run b = RUN("score", "--format", "json", STRONG);
  cr_expect_eq(a.code, 0);
  cr_expect_str_eq(a.out, b.out);
  qs_run_free(&a);
  qs_run_free(&b);
  a = RUN("score", STRONG);
  b = RUN("score", STRONG);
  cr_expect_str_eq(a.out, b.out);
  qs_run_free(&a);
  qs_run_free(&b);
}

Test(cli, stdin_and_output_file) {
  qs_run a = qs_run_cli(STRONG, (const char *const[]){"score", "--format", "json", "-", NULL});
  cr_expect_eq(a.code, 0, "%s", a.err);
  char path[] = "/tmp/qs-out-XXXXXX";
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  close(fd);
  qs_run b = RUN("score", "--format", "json", "-o", path, STRONG);
  cr_expect_eq(b.code, 0);
  cr_expect_str_eq(b.out, "");
  char *written = qs_test_slurp(path, NULL);
  json_t *ja = parse(a.out), *jb = parse(written);
  cr_expect_eq(json_integer_value(json_object_get(ja, "total")),
               json_integer_value(json_object_get(jb, "total")));
  cr_expect_str_eq(json_string_value(json_object_get(json_object_get(ja, "input"), "sha256")),
                   json_string_value(json_object_get(json_object_get(jb, "input"), "sha256")));
  json_decref(ja);
  json_decref(jb);
  free(written);
  unlink(path);
  qs_run_free(&a);
  qs_run_free(&b);
}

Test(cli, chinese_and_english_carry_the_same_numbers) {
  qs_run zh = RUN("score", "--format", "json", MIDDLING);
  qs_run en = RUN("score", "--format", "json", "--lang", "en", MIDDLING);
  json_t *a = parse(zh.out), *b = parse(en.out);
  cr_expect_eq(json_integer_value(json_object_get(a, "total")),
               json_integer_value(json_object_get(b, "total")));
  for (size_t i = 0; i < 12; i++) {
    json_t *x = json_array_get(json_object_get(a, "indicators"), i);
    json_t *y = json_array_get(json_object_get(b, "indicators"), i);
    cr_expect_eq(json_integer_value(json_object_get(x, "points")),
                 json_integer_value(json_object_get(y, "points")));
    /* The official band wording stays Chinese in both. */
    json_t *bx = json_object_get(x, "band"), *by = json_object_get(y, "band");
    if (!json_is_null(bx))
      cr_expect_str_eq(json_string_value(json_object_get(bx, "text")),
                       json_string_value(json_object_get(by, "text")));
  }
  json_decref(a);
  json_decref(b);
  qs_run_free(&zh);
  qs_run_free(&en);
  qs_run t = RUN("score", "--lang", "en", MIDDLING);
  cr_expect(strstr(t.out, "Total: ") != NULL && strstr(t.out, "Triage: ") != NULL, "%s", t.out);
  cr_expect(strstr(t.out, "链上主要企业积极参与制修订行业标准") != NULL, "official wording kept");
  qs_run_free(&t);
}

Test(cli, text_report) {
  qs_run r = RUN("score", WEAK);
  cr_expect_eq(r.code, 0);
  cr_expect(strstr(r.out, "总分: 13 / 105") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "== standards 标准提档: 2 / 8 ==") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "[AW02]") != NULL, "cites evidence ids");
  qs_run_free(&r);
}

Test(cli, param_on_the_command_line_changes_the_outcome) {
  qs_run a = RUN("score", "--format", "json", STRONG);
  qs_run b = RUN("score", "--format", "json", "--param", "window-months=6", STRONG);
  cr_expect_eq(b.code, 0, "%s", b.err);
  json_t *ja = parse(a.out), *jb = parse(b.out);
  /* A 6-month window leaves out the strong sample's national standards of 2024. */
  json_t *sa = json_array_get(json_object_get(ja, "indicators"), 9);
  json_t *sb = json_array_get(json_object_get(jb, "indicators"), 9);
  cr_expect_eq(json_integer_value(json_object_get(json_object_get(sa, "band"), "level")), 3);
  cr_expect(json_integer_value(json_object_get(sb, "points")) <
                json_integer_value(json_object_get(sa, "points")),
            "fewer points with a shorter window");
  cr_expect_str_eq(json_string_value(json_object_get(
                       json_object_get(json_object_get(jb, "submission"), "window"), "end")),
                   "2023-09-01");
  json_decref(ja);
  json_decref(jb);
  qs_run_free(&a);
  qs_run_free(&b);
}

/* ------------------------------------------------------------------ rubric */

Test(cli, rubric_lists_indicators_and_parameters) {
  qs_run r = RUN("rubric", "--format", "json");
  cr_assert_eq(r.code, 0, "%s", r.err);
  json_t *j = parse(r.out);
  cr_expect_eq(json_array_size(json_object_get(j, "indicators")), 12);
  cr_expect(json_array_size(json_object_get(j, "params")) >= 10);
  json_t *secs = json_object_get(j, "sections");
  cr_expect_eq(json_integer_value(json_object_get(json_array_get(secs, 0), "official_heading_max")),
               60);
  json_decref(j);
  qs_run_free(&r);
  r = RUN("rubric", "--param", "standards-many=5");
  cr_expect_eq(r.code, 0);
  cr_expect(strstr(r.out, "standards-many = 5 项（默认 3）") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "官方文本标题写作60分") != NULL, "the swapped headings are reported");
  qs_run_free(&r);
}

/* The options a help text names ("--format", "-o"), each once. */
static size_t options_in(const char *text, char ***out) {
  char **v = NULL;
  size_t n = 0;
  for (const char *p = text; (p = strchr(p, '-'));) {
    int starts = p == text || p[-1] == ' ' || p[-1] == '[' || p[-1] == '(' || p[-1] == '\n';
    const char *q = p + 1 + (p[1] == '-');
    const char *e = q;
    while ((*e >= 'a' && *e <= 'z') || (*e == '-' && e[1] >= 'a' && e[1] <= 'z'))
      e++;
    if (starts && e > q && (p[1] == '-' || e - q == 1)) {
      char *o = qs_xstrndup(p, (size_t)(e - p));
      int seen = 0;
      for (size_t i = 0; i < n; i++)
        seen |= strcmp(v[i], o) == 0;
      if (seen) {
        free(o);
      } else {
        v = qs_xrealloc(v, (n + 1) * sizeof *v);
        v[n++] = o;
      }
    }
    p = e > p + 1 ? e : p + 1;
  }
  *out = v;
  return n;
}

/* The manual page documents every command, every option the help texts name, every exit
 * code; `make install` puts it where man finds it. */
Test(cli, manual_page_covers_the_interface, .timeout = 120) {
  char *man = qs_test_slurp("docs/qscore.1", NULL);
  /* In troff a "-" in an option is written "\-". */
  qs_buf plain = {0};
  for (const char *p = man; *p; p++)
    if (!(p[0] == '\\' && p[1] == '-'))
      qs_buf_addn(&plain, p, 1);
  const char *cmds[] = {NULL, "score", "explain", "validate", "batch", "rubric"};
  for (size_t c = 0; c < sizeof cmds / sizeof cmds[0]; c++) {
    qs_run r = cmds[c] ? RUN(cmds[c], "--help", "--lang", "en") : RUN("--help", "--lang", "en");
    cr_assert_eq(r.code, 0);
    if (cmds[c]) {
      char head[64];
      snprintf(head, sizeof head, ".B %s", cmds[c]);
      cr_expect(strstr(plain.s, head) != NULL, "qscore.1 has no section for %s", cmds[c]);
    }
    char **opts;
    size_t n = options_in(r.out, &opts);
    cr_expect(n > 0 || cmds[c] != NULL, "options found in the help");
    for (size_t i = 0; i < n; i++) {
      cr_expect(strstr(plain.s, opts[i]) != NULL, "qscore.1 does not document %s (%s)", opts[i],
                cmds[c] ? cmds[c] : "qscore");
      free(opts[i]);
    }
    free(opts);
    qs_run_free(&r);
  }
  const char *sections[] = {".SH SYNOPSIS", ".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES",
                            ".SH EXAMPLES"};
  for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
    cr_expect(strstr(plain.s, sections[i]) != NULL, "%s", sections[i]);
  for (int code = 0; code <= 4; code++) {
    char tp[32];
    snprintf(tp, sizeof tp, ".TP\n.B %d\n", code);
    cr_expect(strstr(plain.s, tp) != NULL, "exit code %d", code);
  }
  qs_buf_free(&plain);
  free(man);

  char *dest = qs_test_tmpdir();
  qs_buf d = {0}, b = {0};
  qs_buf_addf(&d, "DESTDIR=%s", dest);
  qs_buf_addf(&b, "BUILD=%s", QS_BUILD_DIR);
  const char *argv[] = {"make", "-s", "install", d.s, b.s, "PREFIX=/usr", NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 0, "make install");
  char *installed = qs_test_join(dest, "usr/share/man/man1/qscore.1");
  char *a = qs_test_slurp(installed, NULL), *want = qs_test_slurp("docs/qscore.1", NULL);
  cr_expect_str_eq(a, want);
  free(a);
  free(want);
  free(installed);
  qs_buf_free(&d);
  qs_buf_free(&b);
  qs_test_rmtree(dest);
}

/* ------------------------------------------------------------------ a friendlier command line */

/* Every line a failing command prints on stderr in Chinese has one shape: "qscore: ", a Chinese
 * severity, ": ", and no English word of the program's own. */
Test(cli, every_message_has_the_same_prefix) {
  const char *const *cases[] = {
      (const char *const[]){"score", "no-such-file.xml", NULL},
      (const char *const[]){"score", "tests", NULL},
      (const char *const[]){"score", "tests/hostile/duplicate-ids.xml", NULL},
      (const char *const[]){"score", "tests/hostile/empty.xml", NULL},
      (const char *const[]){"score", "tests/hostile/billion-laughs.xml", NULL},
      (const char *const[]){"batch", "--out", "/nonexistent/out", "no-such-dir", NULL},
      (const char *const[]){"explain", "--indicator", "brnd", WEAK, NULL},
      (const char *const[]){"score", "--param", "window-month=12", WEAK, NULL},
      (const char *const[]){"score", "--param", "window-months=x", WEAK, NULL},
      (const char *const[]){"scroe", WEAK, NULL},
      (const char *const[]){"--formt", "json", "score", WEAK, NULL},
      (const char *const[]){"score", "--format", "pdf", WEAK, NULL},
      (const char *const[]){"help", "scor", NULL},
      (const char *const[]){"score", "-v", WEAK, NULL},
      (const char *const[]){"rubric", "-o", "/no/such/dir/x.txt", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    qs_run r = qs_run_cli(NULL, cases[i]);
    cr_expect(r.err[0] != '\0', "case %zu says something", i);
    char *save = NULL;
    for (char *line = strtok_r(r.err, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
      int ok = strncmp(line, "qscore: 错误: ", strlen("qscore: 错误: ")) == 0 ||
               strncmp(line, "qscore: 警告: ", strlen("qscore: 警告: ")) == 0 ||
               strncmp(line, "qscore: 提示: ", strlen("qscore: 提示: ")) == 0;
      cr_expect(ok, "case %zu: %s", i, line);
      cr_expect(strstr(line, "No such file") == NULL && strstr(line, "rules ") == NULL &&
                    strstr(line, " more") == NULL && strstr(line, "bytes") == NULL,
                "case %zu: English in %s", i, line);
    }
    qs_run_free(&r);
  }
}

/* A mistyped command, option, parameter or indicator gets the nearest name, in either language. */
Test(cli, did_you_mean) {
  static const struct {
    const char *args[6];
    const char *zh, *en;
  } cases[] = {
      {{"scroe", WEAK}, "未知命令：scroe；您是不是要找：score？", "did you mean score?"},
      {{"valdiate", WEAK}, "您是不是要找：validate？", "did you mean validate?"},
      {{"--formt=json", "score", WEAK},
       "未知选项：--formt；您是不是要找：--format？",
       "unknown option: --formt; did you mean --format?"},
      {{"score", "--indicatr", "brand", WEAK},
       "您是不是要找：--indicator？",
       "did you mean --indicator?"},
      {{"score", "--param", "window-month=12", WEAK},
       "未知参数：window-month（qscore rubric 列出全部参数）；您是不是要找：window-months？",
       "did you mean window-months?"},
      {{"explain", "--indicator", "brnd", WEAK}, "您是不是要找：brand？", "did you mean brand?"},
      {{"explain", "--indicator", "品牌建", WEAK},
       "您是不是要找：品牌建设？",
       "did you mean 品牌建设?"},
      {{"help", "rubirc"}, "您是不是要找：rubric？", "did you mean rubric?"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *argv[10] = {0};
    size_t n = 0;
    for (; n < 6 && cases[i].args[n]; n++)
      argv[n] = cases[i].args[n];
    qs_run r = qs_run_cli(NULL, argv);
    cr_expect_eq(r.code, 2, "case %zu: %d %s", i, r.code, r.err);
    cr_expect(strstr(r.err, cases[i].zh) != NULL, "case %zu: %s", i, r.err);
    cr_expect_str_eq(r.out, "");
    qs_run_free(&r);
    argv[n] = "--lang";
    argv[n + 1] = "en";
    r = qs_run_cli(NULL, argv);
    cr_expect_eq(r.code, 2, "case %zu en: %d %s", i, r.code, r.err);
    cr_expect(strstr(r.err, cases[i].en) != NULL, "case %zu en: %s", i, r.err);
    qs_run_free(&r);
  }
  /* Nothing near: no suggestion. */
  qs_run r = RUN("frobnicate");
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "未知命令：frobnicate") != NULL, "%s", r.err);
  cr_expect(strstr(r.err, "您是不是要找") == NULL, "%s", r.err);
  qs_run_free(&r);
}

/* --indicator takes the indicator's Chinese name as well as its id: the same explanation. */
Test(cli, indicator_by_chinese_name) {
  qs_run by_id = RUN("explain", "--as-of", "2026-06-30", "--indicator", "brand", WEAK);
  qs_run by_name = RUN("explain", "--as-of", "2026-06-30", "--indicator", "品牌建设", WEAK);
  cr_expect_eq(by_id.code, 0, "%s", by_id.err);
  cr_expect_eq(by_name.code, 0, "%s", by_name.err);
  cr_expect(strstr(by_id.out, "== brand 品牌建设") != NULL, "%s", by_id.out);
  cr_expect(strstr(by_id.out, "== standards") == NULL, "only the one indicator");
  cr_expect_str_eq(by_name.out, by_id.out);
  qs_run_free(&by_id);
  qs_run_free(&by_name);
}

/* qscore help COMMAND is qscore COMMAND --help; qscore help is the general help. */
Test(cli, help_command) {
  const char *cmds[] = {"score", "explain", "validate", "batch", "rubric"};
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
    for (int l = 0; l < 2; l++) {
      const char *lang = l ? "en" : "zh";
      qs_run a = RUN("help", cmds[i], "--lang", lang);
      qs_run b = RUN(cmds[i], "--help", "--lang", lang);
      cr_expect_eq(a.code, 0, "help %s: %s", cmds[i], a.err);
      cr_expect_str_eq(a.out, b.out, "help %s", cmds[i]);
      cr_expect_gt(strlen(a.out), 0);
      qs_run_free(&a);
      qs_run_free(&b);
    }
  }
  qs_run a = RUN("help");
  qs_run b = RUN("--help");
  cr_expect_eq(a.code, 0);
  cr_expect_str_eq(a.out, b.out);
  cr_expect(strstr(a.out, "用法：qscore 命令") == a.out, "%s", a.out);
  qs_run_free(&a);
  qs_run_free(&b);
  a = RUN("help", "nonsense");
  cr_expect_eq(a.code, 2);
  cr_expect_str_eq(a.out, "");
  cr_expect(strstr(a.err, "nonsense") != NULL, "%s", a.err);
  qs_run_free(&a);
}

/* The bash completion script: valid bash, and it completes commands, indicators (ids and
 * Chinese names) and --format values. */
static char *complete(const char *words, int cword) {
  char script[1024];
  snprintf(script, sizeof script,
           "source scripts/bash-completion/qscore || exit 9; COMP_WORDS=(%s); COMP_CWORD=%d; "
           "_qscore; echo \"${COMPREPLY[*]}\"",
           words, cword);
  char *dir = qs_test_tmpdir();
  char *out = qs_test_join(dir, "out"), *err = qs_test_join(dir, "err");
  int rc = qs_test_exec((const char *const[]){"bash", "-c", script, NULL}, out, err, NULL);
  cr_expect_eq(rc, 0, "bash: %s", qs_test_slurp(err, NULL));
  char *text = qs_test_slurp(out, NULL);
  size_t len = strlen(text);
  while (len && text[len - 1] == '\n')
    text[--len] = '\0';
  free(out);
  free(err);
  qs_test_rmtree(dir);
  return text;
}

Test(cli, bash_completion) {
  char *dir = qs_test_tmpdir();
  char *out = qs_test_join(dir, "out"), *err = qs_test_join(dir, "err");
  cr_expect_eq(
      qs_test_exec((const char *const[]){"bash", "-n", "scripts/bash-completion/qscore", NULL}, out,
                   err, NULL),
      0, "bash -n: %s", qs_test_slurp(err, NULL));
  free(out);
  free(err);
  qs_test_rmtree(dir);
  char *s = complete("qscore sc", 1);
  cr_expect_str_eq(s, "score");
  free(s);
  s = complete("qscore help ex", 2);
  cr_expect_str_eq(s, "explain export");
  free(s);
  s = complete("qscore explain --indicator 品牌", 3);
  cr_expect_str_eq(s, "品牌建设");
  free(s);
  s = complete("qscore explain --indicator bra", 3);
  cr_expect_str_eq(s, "brand");
  free(s);
  s = complete("qscore rubric --format ''", 3);
  cr_expect_str_eq(s, "text json");
  free(s);
  s = complete("qscore --lang ''", 2);
  cr_expect_str_eq(s, "zh en");
  free(s);
  s = complete("" QS_BIN " score --param window-mo", 3);
  cr_expect_str_eq(s, "window-months=");
  free(s);
}
