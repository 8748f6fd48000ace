/* test_intake.c -- the Excel intake workbook (intake/qs_intake.h, src/cmd_intake.c).
 *
 * The round trip of every sample: the submission exported to rows, the rows laid out as the
 * cells a reader gives for the written workbook (row 1 the column names, the expectations and
 * example rows, labels for codes, date serials, numbers), imported back, scored: the JSON
 * report is the sample's, but for the input's path and hash and the XML line numbers the
 * report cites (the import writes its own layout). The same through a real workbook file and
 * the reader (intake/qs_xlsx_read.c). The conversion's problems: each kind with its sheet,
 * row and column, all listed at once. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../engine/qs_render.h"
#include "helpers.h"
#include "qs_import.h"
#include "qs_intake.h"
#include "qs_util.h"

/* ------------------------------------------------------------------ a workbook in memory */

typedef struct {
  qs_xbook b;
} mbook;

static qs_xsheet *msheet(qs_xbook *b, const char *name) {
  b->sheets = realloc(b->sheets, (b->n_sheets + 1) * sizeof *b->sheets);
  qs_xsheet *s = &b->sheets[b->n_sheets++];
  memset(s, 0, sizeof *s);
  s->name = strdup(name);
  return s;
}

static void mcell(qs_xsheet *s, unsigned row, unsigned col, qs_xcell_kind kind, const char *t) {
  s->cells = realloc(s->cells, (s->n_cells + 1) * sizeof *s->cells);
  s->cells[s->n_cells++] = (qs_xcell){row, col, kind, strdup(t)};
  if (row > s->n_rows)
    s->n_rows = row;
}

static long days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static const char *label_of(const qs_lattr *a, const char *code) {
  for (size_t i = 0; i < a->n_enums; i++)
    if (strcmp(a->enums[i].code, code) == 0)
      return a->enums[i].label;
  return code;
}

/* The cells a reader gives for the workbook qs_intake_write makes of rows. */
static void book_from_rows(const qs_ilayout *l, const qs_irows *rows, qs_xbook *b) {
  memset(b, 0, sizeof *b);
  msheet(b, "填报说明");
  for (size_t i = 0; i < l->n; i++) {
    const qs_isheet *s = &l->sheets[i];
    qs_xsheet *x = msheet(b, s->name);
    for (size_t c = 0; c < s->n_cols; c++)
      mcell(x, 1, (unsigned)c, QS_XC_STR, s->cols[c].label);
    mcell(x, 2, 0, QS_XC_STR, "必填；文本");
    mcell(x, 3, 0, QS_XC_STR, "示例：X01");
    for (size_t r = 0; r < rows[i].n_rows; r++)
      for (size_t c = 0; c < s->n_cols; c++) {
        const char *v = rows[i].cells[r * s->n_cols + c];
        const qs_lattr *a = s->cols[c].attr;
        unsigned xr = (unsigned)(r + 4);
        if (!v)
          continue;
        if (a && (a->type == QL_ENUM || a->type == QL_BOOL)) {
          mcell(x, xr, (unsigned)c, QS_XC_STR, label_of(a, v));
        } else if (a && a->type == QL_DATE) {
          char serial[32];
          snprintf(serial, sizeof serial, "%ld",
                   days_from_civil(atoi(v), atoi(v + 5), atoi(v + 8)) -
                       days_from_civil(1899, 12, 30));
          mcell(x, xr, (unsigned)c, QS_XC_DATE, serial);
        } else if (a && (a->type == QL_INT || a->type == QL_DEC)) {
          mcell(x, xr, (unsigned)c, QS_XC_NUM, v);
        } else {
          mcell(x, xr, (unsigned)c, QS_XC_STR, v);
        }
      }
  }
}

static void book_free(qs_xbook *b) {
  for (size_t i = 0; i < b->n_sheets; i++) {
    for (size_t k = 0; k < b->sheets[i].n_cells; k++)
      free(b->sheets[i].cells[k].text);
    free(b->sheets[i].cells);
    free(b->sheets[i].name);
  }
  free(b->sheets);
}

