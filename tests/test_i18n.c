/* test_i18n.c -- the catalogs (i18n/zh.txt, i18n/en.txt) and the placeholder language of
 * engine/qs_finding.h: findings written as a reader of either language expects, every
 * message the rules state present in both catalogs, no entry that nothing uses. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/qs_finding.h"
#include "../engine/qs_util.h"
#include "helpers.h"

/* A finding from a list of tokens written as text: "s:abc" string, "y:sym" symbol, "i:3"
 * integer, "f:2.5" float. */
static qs_finding make(const char *id, const char *const *spec, size_t n) {
  qs_token t[32];
  for (size_t i = 0; i < n; i++) {
    const char *v = spec[i] + 2;
    switch (spec[i][0]) {
    case 's':
      t[i] = (qs_token){.type = QS_ARG_STR, .s = v};
      break;
    case 'y':
      t[i] = (qs_token){.type = QS_ARG_SYM, .s = v};
      break;
    case 'i':
      t[i] = (qs_token){.type = QS_ARG_INT, .i = atoll(v)};
      break;
    default:
      t[i] = (qs_token){.type = QS_ARG_FLOAT, .f = atof(v)};
      break;
    }
  }
  qs_finding m;
  char *err = NULL;
  cr_assert_eq(qs_finding_build(&m, id, t, n, &err), 0, "%s", err ? err : "");
  return m;
}

