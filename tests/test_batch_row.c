/* test_batch_row.c -- the row a batch worker hands the parent (engine/batch_row.c, the format
 * in batch_table.h): every field of a report's row read back as written, texts with newlines,
 * colons and digits included; a row that is cut, padded, or made for another rubric refused
 * with no flag spooled; a corrupted row in the cache listed as not readable by a resumed batch,
 * the other files unharmed. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "../engine/batch_table.h"
#include "helpers.h"

static qs_report *score_sample(qs_engine *e, const char *path) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_ZH);
  qs_report *rep = NULL;
  cr_assert_eq(qs_engine_score(e, path, &rep, &d), QS_OK, "%s", path);
  qs_diag_free(&d);
  return rep;
}

static size_t spooled(qs_table *t) {
  size_t n = 0;
  qs_flag_spool_rewind(t);
  qs_flag_row f;
  while (qs_flag_spool_next(t, &f))
    n++;
  return n;
}

static void close_table(qs_table *t) {
  if (t->flag_spool)
    fclose(t->flag_spool);
  qs_flag_spool_next(NULL, NULL);
}

Test(batch_row, a_report_reads_back_field_by_field) {
  qs_engine *e = qs_test_engine();
  qs_report *rep = score_sample(e, "samples/guangxi-liuzhou-luosifen.xml");
  /* Texts no line format could carry as they are. */
  free(rep->title);
  rep->title = qs_xstrdup("a\nb: 12:c\n\n");
  free(rep->chain);
  rep->chain = NULL;
  size_t len;
  char *row = qs_row_encode(rep, QS_LANG_EN, &len);
  cr_assert_eq(strlen(row), len);
  qs_table t = {.rubric = rep->rubric, .lang = QS_LANG_EN};
  qs_row r = {.path = qs_xstrdup("x.xml")};
  cr_assert_eq(qs_row_decode(&t, &r, row, len), 0);
  cr_expect_str_eq(r.id, rep->id);
  cr_expect_str_eq(r.title, "a\nb: 12:c\n\n");
  cr_expect_str_eq(r.chain, "");
  cr_expect_str_eq(r.province, rep->province);
  cr_expect_str_eq(r.province_name, "广西壮族自治区");
  cr_expect_str_eq(r.triage, rep->triage);
  cr_expect_eq(r.total, rep->total);
  for (size_t i = 0; i < rep->rubric->n_sections; i++)
    cr_expect_eq(r.sections[i], rep->section_points[i]);
  for (size_t i = 0; i < rep->n_results; i++)
    cr_expect_eq(r.points[i], rep->results[i].points);
  /* Every flag but an indicator's not-scored, in the order of the report, in English. */
  size_t want = rep->n_flags, errors = 0;
  for (size_t i = 0; i < rep->n_results; i++)
    for (size_t k = 0; k < rep->results[i].n_flags; k++)
      want += strcmp(rep->results[i].flags[k].code, "not-scored") != 0;
  cr_expect_eq(r.n_flags, (int)want);
  cr_expect_gt(want, 3);
  cr_expect_eq(spooled(&t), want);
  qs_flag_spool_rewind(&t);
  qs_flag_row f;
  for (size_t i = 0; i < rep->n_results; i++)
    for (size_t k = 0; k < rep->results[i].n_flags; k++) {
      const qs_flag *g = &rep->results[i].flags[k];
      if (strcmp(g->code, "not-scored") == 0)
        continue;
      cr_assert(qs_flag_spool_next(&t, &f));
      cr_expect_str_eq(f.path, "x.xml");
      cr_expect_str_eq(f.id, rep->id);
      cr_expect_str_eq(f.indicator, rep->results[i].def->id);
      cr_expect_str_eq(f.code, g->code);
      cr_expect_str_eq(f.severity, qs_severity_name(g->severity));
      cr_expect_str_eq(f.text, g->text_en && g->text_en[0] ? g->text_en : g->text);
      errors += strcmp(f.severity, "error") == 0;
      if (g->n_evidence) {
        cr_expect(strncmp(f.evidence, g->evidence[0], strlen(g->evidence[0])) == 0);
      }
    }
  for (size_t k = 0; k < rep->n_flags; k++) {
    cr_assert(qs_flag_spool_next(&t, &f));
    cr_expect_str_eq(f.indicator, "");
    cr_expect_str_eq(f.code, rep->flags[k].code);
    errors += strcmp(f.severity, "error") == 0;
  }
  cr_expect_eq(r.n_error_flags, (int)errors);
  qs_row_free(&r);
  close_table(&t);
  free(row);
  qs_report_free(rep);
  qs_engine_free(e);
}

