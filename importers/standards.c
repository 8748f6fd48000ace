/* standards.c -- 标准提档: standards drafted or revised (with what the code's shape says the
 * standard is, next to what the application declares), approved projects with their plan
 * number and the enterprise's drafting-unit rank, self-declarations of enterprise standards
 * (with the day they were withdrawn, if any), and 企业标准"领跑者" listings. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "qs_codes.h"
#include "qs_family.h"

static void code_type(qs_import *im, xmlNode *el, qs_fact *f) {
  (void)im;
  qs_fact_sym(f, "code-type", qs_standard_code_type(qs_attr_raw(el, "code")));
}

/* 国家标准计划号, the number of a national standard project: 20250412-T-608. */
static int national_plan_number(const char *s) {
  static const char shape[] = "dddddddd-x-ddd";
  if (!s || strlen(s) != sizeof shape - 1)
    return 0;
  for (size_t i = 0; shape[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    if (shape[i] == 'd' ? !isdigit(c) : shape[i] == 'x' ? !strchr("TQZ", c) : c != shape[i])
      return 0;
  }
  return 1;
}

/* The kind of standard: what the code's shape says; for an approved project without a code
 * yet, what its plan number's shape says, or failing that what the application declares
 * (nothing contradicts it); a published standard without a code is of no known kind. The
 * plan number is the plan attribute, or a code of the plan-number shape; the label, for
 * texts, is the code or else the plan number. */
static void standard_class(qs_import *im, xmlNode *el, qs_fact *f) {
  (void)im;
  char *code = qs_attr_trim(el, "code"), *plan = qs_attr_trim(el, "plan");
  char *type = qs_attr_trim(el, "type"), *status = qs_attr_trim(el, "status");
  const char *cls = "unknown", *from = "code";
  if (code && *code)
    cls = qs_standard_code_type(code);
  else if (status && strcmp(status, "approved") == 0) {
    if (plan && *plan) {
      cls = qs_standard_code_type(plan);
      from = "plan";
    }
    if (strcmp(cls, "unknown") == 0 && type && *type) {
      cls = type;
      from = "declared";
    }
  }
  qs_fact_sym(f, "code-type", cls);
  qs_fact_sym(f, "class-from", from);
  const char *p = plan && *plan ? plan : national_plan_number(code) ? code : "";
  qs_fact_str(f, "plan", p);
  qs_fact_str(f, "label", code && *code ? code : p);
  free(code);
  free(plan);
  free(type);
  free(status);
}

/* plan is read by standard_class, which fills the plan slot (the plan attribute, or a code of
 * the national plan-number shape). */
static const qs_attr standard_except[] = {{"plan", NULL}, {NULL, NULL}};

static const qs_elem elems[] = {
    {&qs_xsd_standards_standard, standard_except, standard_class, NULL},
    {&qs_xsd_standards_self_declaration, NULL, code_type, NULL},
    {&qs_xsd_standards_forerunner, NULL, code_type, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_standards = {"standards", elems, NULL, __FILE__};
