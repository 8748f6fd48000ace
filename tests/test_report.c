/* test_report.c -- the reports a reviewer reads, for every bundled sample in both languages:
 * the HTML page (well formed, every indicator, every cited and every excluded evidence id,
 * the band wording, the gaps; self-contained; rendered by headless Chromium to a screenshot
 * and to A4 pages without console errors), the XML against its schema, `explain` naming the
 * band `score` chose, English and Chinese carrying the same numbers, --stylesheet. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/qs_util.h"
#include "helpers.h"

#define RUN(...) qs_run_cli(NULL, (const char *const[]){__VA_ARGS__, NULL})

static const char *const langs[] = {"zh", "en"};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The bundled samples, sorted. */
static size_t samples(char ***out) {
  DIR *d = opendir("samples");
  cr_assert_not_null(d);
  char **v = NULL;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0)
      continue;
    v = qs_xrealloc(v, (n + 1) * sizeof *v);
    v[n++] = qs_test_join("samples", e->d_name);
  }
  closedir(d);
  qs_sort(v, n, sizeof *v, cmp_str);
  cr_assert(n >= 8, "%zu samples", n);
  *out = v;
  return n;
}

static void free_samples(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

/* stdout of a successful `qscore score --format F --lang L sample`. */
static char *score(const char *sample, const char *format, const char *lang) {
  qs_run r = RUN("score", "--format", format, "--lang", lang, sample);
  cr_assert_eq(r.code, 0, "%s %s %s: exit %d: %s", sample, format, lang, r.code, r.err);
  free(r.err);
  return r.out;
}

static json_t *score_json(const char *sample, const char *lang) {
  char *text = score(sample, "json", lang);
  json_error_t err;
  json_t *j = json_loads(text, 0, &err);
  cr_assert_not_null(j, "%s: %s", sample, err.text);
  free(text);
  return j;
}

/* ------------------------------------------------------------------ HTML parsing */

/* libxml2's HTML parser knows HTML 4 only: HTML5 and SVG elements are "unknown tags", which
 * is not an error of the page. Anything else it reports is. */
typedef struct {
  int errors;
  char first[512];
} html_errors;

static void on_html_error(void *ctx, xmlErrorPtr e) {
  html_errors *h = ctx;
  if (e->code == XML_HTML_UNKNOWN_TAG)
    return;
  if (h->errors++ == 0)
    snprintf(h->first, sizeof h->first, "line %d: %s", e->line, e->message);
}

static htmlDocPtr parse_html(const char *html, const char *what) {
  html_errors h = {0};
  xmlSetStructuredErrorFunc(&h, on_html_error);
  htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc(NULL, NULL);
  cr_assert_not_null(doc, "%s: not parsed", what);
  cr_expect_eq(h.errors, 0, "%s: %d HTML errors, first %s", what, h.errors, h.first);
  return doc;
}

static xmlXPathObjectPtr xpath(xmlXPathContextPtr x, const char *fmt, ...) {
  char q[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(q, sizeof q, fmt, ap);
  va_end(ap);
  xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)q, x);
  cr_assert_not_null(o, "xpath %s", q);
  return o;
}

static size_t xcount(xmlXPathContextPtr x, const char *fmt, const char *a, const char *b) {
  xmlXPathObjectPtr o = xpath(x, fmt, a, b);
  size_t n = o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(o);
  return n;
}

/* The text of the first node of a query, or NULL. */
static char *xtext(xmlXPathContextPtr x, const char *fmt, const char *a) {
  xmlXPathObjectPtr o = xpath(x, fmt, a);
  char *s = NULL;
  if (o->nodesetval && o->nodesetval->nodeNr > 0) {
    xmlChar *t = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    s = qs_xstrdup((const char *)t);
    xmlFree(t);
  }
  xmlXPathFreeObject(o);
  return s;
}

/* Whitespace squeezed to single spaces, so texts wrapped by the stylesheet compare equal. */
static char *squeeze(const char *s) {
  qs_buf b = {0};
  int space = 0;
  for (; *s; s++) {
    if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
      space = 1;
      continue;
    }
    if (space && b.len)
      qs_buf_addn(&b, " ", 1);
    space = 0;
    qs_buf_addn(&b, s, 1);
  }
  return qs_buf_take(&b);
}

