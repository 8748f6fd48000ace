/* test_hostile.c -- the hostile and broken corpus (tests/hostile/, expectations in
 * tests/hostile/expect.tsv), hostile files too big to keep in the repository (generated
 * here), limits given as parameters, and a batch mixing hostile files with good ones.
 *
 * Every expectation is exact: the exit code and every line on stderr, naming the file and the
 * line. The corpus is run through the qscore binary, the way a reviewer meets it. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "helpers.h"

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})
#define DIR_ "tests/hostile/"

/* printf into a new string. */
static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  qs_buf b = {0};
  qs_buf_vaddf(&b, f, ap);
  va_end(ap);
  return qs_buf_take(&b);
}

/* ------------------------------------------------------------------ the manifest */

typedef struct {
  char *file;
  int code;
  char *line; /* expected stderr line, "{f}" replaced by the path; "" for none */
} expect_row;

static expect_row *rows;
static size_t n_rows;

static char *replace_f(const char *tmpl, const char *path) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (const char *p = tmpl; *p;) {
    if (strncmp(p, "{f}", 3) == 0) {
      qs_buf_add(&b, path);
      p += 3;
    } else {
      qs_buf_addn(&b, p++, 1);
    }
  }
  return qs_buf_take(&b);
}

static void load_manifest(void) {
  size_t len;
  char *text = qs_test_slurp(DIR_ "expect.tsv", &len);
  size_t cap = 0;
  for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
    if (l[0] == '#')
      continue;
    char *t1 = strchr(l, '\t');
    cr_assert_not_null(t1, "expect.tsv: no tab in '%s'", l);
    char *t2 = strchr(t1 + 1, '\t');
    cr_assert_not_null(t2, "expect.tsv: one tab only in '%s'", l);
    *t1 = *t2 = '\0';
    qs_grow(&rows, &cap, n_rows + 1, sizeof *rows);
    char *path = qs_test_join(DIR_, l);
    rows[n_rows++] = (expect_row){qs_xstrdup(l), atoi(t1 + 1), replace_f(t2 + 1, path)};
    free(path);
  }
  free(text);
}

static void free_manifest(void) {
  for (size_t i = 0; i < n_rows; i++) {
    free(rows[i].file);
    free(rows[i].line);
  }
  free(rows);
  rows = NULL;
  n_rows = 0;
}

TestSuite(hostile, .init = load_manifest, .fini = free_manifest);

