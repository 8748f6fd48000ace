/* project.c -- the project (id, title, region, chain, its declared size, work start, chain
 * chiefs, applicants),
 * the rubric's 24-month window derived from the work start, and the enterprises of the chain
 * with their credit-code check. */
#include <stdlib.h>
#include <string.h>

#include "../base/qs_util.h"
#include "qs_codes.h"
#include "qs_family.h"

static char *text_of(xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  const char *s = t ? (const char *)t : "";
  while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
    s++;
  size_t len = strlen(s);
  while (len &&
         (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' || s[len - 1] == '\r'))
    len--;
  char *out = qs_xstrndup(s, len);
  xmlFree(t);
  return out;
}

static xmlNode *child(xmlNode *n, const char *name) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (qs_is_element(c, name))
      return c;
  return NULL;
}

/* The chain chief's since is the date of the appointment: the item's own date. */
static const qs_attr chief_except[] = {{"since", "date"}, {NULL, NULL}};

/* The project's evidence children: the chain chiefs, and the declared number of enterprises
 * on the chain (infrastructure coverage). */
static const qs_elem elems[] = {
    {&qs_xsd_project_chain_chief, chief_except, NULL, NULL},
    {&qs_xsd_project_chain_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
static const char *const by_hand[] = {"title", "region", "chain", "work-start", "applicants", NULL};

const qs_family qs_family_project = {"project", elems, by_hand, __FILE__};

/* The enterprises have no table: qs_import_enterprise adds the credit-code check, has no docs
 * slot, and indexes each by its role, name and code. */
static const qs_elem no_elems[] = {{NULL, NULL, NULL, NULL}};
static const char *const enterprises_by_hand[] = {"enterprise", NULL};
const qs_family qs_family_enterprises = {"enterprises", no_elems, enterprises_by_hand, __FILE__};

/* Months of the end's calendar year inside a window that ends (inclusive) on y-m-d: the whole
 * months before m, and m itself when d is its last day. */
static int months_inside(int y, int m, int d) {
  int ly = y, lm = m, last = 31;
  qs_date_add_months(&ly, &lm, &last, 0); /* clips 31 to the month's last day */
  return m - 1 + (d >= last ? 1 : 0);
}

/* The window: [work start, work start + window-months]. A calendar year cut by the work start
 * or by the window's end goes to the side that holds at least year-split-months of its
 * months: the base year is the year before the start, or the start's own year when at least
 * that many whole months of it had passed before the start month; the last year is the end's
 * year when at least that many of its months lie inside the window, else the year before
 * (growth is measured from the one to the other). When that leaves no year between them
 * (a short window), the base year is the year before the start and the last year at least
 * the start's year. Section 1 averages its rates over the window's months, or, when scored
 * before the window ends, over the months elapsed by the scoring day, but over at least
 * rate-months-min of them (docs/POLICY.md §2.5). */
static void assert_window(qs_import *im, int y, int m, int d) {
  int ey = y, em = m, ed = d;
  qs_date_add_months(&ey, &em, &ed, im->window_months);
  im->win_start = qs_date_int(y, m, d);
  im->win_end = qs_date_int(ey, em, ed);
  char s[11], e[11];
  qs_date_format(s, y, m, d);
  qs_date_format(e, ey, em, ed);
  free(im->sub->window_start);
  free(im->sub->window_end);
  im->sub->window_start = qs_xstrdup(s);
  im->sub->window_end = qs_xstrdup(e);
  im->sub->window_months = im->window_months;

  im->base_year = m - 1 >= im->split_months ? y : y - 1;
  im->last_year = months_inside(ey, em, ed) >= im->split_months ? ey : ey - 1;
  if (im->last_year <= im->base_year) {
    im->base_year = y - 1;
    if (im->last_year <= im->base_year)
      im->last_year = y;
  }

  /* Whole months from the start to the scoring day, up to the window's length. */
  long limit = im->today > 0 && im->today < im->win_end ? im->today : im->win_end;
  int elapsed = 0;
  for (int k = 1; k <= im->window_months; k++) {
    int ky = y, km = m, kd = d;
    qs_date_add_months(&ky, &km, &kd, k);
    if (qs_date_int(ky, km, kd) > limit)
      break;
    elapsed = k;
  }
  int rate_months = elapsed > im->rate_months_min ? elapsed : im->rate_months_min;
  if (rate_months > im->window_months)
    rate_months = im->window_months;
  int ry = y, rm = m, rd = d;
  qs_date_add_months(&ry, &rm, &rd, rate_months);
  char r[11];
  qs_date_format(r, ry, rm, rd);

  qs_fact f;
  if (qs_fact_begin(&f, im, "window") != 0)
    return;
  qs_fact_str(&f, "start", s);
  qs_fact_str(&f, "end", e);
  qs_fact_int(&f, "start-day", im->win_start);
  qs_fact_int(&f, "end-day", im->win_end);
  qs_fact_int(&f, "months", im->window_months);
  qs_fact_int(&f, "base-year", im->base_year);
  qs_fact_int(&f, "last-year", im->last_year);
  qs_fact_int(&f, "rate-months", rate_months);
  qs_fact_str(&f, "rate-end", r);
  qs_fact_assert(&f);
}

void qs_import_project(qs_import *im, xmlNode *p) {
  qs_submission *sub = im->sub;
  xmlNode *title = child(p, "title"), *region = child(p, "region"), *chain = child(p, "chain"),
          *start = child(p, "work-start");
  sub->id = qs_attr_trim(p, "id");
  sub->title = title ? text_of(title) : qs_xstrdup("");
  sub->region = region ? text_of(region) : qs_xstrdup("");
  sub->province = region ? qs_attr_trim(region, "province") : NULL;
  sub->city = region ? qs_attr_trim(region, "city") : NULL;
  if (!sub->province)
    sub->province = qs_xstrdup("");
  if (!sub->city)
    sub->city = qs_xstrdup("");
  sub->chain = chain ? text_of(chain) : qs_xstrdup("");
  sub->work_start = start ? text_of(start) : qs_xstrdup("");

  int y, m, d;
  long start_day = 0;
  if (qs_date_parse(sub->work_start, &y, &m, &d) == 0) {
    start_day = qs_date_int(y, m, d);
    assert_window(im, y, m, d);
  }

  qs_fact f;
  if (qs_fact_begin(&f, im, "project") == 0) {
    qs_fact_str(&f, "id", sub->id ? sub->id : "");
    qs_fact_str(&f, "title", sub->title);
    qs_fact_str(&f, "region", sub->region);
    qs_fact_str(&f, "province", sub->province);
    qs_fact_str(&f, "city", sub->city);
    qs_fact_str(&f, "chain", sub->chain);
    qs_fact_str(&f, "work-start", sub->work_start);
    qs_fact_int(&f, "work-start-day", start_day);
    qs_fact_assert(&f);
  }

  for (xmlNode *c = p->children; c; c = c->next) {
    const qs_elem *e = elems;
    while (e->xsd && !qs_is_element(c, e->xsd->name))
      e++;
    if (e->xsd) {
      qs_import_elem(im, e, c);
    } else if (qs_is_element(c, "applicants")) {
      for (xmlNode *a = c->children; a; a = a->next) {
        if (!qs_is_element(a, "applicant"))
          continue;
        char *name = text_of(a);
        char *kind = qs_attr_trim(a, "kind");
        if (qs_fact_begin(&f, im, "applicant") == 0) {
          qs_fact_str(&f, "name", name);
          qs_fact_sym(&f, "kind", kind);
          qs_fact_assert(&f);
        }
        free(name);
        free(kind);
      }
    }
  }
}

void qs_import_enterprise(qs_import *im, xmlNode *e) {
  char *id = qs_attr_trim(e, "id");
  char *code = qs_attr_trim(e, "credit-code");
  char *role = qs_attr_trim(e, "role");
  char *size = qs_attr_trim(e, "size");
  char *srdi = qs_attr_trim(e, "srdi");
  char *srdi_date = qs_attr_trim(e, "srdi-date");
  xmlNode *name_el = child(e, "name");
  char *name = name_el ? text_of(name_el) : qs_xstrdup("");
  int y, m, d;
  long srdi_day = srdi_date && qs_date_parse(srdi_date, &y, &m, &d) == 0 ? qs_date_int(y, m, d) : 0;

  qs_fact f;
  if (qs_fact_begin(&f, im, "enterprise") == 0) {
    qs_fact_str(&f, "id", id);
    qs_fact_int(&f, "line", qs_line(e));
    qs_fact_str(&f, "name", name);
    qs_fact_str(&f, "credit-code", code);
    char expected[2] = {0, 0};
    qs_fact_sym(&f, "credit-code-ok", qs_credit_code_ok(code, expected) ? "yes" : "no");
    qs_fact_str(&f, "credit-code-check", expected);
    qs_fact_sym(&f, "role", role);
    qs_fact_sym(&f, "size", size);
    qs_fact_sym(&f, "srdi", srdi ? srdi : "none");
    qs_fact_str(&f, "srdi-date", srdi_date ? srdi_date : "");
    qs_fact_int(&f, "srdi-day", srdi_day);
    qs_fact_assert(&f);
  }
  qs_submission_add_evidence(im->sub, id, "enterprise", role ? role : "", name, code ? code : "",
                             srdi_date ? srdi_date : "", id, qs_line(e));
  free(id);
  free(code);
  free(role);
  free(size);
  free(srdi);
  free(srdi_date);
  free(name);
}