static void expect_in(const char *hay, const char *needle, const char *what) {
  char *h = squeeze(hay), *n = squeeze(needle);
  cr_expect(strstr(h, n) != NULL, "%s: \"%s\" missing", what, n);
  free(h);
  free(n);
}

/* ------------------------------------------------------------------ the HTML report */

static void check_html(const char *sample, const char *lang) {
  json_t *j = score_json(sample, lang);
  char *html = score(sample, "html", lang);
  char what[256];
  snprintf(what, sizeof what, "%s (%s)", sample, lang);
  htmlDocPtr doc = parse_html(html, what);
  xmlXPathContextPtr x = xmlXPathNewContext(doc);

  /* Self-contained: no script, nothing fetched, links only inside the page. */
  cr_expect_eq(xcount(x, "//script | //link | //iframe | //object | //embed%s%s", "", ""), 0,
               "%s: external or active content", what);
  cr_expect_eq(xcount(x, "//*[@src and not(starts-with(@src, 'data:'))]%s%s", "", ""), 0, "%s",
               what);
  cr_expect_eq(xcount(x, "//a[@href and not(starts-with(@href, '#'))]%s%s", "", ""), 0,
               "%s: a link out of the page", what);
  cr_expect_eq(xcount(x, "//meta[@http-equiv='Content-Security-Policy']%s%s", "", ""), 1, "%s",
               what);

  /* The header identifies input and rules. */
  char *body = xtext(x, "//body%s", "");
  cr_assert_not_null(body);
  expect_in(body, json_string_value(json_object_get(json_object_get(j, "input"), "sha256")), what);
  expect_in(body, json_string_value(json_object_get(j, "rules_sha256")), what);
  char total[64];
  snprintf(total, sizeof total, "%lld / %lld", json_integer_value(json_object_get(j, "total")),
           json_integer_value(json_object_get(j, "max_total")));
  expect_in(body, total, what);

  json_t *inds = json_object_get(j, "indicators");
  cr_expect_eq(xcount(x, "//section[@data-indicator]%s%s", "", ""), json_array_size(inds), "%s",
               what);
  size_t i;
  json_t *ind;
  json_array_foreach(inds, i, ind) {
    const char *id = json_string_value(json_object_get(ind, "id"));
    char card[320];
    snprintf(card, sizeof card, "%s/%s", what, id);
    cr_assert_eq(xcount(x, "//section[@data-indicator='%s']%s", id, ""), 1, "%s", card);
    char *pts = xtext(x, "//section[@data-indicator='%s']/@data-points", id);
    char want[32];
    snprintf(want, sizeof want, "%lld", json_integer_value(json_object_get(ind, "points")));
    cr_expect_str_eq(pts ? pts : "", want, "%s points", card);
    free(pts);
    char *text = xtext(x, "//section[@data-indicator='%s']", id);
    json_t *band = json_object_get(ind, "band");
    char *level = xtext(x, "//section[@data-indicator='%s']/@data-band", id);
    if (json_is_object(band)) {
      snprintf(want, sizeof want, "%lld", json_integer_value(json_object_get(band, "level")));
      cr_expect_str_eq(level ? level : "", want, "%s band", card);
      /* The official wording, in Chinese in both languages; the gloss beside it in English. */
      expect_in(text, json_string_value(json_object_get(band, "text")), card);
      if (strcmp(lang, "en") == 0)
        expect_in(text, json_string_value(json_object_get(band, "gloss")), card);
    } else {
      cr_expect_null(level, "%s: a band that was not chosen", card);
    }
    free(level);
    /* Every evidence id a reason or an exclusion cites has its row in the card's table. */
    size_t k;
    json_t *r;
    json_array_foreach(json_object_get(ind, "reasons"), k, r) {
      size_t m;
      json_t *ev;
      expect_in(text, json_string_value(json_object_get(r, "text")), card);
      json_array_foreach(json_object_get(r, "evidence"), m, ev) {
        char eid[160];
        snprintf(eid, sizeof eid, "ev-%s-%s", id, json_string_value(ev));
        cr_expect_eq(xcount(x, "//section[@data-indicator='%s']//tr[@id='%s']", id, eid), 1,
                     "%s: evidence %s", card, eid);
      }
    }
    json_array_foreach(json_object_get(ind, "excluded"), k, r) {
      char eid[160];
      snprintf(eid, sizeof eid, "ev-%s-%s", id, json_string_value(json_object_get(r, "evidence")));
      cr_expect_eq(xcount(x, "//section[@data-indicator='%s']//tr[@id='%s']", id, eid), 1,
                   "%s: excluded evidence %s", card, eid);
      expect_in(text, json_string_value(json_object_get(r, "text")), card);
    }
    json_array_foreach(json_object_get(ind, "gaps"), k, r) {
      expect_in(text, json_string_value(json_object_get(r, "text")), card);
    }
    json_array_foreach(json_object_get(ind, "flags"), k, r) {
      expect_in(text, json_string_value(json_object_get(r, "code")), card);
    }
    free(text);
  }
  free(body);
  xmlXPathFreeContext(x);
  xmlFreeDoc(doc);
  free(html);
  json_decref(j);
}