/* ------------------------------------------------------------------ reports compared */

/* The JSON report of xml scored on 2026-12-31, without the input's path and hash and the XML
 * line numbers. */
static char *report_of(qs_engine *e, const char *xml) {
  qs_report *rep = NULL;
  char *diag = NULL;
  qs_engine_set_as_of(e, 20261231);
  qs_status st = qs_test_score_text(e, "x.xml", xml, &rep, &diag);
  cr_assert_eq(st, QS_OK, "%s", diag ? diag : "");
  free(diag);
  char *text = qs_render_json(rep, QS_LANG_ZH, 1);
  qs_report_free(rep);
  json_error_t err;
  json_t *j = json_loads(text, 0, &err);
  cr_assert(j);
  free(text);
  json_object_del(j, "input");
  char *out = json_dumps(j, JSON_INDENT(1) | JSON_SORT_KEYS);
  json_decref(j);
  return out;
}

static xmlDocPtr parse_sample(const char *path, char **text) {
  size_t len;
  *text = qs_test_slurp(path, &len);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_ZH);
  qs_schema *s = qs_schema_new(&d);
  cr_assert(s);
  qs_parse_limits lim = {100000, 10000, 64};
  xmlDocPtr doc = qs_import_parse(s, path, *text, len, &lim, &d);
  cr_assert(doc, "%s", path);
  qs_schema_free(s);
  qs_diag_free(&d);
  return doc;
}

/* The sample with each section's items grouped by kind in the schema's order, as the import
 * writes them (items of one kind keep their order): the order of the alternatives of an
 * xs:choice, which nothing in scoring reads but the report's lists follow. */
