/* render_html.c -- the built-in HTML report, written directly from the report (issue 14).
 *
 * The page is the one schemas/report-html.xsl makes from the XML report, byte for byte: the
 * stylesheet stays the definition of the page (and what an office copies to restyle it, run
 * through libxslt with --stylesheet FILE), and this writer is the fast way to the same bytes,
 * without building the XML tree, transforming it and serializing the result (two thirds of
 * the time of a report went there). tests/test_html.c renders every sample, case and hostile
 * input both ways in both languages, and a report full of hostile strings, and fails on the
 * first byte that differs: a change to the stylesheet is a change here too.
 *
 * What the stylesheet and libxslt's HTML output (libxml2's HTML serializer) do, and so this:
 * - the page starts with <!DOCTYPE html> (doctype-system about:legacy-compat) and a newline,
 *   and ends with a newline after </html>;
 * - a <meta http-equiv="Content-Type"> comes first in <head> (the output encoding);
 * - no indentation: the stylesheet's whitespace-only text is dropped, other literal text is
 *   kept as written (the newline and spaces after "Region:" are the stylesheet's);
 * - text escapes <, > and & and keeps everything else, UTF-8 as it is; control characters
 *   other than tab, newline and carriage return are dropped (see esc);
 * - an attribute escapes the same but leaves "<!--...-->" and "&{...}" alone, is quoted with
 *   " unless it holds " and no ' (then with '), and href is also %-escaped (see attr_value);
 * - an <li> with nothing in it has no end tag; <meta> has none ever; elements of the SVG
 *   chart are not HTML and always have one;
 * - numbers computed by XPath (the chart's sizes) print as XPath prints them (xpath_number). */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qs_render.h"
#include "qs_util.h"

#define LIT(b, s) qs_buf_addn((b), (s), sizeof(s) - 1)

static const char *str(const char *s) { return s ? s : ""; }

/* ------------------------------------------------------------------ the words (template t) */

typedef enum {
  W_REGION,
  W_CHAIN,
  W_START,
  W_WINDOW,
  W_ASOF,
  W_TOTAL,
  W_TRIAGE,
  W_SELF,
  W_POINTS,
  W_SECTIONS,
  W_FLAGS,
  W_BAND,
  W_NOBAND,
  W_NOTSCORED,
  W_WHY,
  W_BASE,
  W_CAPPED,
  W_REASONS,
  W_USED,
  W_EXCLUDED,
  W_GAPS,
  W_ID,
  W_KIND,
  W_NAME,
  W_NUMBER,
  W_DATE,
  W_ENTERPRISE,
  W_RECOMMEND,
  W_REVIEW,
  W_REJECT,
  W_FOOTER,
  W_INPUT,
  W_RULES,
  W_EDITION,
  W_ADVISORY,
  W_SOURCE,
  W_FILE,
  W_OPINION,
  W_SIGNATURE,
  W_COUNT
} word;