/* check(sample, lang) for every sample in both languages. */
static void every_sample(void (*check)(const char *, const char *)) {
  char **s;
  size_t n = samples(&s);
  for (size_t i = 0; i < n; i++)
    for (size_t l = 0; l < 2; l++)
      check(s[i], langs[l]);
  free_samples(s, n);
}

Test(report, html_holds_every_indicator_evidence_band_and_gap, .timeout = 120) {
  every_sample(check_html);
}

Test(report, html_speaks_the_language_asked_for) {
  char *zh = score("samples/zhejiang-ningbo-auto-parts.xml", "html", "zh");
  char *en = score("samples/zhejiang-ningbo-auto-parts.xml", "html", "en");
  cr_expect(strstr(zh, "<html lang=\"zh-CN\"") != NULL);
  cr_expect(strstr(en, "<html lang=\"en\"") != NULL);
  cr_expect(strstr(zh, "初筛建议") != NULL);
  cr_expect(strstr(en, "Triage") != NULL && strstr(en, "初筛建议") == NULL);
  free(zh);
  free(en);
}

/* ------------------------------------------------------------------ XML */

static xmlSchemaPtr report_schema;

static void check_xml(const char *sample, const char *lang) {
  char *xml = score(sample, "xml", lang);
  xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
  cr_assert_not_null(doc, "%s: not well formed", sample);
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(report_schema);
  cr_expect_eq(xmlSchemaValidateDoc(vc, doc), 0, "%s (%s) is not valid", sample, lang);
  xmlSchemaFreeValidCtxt(vc);
  /* The same total and triage as the JSON report. */
  json_t *j = score_json(sample, lang);
  char want[128];
  snprintf(want, sizeof want, "<total points=\"%lld\" max=\"%lld\" triage=\"%s\"/>",
           json_integer_value(json_object_get(j, "total")),
           json_integer_value(json_object_get(j, "max_total")),
           json_string_value(json_object_get(j, "triage")));
  cr_expect(strstr(xml, want) != NULL, "%s: %s", sample, want);
  json_decref(j);
  xmlFreeDoc(doc);
  free(xml);
}

Test(report, xml_is_valid_against_its_schema, .timeout = 120) {
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt("schemas/report-2025.xsd");
  report_schema = xmlSchemaParse(pc);
  cr_assert_not_null(report_schema);
  every_sample(check_xml);
  xmlSchemaFree(report_schema);
  xmlSchemaFreeParserCtxt(pc);
}

/* ------------------------------------------------------------------ explain */

/* The block of one indicator in explain's output ("== id ..." to the next "=="), or NULL. */
static char *block(const char *text, const char *id) {
  char head[64];
  snprintf(head, sizeof head, "== %s ", id);
  const char *p = text;
  while ((p = strstr(p, head)) && p != text && p[-1] != '\n')
    p++;
  if (!p)
    return NULL;
  const char *end = strstr(p + 1, "\n== ");
  size_t len = end ? (size_t)(end - p) + 1 : strlen(p);
  return qs_xstrndup(p, len);
}

