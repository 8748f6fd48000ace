/* test_limits.c -- how the rules' work grows with the input, and who is to blame at a limit.
 *
 * Scaling (issue 12, item 13): for each kind of evidence, a submission with n and with 2n items
 * that all share one key (one credit code for every enterprise, one standard code, one award,
 * one enterprise for every officer, ...) must cost the rules at most about twice as much:
 * counted in rule firings and in the memory CLIPS holds when the rules stop (qs_engine_last_run),
 * never in time. A rule that compares every pair of a growing set costs four times as much for
 * twice the items and fails it. The 2,500 enterprises with one credit code of the issue are
 * scored by the command line (generated here, not kept in the repository).
 *
 * Blame at a limit (docs/POLICY.md, "Limits"): a normal file that needs more than
 * run-max-firings is the file's error (exit 1; in a batch, kind "limit" in errors.csv, exit 1),
 * as is a file whose many short firings reach run-seconds; loops in the rules stay rules errors
 * (exit 3, tests/test_rubric.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/qs_builtin.h"
#include "../base/qs_util.h"
#include "helpers.h"

#define GENSUB QS_BUILD_DIR "/tools/gensub"

/* ------------------------------------------------------------------ submissions with one key */

static const char HEAD[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<submission xmlns=\"urn:qscore:submission:2025\" edition=\"2025\">\n"
    "  <project id=\"T-LIMITS\">\n"
    "    <title>测试项目</title>\n"
    "    <region province=\"330000\" city=\"330200\">浙江省宁波市</region>\n"
    "    <chain>汽车零部件</chain>\n"
    "    <work-start>2023-03-01</work-start>\n"
    "    <chain-chief id=\"CH1\" name=\"链长\" position=\"副市长\"/>\n"
    "    <applicants><applicant kind=\"government\">宁波市市场监督管理局</applicant></applicants>\n"
    "  </project>\n";

/* The valid test credit code of tests/helpers.c, shared by every enterprise here. */
#define CODE "91350100M000100Y43"

typedef struct {
  const char *name;
  const char *section; /* the element the items go in */
  const char *item;    /* printf format of one item, %d its number */
} family;

/* Every kind of evidence, each item sharing its key with all the others of its kind. */
static const family families[] = {
    {"alliances", "mechanism",
     "<alliance id=\"AL%d\" name=\"联盟\" date=\"2023-04-01\"><member ref=\"E1\" "
     "kind=\"enterprise\"/><member name=\"大学\" kind=\"university\"/></alliance>"},
    {"collaborations", "mechanism",
     "<collaboration id=\"CO%d\" kind=\"joint-lab\" date=\"2023-04-01\" title=\"联合实验室\">"
     "<member ref=\"E1\" kind=\"enterprise\"/><member name=\"大学\" kind=\"university\"/>"
     "</collaboration>"},
    {"meetings", "mechanism",
     "<meeting id=\"MTG%d\" kind=\"meeting\" date=\"2023-05-01\" title=\"会议\"/>"},
    {"actions", "mechanism",
     "<improvement-action id=\"IA%d\" date=\"2023-05-01\" title=\"行动\"><participant ref=\"E1\"/>"
     "<result kind=\"pass-rate\" metric=\"合格率\" before=\"90\" after=\"95\" "
     "unit=\"%%\"/></improvement-action>"},
    {"demonstrations", "mechanism",
     "<demonstration id=\"DM%d\" date=\"2023-05-01\" title=\"示范\" level=\"national\" "
     "issuer=\"总局\"/>"},
    {"maps and reports", "survey",
     "<quality-map id=\"QM%d\" date=\"2023-05-01\" title=\"图谱\"/>"
     "<status-report id=\"SR%d\" date=\"2023-05-01\" title=\"报告\"/>"},
    {"problem lists", "survey",
     "<problem-list id=\"PL%d\" date=\"2023-05-01\" title=\"清单\" problems=\"5\"/>"},
    {"centres and platforms", "infrastructure",
     "<centre id=\"CT%d\" kind=\"inspection-testing\" level=\"national\" name=\"中心\" "
     "date=\"2023-05-01\"><serves ref=\"E1\"/></centre>"
     "<platform id=\"PF%d\" kind=\"one-stop\" name=\"平台\" date=\"2023-05-01\" online=\"true\" "
     "offline=\"true\"><serves ref=\"E2\"/></platform>"},
    {"officers", "talent",
     "<officer id=\"OF%d\" enterprise=\"E1\" date=\"2023-05-01\" kind=\"chief-quality-officer\"/>"},
    {"trainings and competitions", "talent",
     "<training id=\"TR%d\" date=\"2023-05-01\" title=\"培训\" participants=\"10\"/>"
     "<competition id=\"CP%d\" date=\"2023-05-01\" title=\"竞赛\"/>"},
    {"activities", "sme",
     "<activity id=\"AC%d\" date=\"2023-05-01\" title=\"活动\" kind=\"mass-quality\"><participant "
     "ref=\"E1\"/><participant ref=\"E2\"/><result kind=\"pass-rate\" metric=\"合格率\" "
     "before=\"90\" after=\"98\" unit=\"%%\"/></activity>"},
    {"breakthroughs", "sme",
     "<breakthrough id=\"BT%d\" enterprise=\"E1\" date=\"2023-05-01\" title=\"攻关\"><result "
     "kind=\"pass-rate\" metric=\"合格率\" before=\"90\" after=\"98\" "
     "unit=\"%%\"/></breakthrough>"},
    {"certificates", "management",
     "<qms-certificate id=\"QC%d\" enterprise=\"E1\" date=\"2022-05-01\" standard=\"ISO "
     "9001:2015\" number=\"N1\" issuer=\"认证\"/>"
     "<qms-certificate id=\"QX%d\" enterprise=\"E2\" date=\"2020-05-01\" standard=\"ISO "
     "9001:2015\" number=\"N2\" issuer=\"认证\" valid-until=\"2022-12-31\"/>"},
    {"methods and digital", "management",
     "<method id=\"ME%d\" enterprise=\"E1\" date=\"2023-05-01\" kind=\"lean\"/>"
     "<digital id=\"DG%d\" enterprise=\"E1\" date=\"2023-05-01\" kind=\"spc\" title=\"SPC\"/>"},
    {"output series", "metrics",
     "<metric id=\"MT%d\" kind=\"output-value\" scope=\"chain\" unit=\"亿元\"><value "
     "year=\"2022\">100</value><value year=\"2024\">120</value></metric>"},
    {"enterprise series", "metrics",
     "<metric id=\"VA%d\" kind=\"value-added\" scope=\"enterprise\" enterprise=\"E1\" "
     "unit=\"万元\"><value year=\"2022\">100</value><value year=\"2024\">90</value></metric>"
     "<metric id=\"EM%d\" kind=\"employees\" scope=\"enterprise\" enterprise=\"E1\" "
     "unit=\"人\"><value year=\"2022\">100</value><value year=\"2024\">90</value></metric>"
     "<metric id=\"CE%d\" kind=\"carbon-emissions\" scope=\"enterprise\" enterprise=\"E1\" "
     "unit=\"t\"><value year=\"2022\">100</value><value year=\"2024\">90</value></metric>"},
    {"rate series", "metrics",
     "<metric id=\"FY%d\" kind=\"pass-rate\" scope=\"chain\" unit=\"%%\"><value "
     "year=\"2022\">90</value><value year=\"2024\">95</value></metric>"
     "<metric id=\"EI%d\" kind=\"energy-intensity\" scope=\"chain\" unit=\"吨/万元\"><value "
     "year=\"2022\">0.5</value><value year=\"2024\">0.4</value></metric>"},
    {"claims", "metrics",
     "<metric id=\"MX%d\" kind=\"output-value\" scope=\"chain\" unit=\"亿元\"><value "
     "year=\"2022\">100</value><value year=\"2024\">120</value></metric>"
     "<claim id=\"CL%d\" metric=\"MX0\" from=\"2022\" to=\"2024\" change-percent=\"30\"/>"},
    {"champions, clusters and market shares", "metrics",
     "<champion id=\"CM%d\" enterprise=\"E1\" date=\"2024-02-05\" product=\"产品\" "
     "level=\"national\" issuer=\"工信部\"/>"
     "<cluster id=\"CU%d\" kind=\"advanced-manufacturing\" level=\"national\" name=\"集群\" "
     "issuer=\"工信部\" date=\"2022-11-30\"/>"
     "<market-share id=\"MS%d\" enterprise=\"E1\" product=\"产品\" year=\"2024\" "
     "scope=\"global\" rank=\"1\" source=\"协会\"/>"},
    {"certifications", "certifications",
     "<certification id=\"GC%d\" enterprise=\"E1\" date=\"2024-02-01\" kind=\"green-factory\" "
     "level=\"national\" name=\"绿色工厂\" issuer=\"工信部\"/>"},
    {"standards", "standards",
     "<standard id=\"ST%d\" enterprise=\"E1\" date=\"2023-05-01\" code=\"GB/T 10000-2024\" "
     "type=\"national\" role=\"lead\" title=\"标准\"/>"
     "<standard id=\"SP%d\" enterprise=\"E1\" date=\"2023-05-01\" plan=\"20230501-T-339\" "
     "rank=\"2\" type=\"national\" role=\"lead\" status=\"approved\" title=\"标准\"/>"
     "<self-declaration id=\"SD%d\" enterprise=\"E1\" date=\"2023-05-01\" code=\"Q/QY1 1-2024\" "
     "title=\"企标\"/>"
     "<forerunner id=\"FR%d\" enterprise=\"E1\" date=\"2023-05-01\" code=\"Q/QY1 1-2024\" "
     "product=\"产品\" issuer=\"机构\"/>"},
    {"awards", "brand",
     "<award id=\"AW%d\" enterprise=\"E1\" kind=\"government-quality-award\" level=\"provincial\" "
     "name=\"省长质量奖\" issuer=\"人民政府\" date=\"2024-05-01\"/>"
     "<award id=\"AZ%d\" kind=\"brand-zone\" level=\"provincial\" name=\"示范区\" "
     "issuer=\"省政府\" "
     "date=\"2024-05-01\"/>"
     "<brand id=\"BR%d\" enterprise=\"E1\" name=\"品牌\"/>"},
    {"recognitions", "brand",
     "<recognition id=\"RC%d\" enterprise=\"E1\" kind=\"time-honoured\" level=\"national\" "
     "name=\"中华老字号\" issuer=\"商务部\" date=\"2020-05-01\"/>"
     "<recognition id=\"RG%d\" kind=\"geographical-indication\" name=\"地理标志\" "
     "issuer=\"国家知识产权局\" date=\"2020-05-01\" valid-until=\"2030-05-01\"/>"},
    {"assessments", "capability",
     "<assessment id=\"CA%d\" enterprise=\"E1\" date=\"2024-08-01\" level=\"assurance\" "
     "proof=\"third-party-report\"><doc file=\"r.pdf\"/></assessment>"},
};

static const char *const sections[] = {
    "mechanism", "survey",         "infrastructure", "talent", "sme",        "management",
    "metrics",   "certifications", "standards",      "brand",  "capability", NULL};

/* A submission with n items of family f (NULL: none) and n_enterprises enterprises (at least
 * 3: a chain leader, a key partner, the rest SMEs), all with the credit code CODE. */
static char *submission(const family *f, int n, int n_enterprises) {
  qs_buf b = {0};
  qs_buf_add(&b, HEAD);
  qs_buf_add(&b, "  <enterprises>\n");
  for (int i = 1; i <= (n_enterprises < 3 ? 3 : n_enterprises); i++)
    qs_buf_addf(&b,
                "    <enterprise id=\"E%d\" credit-code=\"" CODE "\" role=\"%s\" size=\"small\" "
                "srdi=\"little-giant\"><name>企业%d</name></enterprise>\n",
                i,
                i == 1   ? "chain-leader"
                : i == 2 ? "key-partner"
                         : "sme",
                i);
  qs_buf_add(&b, "  </enterprises>\n");
  for (int s = 0; sections[s]; s++) {
    qs_buf_addf(&b, "  <%s>\n", sections[s]);
    if (f && strcmp(f->section, sections[s]) == 0)
      for (int i = 0; i < n; i++) {
        qs_buf_add(&b, "    ");
        /* Every %d of the format is the item's number. */
        qs_buf_addf(&b, f->item, i, i, i, i);
        qs_buf_add(&b, "\n");
      }
    qs_buf_addf(&b, "  </%s>\n", sections[s]);
  }
  qs_buf_add(&b, "</submission>\n");
  return qs_buf_take(&b);
}

typedef struct {
  long firings;
  double memory;
} cost;

/* Score xml with a fresh CLIPS memory (the free lists of an earlier file given back first, so
 * that the memory counted is this file's) and return what the rules cost. */
static cost score_cost(qs_engine *e, const char *what, const char *xml) {
  qs_engine_release_memory(e);
  qs_report *rep = NULL;
  char *diag = NULL;
  qs_status st = qs_test_score_text(e, what, xml, &rep, &diag);
  cr_assert_eq(st, QS_OK, "%s: not scored: %s", what, diag ? diag : "");
  const qs_run_stats *r = qs_engine_last_run(e);
  cost c = {r->firings, (double)r->memory};
  /* No rule fires more than about once per fact (the premise of the loop test at a limit). */
  cr_expect_leq(r->busiest_firings, r->facts_at_start, "%s: rule %s fired %ld times, %ld facts",
                what, r->busiest_rule, r->busiest_firings, r->facts_at_start);
  qs_report_free(rep);
  free(diag);
  return c;
}

/* Twice the items may cost at most this many times as much over the empty submission: linear
 * work doubles (2), work that compares every pair quadruples (4). */
#define QS_GROWTH_BOUND 2.5

static void expect_linear(const char *what, cost base, cost one, cost two) {
  double f1 = (double)(one.firings - base.firings), f2 = (double)(two.firings - base.firings);
  double m1 = one.memory - base.memory, m2 = two.memory - base.memory;
  if (getenv("QS_SHOW_GROWTH"))
    fprintf(stderr, "%-28s firings %6.0f -> %6.0f (x%.2f)   memory %9.0f -> %9.0f (x%.2f)\n", what,
            f1, f2, f2 / f1, m1, m2, m2 / m1);
  cr_expect_gt(f1, 0, "%s: the items fired no rule", what);
  cr_expect_leq(f2, QS_GROWTH_BOUND * f1, "%s: firings %.0f for n, %.0f for 2n (ratio %.2f)", what,
                f1, f2, f2 / f1);
  cr_expect_gt(m1, 0, "%s: the items took no memory", what);
  cr_expect_leq(m2, QS_GROWTH_BOUND * m1, "%s: CLIPS memory +%.0f for n, +%.0f for 2n (ratio %.2f)",
                what, m1, m2, m2 / m1);
}

#define N 150

Test(limits, every_kind_of_evidence_sharing_one_key_costs_the_rules_linearly, .timeout = 300) {
  qs_engine *e = qs_test_engine();
  char *empty = submission(NULL, 0, 3);
  cost base = score_cost(e, "the empty submission", empty);
  free(empty);
  for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
    char *one = submission(&families[i], N, 3), *two = submission(&families[i], 2 * N, 3);
    cost c1 = score_cost(e, families[i].name, one), c2 = score_cost(e, families[i].name, two);
    expect_linear(families[i].name, base, c1, c2);
    free(one);
    free(two);
  }
  /* Enterprises, all with one credit code: the duplicate check is the pairwise rule of the
   * issue (n²/2 pairs). */
  char *one = submission(NULL, 0, N), *two = submission(NULL, 0, 2 * N);
  cost c1 = score_cost(e, "enterprises", one), c2 = score_cost(e, "enterprises", two);
  expect_linear("enterprises with one credit code", base, c1, c2);
  free(one);
  free(two);
  qs_engine_free(e);
}