static size_t count_lines(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

/* Line i (0-based) of s, allocated, or NULL. */
static char *nth_line(const char *s, size_t i) {
  for (; i > 0 && s; i--) {
    s = strchr(s, '\n');
    if (s)
      s++;
  }
  if (!s || !*s)
    return NULL;
  const char *e = strchr(s, '\n');
  size_t n = e ? (size_t)(e - s) : strlen(s);
  char *l = qs_xmalloc(n + 1);
  memcpy(l, s, n);
  l[n] = '\0';
  return l;
}

Test(hostile, every_file_has_an_expectation) {
  DIR *dir = opendir(DIR_);
  cr_assert_not_null(dir);
  size_t files = 0;
  for (struct dirent *de; (de = readdir(dir));) {
    if (de->d_name[0] == '.' || strcmp(de->d_name, "expect.tsv") == 0)
      continue;
    files++;
    int found = 0;
    for (size_t i = 0; i < n_rows && !found; i++)
      found = strcmp(rows[i].file, de->d_name) == 0;
    cr_expect(found, "%s%s has no row in expect.tsv", DIR_, de->d_name);
  }
  closedir(dir);
  cr_expect(files >= 27, "the corpus has %zu files", files);
  for (size_t i = 0; i < n_rows; i++) {
    char *path = qs_test_join(DIR_, rows[i].file);
    cr_expect(access(path, R_OK) == 0, "expect.tsv names %s, which is not there", path);
    free(path);
  }
}

/* Each file: the exit code, and exactly the expected stderr lines in order. */
Test(hostile, every_file_gives_exactly_its_expected_outcome, .timeout = 120) {
  for (size_t i = 0; i < n_rows;) {
    size_t j = i;
    while (j < n_rows && strcmp(rows[j].file, rows[i].file) == 0)
      j++;
    char *path = qs_test_join(DIR_, rows[i].file);
    qs_run r = RUN("score", "--lang", "en", path);
    cr_expect_eq(r.code, rows[i].code, "%s: exit %d, expected %d; stderr: %s", path, r.code,
                 rows[i].code, r.err);
    if (rows[i].line[0] == '\0') {
      cr_expect_str_empty(r.err, "%s: nothing on stderr expected: %s", path, r.err);
      cr_expect(strstr(r.out, "Total: ") != NULL, "%s: a report on stdout", path);
    } else {
      cr_expect_eq(count_lines(r.err), j - i, "%s: %zu lines expected on stderr:\n%s", path, j - i,
                   r.err);
      for (size_t k = i; k < j; k++) {
        char *got = nth_line(r.err, k - i);
        cr_expect(got && strcmp(got, rows[k].line) == 0, "%s: line %zu\n got: %s\nwant: %s", path,
                  k - i + 1, got ? got : "(none)", rows[k].line);
        free(got);
      }
      cr_expect_str_empty(r.out, "%s: no report for a file not scored", path);
    }
    qs_run_free(&r);
    free(path);
    i = j;
  }
}

/* The Chinese interface names the same files and lines. */
Test(hostile, chinese_messages_name_the_same_places, .timeout = 120) {
  for (size_t i = 0; i < n_rows; i++) {
    if (rows[i].line[0] == '\0' || (i > 0 && strcmp(rows[i - 1].file, rows[i].file) == 0))
      continue;
    char *path = qs_test_join(DIR_, rows[i].file);
    qs_run r = RUN("score", "--lang", "zh", path);
    cr_expect_eq(r.code, rows[i].code, "%s", path);
    /* "qscore: error: {path}:{line}: " in English is "qscore: 错误: {path}: 第 {line} 行: ". */
    const char *after = strstr(rows[i].line, path);
    cr_assert_not_null(after, "%s", rows[i].line);
    after += strlen(path);
    long line = *after == ':' && after[1] != ' ' ? strtol(after + 1, NULL, 10) : 0;
    char *want =
        line ? fmt("qscore: 错误: %s: 第 %ld 行: ", path, line) : fmt("qscore: 错误: %s: ", path);
    cr_expect(strncmp(r.err, want, strlen(want)) == 0, "%s expected at the start of: %s", want,
              r.err);
    free(want);
    qs_run_free(&r);
    free(path);
  }
}

/* ------------------------------------------------------------------ files that score */

static qs_engine *engine;

static qs_report *score(const char *path) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_report *rep = NULL;
  qs_status st = qs_engine_score(engine, path, &rep, &d);
  char *text = qs_diag_string(&d);
  cr_assert_eq(st, QS_OK, "%s: %s", path, text);
  free(text);
  qs_diag_free(&d);
  return rep;
}

static void engine_up(void) { engine = qs_test_engine(); }
static void engine_down(void) { qs_engine_free(engine); }

TestSuite(hostile_scores, .init = engine_up, .fini = engine_down);

static void expect_same_points(const qs_report *a, const qs_report *b, const char *what) {
  cr_assert_eq(a->n_results, b->n_results);
  cr_expect_eq(a->total, b->total, "%s: total %d vs %d", what, a->total, b->total);
  for (size_t i = 0; i < a->n_results; i++) {
    cr_expect_eq(a->results[i].level, b->results[i].level, "%s: band of indicator %zu", what, i);
    cr_expect_eq(a->results[i].points, b->results[i].points, "%s: points of indicator %zu", what,
                 i);
  }
}

