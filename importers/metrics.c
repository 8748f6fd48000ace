/* metrics.c -- yearly metric series (output value, value added, employees, pass rates,
 * reliability, satisfaction, quality-loss rate, energy and emissions) of the chain or of one
 * enterprise, one metric-value fact per year; and claims of change made about a series. */
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

static const qs_attr metric[] = {{"kind", "kind", QA_SYM},
                                 {"scope", "scope", QA_SYM},
                                 {"enterprise", "enterprise", QA_REF},
                                 {"product", "product", QA_STR},
                                 {"unit", "unit", QA_STR},
                                 {NULL, NULL, 0}};
static const qs_attr claim[] = {{"metric", "metric", QA_REF},
                                {"from", "from", QA_INT},
                                {"to", "to", QA_INT},
                                {"change-percent", "change-percent", QA_FLOAT},
                                {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"metric", "metric", metric, NULL, values},
    {"claim", "claim", claim, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_metrics = {"metrics", elems};
