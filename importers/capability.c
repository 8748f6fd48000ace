/* capability.c -- 制造业企业质量管理能力等级: assessed capability levels per enterprise, how each
 * is proven (third-party report, MIIT publication, or only a self-assessment), and how long the
 * rating is valid. */
#include "qs_family.h"

static const qs_attr assessment[] = {{"date", "date", QA_WDATE},
                                     {"enterprise", "enterprise", QA_REF},
                                     {"level", "level", QA_SYM},
                                     {"proof", "proof", QA_SYM},
                                     {"assessor", "assessor", QA_STR},
                                     {"valid-until", "valid-until", QA_DATE},
                                     {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"assessment", "assessment", assessment, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_capability = {"capability", elems};
