/* test_html.c -- the built-in HTML page written in C (engine/render_html.c) is the page the
 * built-in stylesheet (schemas/report-html.xsl) makes through libxslt, byte for byte (issue 14).
 *
 * Every sample, rule case and hostile input that scores is rendered both ways in both
 * languages, and so is a report whose every string is hostile (markup, entities, both quotes,
 * control characters, "<!--...-->" and "&{...}" that libxml2 leaves alone in attributes,
 * characters an href %-escapes, empty texts, bytes that are not UTF-8, which a report cannot get
 * from a submission but could from a rules folder) and whose numbers leave int's range. A mismatch
 * names the input and the language and shows both pages around the first byte that differs:
 * a change to the stylesheet needs the same change in render_html.c, and the reverse. */
#include <criterion/criterion.h>
#include <libxml/hash.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/qs_finding.h"
#include "../base/qs_util.h"
#include "../engine/qs_render.h"
#include "helpers.h"

#define DAY 20261231L

/* n bytes of s from its start, printable: newlines and control bytes as escapes. */
static char *show(const char *s, size_t n) {
  qs_buf b = {0};
  qs_buf_add(&b, "");
  for (size_t i = 0; i < n && s[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n')
      qs_buf_add(&b, "\\n");
    else if (c == '\\')
      qs_buf_add(&b, "\\\\");
    else if (c < 0x20 || c == 0x7f)
      qs_buf_addf(&b, "\\x%02x", c);
    else
      qs_buf_addn(&b, (const char *)&s[i], 1);
  }
  return qs_buf_take(&b);
}

/* Both pages of rep in lang; 1 when they are the same bytes, else logs where they part. */
static int same_page(const qs_report *rep, qs_lang lang, qs_stylesheet *xslt, const char *what) {
  const char *ln = lang == QS_LANG_EN ? "en" : "zh";
  char *err = NULL, *xerr = NULL;
  char *c = qs_render_html(rep, lang, NULL, &err);
  char *x = qs_render_html_xslt(rep, lang, xslt, &xerr);
  cr_assert_not_null(c, "%s (%s): the C page: %s", what, ln, err ? err : "");
  cr_assert_not_null(x, "%s (%s): the XSLT page: %s", what, ln, xerr ? xerr : "");
  int ok = strcmp(c, x) == 0;
  if (!ok) {
    size_t i = 0;
    while (c[i] && c[i] == x[i])
      i++;
    size_t from = i > 80 ? i - 80 : 0;
    char *sc = show(c + from, i - from + 80), *sx = show(x + from, i - from + 80);
    cr_log_error("%s (%s): the C page (%zu bytes) and the XSLT page (%zu bytes) differ from byte "
                 "%zu on (shown from byte %zu)\n  C:    %s\n  XSLT: %s",
                 what, ln, strlen(c), strlen(x), i, from, sc, sx);
    free(sc);
    free(sx);
  }
  free(c);
  free(x);
  free(err);
  free(xerr);
  return ok;
}

Test(html, builtin_page_is_the_xslt_page_for_every_input, .timeout = 600) {
  char **in;
  size_t n_in = qs_test_report_inputs(&in);
  cr_assert_gt(n_in, 500, "the inputs are found");
  char *serr = NULL;
  qs_stylesheet *xslt = qs_stylesheet_load(NULL, &serr);
  cr_assert_not_null(xslt, "%s", serr ? serr : "");
  qs_engine *e = qs_test_engine();
  qs_engine_set_as_of(e, DAY);
  size_t scored = 0, differ = 0;
  for (size_t i = 0; i < n_in; i++) {
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_report *rep = NULL;
    if (qs_engine_score(e, in[i], &rep, &d) == QS_OK) {
      scored++;
      for (int l = 0; l < 2; l++)
        differ += !same_page(rep, l ? QS_LANG_EN : QS_LANG_ZH, xslt, in[i]);
      qs_report_free(rep);
    }
    qs_diag_free(&d);
    free(in[i]);
  }
  free(in);
  qs_stylesheet_free(xslt);
  qs_engine_free(e);
  cr_expect_gt(scored, 400, "most inputs score (%zu did)", scored);
  cr_expect_eq(differ, 0, "%zu of %zu pages differ between render_html.c and report-html.xsl",
               differ, 2 * scored);
}

/* ------------------------------------------------------------------ hostile strings */

static const char *const hostile[] = {
    "<script>alert('x')</script>",
    "a & b &amp; c &lt;",
    "&{entity} & {not} &{unclosed",
    "x<!-- a comment --> y <!-- unclosed",
    "<!-->",
    "double \" quote",
    "single ' quote",
    "both \" and ' quotes",
    "controls \x01\x02\x08\x0b\x0c\x0e\x1f\x7f end",
    "tab\tnewline\ncarriage\rreturn",
    "中文 · – \u202e \u200b \ufeff 𝄞",
    "  leading blanks and %20 # ? & = + , ; : @ / [ ] { } | \\ ^ ` ~",
    "]]> > >> -->",
    "",
    "plain",
    "bad \xff\xfe utf-8 \xc3",
};
#define N_HOSTILE (sizeof hostile / sizeof *hostile)

/* Every change made to a report, to undo before it is freed (the report and the engine's
 * rubric own the strings they had). */
typedef struct {
  char ***slots, **olds;
  size_t n, cap, cap2;
  int **islots, *iolds;
  size_t ni, capi, capi2;
  size_t **zslots, *zolds;
  size_t nz, capz, capz2;
  char **own;
  size_t n_own, cap_own;
  size_t next; /* the next hostile string */
} changes;

static char *own(changes *m, char *s) {
  qs_grow(&m->own, &m->cap_own, m->n_own + 1, sizeof *m->own);
  return m->own[m->n_own++] = s;
}

static void set_str(changes *m, char **slot, const char *v) {
  qs_grow(&m->slots, &m->cap, m->n + 1, sizeof *m->slots);
  qs_grow(&m->olds, &m->cap2, m->n + 1, sizeof *m->olds);
  m->slots[m->n] = slot;
  m->olds[m->n++] = *slot;
  *slot = own(m, qs_xstrdup(v));
}

static void next_str(changes *m, char **slot) { set_str(m, slot, hostile[m->next++ % N_HOSTILE]); }

static void set_int(changes *m, int *slot, int v) {
  qs_grow(&m->islots, &m->capi, m->ni + 1, sizeof *m->islots);
  qs_grow(&m->iolds, &m->capi2, m->ni + 1, sizeof *m->iolds);
  m->islots[m->ni] = slot;
  m->iolds[m->ni++] = *slot;
  *slot = v;
}

static void set_size(changes *m, size_t *slot, size_t v) {
  qs_grow(&m->zslots, &m->capz, m->nz + 1, sizeof *m->zslots);
  qs_grow(&m->zolds, &m->capz2, m->nz + 1, sizeof *m->zolds);
  m->zslots[m->nz] = slot;
  m->zolds[m->nz++] = *slot;
  *slot = v;
}

static void undo(changes *m) {
  for (size_t i = m->n; i-- > 0;)
    *m->slots[i] = m->olds[i];
  for (size_t i = m->ni; i-- > 0;)
    *m->islots[i] = m->iolds[i];
  for (size_t i = m->nz; i-- > 0;)
    *m->zslots[i] = m->zolds[i];
  for (size_t i = 0; i < m->n_own; i++)
    free(m->own[i]);
  free(m->slots);
  free(m->olds);
  free(m->islots);
  free(m->iolds);
  free(m->zslots);
  free(m->zolds);
  free(m->own);
  *m = (changes){0};
}

/* The new id of every evidence reference (ids are renamed, each to a hostile string made
 * unique, and the report's index learns the new names). */
static void rename_refs(changes *m, const qs_report *rep, char *const *new_ids, char **ev,
                        size_t n) {
  for (size_t i = 0; i < n; i++) {
    const qs_evidence *e = qs_report_evidence(rep, ev[i]);
    if (e)
      set_str(m, &ev[i], new_ids[e - rep->evidence]);
  }
}

/* Make every string of rep (and of its rubric) hostile, starting at hostile[start]. */
static void make_hostile(changes *m, qs_report *rep, size_t start) {
  m->next = start;
  qs_rubric *rub = (qs_rubric *)rep->rubric;
  char **ids = qs_xcalloc(rep->n_evidence + 1, sizeof *ids);
  for (size_t i = 0; i < rep->n_evidence; i++) {
    qs_buf b = {0};
    qs_buf_addf(&b, "%s%zu", hostile[(start + i) % N_HOSTILE], i);
    ids[i] = own(m, qs_buf_take(&b));
  }
  /* References first, while the old ids still find their items. */
  for (size_t r = 0; r < rep->n_results; r++) {
    qs_result *res = &rep->results[r];
    for (size_t i = 0; i < res->n_reasons; i++)
      rename_refs(m, rep, ids, res->reasons[i].evidence, res->reasons[i].n_evidence);
    for (size_t i = 0; i < res->n_held; i++)
      rename_refs(m, rep, ids, res->held[i].evidence, res->held[i].n_evidence);
    for (size_t i = 0; i < res->n_flags; i++)
      rename_refs(m, rep, ids, res->flags[i].evidence, res->flags[i].n_evidence);
    for (size_t i = 0; i < res->n_excluded; i++)
      rename_refs(m, rep, ids, &res->excluded[i].evidence, 1);
  }
  for (size_t i = 0; i < rep->n_flags; i++)
    rename_refs(m, rep, ids, rep->flags[i].evidence, rep->flags[i].n_evidence);
  for (size_t i = 0; i < rep->n_evidence; i++)
    if (rep->evidence[i].enterprise[0])
      rename_refs(m, rep, ids, &rep->evidence[i].enterprise, 1);
  for (size_t i = 0; i < rep->n_evidence; i++) {
    qs_evidence *e = &rep->evidence[i];
    set_str(m, &e->id, ids[i]);
    next_str(m, &e->element);
    /* Half the kinds stay the element's, as most do. */
    if (i % 2)
      next_str(m, &e->kind);
    else
      set_str(m, &e->kind, e->element);
    next_str(m, &e->label);
    next_str(m, &e->number);
    next_str(m, &e->date);
  }
  qs_report_index_evidence(rep);
  free(ids);

  char **top[] = {&rep->title,      &rep->region,         &rep->chain,        &rep->id,
                  &rep->work_start, &rep->window_start,   &rep->window_end,   &rep->as_of,
                  &rep->path,       &rep->qscore_version, &rep->rules_sha256, &rub->title,
                  &rub->edition};
  for (size_t i = 0; i < sizeof top / sizeof *top; i++)
    next_str(m, top[i]);
  for (size_t i = 0; i < rub->n_sections; i++) {
    next_str(m, &rub->sections[i].name);
    next_str(m, &rub->sections[i].name_en);
    set_int(m, &rep->section_points[i], (int)(i % 2 ? -7 : INT_MAX));
  }
  for (size_t i = 0; i < rep->n_flags; i++) {
    next_str(m, &rep->flags[i].code);
    next_str(m, &rep->flags[i].text);
    next_str(m, &rep->flags[i].text_en);
  }
  for (size_t r = 0; r < rep->n_results; r++) {
    qs_result *res = &rep->results[r];
    qs_indicator_def *d = (qs_indicator_def *)res->def;
    next_str(m, &d->id);
    next_str(m, &d->name);
    next_str(m, &d->name_en);
    for (size_t k = 0; k < d->n_bands; k++) {
      next_str(m, &d->bands[k].text);
      next_str(m, &d->bands[k].text_en);
    }
    /* Numbers XPath prints in other ways: past int's range once multiplied by 26 (the
     * chart), negative, zero. */
    static const int big[] = {123456789, -5, 0, 82595525, INT_MAX / 26, 3};
    set_int(m, &res->points, big[r % 6]);
    set_int(m, &d->max, big[(r + 3) % 6]);
    for (size_t i = 0; i < res->n_reasons; i++) {
      qs_reason *x = &res->reasons[i];
      next_str(m, &x->text);
      next_str(m, &x->text_en);
      if (!x->text[0])
        set_size(m, &x->n_evidence, 0); /* an empty <li> */
    }
    for (size_t i = 0; i < res->n_gaps; i++) {
      next_str(m, &res->gaps[i].text);
      next_str(m, &res->gaps[i].text_en);
    }
    for (size_t i = 0; i < res->n_excluded; i++) {
      next_str(m, &res->excluded[i].text);
      next_str(m, &res->excluded[i].text_en);
    }
    for (size_t i = 0; i < res->n_flags; i++) {
      next_str(m, &res->flags[i].code);
      next_str(m, &res->flags[i].text);
      next_str(m, &res->flags[i].text_en);
    }
  }
}

/* A scored sample with many flags, exclusions, gaps and factors. */
static qs_report *sample(qs_engine *e, const char *path) {
  qs_diag d;
  qs_diag_init(&d, QS_LANG_EN);
  qs_report *rep = NULL;
  cr_assert_eq(qs_engine_score(e, path, &rep, &d), QS_OK, "%s scores", path);
  qs_diag_free(&d);
  return rep;
}

Test(html, builtin_page_is_the_xslt_page_for_hostile_strings, .timeout = 120) {
  char *serr = NULL;
  qs_stylesheet *xslt = qs_stylesheet_load(NULL, &serr);
  cr_assert_not_null(xslt, "%s", serr ? serr : "");
  qs_engine *e = qs_test_engine();
  qs_engine_set_as_of(e, DAY);
  const char *path = "samples/anhui-hefei-new-energy-vehicles.xml";
  size_t differ = 0;
  /* Each round gives every field another string. */
  for (size_t round = 0; round < N_HOSTILE; round++) {
    qs_report *rep = sample(e, path);
    changes m = {0};
    make_hostile(&m, rep, round);
    char what[64];
    snprintf(what, sizeof what, "hostile strings, round %zu", round);
    for (int l = 0; l < 2; l++)
      differ += !same_page(rep, l ? QS_LANG_EN : QS_LANG_ZH, xslt, what);
    undo(&m);
    qs_report_free(rep);
  }
  /* Other shapes: a self-assessed total and scores, an unknown triage, no indicators and no
   * flags at all (an empty chart). */
  qs_report *rep = sample(e, path);
  changes m = {0};
  rep->has_self_total = 1;
  rep->self_total = 87.5;
  for (size_t r = 0; r < rep->n_results; r++) {
    rep->results[r].has_self = 1;
    rep->results[r].self_points = r % 2 ? 1e-7 : -0.0;
  }
  const char *triage = rep->triage;
  rep->triage = "<unknown> & \"";
  for (int l = 0; l < 2; l++)
    differ += !same_page(rep, l ? QS_LANG_EN : QS_LANG_ZH, xslt, "self-assessed, unknown triage");
  set_size(&m, &rep->n_results, 0);
  set_size(&m, &rep->n_flags, 0);
  for (int l = 0; l < 2; l++)
    differ += !same_page(rep, l ? QS_LANG_EN : QS_LANG_ZH, xslt, "no indicators, no flags");
  undo(&m);
  rep->triage = triage;
  qs_report_free(rep);
  qs_stylesheet_free(xslt);
  qs_engine_free(e);
  cr_expect_eq(differ, 0, "%zu hostile pages differ between render_html.c and report-html.xsl",
               differ);
}

/* ------------------------------------------------------------------ the printed page (issue 15) */

static size_t count(const char *s, const char *what) {
  size_t n = 0;
  for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
    n++;
  return n;
}

/* What an office prints and signs: the notice beside the total, the source with both hashes in
 * full, the reviewer's box, signature and date, page numbers in print, one charset declaration,
 * and the evidence kinds in the page's language. */
Test(html, the_page_is_made_to_be_printed_and_signed, .timeout = 120) {
  qs_engine *e = qs_test_engine();
  qs_engine_set_as_of(e, DAY);
  qs_report *rep = sample(e, "samples/anhui-hefei-new-energy-vehicles.xml");
  static const struct {
    qs_lang lang;
    const char *advisory, *opinion, *signature, *date, *pages, *chief, *award, *leader;
  } want[] = {
      {QS_LANG_ZH, "系统建议分，仅供参考", "<h3>评审意见</h3><div class=\"opinion\"></div>",
       "<span>评审人签字: <span class=\"blank\"></span></span>",
       "<span>日期: <span class=\"blank\"></span></span>",
       "@page{@bottom-center{content:\"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"",
       "<td>链长</td>", "<td>奖项 · 政府质量奖</td>", "<td>企业 · 链主企业</td>"},
      {QS_LANG_EN, "Suggested by the system, for reference only",
       "<h3>Reviewer's opinion</h3><div class=\"opinion\"></div>",
       "<span>Reviewer's signature: <span class=\"blank\"></span></span>",
       "<span>Date: <span class=\"blank\"></span></span>",
       "@page{@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages)",
       "<td>chain chief</td>", "<td>award · government quality award</td>",
       "<td>enterprise · chain leader</td>"},
  };
  for (size_t k = 0; k < 2; k++) {
    char *err = NULL;
    char *page = qs_render_html(rep, want[k].lang, NULL, &err);
    cr_assert_not_null(page, "%s", err ? err : "");
    const char *ln = want[k].lang == QS_LANG_EN ? "en" : "zh";
    cr_expect_eq(count(page, "charset"), 1, "%s: one charset declaration, not %zu", ln,
                 count(page, "charset"));
    const char *total = strstr(page, "<div class=\"total\">");
    const char *advisory = strstr(page, want[k].advisory);
    cr_expect(total && advisory && advisory > total && advisory - total < 600,
              "%s: the notice \"%s\" follows the total", ln, want[k].advisory);
    const char *sign = strstr(page, "<section class=\"sign\">");
    cr_expect_not_null(sign, "%s: the reviewer's block", ln);
    if (sign) {
      cr_expect_not_null(strstr(sign, want[k].opinion), "%s: the box for the opinion", ln);
      cr_expect_not_null(strstr(sign, want[k].signature), "%s: the line to sign", ln);
      cr_expect_not_null(strstr(sign, want[k].date), "%s: the line for the date", ln);
    }
    cr_expect_not_null(strstr(page, want[k].pages), "%s: page numbers in print", ln);
    qs_buf h = {0};
    qs_buf_addf(&h, "<td class=\"hash\">%s</td>", rep->sha256);
    cr_expect_not_null(strstr(page, h.s), "%s: the input's SHA-256 in full: %s", ln, h.s);
    h.len = 0;
    qs_buf_addf(&h, "<td class=\"hash\">%s</td>", rep->rules_sha256);
    cr_expect_not_null(strstr(page, h.s), "%s: the rules' SHA-256 in full: %s", ln, h.s);
    qs_buf_free(&h);
    cr_expect_not_null(strstr(page, want[k].chief), "%s: %s", ln, want[k].chief);
    cr_expect_not_null(strstr(page, want[k].award), "%s: %s", ln, want[k].award);
    cr_expect_not_null(strstr(page, want[k].leader), "%s: %s", ln, want[k].leader);
    if (want[k].lang == QS_LANG_ZH) {
      cr_expect_null(strstr(page, "chain-chief"), "zh: no evidence kind left in English");
      cr_expect_null(strstr(page, "government-quality-award"), "zh: no kind left in English");
    }
    free(page);
    free(err);
  }
  qs_report_free(rep);
  qs_engine_free(e);
}

/* Every element and kind of evidence of every sample, rule case and hostile input that scores
 * has a Chinese name (evkind.ELEMENT, evsub.KIND), and every such entry names an element or a
 * value of the submission's schema. */
Test(html, every_evidence_kind_has_a_chinese_name, .timeout = 120) {
  qs_engine *e = qs_test_engine();
  qs_engine_set_as_of(e, DAY);
  char **in;
  size_t n = qs_test_report_inputs(&in); /* samples, cases, hostile inputs */
  cr_assert_gt(n, 3);
  for (size_t i = 0; i < n; i++) {
    qs_diag d;
    qs_diag_init(&d, QS_LANG_EN);
    qs_report *rep = NULL;
    if (qs_engine_score(e, in[i], &rep, &d) != QS_OK) {
      qs_diag_free(&d);
      free(in[i]);
      continue;
    }
    qs_diag_free(&d);
    for (size_t k = 0; k < rep->n_evidence; k++) {
      const qs_evidence *ev = &rep->evidence[k];
      cr_expect_str_neq(qs_word(QS_LANG_ZH, "evkind", ev->element), ev->element,
                        "%s: evidence element %s has no evkind entry", in[i], ev->element);
      if (ev->kind[0])
        cr_expect_str_neq(qs_word(QS_LANG_ZH, "evsub", ev->kind), ev->kind,
                          "%s: evidence kind %s has no evsub entry", in[i], ev->kind);
    }
    qs_report_free(rep);
    free(in[i]);
  }
  free(in);
  qs_engine_free(e);
  size_t len;
  char *xsd = qs_test_slurp("schemas/submission-2025.xsd", &len);
  cr_assert_not_null(xsd);
  const char **ids;
  size_t *lens;
  size_t nc = qs_catalog_ids(QS_LANG_ZH, &ids, &lens);
  size_t seen = 0;
  for (size_t k = 0; k < nc; k++) {
    char *id = qs_xstrndup(ids[k], lens[k]);
    const char *code = strncmp(id, "evkind.", 7) == 0  ? id + 7
                       : strncmp(id, "evsub.", 6) == 0 ? id + 6
                                                       : NULL;
    if (code) {
      seen++;
      qs_buf w = {0};
      qs_buf_addf(&w, id[2] == 'k' ? "name=\"%s\"" : "value=\"%s\"", code);
      cr_expect_not_null(strstr(xsd, w.s), "i18n: %s names nothing of the submission's schema", id);
      qs_buf_free(&w);
    }
    free(id);
  }
  cr_expect_gt(seen, 100, "the evidence kinds are in the catalogs");
  free(ids);
  free(lens);
  free(xsd);
}