/* The file: 2,500 enterprises with one credit code. It scores (exit 0: its flags are
 * warnings), with one duplicate-enterprise flag naming all 2,500, not 3 million of them. */
Test(limits, two_thousand_five_hundred_enterprises_with_one_credit_code_score, .timeout = 120) {
  char *dir = qs_test_tmpdir();
  char *path = qs_test_join(dir, "one-code.xml");
  char *xml = submission(NULL, 0, 2500);
  FILE *fp = fopen(path, "w");
  cr_assert_not_null(fp);
  fputs(xml, fp);
  fclose(fp);
  qs_run r = qs_run_cli(
      NULL, (const char *const[]){"score", "--format", "json", "--lang", "en", path, NULL});
  cr_expect(r.code == 0 || r.code == 1, "exit %d: %s", r.code, r.err);
  cr_expect_eq(r.code, 0, "%s", r.err);
  size_t flags = 0;
  for (const char *p = r.out; (p = strstr(p, "\"code\": \"duplicate-enterprise\"")); p++)
    flags++;
  cr_expect_eq(flags, 1, "one flag for the shared code");
  cr_expect(strstr(r.out, "share the credit code " CODE
                          "; probably one enterprise listed 2500 times") != NULL,
            "the flag counts every enterprise");
  cr_expect(strstr(r.out, "\"E2500\"") != NULL, "the last enterprise is named");
  qs_run_free(&r);
  free(xml);
  free(path);
  qs_test_rmtree(dir);
}

