/* talent.c -- 建设专业质量队伍: the talent-training mechanism, chief quality officers and
 * standards directors per enterprise, skills competitions, trainings with participants. */
#include "qs_family.h"

static const qs_attr officer[] = {{"date", "date", QA_WDATE},
                                  {"enterprise", "enterprise", QA_REF},
                                  {"kind", "kind", QA_SYM},
                                  {"name", "name", QA_STR},
                                  {NULL, NULL, 0}};
static const qs_attr competition[] = {{"date", "date", QA_WDATE},
                                      {"title", "title", QA_STR},
                                      {"level", "level", QA_SYM},
                                      {"participants", "participants", QA_INT},
                                      {NULL, NULL, 0}};
static const qs_attr training[] = {{"date", "date", QA_WDATE},
                                   {"title", "title", QA_STR},
                                   {"participants", "participants", QA_INT},
                                   {"hours", "hours", QA_FLOAT},
                                   {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"talent-mechanism", "talent-mechanism", qs_attrs_dated_title, NULL, NULL},
    {"officer", "officer", officer, NULL, NULL},
    {"competition", "competition", competition, NULL, NULL},
    {"training", "training", training, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_talent = {"talent", elems};
