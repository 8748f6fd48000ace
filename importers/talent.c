/* talent.c -- 建设专业质量队伍: the talent-training mechanism, chief quality officers and
 * standards directors per enterprise, skills competitions, trainings with participants. */
#include "qs_family.h"

static const qs_elem elems[] = {
    {&qs_xsd_talent_talent_mechanism, NULL, NULL, NULL},
    {&qs_xsd_talent_officer, NULL, NULL, NULL},
    {&qs_xsd_talent_competition, NULL, NULL, NULL},
    {&qs_xsd_talent_training, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_talent = {"talent", elems, NULL, __FILE__};