static void drop_blanks(xmlNode *n) {
  for (xmlNode *c = n->children, *next; c; c = next) {
    next = c->next;
    if (c->type == XML_COMMENT_NODE || (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (c->type == XML_ELEMENT_NODE) {
      drop_blanks(c);
    }
  }
}

static char *in_layout_order(xmlDocPtr doc) {
  xmlNode *root = xmlDocGetRootElement(doc);
  drop_blanks(root);
  for (xmlNode *c = doc->children, *next; c; c = next) {
    next = c->next;
    if (c->type == XML_COMMENT_NODE) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
  }
  for (xmlNode *sec = root->children; sec; sec = sec->next) {
    if (sec->type != XML_ELEMENT_NODE)
      continue;
    const qs_lnode *sn = NULL;
    for (size_t i = 0; i < qs_layout_root.n_children; i++)
      if (strcmp(qs_layout_root.children[i]->name, (const char *)sec->name) == 0)
        sn = qs_layout_root.children[i];
    if (!sn || !sn->n_children || sn->children[0]->sheet == NULL)
      continue; /* project, enterprises: sequences, kept */
    if (!xmlFirstElementChild(sec) && !sec->properties) {
      /* An empty section (<mechanism/>) holds nothing a sheet could show: the import
       * leaves it out. */
      xmlNode *prev = sec->prev;
      xmlUnlinkNode(sec);
      xmlFreeNode(sec);
      sec = prev ? prev : root->children;
      if (!sec)
        break;
      continue;
    }
    xmlNode *items[4096];
    size_t n = 0;
    for (xmlNode *c = sec->children; c && n < 4096; c = c->next)
      if (c->type == XML_ELEMENT_NODE)
        items[n++] = c;
    for (size_t k = 0; k < sn->n_children; k++)
      for (size_t i = 0; i < n; i++)
        if (strcmp((const char *)items[i]->name, sn->children[k]->name) == 0) {
          xmlUnlinkNode(items[i]);
          xmlAddChild(sec, items[i]);
        }
  }
  xmlChar *buf;
  int len;
  xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
  char *out = strndup((const char *)buf, (size_t)len);
  xmlFree(buf);
  return out;
}

static const char *const samples[] = {
    "samples/anhui-hefei-new-energy-vehicles.xml",
    "samples/fujian-quanzhou-textiles-footwear.xml",
    "samples/guangxi-liuzhou-luosifen.xml",
    "samples/hunan-changsha-construction-machinery.xml",
    "samples/jiangsu-suzhou-integrated-circuits.xml",
    "samples/shandong-qingdao-home-appliances.xml",
    "samples/sichuan-chengdu-rail-transit-equipment.xml",
    "samples/zhejiang-ningbo-auto-parts.xml",
};

/* guangxi's E06 carries a wrong credit-code check character on purpose (a flag the sample
 * shows): the import says so as a warning naming the cell and keeps the code as written, so
 * the report flags it as the sample's does; every sample comes back whole. */
static void round_trip(const char *path, const qs_xbook *given, const char *xml_in) {
  const qs_ilayout *l = qs_intake_layout();
  qs_diag d;
  qs_diag_init(&d, QS_LANG_ZH);
  d.limit = 1000;
  char *xml = NULL;
  size_t len = 0;
  int rc = qs_intake_import(l, given, "t.xlsx", &xml, &len, &d);
  char *why = qs_diag_string(&d);
  if (strstr(path, "guangxi")) {
    cr_expect_eq(d.n, 1, "%s", why);
    cr_expect_eq(qs_diag_errors(&d), 0, "%s", why);
    cr_expect(strstr(why, "警告") &&
                  strstr(why, "工作表「企业」第 9 行 第 B 列（统一社会信用代码）") &&
                  strstr(why, "91450222MA5Q7U1B8K"),
              "%s", why);
  } else {
    cr_expect_eq(d.n, 0, "%s: %s", path, why);
  }
  cr_assert_eq(rc, 0, "%s: %s", path, why);
  free(why);
  qs_diag_free(&d);
  qs_engine *e = qs_test_engine();
  char *want = report_of(e, xml_in);
  char *got = report_of(e, xml);
  cr_expect_str_eq(got, want, "%s: the report of the imported workbook differs", path);
  free(want);
  free(got);
  free(xml);
  qs_engine_free(e);
}

Test(intake, round_trip_in_memory) {
  const qs_ilayout *l = qs_intake_layout();
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    char *text;
    xmlDocPtr doc = parse_sample(samples[i], &text);
    qs_irows *rows = qs_intake_export(l, doc);
    free(text);
    text = in_layout_order(doc);
    xmlFreeDoc(doc);
    qs_xbook b;
    book_from_rows(l, rows, &b);
    round_trip(samples[i], &b, text);
    book_free(&b);
    qs_intake_rows_free(rows, l->n);
    free(text);
  }
}

/* Through a written workbook and the reader. */
Test(intake, round_trip_through_xlsx) {
  const qs_ilayout *l = qs_intake_layout();
  char *dir = qs_test_tmpdir();
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    char *text;
    xmlDocPtr doc = parse_sample(samples[i], &text);
    qs_irows *rows = qs_intake_export(l, doc);
    free(text);
    text = in_layout_order(doc);
    xmlFreeDoc(doc);
    char *file = qs_test_join(dir, "a.xlsx");
    FILE *f = fopen(file, "w+");
    cr_assert(f);
    cr_assert_eq(qs_intake_write(l, rows, fileno(f), file, QS_LANG_ZH), 0);
    fclose(f);
    qs_xbook b;
    char *err = NULL;
    cr_assert_eq(qs_xlsx_read(file, &b, &err), QS_OK, "%s", err ? err : "");
    round_trip(samples[i], &b, text);
    qs_xbook_free(&b);
    qs_intake_rows_free(rows, l->n);
    free(file);
    free(text);
  }
  qs_test_rmtree(dir);
}

/* ------------------------------------------------------------------ layout */

