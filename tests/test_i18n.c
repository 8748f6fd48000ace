/* test_i18n.c -- the catalogs (i18n/zh.txt, i18n/en.txt) and the placeholder language of
 * base/qs_finding.h: findings written as a reader of either language expects, every
 * message the rules state present in both catalogs, every interface message (ui.*, a printf
 * format) in both with the same conversions, no entry that nothing uses. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_finding.h"
#include "../base/qs_util.h"
#include "../engine/batch_table.h"
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

/* The built-in rule files (the .clp files of rules/2025) as paths (free each and the array). */
static size_t rule_files(char ***paths) {
  char **names;
  size_t n = qs_test_list_dir("rules/2025", &names), k = 0;
  for (size_t i = 0; i < n; i++) {
    char *name = names[i];
    size_t len = strlen(name);
    if (len > 4 && strcmp(name + len - 4, ".clp") == 0)
      names[k++] = qs_test_join("rules/2025", name);
    free(name);
  }
  *paths = names;
  return k;
}

/* What the first group of a pattern that matched (of one or two) caught, for every match in
 * the rule files; outside strings and comments unless strings is set. */
static void matches_in_rules(const char *pattern, int strings, char ***ids, size_t *n,
                             size_t *cap) {
  regex_t re;
  cr_assert_eq(regcomp(&re, pattern, REG_EXTENDED), 0);
  char **files;
  size_t nf = rule_files(&files);
  for (size_t fi = 0; fi < nf; fi++) {
    char *path = files[fi];
    char *text = qs_test_slurp(path, NULL);
    /* Strings and comments out (prose about "base year < year" is not an id). */
    for (char *c = text; *c && !strings; c++) {
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
  free(files);
  regfree(&re);
}

/* Every message id a rule file states, as (msg ID) or as a nested < ID. */
static void ids_in_rules(char ***ids, size_t *n, size_t *cap) {
  matches_in_rules("\\(msg ([a-z][a-z0-9.-]*)\\)|[^(]< ([a-z][a-z0-9.-]*)", 0, ids, n, cap);
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
    /* The words C reads itself have tests of their own below. */
    if (strncmp(id, "ui.", 3) == 0 || strncmp(id, "unit.", 5) == 0 ||
        strncmp(id, "errno.", 6) == 0 || strncmp(id, "column.", 7) == 0 ||
        strncmp(id, "severity.", 9) == 0 || strncmp(id, "flag.", 5) == 0 ||
        strncmp(id, "triage.", 7) == 0 || strncmp(id, "error-kind.", 11) == 0 ||
        strncmp(id, "evkind.", 7) == 0 || strncmp(id, "evsub.", 6) == 0) {
      free(id);
      continue;
    }
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

/* ------------------------------------------------------------------ the interface's words */

Test(i18n, every_interface_message_has_words_in_both_languages) {
  for (int m = 0; m < QS_M__COUNT; m++) {
    const char *id = qs_msg_id((qs_msg)m);
    cr_assert_not_null(id, "message %d has no catalog id in base/qs_i18n.c", m);
    cr_expect_eq(strncmp(id, "ui.", 3), 0, "%s: an interface message's id starts with ui.", id);
    for (int k = 0; k < m; k++)
      cr_expect_str_neq(qs_msg_id((qs_msg)k), id, "messages %d and %d share %s", k, m, id);
    for (int l = 0; l < 2; l++)
      cr_expect_not_null(qs_catalog_get(l ? QS_LANG_EN : QS_LANG_ZH, id, NULL),
                         "i18n/%s.txt lacks %s", l ? "en" : "zh", id);
  }
}

Test(i18n, every_ui_entry_is_a_message) {
  for (int l = 0; l < 2; l++) {
    const char **cat;
    size_t *lens;
    size_t nc = qs_catalog_ids(l ? QS_LANG_EN : QS_LANG_ZH, &cat, &lens);
    for (size_t k = 0; k < nc; k++) {
      if (lens[k] < 3 || strncmp(cat[k], "ui.", 3) != 0)
        continue;
      int used = 0;
      for (int m = 0; m < QS_M__COUNT && !used; m++)
        used = strlen(qs_msg_id((qs_msg)m)) == lens[k] &&
               strncmp(qs_msg_id((qs_msg)m), cat[k], lens[k]) == 0;
      cr_expect(used, "i18n/%s.txt: %.*s is no message of base/qs_i18n.h", l ? "en" : "zh",
                (int)lens[k], cat[k]);
    }
    free(cat);
    free(lens);
  }
}

Test(i18n, ui_texts_keep_the_same_conversions_in_the_same_order) {
  for (int m = 0; m < QS_M__COUNT; m++) {
    const char *id = qs_msg_id((qs_msg)m);
    char *conv[2], *err[2];
    for (int l = 0; l < 2; l++) {
      size_t len;
      const char *raw = qs_catalog_get(l ? QS_LANG_EN : QS_LANG_ZH, id, &len);
      cr_assert_not_null(raw, "%s", id);
      char *t = qs_xstrndup(raw, len);
      conv[l] = qs_ui_conversions(t, &err[l]);
      cr_expect_not_null(conv[l], "i18n/%s.txt: %s: %s", l ? "en" : "zh", id, err[l] ? err[l] : "");
      free(t);
    }
    if (conv[0] && conv[1])
      cr_expect_str_eq(conv[0], conv[1], "%s: zh has the conversions %s, en %s", id, conv[0],
                       conv[1]);
    for (int l = 0; l < 2; l++) {
      free(conv[l]);
      free(err[l]);
    }
  }
}

Test(i18n, printf_conversions_as_the_check_sees_them) {
  char *err = NULL;
  char *c = qs_ui_conversions("a %s b %ld c %-15s %zu %*d %.2f {x} \\n", &err);
  cr_assert_not_null(c, "%s", err ? err : "");
  cr_expect_str_eq(c, "s,ld,s,zu,*,d,f,");
  free(c);
  /* A literal percent sign: some messages are printed as they are, others as formats. */
  const char *bad[] = {"100%", "50 %% off", "%y", "a \\q b"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    cr_expect_null(qs_ui_conversions(bad[i], &err), "%s", bad[i]);
    cr_expect_not_null(err, "%s", bad[i]);
    free(err);
  }
}

Test(i18n, messages_come_from_the_catalogs) {
  cr_expect_str_eq(qs_msg_get(QS_LANG_EN, QS_M_CANNOT_READ), "cannot read: %s");
  cr_expect_str_eq(qs_msg_get(QS_LANG_ZH, QS_M_CANNOT_READ), "无法读取：%s");
  cr_expect_str_eq(qs_msg_id(QS_M_CANNOT_READ), "ui.cannot-read");
  cr_expect_null(qs_msg_id(QS_M__COUNT));
}

Test(i18n, escapes_are_decoded) {
  /* The help is many lines, written \n in the catalogs. */
  for (int l = 0; l < 2; l++) {
    const char *help = qs_msg_get(l ? QS_LANG_EN : QS_LANG_ZH, QS_M_HELP);
    cr_expect_null(strchr(help, '\\'), "%s", help);
    cr_expect_gt(strlen(help), 0);
    cr_expect_eq(help[strlen(help) - 1], '\n');
    cr_expect_not_null(strstr(help, "\n\n"));
  }
  cr_expect_str_eq(qs_msg_get(QS_LANG_EN, QS_M_USAGE_HINT), " (qscore --help for usage)\n");
}

Test(i18n, units_and_system_errors_come_from_the_catalogs) {
  cr_expect_str_eq(qs_unit(QS_LANG_EN, "家"), " enterprises");
  cr_expect_str_eq(qs_unit(QS_LANG_ZH, "家"), "家");
  cr_expect_str_eq(qs_unit(QS_LANG_EN, "%/年"), "%/year");
  cr_expect_str_eq(qs_unit(QS_LANG_EN, "个"), "");
  cr_expect_str_eq(qs_unit(QS_LANG_EN, "no such unit"), "no such unit");
  cr_expect_str_eq(qs_strerror(QS_LANG_ZH, ENOENT), "没有该文件或目录");
  cr_expect_str_eq(qs_strerror(QS_LANG_ZH, ENOTSUP), "不支持该操作");
  /* English: empty entries, libc's words. */
  cr_expect_str_eq(qs_strerror(QS_LANG_EN, ENOENT), strerror(ENOENT));
  /* An errno the table lacks: its number and name, in Chinese words, never libc's English. */
  char want[64];
  snprintf(want, sizeof want, "系统错误 %d（EHOSTDOWN）", EHOSTDOWN);
  cr_expect_str_eq(qs_strerror(QS_LANG_ZH, EHOSTDOWN), want);
  cr_expect_null(strstr(qs_strerror(QS_LANG_ZH, EHOSTDOWN), strerror(EHOSTDOWN)));
  snprintf(want, sizeof want, "system error %d (EHOSTDOWN)", EHOSTDOWN);
  cr_expect_str_eq(qs_strerror(QS_LANG_EN, EHOSTDOWN), want);
}

/* Every errno a file operation of qscore's can meet has Chinese words of its own. */
Test(i18n, the_errors_of_file_operations_are_chinese) {
  static const int errs[] = {
      ENOENT, EACCES, EPERM, ENOSPC,       EDQUOT,  EFBIG,     EROFS,   EISDIR, ENOTDIR,   EEXIST,
      ELOOP,  ENXIO,  EIO,   ENAMETOOLONG, EMFILE,  ENFILE,    EBUSY,   EXDEV,  EINVAL,    EPIPE,
      ENOMEM, EAGAIN, EINTR, EBADF,        ETXTBSY, EOVERFLOW, ENOTSUP, ESTALE, ETIMEDOUT, EILSEQ};
  for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
    const char *zh = qs_strerror(QS_LANG_ZH, errs[i]);
    cr_expect_not_null(qs_errno_name(errs[i]), "errno %d has no name", errs[i]);
    cr_expect_str_neq(zh, strerror(errs[i]));
    int ascii_word = 0;
    for (const char *p = zh; *p && !ascii_word; p++)
      ascii_word = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
    cr_expect(!ascii_word, "errno %s in Chinese: %s", qs_errno_name(errs[i]), zh);
  }
}

Test(i18n, every_unit_and_errno_entry_is_used) {
  /* unit.UNIT: a unit some parameter of the rules has. */
  char **units = NULL;
  size_t nu = 0, cap = 0;
  matches_in_rules("\\(unit \"([^\"]*)\"\\)", 1, &units, &nu, &cap);
  cr_assert_gt(nu, 0);
  for (int l = 0; l < 2; l++) {
    const char **cat;
    size_t *lens;
    size_t nc = qs_catalog_ids(l ? QS_LANG_EN : QS_LANG_ZH, &cat, &lens);
    for (size_t k = 0; k < nc; k++) {
      int used = 1;
      if (lens[k] > 5 && strncmp(cat[k], "unit.", 5) == 0) {
        used = 0;
        for (size_t i = 0; i < nu && !used; i++)
          used = strlen(units[i]) == lens[k] - 5 && strncmp(units[i], cat[k] + 5, lens[k] - 5) == 0;
      } else if (lens[k] > 6 && strncmp(cat[k], "errno.", 6) == 0) {
        used = 0;
        for (int e = 1; e < 4096 && !used; e++) {
          const char *name = qs_errno_name(e);
          used = name && strlen(name) == lens[k] - 6 && strncmp(name, cat[k] + 6, lens[k] - 6) == 0;
        }
      }
      cr_expect(used,
                "i18n/%s.txt: %.*s is neither a unit of the rules nor an errno qs_strerror knows",
                l ? "en" : "zh", (int)lens[k], cat[k]);
    }
    free(cat);
    free(lens);
  }
  /* Every errno qs_strerror names has its entry in both catalogs. */
  for (int e = 1; e < 4096; e++) {
    const char *name = qs_errno_name(e);
    if (!name)
      continue;
    qs_buf id = {0};
    qs_buf_addf(&id, "errno.%s", name);
    for (int l = 0; l < 2; l++)
      cr_expect_not_null(qs_catalog_get(l ? QS_LANG_EN : QS_LANG_ZH, id.s, NULL), "%s", id.s);
    qs_buf_free(&id);
  }
  for (size_t i = 0; i < nu; i++)
    free(units[i]);
  free(units);
}

Test(i18n, every_column_has_a_title_and_every_title_a_column) {
  /* column.KEY: a column of the batch tables, each titled in both languages. */
  size_t n = 0;
  for (; qs_column_keys[n]; n++) {
    qs_buf id = {0};
    qs_buf_addf(&id, "column.%s", qs_column_keys[n]);
    for (int l = 0; l < 2; l++)
      cr_expect_not_null(qs_catalog_get(l ? QS_LANG_EN : QS_LANG_ZH, id.s, NULL),
                         "i18n/%s.txt lacks %s", l ? "en" : "zh", id.s);
    qs_buf_free(&id);
  }
  cr_expect_gt(n, 0);
  for (int l = 0; l < 2; l++) {
    const char **cat;
    size_t *lens;
    size_t nc = qs_catalog_ids(l ? QS_LANG_EN : QS_LANG_ZH, &cat, &lens);
    for (size_t k = 0; k < nc; k++) {
      if (lens[k] < 7 || strncmp(cat[k], "column.", 7) != 0)
        continue;
      int used = 0;
      for (size_t i = 0; i < n && !used; i++)
        used = strlen(qs_column_keys[i]) == lens[k] - 7 &&
               strncmp(qs_column_keys[i], cat[k] + 7, lens[k] - 7) == 0;
      cr_expect(used, "i18n/%s.txt: %.*s is no column of engine/render_csv.c", l ? "en" : "zh",
                (int)lens[k], cat[k]);
    }
    free(cat);
    free(lens);
  }
  cr_expect_str_eq(qs_column_title(QS_LANG_ZH, "region-rank"), "省内排名");
  cr_expect_str_eq(qs_column_title(QS_LANG_EN, "region-rank"), "rank in province");
  cr_expect_str_eq(qs_column_title(QS_LANG_EN, "no-such-column"), "no-such-column");
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
  char **files;
  size_t nf = rule_files(&files), rules = 0;
  for (size_t fi = 0; fi < nf; fi++) {
    char *path = files[fi];
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
  free(files);
  cr_expect_gt(rules, 100, "the rules were read");
}

/* ------------------------------------------------------------------ names of codes */

/* Every flag code a rule file raises: (code X) inside a (flag ...) fact, and both branches of
 * (code (if ... then X else Y)). Outside strings and comments. */
static void flag_codes_in_rules(char ***codes, size_t *n, size_t *cap) {
  char **files;
  size_t nf = rule_files(&files);
  for (size_t fi = 0; fi < nf; fi++) {
    char *text = qs_test_slurp(files[fi], NULL);
    for (char *c = text; *c; c++) { /* strings and comments out */
      if (*c == '"') {
        for (*c++ = ' '; *c && *c != '"'; c++)
          *c = ' ';
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
    for (const char *p = text; (p = strstr(p, "(flag")) != NULL; p += 5) {
      if (p[5] != ' ' && p[5] != '\n' && p[5] != '\t')
        continue;
      const char *end = sexp_end(p);
      for (const char *q = p; (q = strstr(q, "(code ")) != NULL && q < end; q += 6) {
        const char *v = q + 6;
        const char *stop = v[0] == '(' ? sexp_end(v) : strchr(v, ')');
        /* A symbol, or each symbol after then / else of an (if ...). */
        for (const char *s = v; s < stop;) {
          int take = s == v && *s >= 'a' && *s <= 'z';
          if (strncmp(s, "then ", 5) == 0 || strncmp(s, "else ", 5) == 0)
            s += 5, take = 1;
          if (take) {
            size_t len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");
            qs_grow(codes, cap, *n + 1, sizeof **codes);
            (*codes)[(*n)++] = qs_xstrndup(s, len);
            s += len ? len : 1;
          } else {
            s++;
          }
        }
      }
    }
    free(text);
    free(files[fi]);
  }
  free(files);
}

/* The flags the engine adds itself (engine/qs_report.c, qs_report_finish). */
static const char *const engine_flags[] = {"not-scored", "no-band", "incomplete", "error-flags"};

Test(i18n, every_flag_severity_and_triage_value_has_a_name) {
  char **codes = NULL;
  size_t n = 0, cap = 0;
  flag_codes_in_rules(&codes, &n, &cap);
  /* The scan finds the flags it should: plain, conditional, and of every kind of file. */
  cr_assert_gt(n, 40);
  int seen_cond = 0, seen_plain = 0;
  for (size_t i = 0; i < n; i++) {
    seen_cond |= strcmp(codes[i], "negative-value") == 0;
    seen_plain |= strcmp(codes[i], "credit-code-check") == 0;
  }
  cr_expect(seen_cond && seen_plain);
  for (size_t i = 0; i < n; i++)
    for (int l = 0; l < 2; l++) {
      qs_lang lang = l ? QS_LANG_EN : QS_LANG_ZH;
      cr_expect_str_neq(qs_word(lang, "flag", codes[i]), codes[i],
                        "the rules raise the flag %s, which i18n/%s.txt has no flag.%s for",
                        codes[i], l ? "en" : "zh", codes[i]);
    }
  for (size_t i = 0; i < sizeof engine_flags / sizeof *engine_flags; i++)
    for (int l = 0; l < 2; l++)
      cr_expect_str_neq(qs_word(l ? QS_LANG_EN : QS_LANG_ZH, "flag", engine_flags[i]),
                        engine_flags[i], "%s", engine_flags[i]);
  /* Every flag. entry names a flag something raises. */
  for (int l = 0; l < 2; l++) {
    const char **cat;
    size_t *lens;
    size_t nc = qs_catalog_ids(l ? QS_LANG_EN : QS_LANG_ZH, &cat, &lens);
    for (size_t k = 0; k < nc; k++) {
      if (lens[k] <= 5 || strncmp(cat[k], "flag.", 5) != 0)
        continue;
      char *code = qs_xstrndup(cat[k] + 5, lens[k] - 5);
      int used = 0;
      for (size_t i = 0; i < n && !used; i++)
        used = strcmp(codes[i], code) == 0;
      for (size_t i = 0; i < sizeof engine_flags / sizeof *engine_flags && !used; i++)
        used = strcmp(engine_flags[i], code) == 0;
      cr_expect(used, "i18n/%s.txt: flag.%s is a flag nothing raises", l ? "en" : "zh", code);
      free(code);
    }
    free(cat);
    free(lens);
  }
  for (size_t i = 0; i < n; i++)
    free(codes[i]);
  free(codes);
  /* Severities and triage values: Chinese words in zh, the codes themselves in en. */
  static const char *const sev[][2] = {{"error", "错误"}, {"warning", "警告"}, {"info", "提示"}};
  for (int i = 0; i < 3; i++) {
    cr_expect_str_eq(qs_word(QS_LANG_ZH, "severity", sev[i][0]), sev[i][1]);
    cr_expect_str_eq(qs_word(QS_LANG_EN, "severity", sev[i][0]), sev[i][0]);
  }
  static const char *const tri[][2] = {
      {"recommend", "推荐"}, {"review", "复核"}, {"reject", "不推荐"}};
  for (int i = 0; i < 3; i++) {
    cr_expect_str_eq(qs_word(QS_LANG_ZH, "triage", tri[i][0]), tri[i][1]);
    cr_expect_str_eq(qs_word(QS_LANG_EN, "triage", tri[i][0]), tri[i][0]);
  }
  /* A code with its name; a code without one stays as it is. */
  cr_expect_str_eq(qs_word_coded(QS_LANG_ZH, "flag", "claim-mismatch"),
                   "声称与数据不符（claim-mismatch）");
  cr_expect_str_eq(qs_word_coded(QS_LANG_EN, "flag", "claim-mismatch"),
                   "claim disagrees with the data (claim-mismatch)");
  cr_expect_str_eq(qs_word_coded(QS_LANG_ZH, "flag", "no-such-flag"), "no-such-flag");
}

/* The kinds of errors.csv: every kind the batch writes has a Chinese name. */
Test(i18n, every_kind_of_unscored_file_has_a_name) {
  static const char *const kinds[] = {"invalid", "limit",   "rules", "skipped", "missing",
                                      "write",   "timeout", "crash", "cache"};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    cr_expect_str_neq(qs_word(QS_LANG_ZH, "error-kind", kinds[i]), kinds[i], "%s", kinds[i]);
    cr_expect_str_eq(qs_word(QS_LANG_EN, "error-kind", kinds[i]), kinds[i]);
  }
  /* And nothing else: each error-kind. entry is one of them. */
  const char **cat;
  size_t *lens;
  size_t nc = qs_catalog_ids(QS_LANG_ZH, &cat, &lens);
  for (size_t k = 0; k < nc; k++) {
    if (lens[k] <= 11 || strncmp(cat[k], "error-kind.", 11) != 0)
      continue;
    int used = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds && !used; i++)
      used = strlen(kinds[i]) == lens[k] - 11 && strncmp(kinds[i], cat[k] + 11, lens[k] - 11) == 0;
    cr_expect(used, "%.*s", (int)lens[k], cat[k]);
  }
  free(cat);
  free(lens);
}

Test(i18n, edit_distance_counts_code_points) {
  cr_expect_eq(qs_edit_distance("score", "score", 3), 0);
  cr_expect_eq(qs_edit_distance("scroe", "score", 3), 1); /* a transposition is one edit */
  cr_expect_eq(qs_edit_distance("scor", "score", 3), 1);
  cr_expect_eq(qs_edit_distance("品牌建", "品牌建设", 3), 1); /* one character, three bytes */
  cr_expect_eq(qs_edit_distance("品牌建设", "质量提升", 3), 4);
  cr_expect_eq(qs_edit_distance("abcdefgh", "x", 2), 3); /* past max: max + 1 */
  const char *const known[] = {"score", "explain", "validate", "batch", "rubric", "help"};
  cr_expect_str_eq(qs_nearest("scroe", known, 6), "score");
  cr_expect_str_eq(qs_nearest("vaildate", known, 6), "validate");
  cr_expect_null(qs_nearest("xyz", known, 6));
  cr_expect_null(qs_nearest("foo", known, 6));
}

/* libxml2's common messages read in Chinese; in English they stay libxml2's own words. */
Test(i18n, libxml2_messages_in_chinese) {
  static const char *const msgs[][2] = {
      {"Element 'work-start': '2023-02-30' is not a valid value of the atomic type 'Date'.\n",
       "元素 work-start：“2023-02-30”不是 Date 类型的有效值。"},
      {"Element 'standard': No match found for key-sequence ['E9'] of keyref "
       "'enterpriseAttrRef'.\n",
       "元素 standard：引用的编号 ['E9'] 没有对应的条目（引用约束 enterpriseAttrRef）。"},
      {"Element 'standard', attribute 'level': [facet 'enumeration'] The value 'x' is not an "
       "element of the set {'national', 'provincial'}.\n",
       "元素 standard 的属性 level：取值“x”不在允许的取值 {'national', 'provincial'} 之中。"},
      {"Element 'metric': This element is not expected. Expected is ( claim ).\n",
       "元素 metric：此处不应出现该元素，应为 claim。"},
      {"Premature end of data in tag project line 3\n",
       "文件在标签 project（第 3 行开始）中提前结束"},
      {"Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0xFE 0xC0 0x80\n",
       "内容不是有效的 UTF-8，请在 XML 声明中注明编码。字节：0xFF 0xFE 0xC0 0x80"},
  };
  for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
    char *zh = qs_xml_message(QS_LANG_ZH, msgs[i][0]);
    cr_expect_str_eq(zh, msgs[i][1]);
    free(zh);
    char *en = qs_xml_message(QS_LANG_EN, msgs[i][0]);
    char *want = qs_xstrdup(msgs[i][0]);
    for (char *c = want; *c; c++)
      if (*c == '\n')
        *c = ' ';
    size_t len = strlen(want);
    while (len && want[len - 1] == ' ')
      want[--len] = '\0';
    cr_expect_str_eq(en, want, "English is libxml2's own text");
    free(en);
    free(want);
  }
  /* A message the catalogs do not know stays as it is. */
  char *s = qs_xml_message(QS_LANG_ZH, "Something new happened");
  cr_expect_str_eq(s, "Something new happened");
  free(s);
}