/* The flag's shape, in both languages: a pair keeps the wording of one flag per pair. */
Test(limits, duplicate_flag_names_all_enterprises_of_a_code_once) {
  qs_engine *e = qs_test_engine();
  char *xml = submission(NULL, 0, 3);
  qs_report *rep = NULL;
  char *diag = NULL;
  cr_assert_eq(qs_test_score_text(e, "three.xml", xml, &rep, &diag), QS_OK, "%s", diag);
  size_t n = 0;
  for (size_t i = 0; i < rep->n_flags; i++) {
    const qs_flag *f = &rep->flags[i];
    if (strcmp(f->code, "duplicate-enterprise") != 0)
      continue;
    n++;
    cr_expect_str_eq(f->text, "E1（企业1）、E2（企业2）与 E3（企业3）的统一社会信用代码相同（" CODE
                              "），疑为同一企业重复列出 3 次");
    cr_expect_str_eq(f->text_en, "E1 (企业1), E2 (企业2) and E3 (企业3) share the credit code " CODE
                                 "; probably one enterprise listed 3 times");
    cr_expect_eq(f->n_evidence, 3);
  }
  cr_expect_eq(n, 1);
  qs_report_free(rep);
  free(diag);
  free(xml);
  xml = qs_test_submission(NULL); /* E1 and E2 share the test code */
  cr_assert_eq(qs_test_score_text(e, "pair.xml", xml, &rep, &diag), QS_OK, "%s", diag);
  n = 0;
  for (size_t i = 0; i < rep->n_flags; i++)
    if (strcmp(rep->flags[i].code, "duplicate-enterprise") == 0) {
      n++;
      cr_expect_str_eq(rep->flags[i].text,
                       "E1（甲集团）与 E2（乙公司）的统一社会信用代码相同（" CODE
                       "），疑为同一企业重复列出");
      cr_expect_str_eq(rep->flags[i].text_en,
                       "E1 (甲集团) and E2 (乙公司) share the credit code " CODE
                       "; probably one enterprise listed twice");
    }
  cr_expect_eq(n, 1);
  qs_report_free(rep);
  free(diag);
  free(xml);
  qs_engine_free(e);
}