/* [0] Chinese, [1] English; none holds <, > or &, so they are written as they are. */
static const char *const words[2][W_COUNT] = {
    {
        [W_REGION] = "地区",
        [W_CHAIN] = "产业链",
        [W_START] = "开工日期",
        [W_WINDOW] = "成效评价期",
        [W_ASOF] = "评审基准日",
        [W_TOTAL] = "总分",
        [W_TRIAGE] = "初筛建议",
        [W_SELF] = "自评",
        [W_POINTS] = "各项得分与满分",
        [W_SECTIONS] = "分部得分",
        [W_FLAGS] = "提示",
        [W_BAND] = "档位",
        [W_NOBAND] = "未达到任何档位：0 分",
        [W_NOTSCORED] = "未自动评分",
        [W_WHY] = "档内得分依据",
        [W_BASE] = "本档起点",
        [W_CAPPED] = "已封顶于本档上限",
        [W_REASONS] = "满足的条件",
        [W_USED] = "所用证据",
        [W_EXCLUDED] = "未计入的证据",
        [W_GAPS] = "距上一档所缺",
        [W_ID] = "编号",
        [W_KIND] = "类别",
        [W_NAME] = "名称/编号",
        [W_NUMBER] = "证书/文号",
        [W_DATE] = "日期",
        [W_ENTERPRISE] = "企业",
        [W_RECOMMEND] = "推荐",
        [W_REVIEW] = "复核",
        [W_REJECT] = "不推荐",
        [W_FOOTER] =
            "qscore 只给出建议，由评审人决定。上文每一分都注明所依据的申报证据编号和评价要求原文。",
        [W_INPUT] = "申报文件 SHA-256",
        [W_RULES] = "规则 SHA-256",
        [W_EDITION] = "评价要求",
        [W_ADVISORY] = "系统建议分，仅供参考",
        [W_SOURCE] = "来源",
        [W_FILE] = "申报文件",
        [W_OPINION] = "评审意见",
        [W_SIGNATURE] = "评审人签字",
    },
    {
        [W_REGION] = "Region",
        [W_CHAIN] = "Chain",
        [W_START] = "Work start",
        [W_WINDOW] = "Results window",
        [W_ASOF] = "Scoring day",
        [W_TOTAL] = "Total",
        [W_TRIAGE] = "Triage",
        [W_SELF] = "self-assessed",
        [W_POINTS] = "Points against maxima",
        [W_SECTIONS] = "Sections",
        [W_FLAGS] = "Flags",
        [W_BAND] = "Band",
        [W_NOBAND] = "No band reached: 0 points",
        [W_NOTSCORED] = "Not scored automatically",
        [W_WHY] = "Why these points in the band",
        [W_BASE] = "band minimum",
        [W_CAPPED] = "capped at the band maximum",
        [W_REASONS] = "What holds",
        [W_USED] = "Evidence used",
        [W_EXCLUDED] = "Evidence not counted",
        [W_GAPS] = "Missing for the next band",
        [W_ID] = "Id",
        [W_KIND] = "Kind",
        [W_NAME] = "Name / code",
        [W_NUMBER] = "Number",
        [W_DATE] = "Date",
        [W_ENTERPRISE] = "Enterprise",
        [W_RECOMMEND] = "recommend",
        [W_REVIEW] = "review",
        [W_REJECT] = "reject",
        [W_FOOTER] = "qscore suggests; the reviewer decides. Every point above cites the "
                     "application's evidence by id and the rubric's own wording.",
        [W_INPUT] = "Input SHA-256",
        [W_RULES] = "Rules SHA-256",
        [W_EDITION] = "Rubric",
        [W_ADVISORY] = "Suggested by the system, for reference only",
        [W_SOURCE] = "Source",
        [W_FILE] = "Input file",
        [W_OPINION] = "Reviewer's opinion",
        [W_SIGNATURE] = "Reviewer's signature",
    }};

/* The page numbers in print, the last rule of the <style> (CSS paged media margin boxes). */
static const char *const page_numbers[2] = {
    "@page{@bottom-center{content:\"第 \" counter(page) \" 页 共 \" counter(pages) \" "
    "页\";font-size:9pt}}",
    "@page{@bottom-center{content:\"Page \" counter(page) \" of \" "
    "counter(pages);font-size:9pt}}"};

/* ------------------------------------------------------------------ the writer */

typedef struct {
  qs_buf out;
  qs_buf raw, esc, uri; /* scratch for an attribute value */
  int en;
  const qs_report *rep;
  const char *cited; /* the evidence the XML report lists (see qs_report_xml) */
  const char **refs; /* scratch: the evidence ids one card cites */
  size_t n_refs, cap_refs;
} writer;

static void w(writer *h, word k) { qs_buf_add(&h->out, words[h->en][k]); }

/* Text or an attribute value as libxml2 escapes it in an HTML document
 * (xmlEncodeEntitiesReentrant, xmlEncodeAttributeEntities): <, > and & become entities; tab,
 * newline, carriage return and every byte from 0x20 up (UTF-8 included) stay; the other
 * control characters are dropped. In an attribute, a server-side include "<!--...-->" and
 * HTML 4's "&{...}" are copied as they are. */
static void esc(qs_buf *b, const char *s, int in_attr) {
  const char *run = s, *p = s;
  while (*p) {
    unsigned char c = (unsigned char)*p;
    const char *rep;
    size_t n;
    if (c == '<') {
      const char *end;
      if (in_attr && p[1] == '!' && p[2] == '-' && p[3] == '-' && (end = strstr(p, "-->"))) {
        p = end + 3;
        continue;
      }
      rep = "&lt;", n = 4;
    } else if (c == '>') {
      rep = "&gt;", n = 4;
    } else if (c == '&') {
      const char *end;
      if (in_attr && p[1] == '{' && (end = strchr(p, '}'))) {
        p = end + 1;
        continue;
      }
      rep = "&amp;", n = 5;
    } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      p++;
      continue;
    } else {
      rep = "", n = 0;
    }
    if (p > run)
      qs_buf_addn(b, run, (size_t)(p - run));
    if (n)
      qs_buf_addn(b, rep, n);
    run = ++p;
  }
  if (p > run)
    qs_buf_addn(b, run, (size_t)(p - run));
}

static void text(writer *h, const char *s) {
  if (s)
    esc(&h->out, s, 0);
}

/* libxml2's xmlURIEscapeStr(s, "@/:=?;#%&,+<>"): letters, digits, -_.!~*'() and that list
 * stay, every other byte becomes %XX. */