Test(intake, layout_from_the_schema) {
  const qs_ilayout *l = qs_intake_layout();
  cr_assert_str_eq(l->sheets[0].name, "项目信息");
  const char *want[] = {"企业",     "链长",     "申报单位", "联盟",       "成员单位",
                        "年度数值", "证明材料", "自评分",   "标准制修订", "质量管理能力评价"};
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
    int found = 0;
    for (size_t i = 0; i < l->n; i++)
      found |= strcmp(l->sheets[i].name, want[k]) == 0;
    cr_expect(found, "no sheet %s", want[k]);
  }
  /* Column names are unique within a sheet (import finds columns by name) and every sheet
   * name fits a tab (31 characters). */
  for (size_t i = 0; i < l->n; i++) {
    const qs_isheet *s = &l->sheets[i];
    cr_expect(strlen(s->name) <= 31 * 3);
    for (size_t a = 0; a < s->n_cols; a++)
      for (size_t b = a + 1; b < s->n_cols; b++)
        cr_expect_str_neq(s->cols[a].label, s->cols[b].label, "sheet %s", s->name);
  }
}

/* ------------------------------------------------------------------ problems */

static qs_xsheet *with_header(qs_xbook *b, const char *name) {
  const qs_ilayout *l = qs_intake_layout();
  qs_xsheet *x = msheet(b, name);
  for (size_t i = 0; i < l->n; i++)
    if (strcmp(l->sheets[i].name, name) == 0)
      for (size_t c = 0; c < l->sheets[i].n_cols; c++)
        mcell(x, 1, (unsigned)c, QS_XC_STR, l->sheets[i].cols[c].label);
  return x;
}

/* The project sheet's columns: 项目编号 项目名称 省级 市级 地区名称 产业链 链上企业数量·编号
 * ·企业数 ·说明 工作启动日期 自评·自评总分. */
static void good_project(qs_xbook *b) {
  qs_xsheet *p = with_header(b, "项目信息");
  mcell(p, 4, 0, QS_XC_STR, "T-1");
  mcell(p, 4, 1, QS_XC_STR, "测试项目");
  mcell(p, 4, 2, QS_XC_STR, "330000");
  mcell(p, 4, 4, QS_XC_STR, "浙江省");
  mcell(p, 4, 5, QS_XC_STR, "汽车零部件");
  mcell(p, 4, 9, QS_XC_STR, "2023年3月1日");
  qs_xsheet *a = with_header(b, "申报单位");
  mcell(a, 4, 0, QS_XC_STR, "政府部门");
  mcell(a, 4, 1, QS_XC_STR, "某市市场监督管理局");
}

static char *import_text(const qs_xbook *b, int *rc, size_t *n) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_ZH);
  d.limit = 1000;
  char *xml = NULL;
  size_t len;
  *rc = qs_intake_import(qs_intake_layout(), b, "t.xlsx", &xml, &len, &d);
  *n = d.n;
  char *s = *rc == 0 ? xml : qs_diag_string(&d);
  if (*rc != 0)
    free(xml);
  qs_diag_free(&d);
  return s;
}

Test(intake, a_minimal_workbook_imports) {
  qs_xbook b = {0};
  good_project(&b);
  qs_xsheet *e = with_header(&b, "企业");
  /* 企业编号 统一社会信用代码 链上角色 企业规模 专精特新 认定日期 企业名称 */
  mcell(e, 4, 0, QS_XC_STR, "E1");
  mcell(e, 4, 1, QS_XC_STR, "91330206144081537U");
  mcell(e, 4, 2, QS_XC_STR, "链主企业");
  mcell(e, 4, 3, QS_XC_STR, "large"); /* a code is accepted as well as its label */
  mcell(e, 4, 6, QS_XC_STR, "甲公司");
  int rc;
  size_t n;
  char *out = import_text(&b, &rc, &n);
  cr_assert_eq(rc, 0, "%s", out);
  cr_expect(strstr(out, "<work-start>2023-03-01</work-start>"), "%s", out);
  cr_expect(strstr(out, "role=\"chain-leader\" size=\"large\""), "%s", out);
  cr_expect(strstr(out, "<applicant kind=\"government\">某市市场监督管理局</applicant>"), "%s",
            out);
  cr_expect(!strstr(out, "chain-size"), "an empty optional group is left out: %s", out);
  free(out);
  book_free(&b);
}

