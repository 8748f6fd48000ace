/* mechanism.c -- 创新质量提升工作机制: alliances and their members, 产学研 agreements and joint
 * labs outside an alliance (collaboration) and theirs, the working mechanism, meetings and
 * activities, bottleneck analyses, improvement actions with their measured results, and
 * recognitions as a demonstrative case. */
#include "qs_family.h"

static void alliance_members(qs_import *im, xmlNode *el, const char *id) {
  qs_import_parties(im, el, id, "member", "member");
}

/* How many members an alliance or a collaboration names, and of which kinds
 * (mechanism-alliance, mechanism-collaboration). */
static void alliance_counts(qs_import *im, xmlNode *el, qs_fact *f) {
  qs_parties p;
  qs_parties_count(im, el, "member", &p);
  qs_fact_int(f, "members", p.named);
  qs_fact_syms(f, "member-kinds", p.kinds, p.n_kinds);
  qs_parties_free(&p);
}

static void action_children(qs_import *im, xmlNode *el, const char *id) {
  qs_import_parties(im, el, id, "participant", "participant");
  qs_import_results(im, el, id);
}

static const qs_elem elems[] = {
    {&qs_xsd_mechanism_alliance, NULL, alliance_counts, alliance_members},
    {&qs_xsd_mechanism_collaboration, NULL, alliance_counts, alliance_members},
    {&qs_xsd_mechanism_working_mechanism, NULL, NULL, NULL},
    {&qs_xsd_mechanism_meeting, NULL, NULL, NULL},
    {&qs_xsd_mechanism_bottleneck_analysis, NULL, NULL, NULL},
    {&qs_xsd_mechanism_improvement_action, NULL, NULL, action_children},
    {&qs_xsd_mechanism_demonstration, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const qs_family qs_family_mechanism = {"mechanism", elems, NULL, __FILE__};
