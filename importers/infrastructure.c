/* infrastructure.c -- 加强质量基础设施建设: centres (metrology, standard verification,
 * inspection and testing, risk monitoring) and platforms (digital quality management,
 * one-stop service), with the enterprises they serve. */
#include "qs_family.h"

static void served(qs_import *im, xmlNode *el, const char *id) {
  qs_import_parties(im, el, id, "serves", "serves");
}

/* Whether a platform serves an SME of the chain (infrastructure-one-stop). */
static void platform_counts(qs_import *im, xmlNode *el, qs_fact *f) {
  qs_parties p;
  qs_parties_count(im, el, "serves", &p);
  qs_fact_sym(f, "serves-sme", p.sme_refs > 0 ? "yes" : "no");
  qs_parties_free(&p);
}

static const qs_elem elems[] = {
    {&qs_xsd_infrastructure_centre, NULL, NULL, served},
    {&qs_xsd_infrastructure_platform, NULL, platform_counts, served},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_infrastructure = {"infrastructure", elems, NULL, __FILE__};