Test(intake, every_problem_at_once) {
  qs_xbook b = {0};
  good_project(&b);
  qs_xsheet *e = with_header(&b, "企业");
  mcell(e, 4, 0, QS_XC_STR, "E1");
  mcell(e, 4, 1, QS_XC_STR, "91330206144081537X"); /* check character: U */
  mcell(e, 4, 2, QS_XC_STR, "链长企业");           /* not a choice */
  mcell(e, 4, 3, QS_XC_STR, "大型");
  mcell(e, 4, 5, QS_XC_STR, "2023-02-30"); /* no such day */
  mcell(e, 4, 6, QS_XC_STR, "甲公司");
  mcell(e, 5, 0, QS_XC_STR, "E1"); /* duplicate id */
  mcell(e, 5, 1, QS_XC_STR, "91330206144081537U");
  mcell(e, 5, 2, QS_XC_STR, "sme");
  mcell(e, 5, 3, QS_XC_STR, "小型"); /* and no name: required */
  qs_xsheet *t = with_header(&b, "质量培训");
  /* 编号 日期 标题 参训人数 学时 说明 */
  mcell(t, 4, 0, QS_XC_STR, "TR1");
  mcell(t, 4, 1, QS_XC_DATE, "45000");
  mcell(t, 4, 2, QS_XC_STR, "培训");
  mcell(t, 4, 3, QS_XC_STR, "三十"); /* not a number */
  mcell(t, 4, 4, QS_XC_STR, "1.5");
  qs_xsheet *o = with_header(&b, "首席质量官与标准总监");
  /* 编号 企业编号 日期 职务类别 姓名 说明 */
  mcell(o, 4, 0, QS_XC_STR, "OF1");
  mcell(o, 4, 1, QS_XC_STR, "E9"); /* no such enterprise */
  mcell(o, 4, 2, QS_XC_STR, "2024/5/6");
  mcell(o, 4, 3, QS_XC_STR, "首席质量官");
  mcell(o, 4, 4, QS_XC_NUM, "2.5"); /* a name given as a number is text: fine */
  int rc;
  size_t n;
  char *why = import_text(&b, &rc, &n);
  cr_assert_eq(rc, -1);
  const char *expect[] = {
      "工作表「企业」第 4 行 第 B "
      "列（统一社会信用代码）：统一社会信用代码「91330206144081537X」的校验位不对（按 GB 32100，第 "
      "18 位应为 U）",
      "工作表「企业」第 4 行 第 C 列（链上角色）：「链长企业」不是可选的值",
      "工作表「企业」第 4 行 第 F 列（专精特新认定日期）：「2023-02-30」不是日期",
      "工作表「企业」第 5 行 第 A 列（企业编号）：编号「E1」重复，已用于工作表「企业」第 4 行",
      "工作表「企业」第 5 行 第 G 列（企业名称）：必填，但为空",
      "工作表「质量培训」第 4 行 第 D 列（参训人数）：「三十」不是数字",
      "工作表「首席质量官与标准总监」第 4 行 第 B 列（企业编号）：「E9」不是工作表「企业」中的编号",
  };
  for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
    cr_expect(strstr(why, expect[i]), "missing: %s\nin:\n%s", expect[i], why);
  cr_expect_eq(n, sizeof expect / sizeof expect[0], "%s", why);
  free(why);
  book_free(&b);
}

Test(intake, a_row_under_an_unknown_parent) {
  qs_xbook b = {0};
  good_project(&b);
  qs_xsheet *e = with_header(&b, "企业");
  mcell(e, 4, 0, QS_XC_STR, "E1");
  mcell(e, 4, 1, QS_XC_STR, "91330206144081537U");
  mcell(e, 4, 2, QS_XC_STR, "链主企业");
  mcell(e, 4, 3, QS_XC_STR, "大型");
  mcell(e, 4, 6, QS_XC_STR, "甲公司");
  qs_xsheet *d = with_header(&b, "证明材料");
  mcell(d, 4, 0, QS_XC_STR, "E1"); /* an enterprise has no documents */
  mcell(d, 4, 1, QS_XC_STR, "a.pdf");
  int rc;
  size_t n;
  char *why = import_text(&b, &rc, &n);
  cr_assert_eq(rc, -1);
  cr_expect(strstr(why, "工作表「证明材料」第 4 行 第 A 列（所属编号）：所属编号「E1」"), "%s",
            why);
  free(why);
  book_free(&b);
}

