/* test_docs.c -- the docs that state results stay true (issue 13, "Docs that stay true").
 *
 * samples/README.md tabulates what qscore gives each bundled sample (total, triage, the band
 * and points of every indicator, which samples reach which band) and cites the rules hash it
 * was made with; docs/POLICY.md cites the rules hash it describes. Both went stale (POLICY
 * said 3d0ff321, samples/README 1ade2311, the binary printed e9241d64). Here every one of those
 * lines is made again from the built-in rules and compared: a failure prints the line as it
 * must read, ready to paste. The samples are scored on the day the README names (--as-of
 * 2026-12-31), so the table does not change with the calendar.
 *
 * Issue 15, docs for the people who use it, on machines often offline: the Chinese POLICY cites
 * the rules hash as the English one does; no page links outside the repository; the README in
 * Chinese and the README link each other and show the same commands; the Chinese manual page
 * has every command and option of the English one. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "helpers.h"

/* The line of text that starts with prefix, without its newline (free it), or NULL. */
static char *line_starting(const char *text, const char *prefix) {
  for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
    if (strncmp(p, prefix, strlen(prefix)) == 0) {
      const char *nl = strchr(p, '\n');
      return qs_xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
    }
  }
  return NULL;
}

typedef struct {
  char tag[16];
  char file[128];
  qs_report *rep;
} sample;

/* The samples table: "| TAG | `file.xml` | ...". */
static size_t read_samples(const char *readme, sample *out, size_t max) {
  size_t n = 0;
  for (const char *p = readme; p && *p && n < max;
       p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
    char tag[16], file[128];
    if (sscanf(p, "| %15[A-Z-] | `%127[^`]` |", tag, file) == 2) {
      snprintf(out[n].tag, sizeof out[n].tag, "%s", tag);
      snprintf(out[n].file, sizeof out[n].file, "%s", file);
      n++;
    }
  }
  return n;
}

static void band_cell(qs_buf *b, const qs_result *r) {
  if (r->level == 0) {
    qs_buf_addf(b, " — %d |", r->points);
    return;
  }
  const qs_band *band = qs_indicator_band(r->def, r->level);
  if (band->min == band->max)
    qs_buf_addf(b, " %d [%d] %d |", r->level, band->min, r->points);
  else
    qs_buf_addf(b, " %d [%d-%d] %d |", r->level, band->min, band->max, r->points);
}

