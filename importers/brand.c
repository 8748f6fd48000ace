/* brand.c -- 品牌建设: awards and honours (with what the award's name says, next to the kind
 * the application declares), flagship brands, brand promotion. */
#include "qs_codes.h"
#include "qs_family.h"

static void name_class(qs_import *im, xmlNode *el, qs_fact *f) {
  (void)im;
  qs_fact_sym(f, "name-class", qs_award_name_class(qs_attr_raw(el, "name")));
}

static const qs_attr award[] = {{"date", "date", QA_WDATE},   {"enterprise", "enterprise", QA_REF},
                                {"kind", "kind", QA_SYM},     {"level", "level", QA_SYM},
                                {"tier", "tier", QA_SYM},     {"name", "name", QA_STR},
                                {"issuer", "issuer", QA_STR}, {NULL, NULL, 0}};
static const qs_attr brand[] = {{"date", "date", QA_WDATE},
                                {"enterprise", "enterprise", QA_REF},
                                {"name", "name", QA_STR},
                                {"valuation", "valuation", QA_FLOAT},
                                {NULL, NULL, 0}};
static const qs_attr promotion[] = {
    {"date", "date", QA_WDATE}, {"title", "title", QA_STR}, {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"award", "award", award, name_class, NULL},
    {"brand", "brand", brand, NULL, NULL},
    {"brand-promotion", "brand-promotion", promotion, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_brand = {"brand", elems};