Test(intake, values) {
  char d[11];
  cr_expect(qs_intake_date("2024-03-15", 0, 0, d) == 0 && strcmp(d, "2024-03-15") == 0);
  cr_expect(qs_intake_date("2024/3/5", 0, 0, d) == 0 && strcmp(d, "2024-03-05") == 0);
  cr_expect(qs_intake_date("2024年3月5日", 0, 0, d) == 0 && strcmp(d, "2024-03-05") == 0);
  cr_expect(qs_intake_date("45366", 1, 0, d) == 0 && strcmp(d, "2024-03-15") == 0, "%s", d);
  cr_expect(qs_intake_date("2024-13-01", 0, 0, d) != 0);
  cr_expect(qs_intake_date("24-3-1", 0, 0, d) != 0);
  cr_expect(qs_intake_date("2024-03-15x", 0, 0, d) != 0);
  const char *const dec[][2] = {{"98.50", "98.5"}, {"1E+3", "1000"}, {"1.5e-2", "0.015"},
                                {"-0", "0"},       {"007", "7"},     {"12,345.6", "12345.6"},
                                {"0.10", "0.1"},   {"2023", "2023"}};
  for (size_t i = 0; i < sizeof dec / sizeof dec[0]; i++) {
    char *v = qs_intake_decimal(dec[i][0]);
    cr_expect(v && strcmp(v, dec[i][1]) == 0, "%s -> %s", dec[i][0], v ? v : "NULL");
    free(v);
  }
  const char *const bad[] = {"", "abc", "1.2.3", "1e", "--1", "1e999", "十"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *v = qs_intake_decimal(bad[i]);
    cr_expect(!v, "%s -> %s", bad[i], v);
    free(v);
  }
}

/* ------------------------------------------------------------------ the commands */

