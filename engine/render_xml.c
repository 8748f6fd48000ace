/* render_xml.c -- the report as XML (schemas/report-2025.xsd), and HTML made from it by XSLT.
 *
 * The XML carries what the JSON carries, plus what a page needs to show a reviewer: each
 * evidence item's enterprise by name and every held condition of every band. The built-in
 * stylesheet (schemas/report-html.xsl, compiled in) defines the HTML report; render_html.c
 * writes the same bytes without the XML and the transform, and the transform runs for an
 * office's own stylesheet (--stylesheet FILE: a restyled report without a compiler) and for
 * the test that holds the two equal. */
#include <libxml/tree.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_builtin.h"
#include "qs_render.h"
#include "qs_util.h"

#define NS "urn:qscore:report:2025"

static xmlNodePtr el(xmlNodePtr parent, xmlNsPtr ns, const char *name) {
  return xmlNewChild(parent, ns, (const xmlChar *)name, NULL);
}

static void attr(xmlNodePtr n, const char *name, const char *value) {
  xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)(value ? value : ""));
}

static void attr_int(xmlNodePtr n, const char *name, long v) {
  char b[32];
  snprintf(b, sizeof b, "%ld", v);
  attr(n, name, b);
}

static void text_child(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text) {
  xmlNodePtr t = el(parent, ns, name);
  xmlNodeAddContent(t, (const xmlChar *)(text ? text : ""));
}

static void evidence_refs(xmlNodePtr parent, xmlNsPtr ns, char **ev, size_t n) {
  for (size_t i = 0; i < n; i++)
    attr(el(parent, ns, "cite"), "ref", ev[i]);
}

static void flags(xmlNodePtr parent, xmlNsPtr ns, const qs_flag *f, size_t n, qs_lang lang) {
  for (size_t i = 0; i < n; i++) {
    xmlNodePtr x = el(parent, ns, "flag");
    attr(x, "code", f[i].code);
    attr(x, "severity", qs_severity_name(f[i].severity));
    attr(x, "rule", f[i].rule);
    /* The words of the severity and the flag's name, from the catalogs, for the page. */
    attr(x, "severity-label", qs_word(lang, "severity", qs_severity_name(f[i].severity)));
    attr(x, "label", qs_word(lang, "flag", f[i].code));
    text_child(x, ns, "text", qs_pick(lang, f[i].text, f[i].text_en));
    evidence_refs(x, ns, f[i].evidence, f[i].n_evidence);
  }
}

static void band(xmlNodePtr parent, xmlNsPtr ns, const char *name, const qs_band *b) {
  xmlNodePtr x = el(parent, ns, name);
  attr_int(x, "level", b->level);
  attr_int(x, "min", b->min);
  attr_int(x, "max", b->max);
  text_child(x, ns, "text", b->text);
  text_child(x, ns, "gloss", b->text_en);
}