Test(batch_row, a_damaged_row_is_refused_and_spools_nothing) {
  qs_engine *e = qs_test_engine();
  qs_report *rep = score_sample(e, "samples/guangxi-liuzhou-luosifen.xml");
  size_t len;
  char *row = qs_row_encode(rep, QS_LANG_ZH, &len);
  qs_rubric fewer = *rep->rubric;
  fewer.n_sections--;
  struct {
    const char *what;
    size_t keep;     /* bytes of the row kept */
    const char *add; /* appended */
    const qs_rubric *rubric;
  } cases[] = {
      {"cut at the end", len - 1, "", rep->rubric},
      {"cut in the middle", len / 2, "", rep->rubric},
      {"header only", strlen("qscore row 1\n"), "", rep->rubric},
      {"bytes after it", len, "x", rep->rubric},
      {"a flag more said than there", len, "4:more\n", rep->rubric},
      {"another rubric", len, "", &fewer},
      {"empty", 0, "", rep->rubric},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    qs_buf b = {0};
    qs_buf_addn(&b, row, cases[i].keep);
    qs_buf_add(&b, cases[i].add);
    qs_table t = {.rubric = cases[i].rubric, .lang = QS_LANG_ZH};
    qs_row r = {.path = qs_xstrdup("x.xml")};
    cr_expect_eq(qs_row_decode(&t, &r, b.s ? b.s : (char *)"", b.len), -1, "%s", cases[i].what);
    cr_expect_eq(t.n_flags, 0, "%s: no flag spooled", cases[i].what);
    qs_row_free(&r);
    close_table(&t);
    qs_buf_free(&b);
  }
  static const char *const bad[] = {
      "qscore row 1\n0 0 0 0\n999:x\n", /* a length past the end */
      "qscore row 1\n0 0 0 0\n1:xy\n",  /* a string not ended by a newline */
      "qscore row 1\n-1 3 1 2\n",       /* three sections, the rubric none */
      "qscore row 1\n99999999999 0 0 0\n5:a:b:c\n0:\n0:\n0:\n0:\n0:\n", /* past an int */
  };
  qs_rubric none = {0};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *copy = qs_xstrdup(bad[i]);
    qs_table t = {.rubric = &none};
    qs_row r = {0};
    cr_expect_eq(qs_row_decode(&t, &r, copy, strlen(copy)), -1, "%s", bad[i]);
    qs_row_free(&r);
    free(copy);
  }
  /* The same row with a total that fits: read. */
  char *good = qs_xstrdup("qscore row 1\n7 0 0 0\n5:a:b:c\n0:\n0:\n0:\n0:\n0:\n");
  qs_table t = {.rubric = &none};
  qs_row r = {0};
  cr_expect_eq(qs_row_decode(&t, &r, good, strlen(good)), 0);
  cr_expect_eq(r.total, 7);
  cr_expect_str_eq(r.id ? r.id : "", "a:b:c");
  qs_row_free(&r);
  free(good);
  free(row);
  qs_report_free(rep);
  qs_engine_free(e);
}

Test(batch_row, a_corrupted_cached_row_is_listed_and_the_rest_resumes, .timeout = 120) {
  char *out = qs_test_tmpdir();
  const char *argv[] = {QS_BIN, "batch", "-q", "--lang", "en", "--out", out, "samples", NULL};
  cr_assert_eq(qs_test_exec(argv, NULL, NULL, NULL), 0);
  /* Damage one row in the cache (cut it short), as a disk or an editor might. */
  char *cache = qs_test_join(out, ".qscore-cache");
  DIR *dp = opendir(cache);
  cr_assert_not_null(dp);
  int damaged = 0;
  for (struct dirent *de; !damaged && (de = readdir(dp));) {
    size_t n = strlen(de->d_name);
    if (n < 4 || strcmp(de->d_name + n - 4, ".row") != 0)
      continue;
    char *p = qs_test_join(cache, de->d_name);
    FILE *f = fopen(p, "w");
    fputs("qscore row 1\n12 3", f);
    fclose(f);
    free(p);
    damaged = 1;
  }
  closedir(dp);
  cr_assert(damaged);
  const char *resume[] = {QS_BIN,  "batch", "-q",       "--lang",  "en",
                          "--out", out,     "--resume", "samples", NULL};
  cr_expect_eq(qs_test_exec(resume, NULL, NULL, NULL), 1, "a file not in the tables: exit 1");
  char *p = qs_test_join(out, "errors.csv");
  char *errors = qs_test_slurp(p, NULL);
  cr_expect(strstr(errors, ",0,cache,\"unreadable cached report\"") != NULL, "%s", errors);
  free(errors);
  free(p);
  p = qs_test_join(out, "triage.csv");
  char *csv = qs_test_slurp(p, NULL);
  size_t lines = 0;
  for (const char *s = csv; *s; s++)
    lines += *s == '\n';
  cr_expect_eq(lines, 1 + 7, "the other seven samples are ranked");
  free(csv);
  free(p);
  free(cache);
  qs_test_rmtree(out);
}
