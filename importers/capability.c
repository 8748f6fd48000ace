/* capability.c -- 制造业企业质量管理能力等级: assessed capability levels per enterprise, how each
 * is proven (third-party report, MIIT publication, or only a self-assessment), and how long the
 * rating is valid. */
#include "qs_family.h"

static const qs_elem elems[] = {
    {&qs_xsd_capability_assessment, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_capability = {"capability", elems, NULL, __FILE__};