static void uri_escape(qs_buf *b, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        (c && strchr("-_.!~*'()@/:=?;#%&,+<>", c))) {
      qs_buf_addn(b, (const char *)p, 1);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      qs_buf_addn(b, e, 3);
    }
  }
}

/* ` name="value"` from the raw value in h->raw, escaped and quoted as libxml2's HTML
 * serializer does (htmlAttrDumpOutput): href is %-escaped after the entities, past any
 * leading blanks; then the value is quoted with " , or with ' when it holds " but no ', or
 * with " and every " as &quot; when it holds both. */
static void attr_value(writer *h, const char *name, int is_href) {
  h->esc.len = 0;
  qs_buf_add(&h->esc, "");
  esc(&h->esc, h->raw.s ? h->raw.s : "", 1);
  const char *v = h->esc.s;
  if (is_href) {
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
      v++;
    h->uri.len = 0;
    qs_buf_add(&h->uri, "");
    uri_escape(&h->uri, v);
    v = h->uri.s;
  }
  qs_buf *o = &h->out;
  qs_buf_add(o, " ");
  qs_buf_add(o, name);
  if (!strchr(v, '"')) {
    LIT(o, "=\"");
    qs_buf_add(o, v);
    LIT(o, "\"");
  } else if (!strchr(v, '\'')) {
    LIT(o, "='");
    qs_buf_add(o, v);
    LIT(o, "'");
  } else {
    LIT(o, "=\"");
    for (const char *q; (q = strchr(v, '"')) != NULL; v = q + 1) {
      qs_buf_addn(o, v, (size_t)(q - v));
      LIT(o, "&quot;");
    }
    qs_buf_add(o, v);
    LIT(o, "\"");
  }
}

/* Start the raw value of an attribute; add to it with raw_add; write it with attr_value. */
static void raw_start(writer *h) {
  h->raw.len = 0;
  qs_buf_add(&h->raw, "");
}

static void raw_add(writer *h, const char *s) { qs_buf_add(&h->raw, str(s)); }

static void attr(writer *h, const char *name, const char *value) {
  raw_start(h);
  raw_add(h, value);
  attr_value(h, name, 0);
}

static void attr_long(writer *h, const char *name, long v) {
  char b[32];
  snprintf(b, sizeof b, "%ld", v);
  attr(h, name, b);
}

static void text_long(writer *h, long v) { qs_buf_addf(&h->out, "%ld", v); }

/* A number as XPath's string() gives it (libxml2's xmlXPathFormatNumber): an integer inside
 * int's range as digits, anything else in 15 significant digits, in scientific notation past
 * 1e9 or below 1e-5, without trailing zeros. */
static void xpath_number(char out[64], double v) {
  if (isnan(v)) {
    snprintf(out, 64, "NaN");
  } else if (isinf(v)) {
    snprintf(out, 64, "%s", v > 0 ? "Infinity" : "-Infinity");
  } else if (v == 0) {
    snprintf(out, 64, "0");
  } else if (v > INT_MIN && v < INT_MAX && v == (int)v) {
    snprintf(out, 64, "%d", (int)v);
  } else {
    char work[64];
    int size;
    double a = fabs(v);
    if (a > 1e9 || a < 1e-5) {
      size = snprintf(work, sizeof work, "%*.*e", DBL_DIG + 5 + 1, DBL_DIG - 1, v);
      while (size > 0 && work[size] != 'e')
        size--;
    } else {
      int integer_place = (int)log10(a);
      int fraction_place =
          integer_place > 0 ? DBL_DIG - integer_place - 1 : DBL_DIG - integer_place;
      size = snprintf(work, sizeof work, "%0.*f", fraction_place, v);
    }
    char *start = work;
    while (*start == ' ')
      start++, size--;
    memmove(work, start, strlen(start) + 1);
    /* Drop the fraction's trailing zeros (and its point when nothing is left of it). */
    char *after = work + size, *p = after;
    while (*--p == '0')
      ;
    if (*p != '.')
      p++;
    memmove(p, after, strlen(after) + 1);
    snprintf(out, 64, "%s", work);
  }
}

static void attr_number(writer *h, const char *name, double v) {
  char b[64];
  xpath_number(b, v);
  attr(h, name, b);
}

/* ------------------------------------------------------------------ the page */

