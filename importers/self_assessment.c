/* self_assessment.c -- the applicant's own scores (自评分), per indicator and in total. The
 * rules do not score from them; they check them against the rubric's maxima. */
#include <stdlib.h>

#include "qs_family.h"

/* No table: the scores are not evidence (no id, no index entry). */
static const qs_elem no_elems[] = {{NULL, NULL, NULL, NULL}};
static const char *const by_hand[] = {"score", NULL};
const qs_family qs_family_self_assessment = {"self-assessment", no_elems, by_hand, __FILE__};

void qs_import_self_assessment(qs_import *im, xmlNode *el) {
  char *total = qs_attr_trim(el, "total");
  qs_fact f;
  if (total && qs_fact_begin(&f, im, "self-total") == 0) {
    qs_fact_float(&f, "points", strtod(total, NULL));
    qs_fact_int(&f, "line", qs_line(el));
    qs_fact_assert(&f);
  }
  free(total);
  for (xmlNode *c = el->children; c; c = c->next) {
    if (!qs_is_element(c, "score"))
      continue;
    char *indicator = qs_attr_trim(c, "indicator");
    char *points = qs_attr_trim(c, "points");
    if (qs_fact_begin(&f, im, "self-score") == 0) {
      qs_fact_sym(&f, "indicator", indicator);
      qs_fact_float(&f, "points", points ? strtod(points, NULL) : 0);
      qs_fact_int(&f, "line", qs_line(c));
      qs_fact_assert(&f);
    }
    free(indicator);
    free(points);
  }
}