Test(hostile_scores, utf16_with_and_without_bom_score_as_their_utf8_twin) {
  qs_report *u8 = score(DIR_ "encoding-utf8.xml");
  qs_report *le = score(DIR_ "encoding-utf16le-bom.xml");
  qs_report *be = score(DIR_ "encoding-utf16be.xml");
  cr_expect(u8->total > 0, "the twin scores something (%d)", u8->total);
  expect_same_points(u8, le, "UTF-16LE with BOM");
  expect_same_points(u8, be, "UTF-16BE without BOM");
  /* Text arrives as the same UTF-8. */
  cr_expect_str_eq(le->title, "测试项目");
  cr_expect_str_eq(be->chain, "汽车零部件");
  cr_expect_str_eq(qs_report_evidence(be, "S1")->label, qs_report_evidence(u8, "S1")->label);
  qs_report_free(u8);
  qs_report_free(le);
  qs_report_free(be);
}

/* NEL and CSI (C1 controls, written as UTF-8 bytes: C forbids them as \\u), RLO, ZWSP, BOM */
#define CTL                                                                                        \
  "\xc2\x85\xc2\x9b"                                                                               \
  "31m\u202e\u200b\ufeff"
#define INJ ") (assert (injected)) ;"

Test(hostile_scores, control_characters_and_clips_syntax_are_stored_verbatim) {
  qs_report *rep = score(DIR_ "control-chars.xml");
  cr_expect_str_eq(rep->title, "标题" CTL "\"" INJ);
  cr_expect_str_eq(rep->region, "区域" CTL INJ);
  cr_expect_str_eq(rep->chain, "链" CTL "?x $?y &:(eval \"(exit)\")");
  /* Ids that are CLIPS words stay strings: the standards of enterprises "nil" and "crlf"
   * count as those of encoding-utf8.xml's E1 and E2, no more and no less. */
  const qs_evidence *s1 = qs_report_evidence(rep, "S.1-_");
  cr_assert_not_null(s1);
  cr_expect_str_eq(s1->enterprise, "nil");
  cr_expect_str_eq(s1->label, "GB/T 39999-2024");
  /* The enterprise's name reaches the reason as the string it is. */
  const qs_result *std = qs_test_result(rep, "standards");
  int quoted = 0;
  for (size_t i = 0; i < std->n_reasons; i++)
    quoted |= strstr(std->reasons[i].text, "甲" CTL "\"" INJ) != NULL;
  cr_expect(quoted, "the name with controls and CLIPS syntax is quoted in a reason");
  qs_report *twin = score(DIR_ "encoding-utf8.xml");
  expect_same_points(rep, twin, "control-chars.xml against its plain twin");
  qs_report_free(twin);
  qs_report_free(rep);
}

Test(hostile_scores, reports_carry_control_characters_as_data) {
  /* JSON keeps them (escaped by the encoder, read back verbatim); the messages never do. */
  qs_run r = RUN("score", "--format", "json", DIR_ "control-chars.xml");
  cr_assert_eq(r.code, 0, "%s", r.err);
  json_error_t err;
  json_t *j = json_loads(r.out, 0, &err);
  cr_assert_not_null(j, "JSON: %s", err.text);
  cr_expect_str_eq(json_string_value(json_object_get(json_object_get(j, "submission"), "title")),
                   "标题" CTL "\"" INJ);
  json_decref(j);
  qs_run_free(&r);
}

Test(hostile_scores, the_text_report_escapes_them_for_the_terminal) {
  qs_run r = RUN("score", "--lang", "en", DIR_ "control-chars.xml");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "Project: H-ctl 标题\\u0085\\u009b31m\\u202e\\u200b\\ufeff\") (assert "
                          "(injected)) ;\n") != NULL,
            "%.400s", r.out);
  cr_expect(strstr(r.out, "\xc2\x9b") == NULL, "no raw CSI reaches the terminal");
  cr_expect(strstr(r.out, "\u202e") == NULL, "no raw right-to-left override");
  qs_run_free(&r);
  r = RUN("explain", "--lang", "en", DIR_ "control-chars.xml");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\xc2\x9b") == NULL && strstr(r.out, "\\u009b31m") != NULL);
  qs_run_free(&r);
}