/* The stylesheet's <style>, as it is (a <style> element's text is not escaped). */
static const char css[] =
    "\n"
    "          body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft "
    "YaHei',sans-serif;color:#222;\n"
    "               max-width:60em;margin:1.5em auto;padding:0 1em;line-height:1.5}\n"
    "          h1{font-size:1.45em;margin-bottom:.2em} h2{font-size:1.15em;margin:0}\n"
    "          h3{font-size:1em;margin:.8em 0 .3em}\n"
    "          .meta{color:#555;font-size:.9em} .meta span{margin-right:1.2em;white-space:nowrap}\n"
    "          .total{font-size:1.3em;margin:.6em 0} .total b{font-size:1.4em}\n"
    "          .triage{display:inline-block;padding:.1em "
    ".6em;border-radius:.3em;font-weight:bold}\n"
    "          .recommend{background:#e2f0d9} .review{background:#fff2cc} "
    ".reject{background:#f8cbad}\n"
    "          .card{border:1px solid #ccc;border-radius:.4em;padding:.8em 1em;margin:1em 0}\n"
    "          .card .head{display:flex;justify-content:space-between;align-items:baseline}\n"
    "          .pts{font-size:1.2em;font-weight:bold;white-space:nowrap}\n"
    "          .official{background:#f4f7fb;border-left:3px solid #5b9bd5;padding:.3em "
    ".6em;margin:.4em 0}\n"
    "          .gloss{color:#555;font-size:.9em}\n"
    "          ul{margin:.2em 0;padding-left:1.3em} li{margin:.15em 0}\n"
    "          .cite{font-family:monospace;font-size:.85em;color:#1f4e79} "
    "td.date{white-space:nowrap}\n"
    "          .absent{color:#888} .present{color:#222}\n"
    "          table{border-collapse:collapse;font-size:.85em;width:100%}\n"
    "          th,td{border:1px solid #ddd;padding:.2em .4em;text-align:left;vertical-align:top}\n"
    "          th{background:#ddebf7}\n"
    "          .flag-error{color:#a00} .flag-warning{color:#8a5a00} .flag-info{color:#555}\n"
    "          .foot{color:#666;font-size:.8em;margin-top:2em;border-top:1px solid "
    "#ccc;padding-top:.6em;\n"
    "                word-break:break-all}\n"
    "          svg text{font-size:12px}\n"
    "          @page{size:A4;margin:14mm}\n"
    "          /* Print: smaller type, a card starts on a new page only when its head would be\n"
    "             orphaned; rows, list items and the band wording are never split. */\n"
    "          @media print{body{max-width:none;margin:0;font-size:9pt;line-height:1.35}\n"
    "            .card{border:none;border-top:2px solid #5b9bd5;border-radius:0;padding:.4em "
    "0;margin:.8em 0}\n"
    "            .card .head,h3{break-after:avoid} tr,li,.official,svg{break-inside:avoid}\n"
    "            a.cite{color:#1f4e79;text-decoration:none}}\n"
    "          .advisory{display:inline-block;border:1px solid #c00;color:#c00;padding:.1em "
    ".6em;margin:.2em 0}\n"
    "          .source th{width:12em;white-space:nowrap} "
    ".hash{font-family:monospace;word-break:break-all;user-select:all}\n"
    "          .sign{margin-top:2em;break-inside:avoid} .opinion{border:1px solid "
    "#888;height:9em;margin:.3em 0 1.2em}\n"
    "          .sig{display:flex;gap:4em} .blank{display:inline-block;border-bottom:1px solid "
    "#222;min-width:14em;height:1.4em}\n"
    "          /* Page numbers in print (CSS paged media margin boxes). */\n"
    "          ";

/* Template r:cite: a space and a link to the evidence row of the card (owner: the card's id;
 * "" for a flag of the whole submission, whose ../../@id is the report's, which has none). */
static void cites(writer *h, const char *owner, char **ev, size_t n) {
  for (size_t i = 0; i < n; i++) {
    LIT(&h->out, " <a class=\"cite\"");
    raw_start(h);
    raw_add(h, "#ev-");
    raw_add(h, owner);
    raw_add(h, "-");
    raw_add(h, ev[i]);
    attr_value(h, "href", 1);
    LIT(&h->out, ">");
    text(h, ev[i]);
    LIT(&h->out, "</a>");
  }
}

/* Template r:flag. */
static void flag_items(writer *h, const char *owner, const qs_flag *f, size_t n) {
  qs_lang lang = h->en ? QS_LANG_EN : QS_LANG_ZH;
  for (size_t i = 0; i < n; i++) {
    const char *sev = qs_severity_name(f[i].severity);
    LIT(&h->out, "<li");
    raw_start(h);
    raw_add(h, "flag-");
    raw_add(h, sev);
    attr_value(h, "class", 0);
    LIT(&h->out, "><b>");
    text(h, qs_word(lang, "severity", sev));
    LIT(&h->out, "</b>");
    const char *name = qs_word(lang, "flag", str(f[i].code));
    if (strcmp(name, str(f[i].code)) != 0) {
      LIT(&h->out, " ");
      text(h, name);
    }
    LIT(&h->out, " <span class=\"cite\">");
    text(h, f[i].code);
    LIT(&h->out, "</span>:\n      ");
    text(h, qs_pick(lang, f[i].text, f[i].text_en));
    cites(h, owner, f[i].evidence, f[i].n_evidence);
    LIT(&h->out, "</li>");
  }
}

