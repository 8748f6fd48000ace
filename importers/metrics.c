/* metrics.c -- yearly metric series (output value, value added, employees, pass rates,
 * reliability, satisfaction, quality-loss rate, energy and emissions) of the chain or of one
 * enterprise, one metric-value fact per year; claims of change made about a series; and the
 * chain's standing (development): manufacturing single champions, recognised clusters and
 * market positions. */
#include <stdlib.h>

#include "../engine/qs_util.h"
#include "qs_family.h"

static void values(qs_import *im, xmlNode *el, const char *id) {
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, "value"))
      continue;
    char *year = qs_attr_trim(c, "year");
    xmlChar *text = xmlNodeGetContent(c);
    qs_fact f;
    if (qs_fact_begin(&f, im, "metric-value") == 0) {
      qs_fact_str(&f, "metric", id);
      qs_fact_int(&f, "year", year ? strtoll(year, NULL, 10) : 0);
      qs_fact_float(&f, "value", text ? strtod((const char *)text, NULL) : 0);
      qs_fact_int(&f, "line", qs_line(c));
      qs_fact_assert(&f);
    }
    xmlFree(text);
    free(year);
  }
}

/* The two ends a series is measured between: the latest year up to the base year, and the
 * latest year after it up to the window's last year and the last year that is over (0 when
 * the series has none). Computed
 * here, where the values are at hand, so that the rules need not scan every value of every
 * series. */
static void span(qs_import *im, xmlNode *el, qs_fact *f) {
  int from_year = 0, to_year = 0;
  double from = 0, to = 0;
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, "value"))
      continue;
    char *ys = qs_attr_trim(c, "year");
    int y = ys ? (int)strtol(ys, NULL, 10) : 0;
    free(ys);
    xmlChar *text = xmlNodeGetContent(c);
    double v = text ? strtod((const char *)text, NULL) : 0;
    xmlFree(text);
    if (y <= im->base_year && y > from_year) {
      from_year = y;
      from = v;
    } else if (y > im->base_year && y <= im->last_year && y <= im->done_year && y > to_year) {
      /* A year not yet over has no final value (CHECKS flags one given). */
      to_year = y;
      to = v;
    }
  }
  qs_fact_int(f, "from-year", from_year);
  qs_fact_float(f, "from", from);
  qs_fact_int(f, "to-year", to_year);
  qs_fact_float(f, "to", to);
}

static const qs_attr metric[] = {{"kind", "kind", QA_SYM},
                                 {"scope", "scope", QA_SYM},
                                 {"enterprise", "enterprise", QA_REF},
                                 {"product", "product", QA_STR},
                                 {"unit", "unit", QA_STR},
                                 {NULL, NULL, 0}};
static const qs_attr claim[] = {
    {"metric", "metric", QA_REF},   {"from", "from", QA_INT},
    {"to", "to", QA_INT},           {"change-percent", "change-percent", QA_FLOAT},
    {"measure", "measure", QA_SYM}, {NULL, NULL, 0}};

/* What shows a leading cluster or industry-leading quality competitiveness (development). */
static const qs_attr champion[] = {{"date", "date", QA_WDATE},
                                   {"enterprise", "enterprise", QA_REF},
                                   {"product", "product", QA_STR},
                                   {"level", "level", QA_SYM},
                                   {"issuer", "issuer", QA_STR},
                                   {"valid-until", "valid-until", QA_DATE},
                                   {NULL, NULL, 0}};
static const qs_attr cluster[] = {{"date", "date", QA_WDATE},
                                  {"kind", "kind", QA_SYM},
                                  {"level", "level", QA_SYM},
                                  {"name", "name", QA_STR},
                                  {"issuer", "issuer", QA_STR},
                                  {"valid-until", "valid-until", QA_DATE},
                                  {NULL, NULL, 0}};
static const qs_attr market_share[] = {{"enterprise", "enterprise", QA_REF},
                                       {"product", "product", QA_STR},
                                       {"year", "year", QA_INT},
                                       {"scope", "scope", QA_SYM},
                                       {"rank", "rank", QA_INT},
                                       {"share", "share", QA_FLOAT},
                                       {"source", "source", QA_STR},
                                       {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"metric", "metric", metric, span, values},
    {"claim", "claim", claim, NULL, NULL},
    {"champion", "champion", champion, NULL, NULL},
    {"cluster", "cluster", cluster, NULL, NULL},
    {"market-share", "market-share", market_share, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_metrics = {"metrics", elems};
