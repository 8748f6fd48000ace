/* qs_render.h -- turning a report (or the rubric) into text for people and JSON for programs.
 * Every renderer is deterministic: the same report gives the same bytes. */
#ifndef QS_RENDER_H
#define QS_RENDER_H

#include <stdio.h>

#include "qs_engine.h"
#include "qs_i18n.h"
#include "qs_report.h"
#include "qs_rubric.h"

/* The JSON report of docs/REPORT-JSON.md; pretty (indented) or one line (for results.jsonl).
 * Returns a NUL-terminated string ending in a newline; free it. */
char *qs_render_json(const qs_report *rep, qs_lang lang, int pretty);
void qs_render_text(const qs_report *rep, qs_lang lang, FILE *out);
/* The triage decision ("recommend", "review", "reject") in words of lang. */
const char *qs_triage_label(qs_lang lang, const char *triage);

/* The report as XML (schemas/report-2025.xsd); free the string, or the tree with xmlFreeDoc. */
char *qs_render_xml(const qs_report *rep, qs_lang lang);
struct _xmlDoc;
struct _xmlDoc *qs_report_xml(const qs_report *rep, qs_lang lang);

/* The HTML report: the XML through an XSLT stylesheet (the built-in one when path is NULL).
 * On failure both return NULL and set *error to what went wrong, naming the stylesheet and,
 * for a stylesheet that does not parse, the line (free it). Loading may read the files a
 * stylesheet imports or includes, never the network; the transform may not read or write
 * files nor reach the network, and trying to is a failure. */
typedef struct qs_stylesheet qs_stylesheet;
qs_stylesheet *qs_stylesheet_load(const char *path, char **error);
void qs_stylesheet_free(qs_stylesheet *s);
char *qs_render_html(const qs_report *rep, qs_lang lang, qs_stylesheet *s, char **error);

/* The full reasoning of explain: every band top down, each condition held or not with the
 * facts behind it, the parameters, the rules that fired (from the engine's trace of the run,
 * so score with qs_engine_trace_rules on). indicator NULL: all twelve. */
void qs_render_explain(const qs_report *rep, const qs_engine *e, const char *indicator,
                       qs_lang lang, FILE *out);

void qs_render_rubric_text(const qs_rubric *r, const char *rules_origin, const char *rules_sha256,
                           qs_lang lang, FILE *out);
char *qs_render_rubric_json(const qs_rubric *r, const char *rules_sha256, qs_lang lang);

#endif