/* ------------------------------------------------------------------ blame at a limit */

/* A normal generated submission large enough to need more than 1,000 firings (the bundled
 * samples need a few hundred, under the smallest cap run-max-firings allows). */
static char *normal_file(const char *dir) {
  const char *argv[] = {GENSUB,    "--out", dir,      "--count", "1",
                        "--items", "600",   "--seed", "7",       NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 0, "gensub failed");
  return qs_test_join(dir, "sub-000001.xml");
}

/* The message the engine gives for a file stopped at the firing cap, built from what the
 * library saw on the same file and parameters. */
static char *limit_message(const char *path, qs_lang lang) {
  qs_engine *e = qs_test_engine();
  qs_diag d;
  qs_diag_init(&d, lang);
  cr_assert_eq(qs_engine_set_param(e, "run-max-firings=1000", &d), 0);
  qs_report *rep = NULL;
  cr_assert_eq(qs_engine_score(e, path, &rep, &d), QS_E_LIMIT);
  cr_expect_null(rep);
  const qs_run_stats *r = qs_engine_last_run(e);
  cr_expect_eq(r->firings, 1000);
  cr_expect_leq(r->busiest_firings, r->facts_at_start, "no rule outran the facts");
  cr_expect_neq(r->stopped_rule[0], '\0', "where the rules were is known");
  qs_buf want = {0};
  if (lang == QS_LANG_EN)
    qs_buf_addf(
        &want,
        "qscore: error: %s: the rules fired 1000 times, the limit (parameter run-max-firings), "
        "without finishing this file: not scored; no rule fired more times than the %ld "
        "facts the run began with, so the rules did not loop: the file is beyond the "
        "limit (stopped in module %s at rule %s, %s)\n",
        path, r->facts_at_start, qs_engine_rule_module(e, r->stopped_rule), r->stopped_rule,
        qs_engine_rule_where(e, r->stopped_rule));
  else
    qs_buf_addf(
        &want,
        "qscore: 错误: %s: 规则触发 1000 次（上限，参数 run-max-firings）仍未评完本文件，未评分；"
        "没有哪条规则的触发次数多于运行开始时的 %ld 个事实，规则没有循环，"
        "是文件超出了限制（停止时在模块 %s 的规则 %s，位于 %s）\n",
        path, r->facts_at_start, qs_engine_rule_module(e, r->stopped_rule), r->stopped_rule,
        qs_engine_rule_where(e, r->stopped_rule));
  char *buf = qs_diag_string(&d);
  cr_expect_str_eq(buf, want.s);
  free(buf);
  qs_diag_free(&d);
  qs_engine_free(e);
  return qs_buf_take(&want);
}