static void check_explain(const char *sample, const char *lang) {
  json_t *j = score_json(sample, lang);
  qs_run r = RUN("explain", "--lang", lang, sample);
  cr_assert_eq(r.code, 0, "%s: %s", sample, r.err);
  int en = strcmp(lang, "en") == 0;
  size_t i;
  json_t *ind;
  json_array_foreach(json_object_get(j, "indicators"), i, ind) {
    const char *id = json_string_value(json_object_get(ind, "id"));
    char *b = block(r.out, id);
    cr_assert_not_null(b, "%s: no block for %s", sample, id);
    /* The header carries the points. */
    char pts[64];
    snprintf(pts, sizeof pts,
             ": %lld / %lld ==", json_integer_value(json_object_get(ind, "points")),
             json_integer_value(json_object_get(ind, "max")));
    cr_expect(strstr(b, pts) != NULL, "%s %s: %s", sample, id, b);
    /* The band marked chosen is the band score chose. */
    const char *mark = strstr(b, en ? " [CHOSEN]" : " [选定]");
    json_t *band = json_object_get(ind, "band");
    if (json_is_object(band)) {
      cr_assert_not_null(mark, "%s %s: no chosen band", sample, id);
      const char *line = mark;
      while (line > b && line[-1] != '\n')
        line--;
      int lo = -1, hi = -1;
      const char *digits = line;
      while (digits < mark && (*digits < '0' || *digits > '9'))
        digits++;
      if (sscanf(digits, "%d-%d", &lo, &hi) == 1)
        hi = lo;
      cr_expect_eq(lo, json_integer_value(json_object_get(band, "min")), "%s %s", sample, id);
      cr_expect_eq(hi, json_integer_value(json_object_get(band, "max")), "%s %s", sample, id);
      cr_expect(strstr(mark + 1, en ? " [CHOSEN]" : " [选定]") == NULL, "one chosen band");
    } else {
      cr_expect_null(mark, "%s %s: a band chosen where score chose none", sample, id);
      cr_expect(strstr(b, en ? "no band is met" : "未满足任何档位") != NULL, "%s %s", sample, id);
    }
    /* The evidence used and the evidence left out are named, with the gaps. */
    size_t k;
    json_t *x;
    json_array_foreach(json_object_get(ind, "reasons"), k, x) {
      size_t m;
      json_t *ev;
      json_array_foreach(json_object_get(x, "evidence"), m, ev) {
        cr_expect(strstr(b, json_string_value(ev)) != NULL, "%s %s: %s", sample, id,
                  json_string_value(ev));
      }
    }
    json_array_foreach(json_object_get(ind, "excluded"), k, x) {
      char cite[96];
      snprintf(cite, sizeof cite, "[%s]", json_string_value(json_object_get(x, "evidence")));
      cr_expect(strstr(b, cite) != NULL, "%s %s: excluded %s", sample, id, cite);
    }
    json_array_foreach(json_object_get(ind, "gaps"), k, x) {
      expect_in(b, json_string_value(json_object_get(x, "text")), id);
    }
    cr_expect(strstr(b, en ? "rules fired:" : "触发的规则：") != NULL);
    free(b);
  }
  qs_run_free(&r);
  json_decref(j);
}

Test(report, explain_names_the_band_score_chose, .timeout = 120) { every_sample(check_explain); }

Test(report, explain_one_indicator) {
  qs_run r = RUN("explain", "--indicator", "standards", "samples/zhejiang-ningbo-auto-parts.xml");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "\n== standards ") != NULL);
  cr_expect(strstr(r.out, "\n== brand ") == NULL, "only the indicator asked for");
  /* Each condition of each band, held (✓) or not (✗), with the facts under it. */
  cr_expect(strstr(r.out, "✓ national-or-international") != NULL, "%s", r.out);
  cr_expect(strstr(r.out, "standards-any-enterprise=0") != NULL, "the parameter used");
  qs_run_free(&r);
  r = RUN("explain", "--indicator", "no-such", "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 2);
  cr_expect(strstr(r.err, "no-such") != NULL, "%s", r.err);
  cr_expect_str_eq(r.out, "");
  qs_run_free(&r);
}

/* ------------------------------------------------------------------ both languages */

