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
/* The text of a jansson tree (json_dumps with flags) and a final newline, "{}" if it cannot be
 * written; root is released. Every JSON output of qscore ends this way. */
struct json_t;
char *qs_json_text(struct json_t *root, size_t flags);
char *qs_render_text(const qs_report *rep, qs_lang lang);
/* The triage decision ("recommend", "review", "reject") in words of lang (triage.*). */
const char *qs_triage_label(qs_lang lang, const char *triage);
/* A severity in words of lang (severity.*: 错误, 警告, 提示). */
const char *qs_severity_word(qs_lang lang, qs_severity s);
/* The triage as the text report and explain show it (ui.triage-shown-*: in Chinese the label
 * and the code, in English the code, which is the label). */
const char *qs_triage_shown(qs_lang lang, const char *triage);

/* The report as XML (schemas/report-2025.xsd); free the string, or the tree with xmlFreeDoc. */
char *qs_render_xml(const qs_report *rep, qs_lang lang);
struct _xmlDoc;
struct _xmlDoc *qs_report_xml(const qs_report *rep, qs_lang lang);

/* The HTML report. The built-in page is written directly (qs_render_html_builtin, the same
 * bytes schemas/report-html.xsl makes from the XML: tests/test_html.c holds them equal); an
 * office's page is the XML through its own XSLT stylesheet (--stylesheet FILE).
 *
 * qs_stylesheet_load(NULL, ...) stands for the built-in page and costs nothing (its XSLT is
 * compiled only when qs_render_html_xslt asks for it); a path loads that stylesheet, and may
 * read the files it imports or includes, never the network. qs_render_html renders with s:
 * the built-in page when s is NULL or stands for it, else the XSLT; qs_render_html_xslt always
 * runs the XSLT (the built-in stylesheet when s is NULL or stands for it). The transform may
 * not read or write files nor reach the network, and trying to is a failure. On failure they
 * return NULL and set *error to what went wrong, naming the stylesheet and, for a stylesheet
 * that does not parse, the line (free it); the built-in page never fails. */
typedef struct qs_stylesheet qs_stylesheet;
qs_stylesheet *qs_stylesheet_load(const char *path, char **error);
void qs_stylesheet_free(qs_stylesheet *s);
char *qs_render_html(const qs_report *rep, qs_lang lang, qs_stylesheet *s, char **error);
char *qs_render_html_xslt(const qs_report *rep, qs_lang lang, qs_stylesheet *s, char **error);
char *qs_render_html_builtin(const qs_report *rep, qs_lang lang);

/* The full reasoning of explain: every band top down, each condition held or not with the
 * facts behind it, the parameters, the rules that fired in the run with how often
 * (qs_engine_rule_fired). indicator NULL: all twelve. */
char *qs_render_explain(const qs_report *rep, const qs_engine *e, const char *indicator,
                        qs_lang lang);

char *qs_render_rubric_text(const qs_rubric *r, const char *rules_origin, const char *rules_sha256,
                            qs_lang lang);
char *qs_render_rubric_json(const qs_rubric *r, const char *rules_sha256, qs_lang lang);

#endif