Test(limits, a_normal_file_past_the_firing_cap_is_the_files_error) {
  char *dir = qs_test_tmpdir();
  char *path = normal_file(dir);
  /* With the default cap it scores. */
  qs_run r = qs_run_cli(NULL, (const char *const[]){"score", "--format", "json", path, NULL});
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  for (int en = 0; en <= 1; en++) {
    char *want = limit_message(path, en ? QS_LANG_EN : QS_LANG_ZH);
    const char *lang = en ? "en" : "zh";
    r = qs_run_cli(NULL, (const char *const[]){"score", "--lang", lang, "--param",
                                               "run-max-firings=1000", path, NULL});
    cr_expect_eq(r.code, 1, "score: exit %d", r.code);
    cr_expect_str_empty(r.out);
    cr_expect_str_eq(r.err, want);
    qs_run_free(&r);
    r = qs_run_cli(NULL, (const char *const[]){"explain", "--lang", lang, "--param",
                                               "run-max-firings=1000", path, NULL});
    cr_expect_eq(r.code, 1, "explain: exit %d", r.code);
    cr_expect_str_eq(r.err, want);
    qs_run_free(&r);
    r = qs_run_cli(NULL, (const char *const[]){"validate", "--lang", lang, "--param",
                                               "run-max-firings=1000", path, NULL});
    /* validate says its verdict and the reason on one stream, standard output. */
    cr_expect_eq(r.code, 1, "validate: exit %d", r.code);
    cr_expect_str_empty(r.err);
    cr_expect(strstr(r.out, en ? "not checked to the end" : "未能查完") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, want) != NULL, "%s", r.out);
    qs_run_free(&r);
    free(want);
  }
  free(path);
  qs_test_rmtree(dir);
}