static void flags_block(writer *h, const char *owner, const qs_flag *f, size_t n) {
  if (!n)
    return;
  LIT(&h->out, "<h3>");
  w(h, W_FLAGS);
  LIT(&h->out, "</h3><ul>");
  flag_items(h, owner, f, n);
  LIT(&h->out, "</ul>");
}

static void mark(const qs_report *rep, char *cited, char **ev, size_t n) {
  for (size_t k = 0; k < n; k++) {
    const qs_evidence *e = qs_report_evidence(rep, ev[k]);
    if (e)
      cited[e - rep->evidence] = 1;
  }
}

/* The evidence the XML report lists, as qs_report_xml chooses it: cited by a reason, an
 * exclusion or a flag. */
static char *cited_evidence(const qs_report *rep) {
  char *cited = qs_xcalloc(rep->n_evidence ? rep->n_evidence : 1, 1);
  for (size_t i = 0; i < rep->n_results; i++) {
    const qs_result *res = &rep->results[i];
    for (size_t k = 0; k < res->n_reasons; k++)
      mark(rep, cited, res->reasons[k].evidence, res->reasons[k].n_evidence);
    for (size_t k = 0; k < res->n_excluded; k++)
      mark(rep, cited, &res->excluded[k].evidence, 1);
    for (size_t k = 0; k < res->n_flags; k++)
      mark(rep, cited, res->flags[k].evidence, res->flags[k].n_evidence);
  }
  for (size_t k = 0; k < rep->n_flags; k++)
    mark(rep, cited, rep->flags[k].evidence, rep->flags[k].n_evidence);
  return cited;
}

static void add_refs(writer *h, char **ev, size_t n) {
  for (size_t i = 0; i < n; i++) {
    qs_grow(&h->refs, &h->cap_refs, h->n_refs + 1, sizeof *h->refs);
    h->refs[h->n_refs++] = str(ev[i]);
  }
}

