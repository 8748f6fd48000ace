/* certifications.c -- green, environmental, low-carbon and energy-saving certifications
 * (绿色工厂, 绿色产品, ISO 14001, ISO 50001, carbon footprint ...) per enterprise. */
#include "qs_family.h"

static const qs_attr cert[] = {{"date", "date", QA_WDATE},
                               {"enterprise", "enterprise", QA_REF},
                               {"kind", "kind", QA_SYM},
                               {"level", "level", QA_SYM},
                               {"name", "name", QA_STR},
                               {"number", "number", QA_STR},
                               {"issuer", "issuer", QA_STR},
                               {"valid-until", "valid-until", QA_DATE},
                               {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"certification", "certification", cert, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_certifications = {"certifications", elems};