/* In a batch the file is listed in errors.csv as kind "limit", the others are scored, and the
 * batch exits 1 (some input could not be scored), not 3 (the rules failed). */
Test(limits, a_batch_lists_the_file_past_the_limit_and_exits_1) {
  char *dir = qs_test_tmpdir();
  char *in = qs_test_join(dir, "in");
  cr_assert_eq(mkdir(in, 0755), 0);
  char *path = normal_file(in);
  char *sample = qs_test_join(in, "sample.xml");
  size_t len;
  char *data = qs_test_slurp("samples/zhejiang-ningbo-auto-parts.xml", &len);
  FILE *fp = fopen(sample, "w");
  cr_assert_not_null(fp);
  fwrite(data, 1, len, fp);
  fclose(fp);
  free(data);
  char *out = qs_test_join(dir, "out");
  qs_run r =
      qs_run_cli(NULL, (const char *const[]){"batch", "-q", "--lang", "en", "--param",
                                             "run-max-firings=1000", "--out", out, in, NULL});
  cr_expect_eq(r.code, 1, "exit %d: %s", r.code, r.err);
  cr_expect(strstr(r.err, "the rules failed") == NULL, "%s", r.err);
  char *errors_path = qs_test_join(out, "errors.csv"),
       *table_path = qs_test_join(out, "triage.csv");
  char *errors = qs_test_slurp(errors_path, &len), *table = qs_test_slurp(table_path, &len);
  qs_buf row = {0};
  qs_buf_addf(&row,
              "\"%s\",0,limit,\"the rules fired 1000 times, the limit (parameter "
              "run-max-firings), without finishing this file: not scored;",
              path);
  cr_expect(strstr(errors, row.s) != NULL, "expected %s in:\n%s", row.s, errors);
  cr_expect(strstr(errors, ",rules,") == NULL, "%s", errors);
  cr_expect(strstr(table, "sample.xml") != NULL, "the sample is ranked: %s", table);
  cr_expect(strstr(table, "sub-000001.xml") == NULL, "the file past the limit is not: %s", table);
  qs_buf_free(&row);
  free(errors);
  free(table);
  free(errors_path);
  free(table_path);
  qs_run_free(&r);
  free(out);
  free(sample);
  free(path);
  free(in);
  qs_test_rmtree(dir);
}

