/* management.c -- 全面提高质量管理水平: QMS certificates, quality-management methods in use,
 * digital and intelligent quality management, per enterprise. */
#include "qs_family.h"

static const qs_attr qms[] = {{"date", "date", QA_WDATE},
                              {"enterprise", "enterprise", QA_REF},
                              {"standard", "standard", QA_STR},
                              {"number", "number", QA_STR},
                              {"issuer", "issuer", QA_STR},
                              {"valid-until", "valid-until", QA_DATE},
                              {NULL, NULL, 0}};
static const qs_attr method[] = {{"date", "date", QA_WDATE},
                                 {"enterprise", "enterprise", QA_REF},
                                 {"kind", "kind", QA_SYM},
                                 {"title", "title", QA_STR},
                                 {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"qms-certificate", "qms-certificate", qms, NULL, NULL},
    {"method", "method", method, NULL, NULL},
    {"digital", "digital", method, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_management = {"management", elems};