Test(hostile_scores, zero_and_negative_zero_bases_do_not_divide) {
  /* score() fails the test on a rules error (CLIPS reports a division by zero as one). */
  qs_report *rep = score(DIR_ "negative-zero.xml");
  const qs_result *dev = qs_test_result(rep, "development");
  cr_expect_eq(dev->level, 0, "no growth from zero");
  int no_growth = 0;
  for (size_t i = 0; i < dev->n_flags; i++)
    no_growth |= strcmp(dev->flags[i].code, "no-growth") == 0;
  cr_expect(no_growth, "the flat zero series is named");
  qs_report_free(rep);
}

/* ------------------------------------------------------------------ generated at test time */

/* The encoding-utf8.xml submission with the first `from` replaced by `to` repeated n times
 * (to == NULL: by nothing), written to dir/name. Returns the path. */
static char *variant(const char *dir, const char *name, const char *from, const char *to_head,
                     const char *to_rep, size_t n, const char *to_tail) {
  size_t len;
  char *src = qs_test_slurp(DIR_ "encoding-utf8.xml", &len);
  char *at = strstr(src, from);
  cr_assert_not_null(at, "%s not in the twin", from);
  char *path = qs_test_join(dir, name);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  fwrite(src, 1, (size_t)(at - src), f);
  fputs(to_head, f);
  size_t rl = strlen(to_rep);
  for (size_t i = 0; i < n; i++)
    fwrite(to_rep, 1, rl, f);
  fputs(to_tail, f);
  fputs(at + strlen(from), f);
  cr_assert_eq(fclose(f), 0);
  free(src);
  return path;
}

Test(hostile, nesting_a_hundred_thousand_levels_deep, .timeout = 60) {
  char *dir = qs_test_tmpdir();
  /* The title (depth 3) on line 5, then one element a line: depth 65 is on line 5 + 62. */
  char *path =
      variant(dir, "deep.xml", "<title>测试项目</title>", "<title>\n", "<a>\n", 100000, "");
  qs_run r = RUN("score", "--lang", "en", path);
  char *want = fmt("qscore: error: %s:67: elements nested deeper than 64 levels (the "
                   "submission format has a few): parsing stopped, not scored\n",
                   path);
  cr_expect_eq(r.code, 1);
  cr_expect_str_eq(r.err, want);
  free(want);
  qs_run_free(&r);
  free(path);
  qs_test_rmtree(dir);
}

Test(hostile, a_hundred_megabyte_text_node, .timeout = 120) {
  char *dir = qs_test_tmpdir();
  char block[1 << 16];
  memset(block, 'x', sizeof block);
  block[sizeof block - 1] = '\0';
  /* 1600 blocks of 64 KiB - 1 byte: just under 100 MiB, over the 64 MiB default limit. */
  char *path =
      variant(dir, "big.xml", "<chain>汽车零部件</chain>", "<chain>", block, 1600, "</chain>");
  qs_run r = RUN("score", "--lang", "en", path);
  char *want = fmt(
      "qscore: error: %s: file larger than the 64 MiB limit (parameter max-input-mb); not scored\n",
      path);
  cr_expect_eq(r.code, 1);
  cr_expect_str_eq(r.err, want);
  free(want);
  qs_run_free(&r);
  /* Let it through the size limit: the schema's length limit names the element and line. */
  r = RUN("score", "--lang", "en", "--param", "max-input-mb=200", path);
  want = fmt("qscore: error: %s:7: does not match the submission schema "
             "(schemas/submission-2025.xsd): Element 'chain': [facet 'maxLength'] The "
             "value has a length of '104856000'; this exceeds the allowed maximum "
             "length of '200'.\n",
             path);
  cr_expect_eq(r.code, 1);
  cr_expect_str_eq(r.err, want);
  free(want);
  qs_run_free(&r);
  free(path);
  qs_test_rmtree(dir);
}

