/* standards.c -- 标准提档: standards drafted or revised (with what the code's shape says the
 * standard is, next to what the application declares), self-declarations of enterprise
 * standards, and 企业标准"领跑者" listings. */
#include "qs_codes.h"
#include "qs_family.h"

static void code_type(qs_import *im, xmlNode *el, qs_fact *f) {
  (void)im;
  qs_fact_sym(f, "code-type", qs_standard_code_type(qs_attr_raw(el, "code")));
}

static const qs_attr standard[] = {{"date", "date", QA_WDATE}, {"enterprise", "enterprise", QA_REF},
                                   {"code", "code", QA_STR},   {"type", "type", QA_SYM},
                                   {"role", "role", QA_SYM},   {"status", "status", QA_SYM},
                                   {"title", "title", QA_STR}, {NULL, NULL, 0}};
static const qs_attr declaration[] = {{"date", "date", QA_WDATE},
                                      {"enterprise", "enterprise", QA_REF},
                                      {"code", "code", QA_STR},
                                      {"title", "title", QA_STR},
                                      {NULL, NULL, 0}};
static const qs_attr forerunner[] = {
    {"date", "date", QA_WDATE},     {"enterprise", "enterprise", QA_REF}, {"code", "code", QA_STR},
    {"product", "product", QA_STR}, {"issuer", "issuer", QA_STR},         {NULL, NULL, 0}};

static const qs_elem elems[] = {
    {"standard", "standard", standard, code_type, NULL},
    {"self-declaration", "self-declaration", declaration, code_type, NULL},
    {"forerunner", "forerunner", forerunner, code_type, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const qs_family qs_family_standards = {"standards", elems};
