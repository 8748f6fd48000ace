/* metrics.c -- yearly metric series (output value, value added, employees, pass rates,
 * reliability, satisfaction, quality-loss rate, energy and emissions) of the chain or of one
 * enterprise, one metric-value fact per year; claims of change made about a series; and the
 * chain's standing (development): manufacturing single champions, recognised clusters and
 * market positions. */
#include <stdlib.h>

#include "../base/qs_util.h"
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

static const qs_elem elems[] = {
    {&qs_xsd_metrics_metric, NULL, span, values},
    {&qs_xsd_metrics_claim, NULL, NULL, NULL},
    /* What shows a leading cluster or industry-leading quality competitiveness (development). */
    {&qs_xsd_metrics_champion, NULL, NULL, NULL},
    {&qs_xsd_metrics_cluster, NULL, NULL, NULL},
    {&qs_xsd_metrics_market_share, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_metrics = {"metrics", elems, NULL, __FILE__};
