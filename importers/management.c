/* management.c -- 全面提高质量管理水平: QMS certificates, quality-management methods in use,
 * digital and intelligent quality management, per enterprise. */
#include "qs_family.h"

static const qs_elem elems[] = {
    {&qs_xsd_management_qms_certificate, NULL, NULL, NULL},
    {&qs_xsd_management_method, NULL, NULL, NULL},
    {&qs_xsd_management_digital, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_management = {"management", elems, NULL, __FILE__};
