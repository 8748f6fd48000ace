/* certifications.c -- green, environmental, low-carbon and energy-saving certifications
 * (绿色工厂, 绿色产品, ISO 14001, ISO 50001, carbon footprint ...) per enterprise. */
#include "qs_family.h"

static const qs_elem elems[] = {
    {&qs_xsd_certifications_certification, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_certifications = {"certifications", elems, NULL, __FILE__};