/* The numbers of a report that must not depend on the language. */
static char *numbers(const json_t *j) {
  qs_buf b = {0};
  qs_buf_addf(&b, "total %lld/%lld self %g triage %s\n",
              json_integer_value(json_object_get(j, "total")),
              json_integer_value(json_object_get(j, "max_total")),
              json_number_value(json_object_get(j, "self_total")),
              json_string_value(json_object_get(j, "triage")));
  size_t i;
  json_t *ind;
  json_array_foreach(json_object_get(j, "indicators"), i, ind) {
    json_t *band = json_object_get(ind, "band");
    json_t *pl = json_object_get(ind, "placement");
    qs_buf_addf(&b, "%s %lld/%lld band %lld base %lld self %g:",
                json_string_value(json_object_get(ind, "id")),
                json_integer_value(json_object_get(ind, "points")),
                json_integer_value(json_object_get(ind, "max")),
                json_integer_value(json_object_get(band, "level")),
                json_integer_value(json_object_get(pl, "base")),
                json_number_value(json_object_get(ind, "self_points")));
    size_t k;
    json_t *x;
    json_array_foreach(json_object_get(pl, "factors"), k, x) {
      qs_buf_addf(&b, " %s+%lld%s", json_string_value(json_object_get(x, "factor")),
                  json_integer_value(json_object_get(x, "points")),
                  json_is_true(json_object_get(x, "present")) ? "" : "(absent)");
    }
    json_array_foreach(json_object_get(ind, "reasons"), k, x) {
      size_t m;
      json_t *ev;
      qs_buf_addf(&b, " %s[", json_string_value(json_object_get(x, "condition")));
      json_array_foreach(json_object_get(x, "evidence"), m, ev) {
        qs_buf_addf(&b, " %s", json_string_value(ev));
      }
      qs_buf_add(&b, "]");
    }
    json_array_foreach(json_object_get(ind, "excluded"), k, x) {
      qs_buf_addf(&b, " -%s", json_string_value(json_object_get(x, "evidence")));
    }
    json_array_foreach(json_object_get(ind, "flags"), k, x) {
      qs_buf_addf(&b, " !%s", json_string_value(json_object_get(x, "code")));
    }
    qs_buf_addf(&b, " gaps %zu\n", json_array_size(json_object_get(ind, "gaps")));
  }
  return qs_buf_take(&b);
}

Test(report, english_and_chinese_carry_the_same_numbers, .timeout = 120) {
  char **s;
  size_t n = samples(&s);
  for (size_t i = 0; i < n; i++) {
    json_t *zh = score_json(s[i], "zh"), *en = score_json(s[i], "en");
    char *a = numbers(zh), *b = numbers(en);
    cr_expect_str_eq(a, b, "%s", s[i]);
    free(a);
    free(b);
    /* Each reason, exclusion, gap and flag states the same figures in both wordings (dates,
     * counts, rates, parameter values). */
    json_t *iz, *ie;
    size_t k;
    json_t *inds_en = json_object_get(en, "indicators");
    json_array_foreach(json_object_get(zh, "indicators"), k, iz) {
      ie = json_array_get(inds_en, k);
      const char *lists[] = {"reasons", "excluded", "gaps", "flags"};
      for (size_t l = 0; l < 4; l++) {
        json_t *lz = json_object_get(iz, lists[l]), *le = json_object_get(ie, lists[l]);
        cr_assert_eq(json_array_size(lz), json_array_size(le));
        for (size_t m = 0; m < json_array_size(lz); m++) {
          char *dz =
              qs_test_numbers(json_string_value(json_object_get(json_array_get(lz, m), "text")));
          char *de =
              qs_test_numbers(json_string_value(json_object_get(json_array_get(le, m), "text")));
          cr_expect_str_eq(dz, de, "%s %s %s[%zu]:\n  %s\n  %s", s[i],
                           json_string_value(json_object_get(iz, "id")), lists[l], m,
                           json_string_value(json_object_get(json_array_get(lz, m), "text")),
                           json_string_value(json_object_get(json_array_get(le, m), "text")));
          free(dz);
          free(de);
        }
      }
    }
    json_decref(zh);
    json_decref(en);
  }
  free_samples(s, n);
}

/* ------------------------------------------------------------------ --stylesheet */

static char *write_temp(const char *dir, const char *name, const char *text) {
  char *p = qs_test_join(dir, name);
  FILE *f = fopen(p, "w");
  cr_assert_not_null(f);
  fputs(text, f);
  fclose(f);
  return p;
}

