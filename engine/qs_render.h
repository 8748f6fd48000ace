/* qs_render.h -- turning a report (or the rubric) into text for people and JSON for programs.
 * Every renderer is deterministic: the same report gives the same bytes. */
#ifndef QS_RENDER_H
#define QS_RENDER_H

#include <stdio.h>

#include "qs_i18n.h"
#include "qs_report.h"
#include "qs_rubric.h"

/* The JSON report of design.md; pretty (indented) or one line (for results.jsonl). Returns a
 * NUL-terminated string ending in a newline; free it. */
char *qs_render_json(const qs_report *rep, qs_lang lang, int pretty);
void qs_render_text(const qs_report *rep, qs_lang lang, FILE *out);

void qs_render_rubric_text(const qs_rubric *r, const char *rules_origin, const char *rules_sha256,
                           qs_lang lang, FILE *out);
char *qs_render_rubric_json(const qs_rubric *r, const char *rules_sha256, qs_lang lang);

#endif
