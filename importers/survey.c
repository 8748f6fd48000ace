/* survey.c -- 开展产业质量状况调查: quality maps, status reports, problem lists, targets and
 * paths, indicator systems. */
#include "qs_family.h"

static const qs_elem elems[] = {
    {&qs_xsd_survey_quality_map, NULL, NULL, NULL},
    {&qs_xsd_survey_status_report, NULL, NULL, NULL},
    {&qs_xsd_survey_problem_list, NULL, NULL, NULL},
    {&qs_xsd_survey_target_plan, NULL, NULL, NULL},
    {&qs_xsd_survey_indicator_system, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_survey = {"survey", elems, NULL, __FILE__};