Test(hostile, a_one_megabyte_attribute, .timeout = 60) {
  char *dir = qs_test_tmpdir();
  char *path = variant(dir, "attr.xml", "title=\"团体标准\"", "title=\"", "y", 1 << 20, "\"");
  qs_run r = RUN("score", "--lang", "en", path);
  cr_expect_eq(r.code, 1);
  char *want = fmt("qscore: error: %s:17: does not match the submission schema "
                   "(schemas/submission-2025.xsd): Element 'standard', attribute "
                   "'title': [facet 'maxLength'] The value 'yyy",
                   path);
  cr_expect(strncmp(r.err, want, strlen(want)) == 0, "got: %.300s", r.err);
  cr_expect_eq(count_lines(r.err), 1);
  cr_expect(strlen(r.err) < 1000, "the message is one short line, not the megabyte");
  free(want);
  qs_run_free(&r);
  free(path);
  qs_test_rmtree(dir);
}

/* n attributes " a0=\"\" a1=\"\" ...", allocated. */
static char *attributes(size_t n) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (size_t i = 0; i < n; i++)
    qs_buf_addf(&b, " a%zu=\"\"", i);
  return qs_buf_take(&b);
}

/* text (UTF-8, Basic Multilingual Plane only) as UTF-16, with a byte-order mark or not. */
static char *utf16(const char *text, int big, int bom, size_t *len) {
  qs_buf b = {0};
  const unsigned char *p = (const unsigned char *)text;
  unsigned char u[2];
  if (bom) {
    u[0] = big ? 0xFE : 0xFF;
    u[1] = big ? 0xFF : 0xFE;
    qs_buf_addn(&b, (const char *)u, 2);
  }
  while (*p) {
    unsigned c = *p++;
    if (c >= 0xE0) {
      c = (c & 0x0F) << 12 | (unsigned)(p[0] & 0x3F) << 6 | (p[1] & 0x3F);
      p += 2;
    } else if (c >= 0xC0) {
      c = (c & 0x1F) << 6 | (p[0] & 0x3F);
      p++;
    }
    u[big ? 0 : 1] = (unsigned char)(c >> 8);
    u[big ? 1 : 0] = (unsigned char)(c & 0xFF);
    qs_buf_addn(&b, (const char *)u, 2);
  }
  *len = b.len;
  return qs_buf_take(&b);
}

static void write_bytes(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  fwrite(data, 1, len, f);
  cr_assert_eq(fclose(f), 0);
}

/* libxml2 compares every attribute of a start tag with every earlier one before anything can
 * stop it: a root with 200,000 attributes (2 MB) parsed for minutes. The text is scanned first
 * and the file refused at the root's line, in UTF-8 and in either UTF-16. */
Test(hostile, a_root_with_two_hundred_thousand_attributes, .timeout = 60) {
  char *dir = qs_test_tmpdir();
  char *many = attributes(200000);
  char *head = fmt("edition=\"2025\"%s", many);
  char *path = variant(dir, "attrs.xml", "edition=\"2025\"", head, "", 0, "");
  char *want = fmt("qscore: error: %s:3: an element with more than 64 attributes (parameter "
                   "max-attributes): not parsed, not scored\n",
                   path);
  qs_run r = RUN("score", "--lang", "en", path);
  cr_expect_eq(r.code, 1);
  cr_expect_str_eq(r.err, want);
  qs_run_free(&r);
  free(want);
  r = RUN("validate", "--lang", "en", path);
  cr_expect_eq(r.code, 1);
  qs_run_free(&r);
  size_t len;
  char *utf8 = qs_test_slurp(path, &len);
  /* The same text declared UTF-16 (a UTF-8 declaration would contradict the bytes). */
  char *decl = strstr(utf8, "encoding=\"UTF-8\"");
  cr_assert_not_null(decl);
  char *text = fmt("%.*sencoding=\"UTF-16\"%s", (int)(decl - utf8), utf8,
                   decl + strlen("encoding=\"UTF-8\""));
  free(utf8);
  static const struct {
    const char *name;
    int big, bom;
  } twins[] = {{"attrs-16le-bom.xml", 0, 1}, {"attrs-16be.xml", 1, 0}, {"attrs-16le.xml", 0, 0}};
  for (size_t i = 0; i < sizeof twins / sizeof twins[0]; i++) {
    size_t n;
    char *bytes = utf16(text, twins[i].big, twins[i].bom, &n);
    char *p16 = qs_test_join(dir, twins[i].name);
    write_bytes(p16, bytes, n);
    r = RUN("score", "--lang", "en", p16);
    want = fmt("qscore: error: %s:3: an element with more than 64 attributes (parameter "
               "max-attributes): not parsed, not scored\n",
               p16);
    cr_expect_eq(r.code, 1, "%s", twins[i].name);
    cr_expect_str_eq(r.err, want, "%s", twins[i].name);
    free(want);
    qs_run_free(&r);
    free(p16);
    free(bytes);
  }
  free(text);
  free(path);
  free(head);
  free(many);
  qs_test_rmtree(dir);
}