static void indicator(xmlNodePtr root, xmlNsPtr ns, const qs_report *rep, const qs_result *res,
                      qs_lang lang, char *cited) {
  const qs_indicator_def *d = res->def;
  xmlNodePtr x = el(root, ns, "indicator");
  attr(x, "id", d->id);
  attr(x, "section", d->section);
  attr_int(x, "max", d->max);
  attr(x, "scored", d->scored ? "true" : "false");
  attr_int(x, "points", res->points);
  if (res->has_self) {
    char b[32];
    snprintf(b, sizeof b, "%g", res->self_points);
    attr(x, "self-points", b);
  }
  text_child(x, ns, "name", d->name);
  text_child(x, ns, "name-en", d->name_en);
  const qs_band *chosen = qs_indicator_band(d, res->level);
  if (chosen)
    band(x, ns, "band", chosen);
  /* Every band, top down, with its conditions held or not: what explain shows. */
  for (size_t k = d->n_bands; k-- > 0;) {
    const qs_band *b = &d->bands[k];
    xmlNodePtr bx = el(x, ns, "rubric-band");
    attr_int(bx, "level", b->level);
    attr_int(bx, "min", b->min);
    attr_int(bx, "max", b->max);
    attr(bx, "chosen", b->level == res->level ? "true" : "false");
    for (size_t j = 0; j < d->n_conds; j++) {
      const qs_condition *c = &d->conds[j];
      if (c->level != b->level)
        continue;
      xmlNodePtr cx = el(bx, ns, "condition");
      attr(cx, "id", c->id);
      int held = 0;
      for (size_t h = 0; h < res->n_held; h++)
        held |= strcmp(res->held[h].condition, c->id) == 0;
      attr(cx, "held", held ? "true" : "false");
      char *t = qs_rubric_expand(rep->rubric, qs_pick(lang, c->text, c->text_en));
      text_child(cx, ns, "text", t);
      free(t);
      for (size_t h = 0; h < res->n_held; h++) {
        const qs_reason *r = &res->held[h];
        if (strcmp(r->condition, c->id) != 0)
          continue;
        xmlNodePtr hx = el(cx, ns, "held");
        attr(hx, "rule", r->rule);
        text_child(hx, ns, "text", qs_pick(lang, r->text, r->text_en));
        evidence_refs(hx, ns, r->evidence, r->n_evidence);
      }
    }
  }
  for (size_t i = 0; i < res->n_reasons; i++) {
    const qs_reason *r = &res->reasons[i];
    xmlNodePtr rx = el(x, ns, "reason");
    attr(rx, "rule", r->rule);
    attr(rx, r->is_factor ? "factor" : "condition", r->condition);
    if (r->is_factor)
      attr_int(rx, "points", r->points);
    text_child(rx, ns, "text", qs_pick(lang, r->text, r->text_en));
    evidence_refs(rx, ns, r->evidence, r->n_evidence);
    for (size_t k = 0; k < r->n_evidence; k++) {
      const qs_evidence *e = qs_report_evidence(rep, r->evidence[k]);
      if (e)
        cited[e - rep->evidence] = 1;
    }
  }
  if (chosen) {
    xmlNodePtr px = el(x, ns, "placement");
    attr_int(px, "base", res->base);
    attr(px, "capped", res->capped ? "true" : "false");
    for (size_t k = 0; k < res->n_placed; k++) {
      const qs_factor_def *fd = res->placed[k].def;
      int present = res->placed[k].present;
      xmlNodePtr fx = el(px, ns, "factor");
      attr(fx, "id", fd->id);
      attr_int(fx, "points", fd->points);
      attr(fx, "present", present ? "true" : "false");
      char *t = qs_rubric_expand(rep->rubric, qs_pick(lang, fd->text, fd->text_en));
      text_child(fx, ns, "text", t);
      free(t);
    }
  }
  for (size_t i = 0; i < res->n_gaps; i++) {
    const qs_gap *g = &res->gaps[i];
    const qs_band *b = qs_indicator_band(d, g->level);
    xmlNodePtr gx = el(x, ns, "gap");
    attr(gx, "condition", g->condition);
    attr_int(gx, "min", b ? b->min : 0);
    attr_int(gx, "max", b ? b->max : 0);
    text_child(gx, ns, "text", qs_pick(lang, g->text, g->text_en));
  }
  for (size_t i = 0; i < res->n_excluded; i++) {
    const qs_exclusion *e = &res->excluded[i];
    xmlNodePtr ex = el(x, ns, "excluded");
    attr(ex, "ref", e->evidence);
    attr(ex, "rule", e->rule);
    text_child(ex, ns, "text", qs_pick(lang, e->text, e->text_en));
    const qs_evidence *ev = qs_report_evidence(rep, e->evidence);
    if (ev)
      cited[ev - rep->evidence] = 1;
  }
  flags(x, ns, res->flags, res->n_flags, lang);
  for (size_t i = 0; i < res->n_flags; i++)
    for (size_t k = 0; k < res->flags[i].n_evidence; k++) {
      const qs_evidence *e = qs_report_evidence(rep, res->flags[i].evidence[k]);
      if (e)
        cited[e - rep->evidence] = 1;
    }
}

