/* test_golden.c -- the reports stay the same bytes through a redesign (issue 14).
 *
 * Every sample, every rule case (tests/cases) and every hostile input (tests/hostile) is scored
 * on one day (2026-12-31) with the built-in rules and default parameters, and rendered in every
 * format a single score has (text, JSON, XML, HTML, explain), in both languages; a file that
 * does not score gives its diagnostics instead, in both languages. `qscore rubric` (text and
 * JSON, both languages) is one more entry. tests/golden.txt holds, per input, a short SHA-256
 * of each rendering: a redesign that changes a byte of any report fails here, naming the file
 * and the renderings that changed.
 *
 * The rules hash is replaced by RULES before hashing (the redesign edits the rules, and the
 * hash of the rules is not what this compares). An intended change is recorded by running
 *   QS_GOLDEN_WRITE=1 build/qscore-tests --filter golden/every_report_keeps_its_bytes
 * and the commit that does it says what changed and why. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "../engine/qs_render.h"
#include "helpers.h"

#define GOLDEN_FILE "tests/golden.txt"
#define GOLDEN_DAY 20261231L

static const char *const variants[] = {"text-zh", "text-en", "json-zh", "json-en",    "xml-zh",
                                       "xml-en",  "html-zh", "html-en", "explain-zh", "explain-en"};
#define N_VARIANTS (sizeof variants / sizeof *variants)

/* A short hash of text with every run of hex digits that starts with the rules hash's first
 * eight replaced by RULES. */
static void short_hash(const char *text, const char *rules, char out[17]) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  const char *p = text;
  for (const char *q; (q = strstr(p, rules)) != NULL;) {
    qs_buf_addf(&b, "%.*s", (int)(q - p), p);
    qs_buf_add(&b, "RULES");
    p = q + strspn(q, "0123456789abcdef");
  }
  qs_buf_add(&b, p);
  char hex[65];
  qs_sha256_hex(b.s, b.len, hex);
  memcpy(out, hex, 16);
  out[16] = 0;
  qs_buf_free(&b);
}

static char *render_stream(const qs_report *rep, const qs_engine *e, int explain, qs_lang lang) {
  return explain ? qs_render_explain(rep, e, NULL, lang) : qs_render_text(rep, lang);
}

/* "path h1 h2 ..." for one input. */
static qs_stylesheet *builtin_html;

static char *golden_line(qs_engine *e, const char *path, const char *rules) {
  qs_buf line = {0};
  qs_buf_add(&line, path);
  qs_diag d;
  qs_diag_init(&d, QS_LANG_ZH);
  qs_report *rep = NULL;
  qs_status st = qs_engine_score(e, path, &rep, &d);
  char h[17];
  if (st != QS_OK) {
    qs_diag_free(&d);
    for (int l = 0; l < 2; l++) {
      qs_diag_init(&d, l ? QS_LANG_EN : QS_LANG_ZH);
      rep = NULL;
      cr_assert_eq(qs_engine_score(e, path, &rep, &d), st, "%s scores the same twice", path);
      char *buf = NULL;
      size_t len = 0;
      FILE *mem = open_memstream(&buf, &len);
      fprintf(mem, "status %d\n", (int)st);
      qs_diag_print(&d, mem);
      fclose(mem);
      qs_diag_free(&d);
      short_hash(buf, rules, h);
      qs_buf_addf(&line, " diag-%s:%s", l ? "en" : "zh", h);
      free(buf);
    }
    return line.s;
  }
  qs_diag_free(&d);
  for (size_t v = 0; v < N_VARIANTS; v++) {
    qs_lang lang = v % 2 ? QS_LANG_EN : QS_LANG_ZH;
    char *s = NULL, *err = NULL;
    switch (v / 2) {
    case 0:
      s = render_stream(rep, e, 0, lang);
      break;
    case 1:
      s = qs_render_json(rep, lang, 1);
      break;
    case 2:
      s = qs_render_xml(rep, lang);
      break;
    case 3:
      s = qs_render_html(rep, lang, builtin_html, &err);
      cr_assert_not_null(s, "%s: %s", path, err ? err : "");
      break;
    default:
      s = render_stream(rep, e, 1, lang);
      break;
    }
    short_hash(s, rules, h);
    qs_buf_addf(&line, " %s:%s", variants[v], h);
    free(s);
  }
  qs_report_free(rep);
  return line.s;
}

static char *rubric_line(qs_engine *e, const char *rules) {
  qs_buf line = {0};
  qs_buf_add(&line, "(rubric)");
  for (int l = 0; l < 2; l++) {
    qs_lang lang = l ? QS_LANG_EN : QS_LANG_ZH;
    char *buf = qs_render_rubric_text(qs_engine_rubric(e), qs_engine_rules_origin(e),
                                      qs_engine_rules_sha256(e), lang);
    char h[17];
    short_hash(buf, rules, h);
    qs_buf_addf(&line, " rubric-text-%s:%s", l ? "en" : "zh", h);
    free(buf);
    char *js = qs_render_rubric_json(qs_engine_rubric(e), qs_engine_rules_sha256(e), lang);
    short_hash(js, rules, h);
    qs_buf_addf(&line, " rubric-json-%s:%s", l ? "en" : "zh", h);
    free(js);
  }
  return line.s;
}

Test(golden, every_report_keeps_its_bytes, .timeout = 600) {
  char **in;
  size_t n_in = qs_test_report_inputs(&in);
  cr_assert_gt(n_in, 500, "the inputs are found");

  char *serr = NULL;
  builtin_html = qs_stylesheet_load(NULL, &serr);
  cr_assert_not_null(builtin_html, "%s", serr ? serr : "");
  qs_engine *e = qs_test_engine();
  qs_engine_set_as_of(e, GOLDEN_DAY);
  char rules[9];
  snprintf(rules, sizeof rules, "%s", qs_engine_rules_sha256(e));

  qs_buf now = {0};
  qs_buf_add(&now, "");
  char *rl = rubric_line(e, rules);
  qs_buf_addf(&now, "%s\n", rl);
  free(rl);
  for (size_t i = 0; i < n_in; i++) {
    char *l = golden_line(e, in[i], rules);
    qs_buf_addf(&now, "%s\n", l);
    free(l);
    free(in[i]);
  }
  free(in);
  qs_engine_free(e);
  qs_stylesheet_free(builtin_html);

  char *was = qs_test_golden(GOLDEN_FILE, now.s);
  if (!was) {
    qs_buf_free(&now);
    return;
  }
  /* Compare line by line, naming what changed. */
  size_t changed = 0;
  const char *a = was, *b = now.s;
  while (*a || *b) {
    const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
    size_t la = ea ? (size_t)(ea - a) : strlen(a), lb = eb ? (size_t)(eb - b) : strlen(b);
    if (la != lb || memcmp(a, b, la) != 0) {
      if (changed++ < 40)
        cr_log_error("golden: was  %.*s\n        now  %.*s", (int)la, a, (int)lb, b);
    }
    a += la + (ea ? 1 : 0);
    b += lb + (eb ? 1 : 0);
  }
  cr_expect_eq(changed, 0,
               "%zu inputs render differently from " GOLDEN_FILE
               " (an intended change: QS_GOLDEN_WRITE=1 build/qscore-tests --filter 'golden/*')",
               changed);
  free(was);
  qs_buf_free(&now);
}