/* The scan counts only real attributes of start tags: none inside comments, processing
 * instructions, CDATA sections or quoted values; a tag with exactly max-attributes passes it,
 * one more is refused; the limit is a parameter. */
Test(hostile, only_attributes_of_start_tags_count, .timeout = 60) {
  char *dir = qs_test_tmpdir();
  char *fake = attributes(100);
  char *quoted = fmt("title=\"%s\"", fake);
  for (char *q = quoted + 7; *q; q++)
    if (*q == '"' && q[1])
      *q = '\''; /* a0='' a1='' ... inside the double-quoted value */
  char *hidden = fmt("<!-- <x%s> -->\n    <?note%s?>\n    <title><![CDATA[<x%s>]]>测试项目</title>",
                     fake, fake, fake);
  size_t len;
  char *src = qs_test_slurp(DIR_ "encoding-utf8.xml", &len);
  qs_buf b = {0};
  char *t = strstr(src, "<title>测试项目</title>"), *s2 = strstr(src, "title=\"团体标准\"");
  cr_assert(t && s2 && t < s2);
  qs_buf_addn(&b, src, (size_t)(t - src));
  qs_buf_add(&b, hidden);
  qs_buf_addn(&b, t + strlen("<title>测试项目</title>"),
              (size_t)(s2 - t - strlen("<title>测试项目</title>")));
  qs_buf_add(&b, quoted);
  qs_buf_add(&b, s2 + strlen("title=\"团体标准\""));
  char *path = qs_test_join(dir, "hidden.xml");
  write_bytes(path, b.s, b.len);
  qs_run r = RUN("score", "--lang", "en", path);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  /* With its own xmlns and edition, the root has 64 attributes, then 65. */
  for (size_t extra = 62; extra <= 63; extra++) {
    char *more = attributes(extra), *head = fmt("edition=\"2025\"%s", more);
    char *name = fmt("root-%zu.xml", extra + 2);
    char *p = variant(dir, name, "edition=\"2025\"", head, "", 0, "");
    r = RUN("score", "--lang", "en", p);
    cr_expect_eq(r.code, 1);
    if (extra == 62)
      cr_expect(strstr(r.err, "max-attributes") == NULL &&
                    strstr(r.err, "does not match the submission schema") != NULL,
                "64 attributes pass the scan (the schema refuses them): %s", r.err);
    else
      cr_expect(strstr(r.err, ":3: an element with more than 64 attributes") != NULL, "%s", r.err);
    qs_run_free(&r);
    free(p);
    free(name);
    free(head);
    free(more);
  }
  /* A parameter: the richest sample has at most 8 attributes on an element. */
  r = RUN("score", "--lang", "en", "--param", "max-attributes=16",
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
  r = RUN("score", "--lang", "en", "--param", "max-attributes=16", path);
  cr_expect_eq(r.code, 0, "the hidden ones still do not count: %s", r.err);
  qs_run_free(&r);
  char *more = attributes(15), *head = fmt("edition=\"2025\"%s", more);
  char *p = variant(dir, "root-17.xml", "edition=\"2025\"", head, "", 0, "");
  r = RUN("score", "--lang", "en", "--param", "max-attributes=16", p);
  char *want = fmt("qscore: error: %s:3: an element with more than 16 attributes (parameter "
                   "max-attributes): not parsed, not scored\n",
                   p);
  cr_expect_eq(r.code, 1);
  cr_expect_str_eq(r.err, want);
  qs_run_free(&r);
  free(want);
  free(p);
  free(head);
  free(more);
  qs_buf_free(&b);
  free(src);
  free(path);
  free(hidden);
  free(quoted);
  free(fake);
  qs_test_rmtree(dir);
}

/* libxml2 reads on after an error, and its recovery may read as markup what a scan of
 * well-formed text would skip: after anything not well-formed inside what the scan skips, a
 * tag with many attributes must still be found. */
Test(hostile, text_that_is_not_well_formed_cannot_hide_a_tag_from_the_scan) {
  static const char *const before[] = {
      "<?xml version=\"1.0\" encoding=\"UTF-8\">\n<r>\n", /* the declaration without "?>" */
      "<r>\n<? ",                                         /* a PI without a target */
      "<r>\n<!-- \x01 ",                                  /* a forbidden character */
      "<r>\n<!-- -- ",                                    /* "--" inside a comment */
      "<r>\n<![CDATA[ \x02 ",                             /* in a CDATA section */
      "<r>\n</x ",                                        /* an end tag not closed */
      "<r>\n<!FOO ",                                      /* an unknown declaration */
      "<r>\n<!DOCTYPE r [x\n",                            /* a DOCTYPE inside content */
      "<r>\n<x b=\"",                                     /* "<" in a quoted value */
  };
  char *dir = qs_test_tmpdir();
  char *many = attributes(1000);
  for (size_t i = 0; i < sizeof before / sizeof before[0]; i++) {
    char *text = fmt("%s<y%s/>\n</r>\n", before[i], many);
    char *name = fmt("broken-%zu.xml", i);
    char *path = qs_test_join(dir, name);
    write_bytes(path, text, strlen(text));
    qs_run r = RUN("score", "--lang", "en", path);
    cr_expect_eq(r.code, 1, "%s", before[i]);
    cr_expect(strstr(r.err, ": an element with more than 64 attributes (parameter "
                            "max-attributes): not parsed, not scored") != NULL,
              "%s: %s", before[i], r.err);
    qs_run_free(&r);
    free(path);
    free(name);
    free(text);
  }
  free(many);
  qs_test_rmtree(dir);
}

Test(hostile, element_and_evidence_limits_are_parameters) {
  const char *sample = "samples/zhejiang-ningbo-auto-parts.xml";
  qs_run r = RUN("score", "--lang", "en", "--param", "max-elements=100", sample);
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.err, "qscore: error: samples/zhejiang-ningbo-auto-parts.xml:") == r.err, "%s",
            r.err);
  cr_expect(strstr(r.err, ": more than 100 elements (parameter max-elements): parsing "
                          "stopped, not scored\n") != NULL,
            "%s", r.err);
  cr_expect_eq(count_lines(r.err), 1);
  qs_run_free(&r);
  r = RUN("score", "--lang", "en", "--param", "max-evidence=10", sample);
  cr_expect_eq(r.code, 1);
  cr_expect(strstr(r.err, ": more than 10 items with an id (parameter max-evidence): "
                          "parsing stopped, not scored\n") != NULL,
            "%s", r.err);
  qs_run_free(&r);
  /* At the defaults the richest sample is far inside both. */
  r = RUN("score", "--lang", "en", sample);
  cr_expect_eq(r.code, 0, "%s", r.err);
  qs_run_free(&r);
}

