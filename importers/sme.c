/* sme.c -- 推动中小企业质量提升: joint mass quality activities with their participants and
 * results, and product-quality breakthrough results per enterprise. */
#include "qs_family.h"

static void activity_children(qs_import *im, xmlNode *el, const char *id) {
  qs_import_parties(im, el, id, "participant", "participant");
  qs_import_results(im, el, id);
}

/* How many chain enterprises take part in an activity (sme-joint-activity). */
static void activity_counts(qs_import *im, xmlNode *el, qs_fact *f) {
  qs_parties p;
  qs_parties_count(im, el, "participant", &p);
  qs_fact_int(f, "participants", p.refs);
  qs_parties_free(&p);
}

static void results(qs_import *im, xmlNode *el, const char *id) { qs_import_results(im, el, id); }

static const qs_elem elems[] = {
    {&qs_xsd_sme_activity, NULL, activity_counts, activity_children},
    {&qs_xsd_sme_breakthrough, NULL, NULL, results},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_sme = {"sme", elems, NULL, __FILE__};