static int cmp_ref(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Template evidence-table: key('evidence', $card//r:cite/@ref | $card/r:excluded/@ref), the
 * listed evidence items whose id the card cites anywhere (a held condition of any band, a
 * reason, a flag) or excludes, once each, in document order. */
static void evidence_table(writer *h, const qs_result *res) {
  const qs_report *rep = h->rep;
  const qs_indicator_def *d = res->def;
  h->n_refs = 0;
  /* The held facts the XML writes: those of a condition of some band, per band. */
  for (size_t k = 0; k < d->n_bands; k++)
    for (size_t j = 0; j < d->n_conds; j++) {
      const qs_condition *c = &d->conds[j];
      if (c->level != d->bands[k].level)
        continue;
      for (size_t i = 0; i < res->n_held; i++)
        if (strcmp(res->held[i].condition, c->id) == 0)
          add_refs(h, res->held[i].evidence, res->held[i].n_evidence);
    }
  for (size_t i = 0; i < res->n_reasons; i++)
    add_refs(h, res->reasons[i].evidence, res->reasons[i].n_evidence);
  for (size_t i = 0; i < res->n_flags; i++)
    add_refs(h, res->flags[i].evidence, res->flags[i].n_evidence);
  for (size_t i = 0; i < res->n_excluded; i++)
    add_refs(h, &res->excluded[i].evidence, 1);
  if (!h->n_refs)
    return;
  qs_sort(h->refs, h->n_refs, sizeof *h->refs, cmp_ref);
  int any = 0;
  for (size_t i = 0; i < rep->n_evidence; i++) {
    const qs_evidence *e = &rep->evidence[i];
    const char *id = str(e->id);
    if (!h->cited[i] || !bsearch(&id, h->refs, h->n_refs, sizeof *h->refs, cmp_ref))
      continue;
    qs_buf *o = &h->out;
    if (!any) {
      any = 1;
      LIT(o, "<h3>");
      w(h, W_USED);
      LIT(o, "</h3><table><tr><th>");
      w(h, W_ID);
      LIT(o, "</th><th>");
      w(h, W_KIND);
      LIT(o, "</th><th>");
      w(h, W_NAME);
      LIT(o, "</th><th>");
      w(h, W_NUMBER);
      LIT(o, "</th><th>");
      w(h, W_DATE);
      LIT(o, "</th><th>");
      w(h, W_ENTERPRISE);
      LIT(o, "</th></tr>");
    }
    LIT(o, "<tr");
    raw_start(h);
    raw_add(h, "ev-");
    raw_add(h, d->id);
    raw_add(h, "-");
    raw_add(h, id);
    attr_value(h, "id", 0);
    LIT(o, "><td class=\"cite\">");
    text(h, id);
    LIT(o, "</td><td>");
    qs_lang lang = h->en ? QS_LANG_EN : QS_LANG_ZH;
    text(h, qs_word(lang, "evkind", str(e->element)));
    const char *kind = str(e->kind);
    if (kind[0] && strcmp(kind, str(e->element)) != 0) {
      LIT(o, " · ");
      text(h, qs_word(lang, "evsub", kind));
    }
    LIT(o, "</td><td>");
    text(h, e->label);
    LIT(o, "</td><td>");
    text(h, e->number);
    LIT(o, "</td><td class=\"date\">");
    text(h, e->date);
    LIT(o, "</td><td>");
    const qs_evidence *ent =
        e->enterprise && e->enterprise[0] ? qs_report_evidence(rep, e->enterprise) : NULL;
    text(h, ent ? ent->label : "");
    LIT(o, "</td></tr>");
  }
  if (any)
    LIT(&h->out, "</table>");
}

/* " 3" or " 3-5": a band's range after its word. */
static void range(writer *h, long min, long max) {
  text_long(h, min);
  if (max != min) {
    LIT(&h->out, "-");
    text_long(h, max);
  }
}

/* The self-assessed score, " (自评 12)". */
static void self_points(writer *h, double v) {
  char b[32];
  snprintf(b, sizeof b, "%g", v);
  LIT(&h->out, "<span class=\"meta\"> (");
  w(h, W_SELF);
  LIT(&h->out, " ");
  text(h, b);
  LIT(&h->out, ")</span>");
}

/* Template r:indicator: the card. */
static void card(writer *h, const qs_result *res) {
  const qs_report *rep = h->rep;
  const qs_indicator_def *d = res->def;
  qs_lang lang = h->en ? QS_LANG_EN : QS_LANG_ZH;
  qs_buf *o = &h->out;
  const qs_band *chosen = qs_indicator_band(d, res->level);
  LIT(o, "<section class=\"card\"");
  attr(h, "id", d->id);
  attr(h, "data-indicator", d->id);
  attr_long(h, "data-points", res->points);
  attr_long(h, "data-max", d->max);
  if (chosen)
    attr_long(h, "data-band", chosen->level);
  LIT(o, "><div class=\"head\"><h2>");
  text(h, d->name);
  LIT(o, "<span class=\"meta\"> ");
  text(h, d->id);
  if (h->en) {
    LIT(o, " · ");
    text(h, d->name_en);
  }
  LIT(o, "</span></h2><span class=\"pts\">");
  text_long(h, res->points);
  LIT(o, " / ");
  text_long(h, d->max);
  if (res->has_self)
    self_points(h, res->self_points);
  LIT(o, "</span></div>");

  if (chosen) {
    LIT(o, "<div class=\"official\"><b>");
    w(h, W_BAND);
    LIT(o, " ");
    range(h, chosen->min, chosen->max);
    LIT(o, "</b>:\n            ");
    text(h, chosen->text);
    if (h->en) {
      LIT(o, "<div class=\"gloss\">");
      text(h, chosen->text_en);
      LIT(o, "</div>");
    }
    LIT(o, "</div><h3>");
    w(h, W_REASONS);
    LIT(o, "</h3><ul>");
    for (size_t i = 0; i < res->n_reasons; i++) {
      const qs_reason *r = &res->reasons[i];
      if (r->is_factor)
        continue;
      const char *t = qs_pick(lang, r->text, r->text_en);
      LIT(o, "<li>");
      text(h, t);
      cites(h, d->id, r->evidence, r->n_evidence);
      if (t[0] || r->n_evidence) /* an empty <li> has no end tag */
        LIT(o, "</li>");
    }
    LIT(o, "</ul><h3>");
    w(h, W_WHY);
    LIT(o, "</h3><ul><li>");
    w(h, W_BASE);
    LIT(o, " ");
    text_long(h, res->base);
    LIT(o, "</li>");
    for (size_t k = 0; k < res->n_placed; k++) {
      const qs_factor_def *fd = res->placed[k].def;
      int present = res->placed[k].present;
      qs_buf_add(o, present ? "<li class=\"present\">+" : "<li class=\"absent\">(+");
      text_long(h, fd->points);
      qs_buf_add(o, present ? " " : ") ");
      char *t = qs_rubric_expand(rep->rubric, qs_pick(lang, fd->text, fd->text_en));
      text(h, t);
      free(t);
      for (size_t i = 0; i < res->n_reasons; i++) {
        const qs_reason *r = &res->reasons[i];
        if (!r->is_factor || strcmp(str(r->condition), str(fd->id)) != 0)
          continue;
        LIT(o, "<div class=\"gloss\">· ");
        text(h, qs_pick(lang, r->text, r->text_en));
        cites(h, d->id, r->evidence, r->n_evidence);
        LIT(o, "</div>");
      }
      LIT(o, "</li>");
    }
    if (res->capped) {
      LIT(o, "<li>");
      w(h, W_CAPPED);
      LIT(o, "</li>");
    }
    LIT(o, "</ul>");
  } else {
    LIT(o, "<div class=\"official\">");
    w(h, d->scored ? W_NOBAND : W_NOTSCORED);
    LIT(o, "</div>");
  }

  evidence_table(h, res);

  if (res->n_excluded) {
    LIT(o, "<h3>");
    w(h, W_EXCLUDED);
    LIT(o, "</h3><ul>");
    for (size_t i = 0; i < res->n_excluded; i++) {
      const qs_exclusion *e = &res->excluded[i];
      LIT(o, "<li><a class=\"cite\"");
      raw_start(h);
      raw_add(h, "#ev-");
      raw_add(h, d->id);
      raw_add(h, "-");
      raw_add(h, e->evidence);
      attr_value(h, "href", 1);
      LIT(o, ">");
      text(h, e->evidence);
      LIT(o, "</a> ");
      text(h, qs_pick(lang, e->text, e->text_en));
      LIT(o, "</li>");
    }
    LIT(o, "</ul>");
  }

  if (res->n_gaps) {
    const qs_band *b = qs_indicator_band(d, res->gaps[0].level);
    LIT(o, "<h3>");
    w(h, W_GAPS);
    LIT(o, "\n          (");
    range(h, b ? b->min : 0, b ? b->max : 0);
    LIT(o, ")</h3><ul>");
    for (size_t i = 0; i < res->n_gaps; i++) {
      const char *t = qs_pick(lang, res->gaps[i].text, res->gaps[i].text_en);
      LIT(o, "<li>");
      text(h, t);
      if (t[0])
        LIT(o, "</li>");
    }
    LIT(o, "</ul>");
  }

  flags_block(h, d->id, res->flags, res->n_flags);
  LIT(o, "</section>");
}

/* Template chart: a bar per indicator, the maximum in grey, the points in blue. */
static void chart(writer *h) {
  const qs_report *rep = h->rep;
  qs_buf *o = &h->out;
  double height = (double)rep->n_results * 24 + 10;
  char n[64];
  xpath_number(n, height);
  LIT(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\"");
  attr_number(h, "height", height);
  LIT(o, " role=\"img\"");
  raw_start(h);
  raw_add(h, "0 0 640 ");
  raw_add(h, n);
  attr_value(h, "viewBox", 0);
  LIT(o, ">");
  for (size_t i = 0; i < rep->n_results; i++) {
    const qs_result *res = &rep->results[i];
    const qs_indicator_def *d = res->def;
    double y = (double)i * 24 + 5, max = d->max, points = res->points;
    LIT(o, "<text x=\"0\"");
    attr_number(h, "y", y + 14);
    LIT(o, ">");
    text(h, h->en ? d->id : d->name);
    LIT(o, "</text><rect x=\"200\"");
    attr_number(h, "y", y);
    attr_number(h, "width", max * 26);
    LIT(o, " height=\"18\" fill=\"#e7e6e6\"></rect><rect x=\"200\"");
    attr_number(h, "y", y);
    attr_number(h, "width", points * 26);
    LIT(o, " height=\"18\" fill=\"#5b9bd5\"></rect><text");
    attr_number(h, "x", 200 + max * 26 + 6);
    attr_number(h, "y", y + 14);
    LIT(o, ">");
    text_long(h, res->points);
    LIT(o, "/");
    text_long(h, d->max);
    LIT(o, "</text>");
  }
  LIT(o, "</svg>");
}

static word triage_word(const char *triage) {
  if (!triage)
    return W_COUNT;
  return strcmp(triage, "recommend") == 0 ? W_RECOMMEND
         : strcmp(triage, "review") == 0  ? W_REVIEW
         : strcmp(triage, "reject") == 0  ? W_REJECT
                                          : W_COUNT;
}

char *qs_render_html_builtin(const qs_report *rep, qs_lang lang) {
  writer h = {0};
  h.en = lang == QS_LANG_EN;
  h.rep = rep;
  char *cited = cited_evidence(rep);
  h.cited = cited;
  const qs_rubric *r = rep->rubric;
  qs_buf *o = &h.out;
  qs_grow(&o->s, &o->cap, 64 * 1024, 1);
  LIT(o, "<!DOCTYPE html>\n<html");
  attr(&h, "lang", qs_lang_tag(lang));
  LIT(o, "><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" "
         "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
  text(&h, rep->title);
  LIT(o, " · qscore</title><style>");
  LIT(o, css);
  qs_buf_add(o, page_numbers[h.en]);
  LIT(o, "</style></head><body><header><div class=\"meta\">");
  text(&h, r->title);
  LIT(o, "</div><h1>");
  text(&h, rep->title);
  LIT(o, "</h1><div class=\"meta\"><span>");
  text(&h, rep->id);
  LIT(o, "</span><span>");
  w(&h, W_REGION);
  LIT(o, ":\n              ");
  text(&h, rep->region);
  LIT(o, "</span><span>");
  w(&h, W_CHAIN);
  LIT(o, ":\n              ");
  text(&h, rep->chain);
  LIT(o, "</span><span>");
  w(&h, W_START);
  LIT(o, ":\n              ");
  text(&h, rep->work_start);
  LIT(o, "</span><span>");
  w(&h, W_WINDOW);
  LIT(o, ":\n              ");
  text(&h, rep->window_start);
  LIT(o, " – ");
  text(&h, rep->window_end);
  LIT(o, "</span><span>");
  w(&h, W_ASOF);
  LIT(o, ":\n              ");
  text(&h, rep->as_of);
  LIT(o, "</span></div><div class=\"total\">");
  w(&h, W_TOTAL);
  LIT(o, " <b>");
  text_long(&h, rep->total);
  LIT(o, "</b> / ");
  text_long(&h, rep->max_total);
  if (rep->has_self_total)
    self_points(&h, rep->self_total);
  LIT(o, "  <span");
  raw_start(&h);
  raw_add(&h, "triage ");
  raw_add(&h, rep->triage);
  attr_value(&h, "class", 0);
  LIT(o, ">");
  w(&h, W_TRIAGE);
  LIT(o, ":\n              ");
  word tw = triage_word(rep->triage);
  if (tw != W_COUNT)
    w(&h, tw);
  LIT(o, "</span></div><div class=\"advisory\">");
  w(&h, W_ADVISORY);
  LIT(o, "</div></header><h3>");
  w(&h, W_SOURCE);
  LIT(o, "</h3><table class=\"source\"><tr><th>");
  w(&h, W_FILE);
  LIT(o, "</th><td>");
  text(&h, rep->path);
  LIT(o, "</td></tr><tr><th>");
  w(&h, W_INPUT);
  LIT(o, "</th><td class=\"hash\">");
  text(&h, rep->sha256);
  LIT(o, "</td></tr><tr><th>");
  w(&h, W_RULES);
  LIT(o, "</th><td class=\"hash\">");
  text(&h, rep->rules_sha256);
  LIT(o, "</td></tr><tr><th>");
  w(&h, W_EDITION);
  LIT(o, "</th><td>");
  text(&h, r->edition);
  LIT(o, " · qscore ");
  text(&h, rep->qscore_version);
  LIT(o, "</td></tr></table><h3>");
  w(&h, W_POINTS);
  LIT(o, "</h3>");
  chart(&h);
  LIT(o, "<h3>");
  w(&h, W_SECTIONS);
  LIT(o, "</h3><table>");
  for (size_t i = 0; i < r->n_sections; i++) {
    LIT(o, "<tr><td>");
    text(&h, r->sections[i].name);
    if (h.en) {
      LIT(o, " (");
      text(&h, r->sections[i].name_en);
      LIT(o, ")");
    }
    LIT(o, "</td><td>");
    text_long(&h, rep->section_points[i]);
    LIT(o, " / ");
    text_long(&h, r->sections[i].max);
    LIT(o, "</td></tr>");
  }
  LIT(o, "</table>");
  flags_block(&h, "", rep->flags, rep->n_flags);
  for (size_t i = 0; i < rep->n_results; i++)
    card(&h, &rep->results[i]);
  /* The reviewer's part: a box for the opinion, the signature and the date. */
  LIT(o, "<section class=\"sign\"><h3>");
  w(&h, W_OPINION);
  LIT(o, "</h3><div class=\"opinion\"></div><div class=\"sig\"><span>");
  w(&h, W_SIGNATURE);
  LIT(o, ": <span class=\"blank\"></span></span><span>");
  w(&h, W_DATE);
  LIT(o, ": <span class=\"blank\"></span></span></div></section><div class=\"foot\"><div>");
  w(&h, W_FOOTER);
  LIT(o, "</div></div></body></html>\n");
  free(cited);
  free(h.refs);
  qs_buf_free(&h.raw);
  qs_buf_free(&h.esc);
  qs_buf_free(&h.uri);
  return qs_buf_take(o);
}