/* ------------------------------------------------------------------ batch */

static void copy_file(const char *from, const char *to) {
  size_t len;
  char *data = qs_test_slurp(from, &len);
  FILE *f = fopen(to, "wb");
  cr_assert_not_null(f, "%s", to);
  cr_assert_eq(fwrite(data, 1, len, f), len);
  cr_assert_eq(fclose(f), 0);
  free(data);
}

static size_t copy_dir(const char *from, const char *to, const char *suffix) {
  DIR *dir = opendir(from);
  cr_assert_not_null(dir);
  size_t n = 0;
  for (struct dirent *de; (de = readdir(dir));) {
    size_t l = strlen(de->d_name);
    if (l < strlen(suffix) || strcmp(de->d_name + l - strlen(suffix), suffix) != 0)
      continue;
    char *a = qs_test_join(from, de->d_name), *b = qs_test_join(to, de->d_name);
    copy_file(a, b);
    free(a);
    free(b);
    n++;
  }
  closedir(dir);
  return n;
}

Test(hostile, a_batch_mixing_hostile_and_good_files_loses_no_good_one, .timeout = 300) {
  char *dir = qs_test_tmpdir();
  char *in = qs_test_join(dir, "in"), *out = qs_test_join(dir, "out");
  cr_assert_eq(mkdir(in, 0755), 0);
  size_t good = copy_dir("samples", in, ".xml");
  size_t hostile = copy_dir(DIR_, in, ".xml");
  size_t failing = 0, scoring = 0;
  for (size_t i = 0; i < n_rows; i++)
    if (i == 0 || strcmp(rows[i - 1].file, rows[i].file) != 0)
      rows[i].code == 0 ? scoring++ : failing++;
  cr_assert_eq(failing + scoring, hostile);

  qs_run r = RUN("batch", "-q", "--lang", "en", "--jobs", "2", "--out", out, in);
  cr_expect_eq(r.code, 1, "some input invalid: exit 1; %s", r.err);

  /* Every good file and every hostile file that scores is in the table. */
  char *table_path = qs_test_join(out, "triage.csv");
  size_t len;
  char *table = qs_test_slurp(table_path, &len);
  cr_expect_eq(count_lines(table), 1 + good + scoring, "rows:\n%s", table);
  for (size_t i = 0; i < n_rows; i++)
    if (rows[i].code == 0) {
      char *cell = fmt(",\"%s/%s\",", in, rows[i].file);
      cr_expect(strstr(table, cell) != NULL, "%s not ranked", rows[i].file);
      free(cell);
    }
  /* Every failing file is in errors.csv, one row per message, with the manifest's line and
   * message. */
  char *errors_path = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(errors_path, &len);
  size_t error_rows = 0;
  for (size_t i = 0; i < n_rows; i++) {
    if (rows[i].code == 0)
      continue;
    error_rows++;
    /* "qscore: error: {f}:N: message" or "qscore: error: {f}: message" */
    const char *after = strstr(rows[i].line, ".xml") + 4;
    char *end;
    long line = *after == ':' && after[1] != ' ' ? strtol(after + 1, &end, 10) : 0;
    const char *msg = (line ? end : after) + strlen(": ");
    qs_buf q = {0};
    qs_buf_add(&q, "");
    for (const char *c = msg; *c; c++)
      qs_buf_add(&q, *c == '"' ? "\"\"" : (char[]){*c, 0});
    char *quoted = qs_buf_take(&q);
    char *want = fmt("\"%s/%s\",%ld,invalid,\"%s\"\r\n", in, rows[i].file, line, quoted);
    cr_expect(strstr(errors, want) != NULL, "not in errors.csv: %s", want);
    free(want);
    free(quoted);
  }
  cr_expect_eq(count_lines(errors), 1 + error_rows, "errors.csv:\n%s", errors);
  free(errors);
  free(errors_path);
  free(table);
  free(table_path);
  qs_run_free(&r);
  free(in);
  free(out);
  qs_test_rmtree(dir);
}