#define MAKE(id, ...)                                                                              \
  make(id, (const char *const[]){__VA_ARGS__},                                                     \
       sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static void expect_text(qs_lang lang, const qs_finding *m, const char *want) {
  char *err = NULL;
  char *got = qs_finding_text(lang, m, &err);
  cr_assert_not_null(got, "%s: %s", m->id, err ? err : "");
  cr_expect_str_eq(got, want);
  free(got);
}

Test(i18n, catalogs_are_well_formed_and_agree) {
  char *err = NULL;
  int rc = qs_catalog_check(&err);
  cr_expect_eq(rc, 0, "%s", err ? err : "");
  free(err);
}

Test(i18n, a_finding_in_both_languages) {
  /* capability-not-valid-in-window: a word table, a number, a parameter, an either-or. */
  qs_finding m =
      MAKE("capability-not-valid-in-window", "s:甲公司", "y:assurance", "s:2019-05-01", "i:0",
           "s:", "i:3", "y:capability-valid-years", "s:2023-03-01", "s:2025-02-28");
  expect_text(QS_LANG_ZH, &m,
              "甲公司 的保证级评级（评价日期 2019-05-01，未写明有效期，按 3 年计（参数 "
              "capability-valid-years））在成效评价期 2023-03-01 至 2025-02-28 内无效，不计分");
  expect_text(QS_LANG_EN, &m,
              "甲公司's assurance rating (assessed 2019-05-01, no term stated, taken as 3 years "
              "(parameter capability-valid-years)) is not valid in the results window 2023-03-01 "
              "to 2025-02-28; no points");
  const char **names = NULL;
  size_t n = 0, cap = 0;
  qs_finding_params(&m, &names, &n, &cap);
  cr_expect_eq(n, 1);
  cr_expect_str_eq(names[0], "capability-valid-years");
  free(names);
  qs_finding_clear(&m);
}

Test(i18n, numbers_as_the_rules_printed_them) {
  /* change: {N:num} for the values, {N} for the years; a float printed raw keeps CLIPS's ".0". */
  qs_finding m = MAKE("change", "s:MT01", "y:output-value", "s:", "f:320.5", "f:401.25", "s:亿元",
                      "i:2022", "i:2024");
  expect_text(QS_LANG_ZH, &m, "MT01 直接关联产业产值 320.5→401.2 亿元（2022→2024）");
  expect_text(QS_LANG_EN, &m,
              "MT01 directly related output value 320.5 -> 401.2 亿元 (2022 -> 2024)");
  qs_finding_clear(&m);
  m = MAKE("change", "s:M2", "y:pass-rate", "s:产品A", "f:98.10", "f:0.0315", "s:%", "i:1", "i:2");
  expect_text(QS_LANG_ZH, &m, "M2 产品质量合格率（产品A） 98.1→0.0315 %（1→2）");
  qs_finding_clear(&m);
}

Test(i18n, nested_findings_print_as_their_own_text) {
  qs_finding m =
      MAKE("implied", "y:<", "y:capability-self-assessment.flag", "s:乙", "y:expert", "y:>");
  cr_assert_eq(m.n, 1);
  cr_assert_eq(m.args[0].type, QS_ARG_MSG);
  expect_text(QS_LANG_EN, &m,
              "乙 claims expert level on a self-assessment only; no points (a condition of a "
              "higher band, which holds this one too)");
  qs_finding_clear(&m);
}

Test(i18n, broken_findings_are_refused_with_the_reason) {
  qs_finding m;
  char *err = NULL;
  qs_token open[] = {{.type = QS_ARG_SYM, .s = "<"}, {.type = QS_ARG_SYM, .s = "change"}};
  cr_expect_eq(qs_finding_build(&m, "implied", open, 2, &err), -1);
  cr_expect_not_null(strstr(err, "without its >"), "%s", err);
  free(err);
  qs_token close[] = {{.type = QS_ARG_SYM, .s = ">"}};
  cr_expect_eq(qs_finding_build(&m, "implied", close, 1, &err), -1);
  free(err);
  /* An unknown id, too few arguments, a word table without the value. */
  m = MAKE("no-such-message", "i:1");
  cr_expect_null(qs_finding_text(QS_LANG_ZH, &m, &err));
  cr_expect_not_null(strstr(err, "no-such-message"), "%s", err);
  free(err);
  qs_finding_clear(&m);
  m = MAKE("capability-self-assessment", "s:only one");
  cr_expect_null(qs_finding_text(QS_LANG_EN, &m, &err));
  cr_expect_not_null(strstr(err, "{2}"), "%s", err);
  free(err);
  qs_finding_clear(&m);
  m = MAKE("change", "s:M", "y:output-value", "s:", "s:not a number", "f:1", "s:", "i:1", "i:2");
  cr_expect_null(qs_finding_text(QS_LANG_EN, &m, &err));
  cr_expect_not_null(strstr(err, "not a number"), "%s", err);
  free(err);
  qs_finding_clear(&m);
}

/* Every message id a rule file states, as (msg ID) or as a nested < ID. */
static void ids_in_rules(char ***ids, size_t *n, size_t *cap) {
  regex_t re;
  cr_assert_eq(regcomp(&re, "\\(msg ([a-z][a-z0-9.-]*)\\)|[^(]< ([a-z][a-z0-9.-]*)", REG_EXTENDED),
               0);
  DIR *d = opendir("rules/2025");
  cr_assert_not_null(d);
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t len = strlen(de->d_name);
    if (len < 5 || strcmp(de->d_name + len - 4, ".clp") != 0)
      continue;
    char *path = qs_test_join("rules/2025", de->d_name);
    char *text = qs_test_slurp(path, NULL);
    /* Strings and comments out (prose about "base year < year" is not an id). */
    for (char *c = text; *c; c++) {
      if (*c == '"') {
        for (*c++ = ' '; *c && *c != '"'; c++) {
          if (*c == '\\' && c[1])
            *c++ = ' ';
          *c = ' ';
        }
        if (!*c)
          break;
        *c = ' ';
      } else if (*c == ';') {
        while (*c && *c != '\n')
          *c++ = ' ';
        if (!*c)
          break;
      }
    }
    regmatch_t m[3];
    for (const char *p = text; regexec(&re, p, 3, m, 0) == 0; p += m[0].rm_eo) {
      int g = m[1].rm_so >= 0 ? 1 : 2;
      qs_grow(ids, cap, *n + 1, sizeof **ids);
      (*ids)[(*n)++] = qs_xstrndup(p + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
    }
    free(text);
    free(path);
  }
  closedir(d);
  regfree(&re);
}

Test(i18n, every_message_the_rules_state_has_words_and_every_entry_is_used) {
  char **ids = NULL;
  size_t n = 0, cap = 0;
  ids_in_rules(&ids, &n, &cap);
  cr_assert_gt(n, 0);
  for (size_t i = 0; i < n; i++)
    for (int l = 0; l < 2; l++)
      cr_expect_not_null(qs_catalog_get(l ? QS_LANG_EN : QS_LANG_ZH, ids[i], NULL),
                         "the rules state %s, which i18n/%s.txt lacks", ids[i], l ? "en" : "zh");
  /* Entries: a message the rules state, or a word TABLE.VALUE of a table some text uses. */
  const char **cat;
  size_t *lens;
  size_t nc = qs_catalog_ids(QS_LANG_ZH, &cat, &lens);
  for (size_t k = 0; k < nc; k++) {
    char *id = qs_xstrndup(cat[k], lens[k]);
    int used = 0;
    for (size_t i = 0; i < n && !used; i++)
      used = strcmp(ids[i], id) == 0;
    const char *dot = strrchr(id, '.');
    if (!used && dot) {
      qs_buf want = {0};
      qs_buf_addf(&want, ":%.*s}", (int)(dot - id), id);
      for (size_t j = 0; j < nc && !used; j++) {
        size_t len;
        char *jid = qs_xstrndup(cat[j], lens[j]);
        const char *text = qs_catalog_get(QS_LANG_ZH, jid, &len);
        free(jid);
        char *t = qs_xstrndup(text, len);
        used = strstr(t, want.s) != NULL;
        free(t);
      }
      qs_buf_free(&want);
    }
    cr_expect(used, "i18n/zh.txt: %s is neither stated by a rule nor a word of a table in use", id);
    free(id);
  }
  free(cat);
  free(lens);
  for (size_t i = 0; i < n; i++)
    free(ids[i]);
  free(ids);
}

/* The end of the s-expression that starts at p (an opening parenthesis), strings and comments
 * skipped. */
static const char *sexp_end(const char *p) {
  int depth = 0;
  for (; *p; p++) {
    if (*p == '"') {
      for (p++; *p && *p != '"'; p++)
        if (*p == '\\' && p[1])
          p++;
      if (!*p)
        return p;
    } else if (*p == ';') {
      while (*p && *p != '\n')
        p++;
      if (!*p)
        return p;
    } else if (*p == '(') {
      depth++;
    } else if (*p == ')' && --depth == 0) {
      return p + 1;
    }
  }
  return p;
}

/* Prose in a piece of rule text: a text or text-en slot, or a string literal holding words (a
 * space or a non-ASCII byte) inside a str-cat. */
static const char *prose_in(const char *p, const char *end) {
  for (const char *q = p; q < end; q++) {
    if (*q == ';') {
      while (q < end && *q != '\n')
        q++;
    } else if (*q == '"') {
      for (q++; q < end && *q != '"'; q++)
        if (*q == '\\')
          q++;
    } else if (strncmp(q, "(text ", 6) == 0 || strncmp(q, "(text-en ", 9) == 0) {
      return q;
    } else if (strncmp(q, "(str-cat ", 9) == 0) {
      const char *e = sexp_end(q);
      for (const char *s = q; s < e; s++)
        if (*s == '"')
          for (s++; s < e && *s != '"'; s++)
            if (*s == ' ' || (unsigned char)*s >= 0x80)
              return q;
    }
  }
  return NULL;
}

Test(i18n, no_rule_builds_prose) {
  DIR *d = opendir("rules/2025");
  cr_assert_not_null(d);
  struct dirent *de;
  size_t rules = 0;
  while ((de = readdir(d))) {
    size_t len = strlen(de->d_name);
    if (len < 5 || strcmp(de->d_name + len - 4, ".clp") != 0)
      continue;
    char *path = qs_test_join("rules/2025", de->d_name);
    char *text = qs_test_slurp(path, NULL);
    static const char *const kinds[] = {"(defrule ", "(deffunction "};
    for (int k = 0; k < 2; k++)
      for (const char *p = text; (p = strstr(p, kinds[k]));) {
        const char *end = sexp_end(p);
        /* A rule's actions (after =>); a function's whole body. */
        const char *from = k == 0 ? strstr(p, "=>") : p;
        if (from && from < end) {
          const char *hit = prose_in(from, end);
          long line = 1;
          for (const char *c = text; c < (hit ? hit : p); c++)
            line += *c == '\n';
          cr_expect_null(hit, "%s:%ld: prose built in the rules: %.60s", path, line,
                         hit ? hit : "");
        }
        rules += k == 0;
        p = end;
      }
    free(text);
    free(path);
  }
  closedir(d);
  cr_expect_gt(rules, 100, "the rules were read");
}
