/* survey.c -- 开展产业质量状况调查: quality maps, status reports, problem lists, targets and
 * paths, indicator systems. */
#include "qs_family.h"

static const qs_attr problems[] = {{"date", "date", QA_WDATE},
                                   {"title", "title", QA_STR},
                                   {"problems", "problems", QA_INT},
                                   {NULL, NULL, 0}};
static const qs_attr indicators[] = {{"date", "date", QA_WDATE},
                                     {"title", "title", QA_STR},
                                     {"indicators", "indicators", QA_INT},
                                     {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"quality-map", "quality-map", qs_attrs_dated_title, NULL, NULL},
    {"status-report", "status-report", qs_attrs_dated_title, NULL, NULL},
    {"problem-list", "problem-list", problems, NULL, NULL},
    {"target-plan", "target-plan", qs_attrs_dated_title, NULL, NULL},
    {"indicator-system", "indicator-system", indicators, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_survey = {"survey", elems};