Test(report, a_stylesheet_of_the_reviewers_office) {
  char *dir = qs_test_tmpdir();
  char *ok =
      write_temp(dir, "office.xsl",
                 "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
                 " xmlns:r='urn:qscore:report:2025'><xsl:output method='html'/>"
                 "<xsl:template match='/r:report'><html><body><h1>OFFICE</h1>"
                 "<p id='total'><xsl:value-of select='r:total/@points'/></p>"
                 "<xsl:for-each select='r:indicator'><p class='i'><xsl:value-of select='@id'/></p>"
                 "</xsl:for-each></body></html></xsl:template></xsl:stylesheet>");
  qs_run r = RUN("score", "--format", "html", "--stylesheet", ok,
                 "samples/zhejiang-ningbo-auto-parts.xml");
  cr_assert_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "<h1>OFFICE</h1>") != NULL, "%s", r.out);
  json_t *j = score_json("samples/zhejiang-ningbo-auto-parts.xml", "zh");
  char want[64];
  snprintf(want, sizeof want, "<p id=\"total\">%lld</p>",
           json_integer_value(json_object_get(j, "total")));
  cr_expect(strstr(r.out, want) != NULL, "%s in %s", want, r.out);
  json_decref(j);
  qs_run_free(&r);

  /* It may include the office's own stylesheets, relative to itself; never from the network. */
  char *inc = write_temp(dir, "include.xsl",
                         "<xsl:stylesheet version='1.0' "
                         "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                         "<xsl:include href='office.xsl'/></xsl:stylesheet>");
  r = RUN("score", "--format", "html", "--stylesheet", inc,
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 0, "%s", r.err);
  cr_expect(strstr(r.out, "<h1>OFFICE</h1>") != NULL, "%s", r.out);
  qs_run_free(&r);
  char *net = write_temp(dir, "net.xsl",
                         "<xsl:stylesheet version='1.0' "
                         "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                         "<xsl:include href='http://127.0.0.1:9/office.xsl'/></xsl:stylesheet>");
  r = RUN("score", "--format", "html", "--stylesheet", net,
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 2, "%s", r.err);
  cr_expect(strstr(r.err, "refused") != NULL, "%s", r.err);
  qs_run_free(&r);
  free(inc);
  free(net);

  /* While transforming it may not read files or write them. */
  char *reads = write_temp(dir, "reads.xsl",
                           "<xsl:stylesheet version='1.0' "
                           "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                           "<xsl:template match='/'><x><xsl:copy-of "
                           "select=\"document('/etc/passwd')\"/></x></xsl:template>"
                           "</xsl:stylesheet>");
  r = RUN("score", "--format", "html", "--stylesheet", reads,
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_neq(r.code, 0);
  cr_expect(strstr(r.out, "root:") == NULL, "the file was read: %s", r.out);
  qs_run_free(&r);
  char *target = qs_test_join(dir, "written.txt");
  qs_buf w = {0};
  qs_buf_addf(&w,
              "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
              " xmlns:exsl='http://exslt.org/common' extension-element-prefixes='exsl'>"
              "<xsl:template match='/'><exsl:document href='%s'><x/></exsl:document><y/>"
              "</xsl:template></xsl:stylesheet>",
              target);
  char *writes = write_temp(dir, "writes.xsl", w.s);
  r = RUN("score", "--format", "html", "--stylesheet", writes,
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_neq(r.code, 0);
  cr_expect(access(target, F_OK) != 0, "the stylesheet wrote %s", target);
  qs_run_free(&r);

  /* Not a stylesheet, or with a format that is not HTML: a usage error naming the file. */
  char *bad = write_temp(dir, "bad.xsl", "<xsl:stylesheet version='1.0'\n oops");
  r = RUN("score", "--format", "html", "--stylesheet", bad,
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 2, "%s", r.err);
  cr_expect(strstr(r.err, "bad.xsl") != NULL, "%s", r.err);
  cr_expect_str_eq(r.out, "");
  qs_run_free(&r);
  r = RUN("score", "--format", "json", "--stylesheet", ok,
          "samples/zhejiang-ningbo-auto-parts.xml");
  cr_expect_eq(r.code, 2);
  qs_run_free(&r);
  qs_buf_free(&w);
  free(ok);
  free(reads);
  free(writes);
  free(bad);
  free(target);
  qs_test_rmtree(dir);
}

/* ------------------------------------------------------------------ Chromium */

/* The first occurrence of needle in the len bytes at hay, or NULL. */
static const char *find(const char *hay, size_t len, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = 0; i + n <= len; i++)
    if (memcmp(hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

static unsigned long be32(const unsigned char *p) {
  return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* Render the HTML of sample in lang to a screenshot and to PDF; no console output, a PNG of
 * the window's size with content, A4 pages. */
static void render(const char *sample, const char *lang, int pdf) {
  char *dir = qs_test_tmpdir();
  char *page = qs_test_join(dir, "report.html");
  char *html = score(sample, "html", lang);
  FILE *f = fopen(page, "w");
  cr_assert_not_null(f);
  fputs(html, f);
  fclose(f);
  free(html);
  qs_buf url = {0}, shot = {0}, pdfarg = {0};
  qs_buf_addf(&url, "file://%s", page);
  char *png = qs_test_join(dir, "shot.png"), *log = qs_test_join(dir, "log.txt");
  qs_buf_addf(&shot, "--screenshot=%s", png);
  /* A4 at 150 dpi. */
  const char *extra[] = {shot.s, "--window-size=1240,1754", NULL};
  cr_assert_eq(qs_test_chromium(dir, extra, url.s, NULL, log), 0, "%s: chromium failed", sample);
  char *logs = qs_test_slurp(log, NULL);
  cr_expect(strstr(logs, ":CONSOLE") == NULL, "%s (%s): console output: %s", sample, lang,
            strstr(logs, ":CONSOLE"));
  free(logs);
  size_t len;
  unsigned char *p = (unsigned char *)qs_test_slurp(png, &len);
  cr_assert(len > 24 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0, "%s: not a PNG", sample);
  cr_expect_eq(be32(p + 16), 1240, "width");
  cr_expect_eq(be32(p + 20), 1754, "height");
  /* A blank or unstyled page compresses to a few kilobytes; the report has text, cards, a
   * chart. */
  cr_expect(len > 60000, "%s (%s): screenshot of %zu bytes looks empty", sample, lang, len);
  free(p);
  if (pdf) {
    char *out = qs_test_join(dir, "report.pdf");
    qs_buf_addf(&pdfarg, "--print-to-pdf=%s", out);
    const char *pextra[] = {pdfarg.s, "--no-pdf-header-footer", NULL};
    cr_assert_eq(qs_test_chromium(dir, pextra, url.s, NULL, log), 0, "chromium --print-to-pdf");
    char *doc = qs_test_slurp(out, &len);
    cr_assert(len > 4 && memcmp(doc, "%PDF", 4) == 0);
    size_t pages = 0, a4 = 0;
    for (const char *q = doc; (q = find(q, len - (size_t)(q - doc), "/Type /Page")); q += 11)
      if (q[11] != 's')
        pages++;
    /* @page size A4: 595.28 x 841.89 points. */
    for (const char *q = doc; (q = find(q, len - (size_t)(q - doc), "/MediaBox [0 0 59")); q += 17)
      if (strncmp(q + 17, "5.", 2) == 0 || strncmp(q + 17, "4.9", 3) == 0)
        a4++;
    /* The richest sample prints on 12 pages; more than 20 means the print styles broke. */
    cr_expect(pages >= 2 && pages <= 20, "%s: %zu pages", sample, pages);
    cr_expect_eq(a4, pages, "%s: %zu of %zu pages are A4", sample, a4, pages);
    free(doc);
    free(out);
  }
  qs_buf_free(&url);
  qs_buf_free(&shot);
  qs_buf_free(&pdfarg);
  free(png);
  free(log);
  free(page);
  qs_test_rmtree(dir);
}

Test(report, renders_in_chromium_and_prints_on_a4, .timeout = 600) {
  char **s;
  size_t n = samples(&s);
  for (size_t i = 0; i < n; i++)
    render(s[i], "zh", i == 0);
  render(s[0], "en", 1);
  free_samples(s, n);
}
