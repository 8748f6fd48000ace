/* fuzz_score.c -- libFuzzer target: import, score and render arbitrary bytes as a submission.
 *
 * The engine (built-in rules and schema) and the built-in HTML stylesheet are loaded once;
 * every input goes through qs_engine_score_buffer, the path a file takes after it has been read
 * (parse with libxml2, validate, facts, rules, report), and a report that comes out is rendered
 * in every format a reviewer or a batch reads: text, JSON, the batch's row, XML and HTML, in
 * Chinese or English by the input's length, so that what an application can put into a report
 * is fuzzed through every encoder too. The HTML page is made both ways, written by
 * render_html.c and the XML through the built-in stylesheet, and two pages that differ abort
 * the run as a crash would (tests/test_html.c holds them equal on the corpus). Every report,
 * rendering and diagnostic is freed, so a leak found by LeakSanitizer is the library's.
 * Nothing is written anywhere (the text report goes to a memory stream). Built and run by
 * `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_table.h"
#include "qs_engine.h"
#include "qs_render.h"

static qs_engine *engine;
static qs_stylesheet *stylesheet;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  engine = qs_engine_new(NULL, &d);
  if (!engine) {
    qs_diag_print(&d, stderr);
    fprintf(stderr, "fuzz_score: the built-in rules did not load\n");
    exit(1);
  }
  qs_diag_free(&d);
  char *err = NULL;
  stylesheet = qs_stylesheet_load(NULL, &err);
  if (!stylesheet) {
    fprintf(stderr, "fuzz_score: the built-in stylesheet did not load: %s\n", err ? err : "?");
    exit(1);
  }
  free(err);
  return 0;
}

static void render_all(const qs_report *rep, qs_lang lang) {
  free(qs_render_text(rep, lang));
  free(qs_render_json(rep, lang, 1));
  /* The batch's row: written and read back (a row the engine writes is always read). */
  size_t row_len;
  char *row = qs_row_encode(rep, lang, &row_len);
  qs_table t = {.rubric = rep->rubric, .lang = lang};
  qs_row r = {.path = strdup("fuzz.xml")};
  if (qs_row_decode(&t, &r, row, row_len) != 0) {
    fprintf(stderr, "fuzz_score: the batch row did not read back\n");
    abort();
  }
  qs_row_free(&r);
  if (t.flag_spool)
    fclose(t.flag_spool);
  free(row);
  free(qs_render_xml(rep, lang));
  char *err = NULL, *xerr = NULL;
  char *html = qs_render_html(rep, lang, stylesheet, &err);
  char *xslt = qs_render_html_xslt(rep, lang, stylesheet, &xerr);
  if (!html || !xslt) {
    /* The built-in stylesheet must render every report the engine makes. */
    fprintf(stderr, "fuzz_score: the HTML report failed: %s\n", err ? err : xerr ? xerr : "?");
    abort();
  }
  if (strcmp(html, xslt) != 0) {
    size_t i = 0;
    while (html[i] && html[i] == xslt[i])
      i++;
    fprintf(stderr, "fuzz_score: render_html.c and report-html.xsl differ from byte %zu\n", i);
    abort();
  }
  free(html);
  free(xslt);
  free(err);
  free(xerr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_report *rep = NULL;
  qs_engine_score_buffer(engine, "fuzz.xml", (const char *)data, size, &rep, &d);
  if (rep) {
    render_all(rep, size % 2 ? QS_LANG_EN : QS_LANG_ZH);
    qs_report_free(rep);
  }
  qs_diag_free(&d);
  return 0;
}