/* Rules whose every firing is slow but short, one per enterprise: past run-seconds the time went
 * to many firings, none stuck and none more often than there are facts, so the engine cannot
 * tell them from a file too big for the limit, and the doctrine makes it the file's (exit 1).
 * Each firing runs tens of milliseconds, the file hundreds of them: far from both the second
 * allowed and the half of it that would make one firing stuck, whatever the machine. */
Test(limits, many_short_firings_past_run_seconds_are_the_files_error, .timeout = 120) {
  char *dir = qs_test_tmpdir();
  char *rules = qs_test_join(dir, "rules");
  cr_assert_eq(mkdir(rules, 0755), 0);
  for (const qs_builtin_file *f = qs_builtin_rules; f->name; f++) {
    char *p = qs_test_join(rules, f->name);
    FILE *fp = fopen(p, "w");
    cr_assert_not_null(fp);
    fwrite(f->data, 1, f->len, fp);
    fclose(fp);
    free(p);
  }
  char *slow = qs_test_join(rules, "99-slow.clp");
  FILE *fp = fopen(slow, "w");
  cr_assert_not_null(fp);
  fputs("(defmodule SLOW (import MAIN ?ALL))\n"
        "(defrule SLOW::slow (enterprise (id ?e)) => (loop-for-count (?i 300000) (bind ?x ?i)))\n",
        fp);
  fclose(fp);
  char *path = qs_test_join(dir, "many.xml");
  char *xml = submission(NULL, 0, 300);
  fp = fopen(path, "w");
  cr_assert_not_null(fp);
  fputs(xml, fp);
  fclose(fp);
  qs_run r = qs_run_cli(NULL, (const char *const[]){"score", "--lang", "en", "--rules", rules,
                                                    "--param", "run-seconds=1", path, NULL});
  cr_expect_eq(r.code, 1, "exit %d: %s", r.code, r.err);
  qs_buf want = {0};
  qs_buf_addf(&want,
              "qscore: error: %s: the rules ran for 1 seconds, the limit (parameter run-seconds), "
              "without finishing this file: not scored;",
              path);
  cr_expect(strncmp(r.err, want.s, want.len) == 0, "got: %s", r.err);
  cr_expect(strstr(r.err, "(stopped in module SLOW at rule slow, ") != NULL, "%s", r.err);
  qs_buf_free(&want);
  qs_run_free(&r);
  free(xml);
  free(path);
  free(slow);
  free(rules);
  qs_test_rmtree(dir);
}