Test(docs, samples_readme_states_what_qscore_gives) {
  char *readme = qs_test_slurp("samples/README.md", NULL);
  sample s[16];
  size_t n = read_samples(readme, s, 16);
  cr_assert_eq(n, 8, "eight samples in the table");
  qs_engine *e = qs_test_engine();
  /* The table holds for one scoring day, the one it names: a sample with a value for a year not
   * yet over scores otherwise once that year is over. */
  cr_assert_not_null(strstr(readme, "--as-of 2026-12-31"),
                     "samples/README.md names its scoring day");
  qs_engine_set_as_of(e, 20261231);
  const qs_rubric *rub = qs_engine_rubric(e);
  for (size_t i = 0; i < n; i++) {
    char *path = qs_test_join("samples", s[i].file);
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    cr_assert_eq(qs_engine_score(e, path, &s[i].rep, &d), QS_OK, "%s", path);
    qs_diag_free(&d);
    free(path);
  }
  /* The rules hash cited. */
  char cited[32];
  const char *at = strstr(readme, "rules sha256 `");
  cr_assert_not_null(at, "samples/README.md cites the rules hash");
  snprintf(cited, sizeof cited, "%.16s", at + strlen("rules sha256 `"));
  char want[17];
  snprintf(want, sizeof want, "%.16s", qs_engine_rules_sha256(e));
  cr_expect_str_eq(cited, want, "samples/README.md: write rules sha256 `%s`", want);

  for (size_t i = 0; i < n; i++) {
    const qs_report *r = s[i].rep;
    /* The samples table: total and triage. */
    qs_buf prefix = {0};
    qs_buf_addf(&prefix, "| %s | `%s` |", s[i].tag, s[i].file);
    char *row = line_starting(readme, prefix.s);
    cr_assert_not_null(row);
    qs_buf cells = {0};
    qs_buf_addf(&cells, "| %d | %s |", r->total, r->triage);
    cr_expect(strstr(row, cells.s) != NULL, "samples/README.md, %s: total and triage must read %s",
              s[i].tag, cells.s);
    free(row);
    qs_buf_free(&cells);
    qs_buf_free(&prefix);
    /* The bands table. */
    qs_buf want_row = {0};
    qs_buf_addf(&want_row, "| %s |", s[i].tag);
    for (size_t k = 0; k < r->n_results; k++)
      band_cell(&want_row, &r->results[k]);
    qs_buf_addf(&want_row, " %d |", r->total);
    qs_buf tag_prefix = {0};
    qs_buf_addf(&tag_prefix, "| %s | ", s[i].tag);
    char *got = NULL;
    for (const char *p = readme; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
      if (strncmp(p, tag_prefix.s, tag_prefix.len) == 0 && p[tag_prefix.len] != '`') {
        const char *nl = strchr(p, '\n');
        got = qs_xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
        break;
      }
    cr_expect(got && strcmp(got, want_row.s) == 0, "samples/README.md bands of %s must read:\n%s",
              s[i].tag, want_row.s);
    free(got);
    qs_buf_free(&tag_prefix);
    qs_buf_free(&want_row);
  }
  /* The coverage table: which samples reach each band (in the table's order of samples). */
  for (size_t k = 0; k < rub->n_inds; k++) {
    const qs_indicator_def *d = &rub->inds[k];
    qs_buf want_row = {0};
    qs_buf_addf(&want_row, "| %s |", d->id);
    for (int level = 0; level <= 5; level++) {
      if (level > (int)d->n_bands) {
        qs_buf_add(&want_row, "  |");
        continue;
      }
      qs_buf cell = {0};
      qs_buf_add(&cell, "");
      for (size_t i = 0; i < n; i++)
        if (s[i].rep->results[k].level == level)
          qs_buf_addf(&cell, "%s%s", cell.len ? ", " : "", s[i].tag);
      if (level == 0)
        qs_buf_addf(&want_row, " %s |", cell.len ? cell.s : "none");
      else {
        const qs_band *b = qs_indicator_band(d, level);
        if (b->min == b->max)
          qs_buf_addf(&want_row, " [%d] %s |", b->min, cell.len ? cell.s : "none");
        else
          qs_buf_addf(&want_row, " [%d-%d] %s |", b->min, b->max, cell.len ? cell.s : "none");
      }
      cr_expect(level == 0 || cell.len > 0, "no sample reaches %s level %d", d->id, level);
      qs_buf_free(&cell);
    }
    qs_buf prefix = {0};
    qs_buf_addf(&prefix, "| %s |", d->id);
    char *got = line_starting(readme, prefix.s);
    cr_expect(got && strcmp(got, want_row.s) == 0,
              "samples/README.md coverage of %s must read:\n%s", d->id, want_row.s);
    free(got);
    qs_buf_free(&prefix);
    qs_buf_free(&want_row);
  }
  for (size_t i = 0; i < n; i++)
    qs_report_free(s[i].rep);
  qs_engine_free(e);
  free(readme);
}

/* POLICY in English and in Chinese cite the hash of the rules they describe, on the same kind
 * of line: "`rules_sha256 2a0df891…`". */
static void policy_cites_the_rules(const char *path) {
  char *policy = qs_test_slurp(path, NULL);
  qs_engine *e = qs_test_engine();
  const char *at = strstr(policy, "`rules_sha256 ");
  cr_assert_not_null(at, "%s cites the rules hash", path);
  char cited[16], want[16];
  snprintf(cited, sizeof cited, "%.8s", at + strlen("`rules_sha256 "));
  snprintf(want, sizeof want, "%.8s", qs_engine_rules_sha256(e));
  cr_expect_str_eq(cited, want,
                   "%s describes other rules: once it says what the rules now do, "
                   "write `rules_sha256 %s…`",
                   path, want);
  qs_engine_free(e);
  free(policy);
}

Test(docs, policy_cites_the_rules_it_describes) { policy_cites_the_rules("docs/POLICY.md"); }

Test(docs, policy_in_chinese_cites_the_rules_it_describes) {
  policy_cites_the_rules("docs/POLICY.zh-CN.md");
}

/* Issue 15: the docs are read on office machines, often offline, from the repository or from
 * /usr/share/doc/qscore: nothing they link may be outside the repository. Every relative
 * Markdown link of every page must name a file of the tree, without climbing above its root;
 * no page names the old shared folder. */
static const char *const pages[] = {"README.md",
                                    "README.zh-CN.md",
                                    "docs/ARCHITECTURE.md",
                                    "docs/PERFORMANCE.md",
                                    "docs/POLICY.md",
                                    "docs/POLICY.zh-CN.md",
                                    "docs/REPORT-JSON.md",
                                    "docs/SECURITY.md",
                                    "samples/README.md",
                                    "tests/cases/README.md",
                                    "docs/qscore.1",
                                    "docs/qscore.zh_CN.1",
                                    "i18n/en.txt",
                                    "i18n/zh.txt"};

/* The target of a link "](target)" starting at p, relative to the folder dir: the path from the
 * repository's root (free it), or NULL when it climbs above the root. */
static char *resolve(const char *dir, const char *target, size_t len) {
  qs_buf path = {0};
  qs_buf_addf(&path, "%s%s%.*s", dir, *dir ? "/" : "", (int)len, target);
  /* Lexically: each ".." takes off the last part kept, and there must be one. */
  char *parts[64];
  size_t n = 0;
  char *save = NULL;
  for (char *t = strtok_r(path.s, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
    if (strcmp(t, ".") == 0)
      continue;
    if (strcmp(t, "..") == 0) {
      if (n == 0) {
        qs_buf_free(&path);
        return NULL;
      }
      n--;
      continue;
    }
    if (n < 64)
      parts[n++] = t;
  }
  qs_buf out = {0};
  qs_buf_add(&out, "");
  for (size_t i = 0; i < n; i++)
    qs_buf_addf(&out, "%s%s", i ? "/" : "", parts[i]);
  qs_buf_free(&path);
  return out.s;
}

Test(docs, nothing_points_outside_the_repository) {
  size_t links = 0;
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char *text = qs_test_slurp(pages[i], NULL);
    cr_expect(strstr(text, "shared/") == NULL, "%s names the shared folder", pages[i]);
    cr_expect(strstr(text, "/work/") == NULL, "%s names a path of the machine it was written on",
              pages[i]);
    char dir[64];
    const char *slash = strrchr(pages[i], '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - pages[i]) : 0, pages[i]);
    for (const char *p = strstr(text, "]("); p; p = strstr(p + 2, "](")) {
      const char *t = p + 2;
      size_t len = strcspn(t, ")# \n");
      if (len == 0 || strncmp(t, "http://", 7) == 0 || strncmp(t, "https://", 8) == 0 ||
          strncmp(t, "mailto:", 7) == 0)
        continue;
      links++;
      cr_expect(t[0] != '/', "%s links the absolute path %.*s", pages[i], (int)len, t);
      char *path = resolve(dir, t, len);
      cr_expect_not_null(path, "%s: the link %.*s leaves the repository", pages[i], (int)len, t);
      if (path) {
        cr_expect(access(path, F_OK) == 0, "%s: the link %.*s names no file of the tree", pages[i],
                  (int)len, t);
        free(path);
      }
    }
    free(text);
  }
  cr_expect_gt(links, 10, "the pages' links were found (%zu)", links);
}

Test(docs, readme_in_chinese_and_english_link_each_other) {
  char *en = qs_test_slurp("README.md", NULL);
  char *zh = qs_test_slurp("README.zh-CN.md", NULL);
  cr_expect_not_null(strstr(en, "](README.zh-CN.md)"), "README.md links README.zh-CN.md");
  cr_expect_not_null(strstr(zh, "](README.md)"), "README.zh-CN.md links README.md");
  /* The same two commands in both: set up and score the samples, then the tests. */
  const char *commands[] = {"scripts/install-deps.sh && make samples", "\nmake test ", "make deb",
                            "apt install ./build/qscore_*.deb"};
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
    cr_expect_not_null(strstr(en, commands[i]), "README.md shows %s", commands[i]);
    cr_expect_not_null(strstr(zh, commands[i]), "README.zh-CN.md shows %s", commands[i]);
  }
  free(en);
  free(zh);
}

/* Every command and every long option of the English manual page is in the Chinese one: the
 * commands as ".B qscore NAME" lines of the synopsis, the options as groff's "\-\-name". */
Test(docs, manual_page_in_chinese_has_every_command_and_option) {
  char *en = qs_test_slurp("docs/qscore.1", NULL);
  char *zh = qs_test_slurp("docs/qscore.zh_CN.1", NULL);
  cr_expect_not_null(strstr(zh, ".TH QSCORE 1 "), "docs/qscore.zh_CN.1 is a manual page");
  size_t commands = 0, options = 0;
  for (const char *p = strstr(en, "\n.B qscore "); p; p = strstr(p + 1, "\n.B qscore ")) {
    const char *name = p + strlen("\n.B qscore ");
    size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz");
    if (len == 0)
      continue;
    qs_buf line = {0};
    qs_buf_addf(&line, "\n.B qscore %.*s", (int)len, name);
    cr_expect_not_null(strstr(zh, line.s), "docs/qscore.zh_CN.1 lacks the command %.*s", (int)len,
                       name);
    qs_buf_free(&line);
    commands++;
  }
  for (const char *p = strstr(en, "\\-\\-"); p; p = strstr(p + 1, "\\-\\-")) {
    const char *name = p + 4;
    size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz\\-");
    if (len == 0)
      continue;
    qs_buf opt = {0};
    qs_buf_addf(&opt, "\\-\\-%.*s", (int)len, name);
    cr_expect_not_null(strstr(zh, opt.s), "docs/qscore.zh_CN.1 lacks the option %s", opt.s);
    qs_buf_free(&opt);
    options++;
  }
  cr_expect_geq(commands, 5, "the commands of docs/qscore.1 were found (%zu)", commands);
  cr_expect_geq(options, 10, "the options of docs/qscore.1 were found (%zu)", options);
  free(en);
  free(zh);
}
