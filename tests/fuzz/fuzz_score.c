/* fuzz_score.c -- libFuzzer target: import and score arbitrary bytes as a submission.
 *
 * The engine (built-in rules and schema) is loaded once; every input goes through
 * qs_engine_score_buffer, the path a file takes after it has been read (parse with libxml2,
 * validate, facts, rules, report). Every report and diagnostic is freed, so a leak found by
 * LeakSanitizer is the library's. Nothing is written anywhere. Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "qs_engine.h"

static qs_engine *engine;

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
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_report *rep = NULL;
  qs_engine_score_buffer(engine, "fuzz.xml", (const char *)data, size, &rep, &d);
  if (rep)
    qs_report_free(rep);
  qs_diag_free(&d);
  return 0;
}