Test(intake, template_is_deterministic_and_refuses_links) {
  char *dir = qs_test_tmpdir();
  char *a = qs_test_join(dir, "a.xlsx"), *b = qs_test_join(dir, "b.xlsx");
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  const char *argv1[] = {"template", "-o", a, NULL};
  qs_run r = qs_run_cli(NULL, argv1);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  const char *argv2[] = {"template", "-o", b, NULL};
  r = qs_run_cli(NULL, argv2);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  qs_test_expect_same_file(a, b);
  size_t len;
  char *bytes = qs_test_slurp(a, &len);
  cr_expect(len > 4 && memcmp(bytes, "PK", 2) == 0);
  free(bytes);
  char *link = qs_test_join(dir, "link.xlsx");
  cr_assert_eq(symlink(a, link), 0);
  const char *argv3[] = {"template", "-o", link, NULL};
  r = qs_run_cli(NULL, argv3);
  cr_expect_eq(r.code, 1, "a link is refused");
  qs_run_free(&r);
  struct stat st;
  cr_expect(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
  free(a);
  free(b);
  free(link);
  qs_test_rmtree(dir);
}

Test(intake, export_needs_an_output_and_a_valid_file) {
  const char *argv1[] = {"export", "samples/guangxi-liuzhou-luosifen.xml", NULL};
  qs_run r = qs_run_cli(NULL, argv1);
  cr_expect_eq(r.code, 2);
  qs_run_free(&r);
  char *dir = qs_test_tmpdir();
  char *out = qs_test_join(dir, "x.xlsx");
  const char *argv2[] = {"export", "tests/hostile/not-xml.xml", "-o", out, NULL};
  r = qs_run_cli(NULL, argv2);
  cr_expect_eq(r.code, 1, "%s", r.err);
  qs_run_free(&r);
  cr_expect(access(out, F_OK) != 0, "nothing written for an invalid file");
  free(out);
  qs_test_rmtree(dir);
}

Test(intake, help_texts) {
  const char *const cmds[] = {"template", "export", "import"};
  for (size_t i = 0; i < 3; i++) {
    char usage_en[64], usage_zh[64];
    snprintf(usage_en, sizeof usage_en, "usage: qscore %s", cmds[i]);
    snprintf(usage_zh, sizeof usage_zh, "用法：qscore %s", cmds[i]);
    const char *argv[] = {cmds[i], "--help", "--lang", "en", NULL};
    qs_run r = qs_run_cli(NULL, argv);
    cr_expect_eq(r.code, 0);
    cr_expect(strstr(r.out, usage_en) == r.out, "%s", r.out);
    qs_run_free(&r);
    const char *argv_zh[] = {cmds[i], "-h", NULL};
    r = qs_run_cli(NULL, argv_zh);
    cr_expect(strstr(r.out, usage_zh) == r.out, "%s", r.out);
    qs_run_free(&r);
    const char *argv_all[] = {"--help", NULL};
    r = qs_run_cli(NULL, argv_all);
    cr_expect(strstr(r.out, cmds[i]), "the general help lists %s", cmds[i]);
    qs_run_free(&r);
  }
}

/* Many rows under many parents: every row finds its parent through the index (the work is
 * linear in the rows), and each item keeps its documents in their order. */
Test(intake, many_rows_under_their_parents) {
  qs_xbook b = {0};
  good_project(&b);
  qs_xsheet *e = with_header(&b, "企业");
  mcell(e, 4, 0, QS_XC_STR, "E1");
  mcell(e, 4, 1, QS_XC_STR, "91330206144081537U");
  mcell(e, 4, 2, QS_XC_STR, "链主企业");
  mcell(e, 4, 3, QS_XC_STR, "大型");
  mcell(e, 4, 6, QS_XC_STR, "甲公司");
  enum { N = 3000 };
  qs_xsheet *t = with_header(&b, "质量培训");
  for (unsigned i = 0; i < N; i++) {
    char id[32];
    snprintf(id, sizeof id, "TR%u", i);
    mcell(t, 4 + i, 0, QS_XC_STR, id);
    mcell(t, 4 + i, 1, QS_XC_STR, "2024-01-02");
    mcell(t, 4 + i, 2, QS_XC_STR, "培训");
    mcell(t, 4 + i, 3, QS_XC_NUM, "10");
  }
  qs_xsheet *d = with_header(&b, "证明材料");
  for (unsigned i = 0; i < 2 * N; i++) { /* in reverse: two per training */
    char id[32], file[32];
    snprintf(id, sizeof id, "TR%u", N - 1 - i / 2);
    snprintf(file, sizeof file, "f%u.pdf", i);
    mcell(d, 4 + i, 0, QS_XC_STR, id);
    mcell(d, 4 + i, 1, QS_XC_STR, file);
  }
  int rc;
  size_t n;
  char *xml = import_text(&b, &rc, &n);
  cr_assert_eq(rc, 0, "%s", xml);
  cr_expect(strstr(xml,
                   "<training id=\"TR0\" date=\"2024-01-02\" title=\"培训\" participants=\"10\">\n"
                   "      <doc file=\"f5998.pdf\"/>\n      <doc file=\"f5999.pdf\"/>"),
            "%.2000s", xml);
  size_t docs = 0;
  for (const char *p = xml; (p = strstr(p, "<doc ")); p++)
    docs++;
  cr_expect_eq(docs, 2 * N);
  free(xml);
  book_free(&b);
}

/* docs/填报说明.md says what the guide sheet says: every sheet with its columns. */
Test(intake, the_guide_in_docs_is_the_sheet) {
  char *md = qs_test_slurp("docs/填报说明.md", NULL);
  char *g = qs_intake_guide(qs_intake_layout(), QS_LANG_ZH);
  for (char *line = g, *next; line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    const char *rest = strstr(line, "：");
    if (line[0] && rest)
      cr_expect(strstr(md, rest + strlen("：")), "docs/填报说明.md lacks: %s", line);
  }
  free(g);
  free(md);
}

/* What only the schema checks (a province code's shape) is reported at its cell too; a
 * control character in a cell is refused before it could reach the XML. */
Test(intake, schema_problems_and_control_characters) {
  qs_xbook b = {0};
  qs_xsheet *p = with_header(&b, "项目信息");
  mcell(p, 4, 0, QS_XC_STR, "T-1");
  mcell(p, 4, 1, QS_XC_STR, "测试项目");
  mcell(p, 4, 2, QS_XC_STR, "33000"); /* five digits */
  mcell(p, 4, 4, QS_XC_STR, "浙江省");
  mcell(p, 4, 5, QS_XC_STR, "汽车零部件");
  mcell(p, 4, 9, QS_XC_DATE, "44986"); /* 2023-03-01 */
  qs_xsheet *a = with_header(&b, "申报单位");
  mcell(a, 4, 0, QS_XC_STR, "政府部门");
  mcell(a, 4, 1, QS_XC_STR, "某市市场监督管理局");
  qs_xsheet *e = with_header(&b, "企业");
  mcell(e, 4, 0, QS_XC_STR, "E1");
  mcell(e, 4, 1, QS_XC_STR, "91330206144081537U");
  mcell(e, 4, 2, QS_XC_STR, "链主企业");
  mcell(e, 4, 3, QS_XC_STR, "大型");
  mcell(e, 4, 6, QS_XC_STR, "甲公司");
  int rc;
  size_t n;
  char *why = import_text(&b, &rc, &n);
  cr_assert_eq(rc, -1);
  cr_expect(strstr(why, "工作表「项目信息」第 4 行 第 C 列（省级行政区划代码）："), "%s", why);
  free(why);
  /* Sheets added after p moved the array: find both again. */
  p = (qs_xsheet *)qs_xbook_sheet(&b, "项目信息");
  e = (qs_xsheet *)qs_xbook_sheet(&b, "企业");
  free(e->cells[e->n_cells - 1].text);
  e->cells[e->n_cells - 1].text = strdup("甲\x1b[31m公司");
  free(p->cells[p->n_cells - 4].text);
  p->cells[p->n_cells - 4].text = strdup("330000");
  why = import_text(&b, &rc, &n);
  cr_assert_eq(rc, -1);
  cr_expect(strstr(why, "工作表「企业」第 4 行 第 G 列（企业名称）：") && strstr(why, "控制字符"),
            "%s", why);
  cr_expect_eq(n, 1, "%s", why);
  free(why);
  book_free(&b);
}

Test(intake, a_workbook_without_the_project_sheet) {
  qs_xbook b = {0};
  msheet(&b, "Sheet1");
  int rc;
  size_t n;
  char *why = import_text(&b, &rc, &n);
  cr_assert_eq(rc, -1);
  cr_expect(strstr(why, "工作表「项目信息」：缺少此工作表"), "%s", why);
  free(why);
  book_free(&b);
}

/* The shipped sample workbook (saved by LibreOffice, so written by an office suite and not by
 * qscore) imports to its sample's report. */
Test(intake, the_sample_workbook_imports) {
  char *text;
  xmlDocPtr doc = parse_sample("samples/zhejiang-ningbo-auto-parts.xml", &text);
  free(text);
  text = in_layout_order(doc);
  xmlFreeDoc(doc);
  qs_xbook b;
  char *err = NULL;
  cr_assert_eq(qs_xlsx_read("samples/intake/zhejiang-ningbo-auto-parts.xlsx", &b, &err), QS_OK,
               "%s", err ? err : "");
  round_trip("samples/zhejiang-ningbo-auto-parts.xml", &b, text);
  qs_xbook_free(&b);
  free(text);
}