xmlDocPtr qs_report_xml(const qs_report *rep, qs_lang lang) {
  const qs_rubric *r = rep->rubric;
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"report");
  xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)NS, NULL);
  xmlSetNs(root, ns);
  xmlDocSetRootElement(doc, root);
  attr(root, "qscore-version", rep->qscore_version);
  attr(root, "edition", r->edition);
  attr(root, "rules-sha256", rep->rules_sha256);
  attr(root, "lang", qs_lang_code(lang));
  text_child(root, ns, "rubric-title", r->title);
  xmlNodePtr in = el(root, ns, "input");
  attr(in, "path", rep->path);
  attr(in, "sha256", rep->sha256);
  xmlNodePtr sub = el(root, ns, "submission");
  attr(sub, "id", rep->id);
  attr(sub, "province", rep->province);
  attr(sub, "city", rep->city);
  attr(sub, "work-start", rep->work_start);
  attr(sub, "window-start", rep->window_start);
  attr(sub, "window-end", rep->window_end);
  attr_int(sub, "window-months", rep->window_months);
  attr(sub, "as-of", rep->as_of);
  text_child(sub, ns, "title", rep->title);
  text_child(sub, ns, "region", rep->region);
  text_child(sub, ns, "chain", rep->chain);

  char *cited = qs_xcalloc(rep->n_evidence ? rep->n_evidence : 1, 1);
  for (size_t i = 0; i < rep->n_results; i++)
    indicator(root, ns, rep, &rep->results[i], lang, cited);
  for (size_t i = 0; i < r->n_sections; i++) {
    xmlNodePtr s = el(root, ns, "section");
    attr(s, "id", r->sections[i].id);
    attr_int(s, "points", rep->section_points[i]);
    attr_int(s, "max", r->sections[i].max);
    attr_int(s, "official-max", r->sections[i].official_max);
    text_child(s, ns, "name", r->sections[i].name);
    text_child(s, ns, "name-en", r->sections[i].name_en);
  }
  xmlNodePtr total = el(root, ns, "total");
  attr_int(total, "points", rep->total);
  attr_int(total, "max", rep->max_total);
  attr(total, "triage", rep->triage);
  if (rep->has_self_total) {
    char b[32];
    snprintf(b, sizeof b, "%g", rep->self_total);
    attr(total, "self-points", b);
  }
  flags(root, ns, rep->flags, rep->n_flags, lang);
  for (size_t i = 0; i < rep->n_flags; i++)
    for (size_t k = 0; k < rep->flags[i].n_evidence; k++) {
      const qs_evidence *e = qs_report_evidence(rep, rep->flags[i].evidence[k]);
      if (e)
        cited[e - rep->evidence] = 1;
    }
  for (size_t i = 0; i < rep->n_evidence; i++) {
    if (!cited[i])
      continue;
    const qs_evidence *e = &rep->evidence[i];
    xmlNodePtr x = el(root, ns, "evidence");
    attr(x, "id", e->id);
    attr(x, "element", e->element);
    attr(x, "kind", e->kind);
    attr(x, "date", e->date);
    attr(x, "number", e->number);
    attr(x, "enterprise", e->enterprise);
    attr_int(x, "line", e->line);
    /* The names of the element and of its kind in the report's language (evkind.ELEMENT,
     * evsub.KIND in the catalogs), for the page: the stylesheet cannot read the catalogs. */
    attr(x, "element-label", qs_word(lang, "evkind", e->element));
    attr(x, "kind-label", qs_word(lang, "evsub", e->kind));
    const qs_evidence *ent = e->enterprise[0] ? qs_report_evidence(rep, e->enterprise) : NULL;
    text_child(x, ns, "label", e->label);
    text_child(x, ns, "enterprise-name", ent ? ent->label : "");
  }
  free(cited);
  return doc;
}

char *qs_render_xml(const qs_report *rep, qs_lang lang) {
  xmlDocPtr doc = qs_report_xml(rep, lang);
  xmlChar *out = NULL;
  int len = 0;
  xmlDocDumpFormatMemoryEnc(doc, &out, &len, "UTF-8", 1);
  char *s = qs_xstrndup((const char *)out, (size_t)(len > 0 ? len : 0));
  xmlFree(out);
  xmlFreeDoc(doc);
  return s;
}

/* ------------------------------------------------------------------ HTML through XSLT */

/* builtin: the built-in page, whose XSLT (xsl) is compiled on first use only: the page itself
 * is written by render_html.c. */
struct qs_stylesheet {
  xsltStylesheetPtr xsl;
  int builtin;
};

/* libxml2 and libxslt report problems through generic error functions; collect them so the
 * caller can say what went wrong (the first few lines) instead of letting them spill on
 * stderr. */
typedef struct {
  qs_buf text;
  int lines;
} errors;

static void collect(void *ctx, const char *fmt, ...) {
  errors *e = ctx;
  if (e->lines >= 4)
    return;
  va_list ap;
  va_start(ap, fmt);
  qs_buf_vaddf(&e->text, fmt, ap);
  va_end(ap);
  if (e->text.len && e->text.s[e->text.len - 1] == '\n')
    e->lines++;
}

static void capture(errors *e) {
  *e = (errors){0};
  xmlSetGenericErrorFunc(e, collect);
  xsltSetGenericErrorFunc(e, collect);
}

/* Stop capturing; the collected text, trimmed, as the error (or fallback when none). */
static char *release(errors *e, const char *fallback) {
  xmlSetGenericErrorFunc(NULL, NULL);
  xsltSetGenericErrorFunc(NULL, NULL);
  /* libxml2's and libxslt's own words (English: the libraries have no catalog), as one line
   * with its parts joined by " | ", so the message keeps qscore's one shape on stderr. */
  qs_buf one = {0};
  int gap = 0;
  for (size_t i = 0; i < e->text.len; i++) {
    char c = e->text.s[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      gap = c == '\n' || c == '\r' || gap == 2 ? 2 : gap ? gap : 1;
      continue;
    }
    if (gap && one.len)
      qs_buf_add(&one, gap == 2 ? " | " : " ");
    gap = 0;
    qs_buf_addn(&one, &c, 1);
  }
  qs_buf_free(&e->text);
  if (!one.len)
    qs_buf_add(&one, fallback);
  return qs_buf_take(&one);
}

