/* test_docs.c -- the docs that state results stay true (issue 13, "Docs that stay true").
 *
 * samples/README.md tabulates what qscore gives each bundled sample (total, triage, the band
 * and points of every indicator, which samples reach which band) and cites the rules hash it
 * was made with; docs/POLICY.md cites the rules hash it describes. Both went stale (POLICY
 * said 3d0ff321, samples/README 1ade2311, the binary printed e9241d64). Here every one of those
 * lines is made again from the built-in rules and compared: a failure prints the line as it
 * must read, ready to paste. The samples are scored on the day the README names (--as-of
 * 2026-12-31), so the table does not change with the calendar. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

Test(docs, policy_cites_the_rules_it_describes) {
  char *policy = qs_test_slurp("docs/POLICY.md", NULL);
  qs_engine *e = qs_test_engine();
  const char *at = strstr(policy, "`rules_sha256 ");
  cr_assert_not_null(at, "docs/POLICY.md cites the rules hash");
  char cited[16], want[16];
  snprintf(cited, sizeof cited, "%.8s", at + strlen("`rules_sha256 "));
  snprintf(want, sizeof want, "%.8s", qs_engine_rules_sha256(e));
  cr_expect_str_eq(cited, want,
                   "docs/POLICY.md describes other rules: once it says what the rules now do, "
                   "write `rules_sha256 %s…`",
                   want);
  qs_engine_free(e);
  free(policy);
}