/* Parse and compile a stylesheet (data is freed); NULL with *error on failure. */
static xsltStylesheetPtr compile(const char *name, char *data, size_t len, char **error) {
  errors e;
  capture(&e);
  xmlDocPtr sdoc = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  free(data);
  /* xsl:import and xsl:include may read the office's own files (relative to the stylesheet),
   * never the network. */
  xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
  xsltSetDefaultSecurityPrefs(sec);
  xsltStylesheetPtr xsl = sdoc ? xsltParseStylesheetDoc(sdoc) : NULL;
  xsltSetDefaultSecurityPrefs(NULL);
  xsltFreeSecurityPrefs(sec);
  if (!xsl || xsl->errors) {
    if (xsl)
      xsltFreeStylesheet(xsl);
    else if (sdoc)
      xmlFreeDoc(sdoc);
    *error = release(&e, name);
    return NULL;
  }
  free(release(&e, ""));
  return xsl;
}

/* The built-in stylesheet, compiled. */
static xsltStylesheetPtr compile_builtin(char **error) {
  const qs_builtin_file *f = qs_builtin_find(qs_builtin_schemas, "report-html.xsl");
  if (!f) {
    *error = qs_xstrdup("report-html.xsl: not built in");
    return NULL;
  }
  return compile("report-html.xsl", qs_xstrndup(f->data, f->len), f->len, error);
}

qs_stylesheet *qs_stylesheet_load(const char *path, char **error) {
  *error = NULL;
  qs_stylesheet *st;
  if (!path) {
    if (!qs_builtin_find(qs_builtin_schemas, "report-html.xsl")) {
      *error = qs_xstrdup("report-html.xsl: not built in");
      return NULL;
    }
    st = qs_xcalloc(1, sizeof *st);
    st->builtin = 1;
    return st;
  }
  /* Read here, not by libxml2: the engine's entity loader refuses every file (so that no
   * submission can make the parser read one), and a stylesheet has no business being larger
   * than a few megabytes. */
  char *data = NULL;
  size_t len = 0;
  int err_no;
  qs_status rs = qs_read_file(path, 4u << 20, &data, &len, &err_no);
  if (rs != QS_OK) {
    qs_buf b = {0};
    qs_buf_addf(&b, "%s: %s", path, strerror(qs_read_errno(rs, err_no)));
    *error = qs_buf_take(&b);
    return NULL;
  }
  xsltStylesheetPtr xsl = compile(path, data, len, error);
  if (!xsl)
    return NULL;
  st = qs_xcalloc(1, sizeof *st);
  st->xsl = xsl;
  return st;
}

void qs_stylesheet_free(qs_stylesheet *s) {
  if (!s)
    return;
  if (s->xsl)
    xsltFreeStylesheet(s->xsl);
  free(s);
}

char *qs_render_html(const qs_report *rep, qs_lang lang, qs_stylesheet *s, char **error) {
  *error = NULL;
  if (!s || s->builtin)
    return qs_render_html_builtin(rep, lang);
  return qs_render_html_xslt(rep, lang, s, error);
}

/* The XML through s's stylesheet (the built-in one when s is NULL or stands for it). */
char *qs_render_html_xslt(const qs_report *rep, qs_lang lang, qs_stylesheet *s, char **error) {
  *error = NULL;
  xsltStylesheetPtr own = NULL, xsl = s ? s->xsl : NULL;
  if (!xsl) {
    xsl = compile_builtin(error);
    if (!xsl)
      return NULL;
    if (s)
      s->xsl = xsl;
    else
      own = xsl;
  }
  xmlDocPtr doc = qs_report_xml(rep, lang);

  /* The transform may not read or write files nor reach the network: the report it is given
   * is all it needs, and the report's strings come from outside (document(@x) must not
   * become a way for an application to read a file). */
  xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
  errors e;
  capture(&e);
  xsltTransformContextPtr ctxt = xsltNewTransformContext(xsl, doc);
  xsltSetCtxtSecurityPrefs(sec, ctxt);
  xmlDocPtr res = xsltApplyStylesheetUser(xsl, doc, NULL, NULL, NULL, ctxt);
  xmlChar *out = NULL;
  int len = 0;
  char *html = NULL;
  /* Any error of the transform (a refused document() or exsl:document included) fails it:
   * half a report is worse than none. */
  if (res && ctxt->state == XSLT_STATE_OK && xsltSaveResultToString(&out, &len, res, xsl) == 0 &&
      out)
    html = qs_xstrndup((const char *)out, (size_t)len);
  char *why = release(&e, "xsltApplyStylesheet");
  if (html)
    free(why);
  else
    *error = why;
  xmlFree(out);
  xmlFreeDoc(res);
  xsltFreeTransformContext(ctxt);
  xsltFreeSecurityPrefs(sec);
  xmlFreeDoc(doc);
  if (own)
    xsltFreeStylesheet(own);
  return html;
}
